import { useT } from '../app/i18n';
import { Link } from '../app/Link';
import { paths } from '../app/router';
import { useFormats } from '../app/useFormats';
import type { HeldWorkshop } from './useHeldWorkshops';

/** The start page's list of every workshop this browser holds a link for: title, role, phase, last activity. */
export function MyWorkshops({ workshops, forget }: { workshops: HeldWorkshop[]; forget: (boardId: string) => void }) {
  const t = useT();
  const format = useFormats();
  if (workshops.length === 0) return null;
  return (
    <section className="panel my-workshops" aria-labelledby="my-workshops-heading">
      <h2 id="my-workshops-heading">{t('myWorkshops.heading')}</h2>
      <p className="hint">{t('myWorkshops.hint')}</p>
      <ul>
        {workshops.map((w) => (
          <li key={w.boardId}>
            {w.state === 'ready' ? (
              <>
                <Link className="my-workshop-title" href={paths.board(w.boardId)}>
                  {w.summary.title}
                </Link>
                <span className="my-workshop-facts">
                  <span className={`role-badge role-${w.summary.you.role}`}>{t(`role.${w.summary.you.role}`)}</span>
                  <span>{t(`phase.${w.summary.phase}`)}</span>
                  {w.summary.closedAt !== null && <span className="closed-badge">{t('myWorkshops.closed')}</span>}
                  <span>{t('myWorkshops.participants', { count: w.summary.participantCount })}</span>
                  <span>{t('myWorkshops.lastActivity', { date: format.dateTime(w.summary.lastActivityAt) })}</span>
                </span>
              </>
            ) : w.state === 'loading' ? (
              <span role="status">{t('app.loading')}</span>
            ) : (
              <span className="my-workshop-facts">
                <span>{t(w.state === 'unavailable' ? 'myWorkshops.unavailable' : 'error.network')}</span>
                {w.state === 'unavailable' && (
                  <button type="button" onClick={() => forget(w.boardId)} aria-label={t('myWorkshops.forgetLabel', { title: w.boardId })}>
                    {t('myWorkshops.forget')}
                  </button>
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
