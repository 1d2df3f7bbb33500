import { useState } from 'react';
import type { SharedLink } from '../../shared/peopleApi';
import { useLanguage, useT } from '../app/i18n';
import { useCommand } from '../kernel/commands/useCommand';
import { useBoard } from '../kernel/BoardContext';
import { CommandError } from '../kernel/commands/CommandError';

/** Links of one kind with a revoke button each; revoking disconnects whoever uses the link at once. */
export function LinkList({
  links,
  empty,
  onRevoked,
}: {
  links: SharedLink[] | null;
  empty: string;
  onRevoked: () => void;
}) {
  const t = useT();
  const { locale } = useLanguage();
  const { api } = useBoard();
  const revoke = useCommand();
  const [done, setDone] = useState('');
  if (links === null) return null;
  // To the second, and unnamed links numbered in the order they were made, so two made a minute apart differ.
  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(ms);
  const unnamed = links
    .filter((link) => !link.name)
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((link) => link.id);
  const nameOf = (link: SharedLink) => link.name || t(link.role === 'projector' ? 'access.projectorLink' : 'access.observerLink', { n: unnamed.indexOf(link.id) + 1 });

  return (
    <>
      {links.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="link-list">
          {links.map((link) => (
            <li key={link.id}>
              <span>
                {nameOf(link)} <span className="muted">({t('access.created', { date: date(link.createdAt) })})</span>
              </span>
              <button
                type="button"
                className="danger-text"
                disabled={revoke.busy}
                aria-label={t('access.revokeLabel', { name: nameOf(link), date: date(link.createdAt) })}
                onClick={() =>
                  revoke.run(async () => {
                    await api.revokeLink(link.id);
                    setDone(t('access.revoked', { name: nameOf(link) }));
                    onRevoked();
                  })
                }
              >
                {t('access.revoke')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="panel-status">
        {done}
      </p>
      <CommandError failed={revoke.failed} refusal={revoke.refusal} fallback={t('people.failed')} />
    </>
  );
}
