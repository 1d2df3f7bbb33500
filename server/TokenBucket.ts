/**
 * A token bucket: up to `capacity` at once, refilled at `perSecond`. The one shape of every rate on the server
 * that needs no database (admission, sync requests, the allowance of refused changes).
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

  /** Takes a token if there is one. */
  take(): boolean {
    if (this.refill() < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private refill(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    return this.tokens;
  }
}
