import { sessionMatches, type EndingCause, type SessionEnding } from '../../shared/sessionEnding.js';
import type { Access } from '../auth/Access.js';

/** Long enough for every client to have tried again (reconnects back off to about half a minute). */
const REMEMBER_ENDINGS_MS = 15 * 60_000;
/** A bound on the memory: a mass revocation cannot grow it past a few megabytes. */
const MAX_REMEMBERED_ENDINGS = 20_000;

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
  /** Boards deleted and tokens revoked lately, so a client reconnecting afterwards is told why (see endedFor). */
  private readonly recentlyEnded = new Map<string, { cause: EndingCause; at: number }>();

  /**
   * `relay` tells the other instances of an ending, so they end their matching sessions too; called alone, for a
   * command that ended its sessions here earlier, it tells the other instances only.
   */
  constructor(
    readonly relay: (ending: SessionEnding) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {}

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
    if (cause === 'board-deleted') this.remember(`board:${match.boardId}`, cause);
    if (cause === 'revoked' && 'tokenHash' in match) this.remember(`token:${match.tokenHash}`, cause);
    let closed = 0;
    for (const session of [...(this.byBoard.get(match.boardId) ?? [])]) {
      if (!sessionMatches(match, session.access)) continue;
      session.end(cause);
      closed++;
    }
    return closed;
  }

  /**
   * Why a token that no longer opens its board stopped working, if that happened lately: a client that was
   * reconnecting (or had not connected yet) when its board was deleted or its link revoked is told so, rather
   * than that its link is not valid. A deleted board is remembered by its id, which only its links carry.
   */
  endedFor(boardId: string, tokenHash: string | null, now = this.now()): EndingCause | undefined {
    for (const key of [`board:${boardId}`, tokenHash && `token:${tokenHash}`]) {
      const ended = key ? this.recentlyEnded.get(key) : undefined;
      if (ended && now - ended.at < REMEMBER_ENDINGS_MS) return ended.cause;
    }
    return undefined;
  }

  private remember(key: string, cause: EndingCause): void {
    this.recentlyEnded.delete(key);
    this.recentlyEnded.set(key, { cause, at: this.now() });
    // Oldest first in a Map: what falls off the end is what a client would no longer be waiting to hear.
    for (const oldest of this.recentlyEnded.keys()) {
      if (this.recentlyEnded.size <= MAX_REMEMBERED_ENDINGS) break;
      this.recentlyEnded.delete(oldest);
    }
  }
}
