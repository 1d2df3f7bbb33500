/**
 * A token bucket: up to `capacity` at once, refilled at `perSecond`. The one shape of every rate on the server
 * that needs no database (admission, sync requests, presence, the allowance of refused changes, and, keyed by board
 * or address, TokenBuckets).
 */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.at = now();
  }

  /** Whether a token is there now. */
  get available(): boolean {
    return this.refill() >= 1;
  }

  /** Whether the bucket is back to its capacity: nothing was taken lately. */
  get full(): boolean {
    return this.refill() >= this.capacity;
  }

  /** Takes `cost` tokens if they are there. */
  take(cost = 1): boolean {
    if (this.refill() < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** How many ms until `cost` tokens are there (0: now); Infinity when nothing flows back. */
  waitFor(cost = 1): number {
    const missing = cost - this.refill();
    if (missing <= 0) return 0;
    return this.perSecond > 0 ? Math.ceil((missing / this.perSecond) * 1000) : Infinity;
  }

  /** Gives back what `take` took, for work that was refused further on. */
  refund(cost = 1): void {
    this.tokens = Math.min(this.capacity, this.refill() + cost);
  }

  private refill(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens;
  }
}
