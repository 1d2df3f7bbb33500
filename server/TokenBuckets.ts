import { TokenBucket } from './TokenBucket.js';

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
  private readonly buckets = new Map<string, TokenBucket>();
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
    if (wait === 0) this.bucketOf(key).take(cost);
    return wait;
  }

  /** How many ms until the key could spend `cost` (0: now), without spending it. */
  waitFor(key: string, cost = 1): number {
    this.sweep();
    return (this.buckets.get(key) ?? this.fresh()).waitFor(cost);
  }

  /** Gives back what `take` took, for work that was refused further on. */
  refund(key: string, cost = 1): void {
    this.buckets.get(key)?.refund(cost);
  }

  private bucketOf(key: string): TokenBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = this.fresh()));
    return bucket;
  }

  private fresh(): TokenBucket {
    return new TokenBucket(this.size.burst, this.size.perSecond, this.now);
  }

  private sweep(): void {
    const now = this.now();
    const fullAfterMs = this.size.perSecond > 0 ? (this.size.burst / this.size.perSecond) * 1000 : Infinity;
    if (now - this.swept < Math.min(fullAfterMs, 60_000)) return;
    this.swept = now;
    for (const [key, bucket] of this.buckets) if (bucket.full) this.buckets.delete(key);
  }
}
