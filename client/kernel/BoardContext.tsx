import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { boardApi, type BoardApi } from './commands/boardApi';

/** What every view of one board shares: which board, the reader's token, its live documents and its API. */
export interface Board {
  boardId: string;
  token: string;
  api: BoardApi;
  /** Cards, themes and notes. */
  boardDoc: Y.Doc;
  /** Phase, settings, timer, participants, rounds, results, agreement (written by the server only). */
  controlDoc: Y.Doc;
  awareness: Awareness;
  /** The breakout table whose board `boardDoc` is; undefined for the plenary board. */
  tableId?: string;
}

const BoardContext = createContext<Board | null>(null);

interface ProviderProps {
  boardId: string;
  token: string;
  docs: Pick<Board, 'boardDoc' | 'controlDoc' | 'awareness'>;
  tableId?: string;
  children: ReactNode;
}

/**
 * Provided once at the top of a board's screen (board, projector, report). The value changes only when a
 * document is rebuilt after a refusal, not on connection status changes, so it re-renders nothing on its own.
 */
export function BoardProvider({ boardId, token, docs: { boardDoc, controlDoc, awareness }, tableId, children }: ProviderProps) {
  const api = useMemo(() => boardApi(boardId, token), [boardId, token]);
  const board = useMemo(() => ({ boardId, token, api, boardDoc, controlDoc, awareness, tableId }), [boardId, token, api, boardDoc, controlDoc, awareness, tableId]);
  return <BoardContext.Provider value={board}>{children}</BoardContext.Provider>;
}

export function useBoard(): Board {
  const board = useContext(BoardContext);
  if (!board) throw new Error('useBoard outside BoardProvider');
  return board;
}
