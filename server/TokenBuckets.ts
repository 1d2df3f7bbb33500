export interface BucketSize {
  /** What a key may spend at once; a full bucket holds this much. */
  burst: number;
  /** What flows back per second, up to the burst. */
  perSecond: number;
}

/**
 * A token bucket per key (a board, an address): each key may spend its burst at once, then what flows back.
 * Only keys that spent something are kept, and a key whose bucket has filled up again is forgotten, so a flood
 * of new keys costs memory only as long as its tokens take to flow back.
 */
export class TokenBuckets {
  private readonly spent = new Map<string, { tokens: number; at: number }>();
  private swept: number;

  constructor(
    readonly size: BucketSize,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.swept = now();
  }

  /** Takes `cost` from the key's bucket and returns 0, or returns how many ms until it could, taking nothing. */
  take(key: string, cost = 1): number {
    const wait = this.waitFor(key, cost);
    if (wait === 0) this.spent.set(key, { tokens: this.tokensOf(key) - cost, at: this.now() });
    return wait;
  }

  /** How many ms until the key could spend `cost` (0: now), without spending it. */
  waitFor(key: string, cost = 1): number {
    const missing = cost - this.tokensOf(key);
    if (missing <= 0) return 0;
    return this.size.perSecond > 0 ? Math.ceil((missing / this.size.perSecond) * 1000) : Infinity;
  }

  /** Gives back what `take` took, for work that was refused further on. */
  refund(key: string, cost = 1): void {
    const tokens = Math.min(this.size.burst, this.tokensOf(key) + cost);
    this.spent.set(key, { tokens, at: this.now() });
  }

  private tokensOf(key: string): number {
    const now = this.now();
    this.sweep(now);
    const entry = this.spent.get(key);
    if (!entry) return this.size.burst;
    return Math.min(this.size.burst, entry.tokens + ((now - entry.at) / 1000) * this.size.perSecond);
  }

  private sweep(now: number): void {
    const fullAfterMs = this.size.perSecond > 0 ? (this.size.burst / this.size.perSecond) * 1000 : Infinity;
    if (now - this.swept < Math.min(fullAfterMs, 60_000)) return;
    this.swept = now;
    for (const [key, entry] of this.spent) if (now - entry.at >= fullAfterMs) this.spent.delete(key);
  }
}
