import { useState, type FormEvent } from 'react';
import { useT } from '../app/i18n';
import { Field } from '../app/Field';
import { navigate, paths } from '../app/router';

/** Same rule as joinCodePattern in shared/api.ts, kept here so this page does not load zod. */
const CODE = /^[A-Z0-9]{6}$/;

export function JoinWithCodeForm({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const Heading = `h${headingLevel}` as const;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const normalised = code.replace(/[\s-]/g, '').toUpperCase();
    if (!CODE.test(normalised)) {
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
