import { useEffect, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { fetchBoardSummary } from '../api/serverApi';
import { useT } from '../app/i18n';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { BoardConnection } from '../kernel/sync/BoardConnection';
import { BoardProvider } from '../kernel/BoardContext';
import { useConnection, useMeta } from '../kernel/useBoardData';
import { ProjectorClock } from './ProjectorClock';
import { ProjectorSlides } from './ProjectorSlides';
import { takeProjectorToken } from './projectorLink';
import './present.css';

type Load = { state: 'loading' } | { state: 'denied' } | { state: 'ready'; token: string; summary: BoardSummary; connection: BoardConnection };

/**
 * The projector: the workshop as the room sees it, in large type and with no controls. It follows the
 * facilitator's phase live through the same synced documents as every other screen, read-only.
 */
export default function PresentPage({ boardId }: { boardId: string }) {
  const t = useT();
  const [token] = useState(() => takeProjectorToken(boardId));
  const [load, setLoad] = useState<Load>(() => (token ? { state: 'loading' } : { state: 'denied' }));

  useEffect(() => {
    if (!token) return;
    let live = true;
    let connection: BoardConnection | null = null;
    fetchBoardSummary(boardId, token).then(
      (summary) => {
        if (!live) return;
        // The projector is for the room: a participant's link would put one person's view on the wall.
        if (summary.you.role === 'participant') return setLoad({ state: 'denied' });
        connection = new BoardConnection(boardId, token);
        setLoad({ state: 'ready', token, summary, connection });
      },
      () => live && setLoad({ state: 'denied' }),
    );
    return () => {
      live = false;
      connection?.destroy();
    };
  }, [boardId, token]);

  if (load.state !== 'ready') return <ProjectorMessage text={t(load.state === 'denied' ? 'present.denied' : 'present.loading')} alert={load.state === 'denied'} />;
  return <LiveProjector boardId={boardId} token={load.token} summary={load.summary} connection={load.connection} />;
}

function LiveProjector({ boardId, token, summary, connection }: { boardId: string; token: string; summary: BoardSummary; connection: BoardConnection }) {
  const t = useT();
  const live = useConnection(connection);
  const meta = useMeta(live.controlDoc, summary);
  useDocumentTitle(t('present.pageTitle', { title: meta.title }));
  // Deleted or revoked: the wall of a shared venue PC clears at once rather than keep showing the room's contributions.
  if (live.fatal) return <ProjectorMessage text={t(live.fatal === 'deleted' ? 'present.deleted' : live.fatal === 'revoked' ? 'present.revoked' : 'present.denied')} alert />;
  return (
    <main id="main" tabIndex={-1} className={`projector projector-${meta.phase}`} lang={meta.language}>
      <header className="projector-head">
        <h1>{meta.title}</h1>
        <div className="projector-head-status">
          <p className="projector-phase">{t(`phase.${meta.phase}`)}</p>
          {/* The collect slide shows the countdown large; every other phase keeps it in view beside its name. */}
          {meta.phase !== 'collect' && <ProjectorClock timer={meta.timer} className="projector-head-clock" />}
        </div>
      </header>
      <BoardProvider boardId={boardId} token={token} docs={live}>
        <ProjectorSlides summary={summary} meta={meta} />
      </BoardProvider>
    </main>
  );
}

function ProjectorMessage({ text, alert = false }: { text: string; alert?: boolean }) {
  return (
    <main id="main" tabIndex={-1} className="projector projector-message">
      <p role={alert ? 'alert' : 'status'}>{text}</p>
    </main>
  );
}
