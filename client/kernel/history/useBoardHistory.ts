import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { BoardHistory, type HistorySnapshot } from './BoardHistory';

export function useBoardHistory(boardDoc: Y.Doc): { history: BoardHistory; state: HistorySnapshot } {
  const history = BoardHistory.of(boardDoc);
  const state = useSyncExternalStore(history.subscribe, history.getSnapshot);
  return { history, state };
}
