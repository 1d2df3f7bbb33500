/** Undos a writer may cause in a burst, and how fast the allowance comes back. */
const BURST = 5;
const REFILL_EVERY_MS = 2000;

/**
 * Undoing a change rebuilds the room's document, which costs time in proportion to the board. An honest
 * browser is refused once in a while and then backs off; a client that keeps sending refused changes would
 * keep the server rebuilding. So each writer has an allowance of undos (a token bucket); once it is spent,
 * that writer's updates are refused before they touch the document, until the allowance comes back.
 */
export class UndoBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether the writer may cause another undo now. */
  allows(writer: string): boolean {
    return this.current(writer).tokens >= 1;
  }

  spend(writer: string): void {
    const bucket = this.current(writer);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(writer, bucket);
  }

  private current(writer: string): { tokens: number; at: number } {
    const now = this.now();
    const bucket = this.buckets.get(writer);
    if (!bucket) return { tokens: BURST, at: now };
    const tokens = Math.min(BURST, bucket.tokens + (now - bucket.at) / REFILL_EVERY_MS);
    if (tokens >= BURST) this.buckets.delete(writer); // a full allowance needs no entry
    return { tokens, at: now };
  }
}
