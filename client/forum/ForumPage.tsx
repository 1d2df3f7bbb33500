import './forum.css';
import { useState } from 'react';
import type { ForumView, ForumWorkshop } from '../../shared/forum';
import { ApiFailure } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { useLanguage, useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { InvitationNeeded } from '../join/InvitationNeeded';
import { StatusCounts } from '../register/StatusCounts';
import { forumToken } from '../session/tokens';
import { ForumControls } from './ForumControls';
import { ThemeChart } from './ThemeChart';
import { useForum } from './useForum';

/**
 * A forum at a glance: its workshops as a timeline and how their themes moved. The facilitator (with the forum's
 * own link) also keeps it here; the steering group reads it through a read link.
 */
export default function ForumPage({ forumId }: { forumId: string }) {
  const [token] = useState(() => forumToken(forumId));
  if (!token) return <InvitationNeeded />;
  return <Forum forumId={forumId} token={token} />;
}

function Forum({ forumId, token }: { forumId: string; token: string }) {
  const t = useT();
  const forum = useForum(forumId, token);
  const view = forum.state === 'ready' ? forum.view : null;
  useDocumentTitle(view ? t('forum.documentTitle', { name: view.name }) : t('forum.heading'));

  if (forum.state === 'failed' && forum.error instanceof ApiFailure && forum.error.status === 401) return <InvitationNeeded reason="invalidToken" />;
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page forum">
        {view ? (
          <ForumContent view={view} token={token} reload={forum.reload} />
        ) : forum.state === 'failed' ? (
          <p className="form-error" role="alert">
            {describeFailure(forum.error, t)}
          </p>
        ) : (
          <p role="status">{t('forum.loading')}</p>
        )}
      </main>
    </>
  );
}

function ForumContent({ view, token, reload }: { view: ForumView; token: string; reload: () => Promise<void> }) {
  const t = useT();
  return (
    <>
      <header className="forum-head">
        <div>
          <h1>{view.name}</h1>
          <p className="forum-subtitle">
            {t('forum.heading')} · {t('forum.workshopCount', { n: view.workshops.length })}
          </p>
          <p className="forum-subtitle">{view.reader === 'facilitator' ? t('forum.readerFacilitator') : t('forum.readerRead')}</p>
        </div>
        <button type="button" className="primary forum-print" onClick={() => window.print()}>
          {t('forum.print')}
        </button>
      </header>
      <section className="forum-section" aria-labelledby="forum-movement">
        <h2 id="forum-movement">{t('forum.movement')}</h2>
        <p className="hint block">{t('forum.movementHint')}</p>
        <ThemeChart movement={view.movement} workshops={view.workshops} />
      </section>
      <section className="forum-section" aria-labelledby="forum-workshops">
        <h2 id="forum-workshops">{t('forum.workshops')}</h2>
        <ol className="forum-timeline">
          {view.workshops.map((workshop) => (
            <WorkshopEntry key={workshop.boardId} workshop={workshop} token={token} />
          ))}
        </ol>
      </section>
      {view.reader === 'facilitator' && <ForumControls view={view} token={token} reload={reload} />}
    </>
  );
}

function WorkshopEntry({ workshop, token }: { workshop: ForumWorkshop; token: string }) {
  const t = useT();
  const { locale } = useLanguage();
  const held = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(workshop.createdAt));
  return (
    <li className="forum-workshop">
      <h3 lang={workshop.language}>{workshop.title}</h3>
      <p className="forum-facts">
        <span>{t('forum.held', { date: held })}</span>
        <span>{t(`phase.${workshop.phase}`)}</span>
        <span>{workshop.closed ? t('forum.closed') : t('forum.open')}</span>
        <span>{workshop.agreedPriorities > 0 ? t('forum.priorities', { n: workshop.agreedPriorities }) : t('forum.noPriorities')}</span>
        <span className={`forum-signoff signoff-${workshop.signoff}`}>{t(`forum.signoff.${workshop.signoff}`)}</span>
      </p>
      {workshop.register ? (
        <div className="forum-register">
          <StatusCounts counts={workshop.register} compact />
          {workshop.progressPath && <a href={`${workshop.progressPath}#token=${encodeURIComponent(token)}`}>{t('forum.progressPage', { title: workshop.title })}</a>}
        </div>
      ) : (
        <p className="muted">{t('forum.noRegister')}</p>
      )}
    </li>
  );
}
