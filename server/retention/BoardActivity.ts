import type { BoardStore } from '../storage/BoardStore.js';

/** Writes of a board's latest activity are at most this far apart: retention counts in days, not seconds. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Records when each board was last used (a connection opened or closed, a request with one of its tokens),
 * throttled in memory so that a vote storm does not become a storm of writes.
 */
export class BoardActivity {
  private readonly lastWritten = new Map<string, number>();

  constructor(
    private readonly store: BoardStore,
    private readonly now: () => number = Date.now,
  ) {}

  touch(boardId: string): void {
    const now = this.now();
    if (now - (this.lastWritten.get(boardId) ?? -Infinity) < TOUCH_EVERY_MS) return;
    this.lastWritten.set(boardId, now);
    this.store.touchBoard(boardId, now);
  }

  forget(boardId: string): void {
    this.lastWritten.delete(boardId);
  }
}
