import type { Access } from '../auth/Access.js';

/** A connection as the access commands see it: whose token it holds, and how to end it. */
export interface LiveSession {
  readonly access: Access;
  close(code: number, reason: string): void;
}

/**
 * The open WebSocket sessions of each board, so that revoking a token, removing a person or deleting a board
 * takes effect at once: the token check happens only at upgrade, and a connection that is already open would
 * otherwise keep reading and writing until it drops by itself.
 */
export class LiveSessions {
  private readonly byBoard = new Map<string, Set<LiveSession>>();

  add(session: LiveSession): () => void {
    const { boardId } = session.access;
    let sessions = this.byBoard.get(boardId);
    if (!sessions) this.byBoard.set(boardId, (sessions = new Set()));
    sessions.add(session);
    return () => {
      sessions.delete(session);
      if (sessions.size === 0 && this.byBoard.get(boardId) === sessions) this.byBoard.delete(boardId);
    };
  }

  has(boardId: string): boolean {
    return this.byBoard.has(boardId);
  }

  /** Closes the board's sessions that match; returns how many. */
  close(boardId: string, match: (access: Access) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const session of this.byBoard.get(boardId) ?? []) {
      if (!match(session.access)) continue;
      session.close(code, reason);
      closed++;
    }
    return closed;
  }
}
