import { useEffect, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { ApiFailure, fetchBoardSummary } from '../api/serverApi';
import { describeFailure } from '../app/describeFailure';
import { useT } from '../app/i18n';
import { TopBar } from '../app/TopBar';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { forgetToken, readEnding, readToken, takeTokenFromLocation } from '../session/tokens';
import { BoardView } from './BoardView';
import { InvitationNeeded } from '../join/InvitationNeeded';
import type { FatalReason } from '../kernel/sync/SyncedDoc';

type Load =
  | { state: 'noToken' }
  | { state: 'loading'; token: string }
  | { state: 'ready'; token: string; summary: BoardSummary }
  | { state: 'denied'; reason: FatalReason }
  | { state: 'failed'; error: unknown; token: string };

const DENIALS: Record<number, FatalReason> = { 401: 'invalidToken', 403: 'forbidden', 404: 'unknownBoard' };

export default function BoardPage({ boardId }: { boardId: string }) {
  const t = useT();
  const [load, setLoad] = useState<Load>(() => {
    const token = takeTokenFromLocation(boardId) ?? readToken(boardId);
    if (token) return { state: 'loading', token };
    const ended = readEnding(boardId);
    return ended ? { state: 'denied', reason: ended } : { state: 'noToken' };
  });
  const [attempt, setAttempt] = useState(0);
  const token = 'token' in load ? load.token : null;

  useEffect(() => {
    if (!token) return;
    let live = true;
    fetchBoardSummary(boardId, token).then(
      (summary) => live && setLoad({ state: 'ready', token, summary }),
      (error: unknown) => {
        if (!live) return;
        const reason = error instanceof ApiFailure ? DENIALS[error.status] : undefined;
        if (reason) deny(reason);
        else setLoad({ state: 'failed', error, token });
      },
    );
    return () => {
      live = false;
    };
    // `attempt` re-runs the fetch after a network failure.
  }, [boardId, token, attempt]);

  const deny = (reason: FatalReason) => {
    // A link that will never work again is not kept (nor listed among this browser's workshops).
    if (reason !== 'forbidden') forgetToken(boardId, reason);
    setLoad({ state: 'denied', reason });
  };

  if (load.state === 'ready') {
    return <BoardView boardId={boardId} token={load.token} summary={load.summary} onDenied={deny} onSummaryStale={() => setAttempt((a) => a + 1)} />;
  }
  if (load.state === 'noToken') return <InvitationNeeded />;
  if (load.state === 'denied') return <InvitationNeeded reason={load.reason} />;
  return (
    <>
      <TopBar />
      <main id="main" tabIndex={-1} className="page">
        {load.state === 'loading' ? (
          <p role="status">{t('board.loading')}</p>
        ) : (
          <>
            <p className="form-error" role="alert">
              {describeFailure(load.error, t)}
            </p>
            <button type="button" onClick={() => setAttempt((a) => a + 1)}>
              {t('board.retry')}
            </button>
          </>
        )}
      </main>
      <LoadingTitle />
    </>
  );
}

function LoadingTitle() {
  const t = useT();
  useDocumentTitle(t('board.loading'));
  return null;
}
