import { useState } from 'react';
import { confirmsTitle } from '../../shared/peopleApi';
import { Field } from '../app/Field';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useFormCommand } from '../kernel/commands/useFormCommand';

/**
 * The danger zone: the whole workshop goes, after its title was typed. The server checks the title too, and
 * closes everyone's connections with "deleted", which takes this browser to the deleted-workshop message.
 */
export function DeleteBoard({ title }: { title: string }) {
  const t = useT();
  const { api } = useBoard();
  const [typed, setTyped] = useState('');
  const { busy, error, submit } = useFormCommand();
  const matches = confirmsTitle(typed, title);
  // On success the server closes this browser's connections too, which shows the deleted-workshop message.
  const remove = submit(() => api.deleteBoard(typed));

  return (
    <section className="danger-zone" aria-labelledby="danger-heading">
      <h3 id="danger-heading">{t('danger.heading')}</h3>
      <p>{t('danger.explain')}</p>
      <form onSubmit={remove}>
        <Field
          label={t('danger.confirmLabel', { title })}
          hint={typed.trim() !== '' && !matches ? t('danger.mismatch') : undefined}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          error={error}
        />
        <button type="submit" className="danger" disabled={!matches || busy}>
          {t('danger.delete')}
        </button>
      </form>
    </section>
  );
}
