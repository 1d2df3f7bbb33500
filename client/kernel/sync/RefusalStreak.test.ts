import { describe, expect, it } from 'vitest';
import { REBUILD_DELAYS_MS, RefusalStreak, STREAK_GAP_MS } from './RefusalStreak';

describe('RefusalStreak', () => {
  it('rebuilds at once after a first refusal, backs off after the next ones, then stops', () => {
    const streak = new RefusalStreak();
    let now = 1_000;
    const steps = [];
    for (let i = 0; i < 6; i++) {
      steps.push(streak.next(now));
      now += 1_000;
    }
    expect(steps).toEqual([
      ...REBUILD_DELAYS_MS.map((afterMs) => ({ kind: 'rebuild', afterMs })),
      { kind: 'stop' },
      { kind: 'stop' },
      { kind: 'stop' },
    ]);
  });

  it('treats a refusal long after the last one as a first one, and so after the person reconnects', () => {
    const streak = new RefusalStreak();
    streak.next(0);
    streak.next(1_000);
    expect(streak.next(1_000 + STREAK_GAP_MS + 1)).toEqual({ kind: 'rebuild', afterMs: 0 });
    streak.next(STREAK_GAP_MS + 2_000);
    streak.next(STREAK_GAP_MS + 3_000);
    expect(streak.next(STREAK_GAP_MS + 4_000)).toEqual({ kind: 'stop' });
    streak.reset();
    expect(streak.next(STREAK_GAP_MS + 5_000)).toEqual({ kind: 'rebuild', afterMs: 0 });
  });
});
