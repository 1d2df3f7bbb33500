/**
 * How a document answers the server refusing its changes (1008, 1009). The first refusal is an accident (the
 * phase closed under someone's typing): rebuild from the server's state at once. A refusal soon after is a change
 * the browser keeps making (content its editor "repairs", say), and rebuilding at once would loop for ever
 * (issue 9 saw 400 connections in 15 s): wait longer each time, then stop and let the person decide.
 */
export type RefusalStep = { kind: 'rebuild'; afterMs: number } | { kind: 'stop' };

/** Waits before each rebuild of one streak; a streak longer than this list stops. */
export const REBUILD_DELAYS_MS = [0, 5_000, 30_000] as const;
/** A refusal this long after the previous one starts a new streak. */
export const STREAK_GAP_MS = 2 * 60_000;

export class RefusalStreak {
  private count = 0;
  private last = -Infinity;

  next(now: number): RefusalStep {
    this.count = now - this.last > STREAK_GAP_MS ? 1 : this.count + 1;
    this.last = now;
    const afterMs = REBUILD_DELAYS_MS[this.count - 1];
    return afterMs === undefined ? { kind: 'stop' } : { kind: 'rebuild', afterMs };
  }

  /** The person chose to reconnect: their next refusal is a first one again. */
  reset(): void {
    this.count = 0;
    this.last = -Infinity;
  }
}
