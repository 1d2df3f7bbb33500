import { useCallback, useEffect, useState } from 'react';
import type { BoardSummary } from '../../shared/api';
import { ApiFailure, fetchBoardSummary } from '../api/serverApi';
import { forgetToken, heldBoards } from '../session/tokens';

/** A board this browser holds a link for: its summary, or why the link no longer opens it. */
export type HeldWorkshop =
  | { boardId: string; token: string; state: 'loading' }
  | { boardId: string; token: string; state: 'ready'; summary: BoardSummary }
  | { boardId: string; token: string; state: 'unavailable' }
  | { boardId: string; token: string; state: 'unreachable' };

/** Every held board's summary, one small authenticated call each, newest activity first. */
export function useHeldWorkshops(): { workshops: HeldWorkshop[]; forget: (boardId: string) => void } {
  const [workshops, setWorkshops] = useState<HeldWorkshop[]>(() => heldBoards().map((b) => ({ ...b, state: 'loading' })));

  useEffect(() => {
    let live = true;
    for (const { boardId, token } of heldBoards()) {
      fetchBoardSummary(boardId, token).then(
        (summary) => live && settle({ boardId, token, state: 'ready', summary }),
        (failure: unknown) => {
          const gone = failure instanceof ApiFailure && (failure.status === 401 || failure.status === 404);
          if (live) settle({ boardId, token, state: gone ? 'unavailable' : 'unreachable' });
        },
      );
    }
    const settle = (entry: HeldWorkshop) => setWorkshops((all) => sortByActivity(all.map((w) => (w.boardId === entry.boardId ? entry : w))));
    return () => {
      live = false;
    };
  }, []);

  const forget = useCallback((boardId: string) => {
    forgetToken(boardId);
    setWorkshops((all) => all.filter((w) => w.boardId !== boardId));
  }, []);

  return { workshops, forget };
}

function sortByActivity(workshops: HeldWorkshop[]): HeldWorkshop[] {
  const activity = (w: HeldWorkshop) => (w.state === 'ready' ? w.summary.lastActivityAt : -1);
  return [...workshops].sort((a, b) => activity(b) - activity(a));
}
