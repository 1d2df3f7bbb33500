import { sessionMatches, type EndingCause, type SessionEnding } from '../../shared/sessionEnding.js';
import type { Access } from '../auth/Access.js';

/** A connection as the access commands see it: whose token it holds, and how to end it. */
export interface LiveSession {
  readonly access: Access;
  end(cause: EndingCause): void;
}

/**
 * The open WebSocket sessions of each board, so that revoking a token, removing a person or deleting a board
 * takes effect at once: the token check happens only at upgrade, and a connection that is already open would
 * otherwise keep reading and writing until it drops by itself.
 */
export class LiveSessions {
  private readonly byBoard = new Map<string, Set<LiveSession>>();

  /**
   * `relay` tells the other instances of an ending, so they end their matching sessions too; called alone, for a
   * command that ended its sessions here earlier, it tells the other instances only.
   */
  constructor(readonly relay: (ending: SessionEnding) => void = () => {}) {}

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

  /** The accesses of the open sessions on this instance, board by board, for checking them against the identity store. */
  *accessesByBoard(): Iterable<[string, Access[]]> {
    for (const [boardId, sessions] of this.byBoard) yield [boardId, [...sessions].map((session) => session.access)];
  }

  /** Ends the matching sessions here and on every other instance; returns how many were closed here. */
  close(ending: SessionEnding): number {
    this.relay(ending);
    return this.closeHere(ending);
  }

  /** Ends the matching sessions of this instance only: an ending another instance relayed, or one found here. */
  closeHere({ match, cause }: SessionEnding): number {
    let closed = 0;
    for (const session of [...(this.byBoard.get(match.boardId) ?? [])]) {
      if (!sessionMatches(match, session.access)) continue;
      session.end(cause);
      closed++;
    }
    return closed;
  }
}
