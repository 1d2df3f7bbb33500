import type { Identity } from '../storage/Identity.js';

/** Writes of a board's latest activity are at most this far apart: retention counts in days, not seconds. */
const WRITE_EVERY_MS = 60_000;

/**
 * The one owner of "last activity", for "My workshops" and for the retention sweep alike. Only changes count:
 * a stored change to one of the board's documents (a card, a join, a command, a ballot's count) and a
 * facilitator's or participant's command. Reading (a summary, an export, an open connection) does not, or
 * the start page, which reads the summary of every board a browser holds, would keep idle boards forever.
 * The latest moment is kept exactly in memory; the store is written at most once a minute per board, so a
 * vote storm does not become a storm of writes.
 */
export class BoardActivity {
  private readonly latest = new Map<string, number>();
  private readonly lastWritten = new Map<string, number>();

  constructor(
    private readonly identity: Identity,
    private readonly now: () => number = Date.now,
  ) {}

  record(boardId: string): void {
    const now = this.now();
    this.latest.set(boardId, now);
    if (now - (this.lastWritten.get(boardId) ?? -Infinity) < WRITE_EVERY_MS) return;
    this.lastWritten.set(boardId, now);
    // Retention is counted in days: a write lost now is made good by the next change's, so none is awaited.
    this.identity.touchBoard(boardId, now).catch(() => this.lastWritten.delete(boardId));
  }

  /** The board's latest change, or its creation when nothing changed since. */
  async lastActivityAt(boardId: string): Promise<number> {
    return Math.max(this.latest.get(boardId) ?? 0, (await this.identity.lastActivity(boardId)) ?? 0);
  }

  /** Ids of boards unchanged since `before`, by the exact moments too: the store may lag a minute behind. */
  async idleSince(before: number): Promise<string[]> {
    return (await this.identity.listIdleBoards(before)).filter((boardId) => (this.latest.get(boardId) ?? 0) < before);
  }

  forget(boardId: string): void {
    this.latest.delete(boardId);
    this.lastWritten.delete(boardId);
  }
}
