import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './TokenBuckets.js';

describe('token buckets per key', () => {
  it('lets a key spend its burst, then what flows back, and says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 3, perSecond: 0.5 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(2000);
    // Another key has its own bucket.
    expect(buckets.take('b')).toBe(0);
    now = 2000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(2000);
    expect(buckets.waitFor('a')).toBe(2000);
  });

  it('forgets a key once its bucket is full again, and counts it from full when it comes back', () => {
    let now = 0;
    const buckets = new TokenBuckets({ burst: 2, perSecond: 1 }, () => now);
    buckets.take('a', 2);
    now = 120_000;
    expect(buckets.take('a', 2)).toBe(0);
    expect(buckets.take('a')).toBe(1000);
  });
});
