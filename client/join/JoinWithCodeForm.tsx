import { useState, type FormEvent } from 'react';
import { useT } from '../app/i18n';
import { Field } from '../app/Field';
import { navigate, paths } from '../app/router';
import { JOIN_CODE_PATTERN } from '../../shared/limits';

export function JoinWithCodeForm({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const Heading = `h${headingLevel}` as const;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = code.replace(/[\s-]/g, '').toUpperCase();
    if (!JOIN_CODE_PATTERN.test(normalised)) {
      setError(t('start.join.codeInvalid'));
      return;
    }
    navigate(paths.join(normalised));
  };

  return (
    <form className="panel join-code-form" onSubmit={submit} noValidate>
      <Heading>{t('start.join.heading')}</Heading>
      <Field
        label={t('start.join.codeLabel')}
        hint={t('start.join.codeHint')}
        error={error}
        value={code}
        onChange={(e) => {
          setCode(e.target.value.toUpperCase());
          setError(null);
        }}
        className="code-field"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={8}
        required
      />
      <button type="submit" className="primary">
        {t('start.join.submit')}
      </button>
    </form>
  );
}
