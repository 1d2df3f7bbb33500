import { describe, expect, it } from 'vitest';
import { nextTimer } from './Workshops.js';

describe('the phase timer', () => {
  const t0 = 1_000_000;
  it('runs, pauses with the time left, resumes and extends', () => {
    const running = nextTimer({ status: 'idle' }, { action: 'start', seconds: 300 }, t0);
    expect(running).toEqual({ status: 'running', durationMs: 300_000, endsAt: t0 + 300_000 });
    const paused = nextTimer(running, { action: 'pause' }, t0 + 60_000);
    expect(paused).toEqual({ status: 'paused', durationMs: 300_000, remainingMs: 240_000 });
    const resumed = nextTimer(paused, { action: 'resume' }, t0 + 100_000);
    expect(resumed).toEqual({ status: 'running', durationMs: 300_000, endsAt: t0 + 340_000 });
    expect(nextTimer(resumed, { action: 'extend', seconds: 60 }, t0 + 110_000)).toMatchObject({ endsAt: t0 + 400_000, durationMs: 360_000 });
    expect(nextTimer(resumed, { action: 'stop' }, t0)).toEqual({ status: 'idle' });
  });

  it('extends a timer that already ran out from now, not from the past', () => {
    const ranOut = { status: 'running' as const, durationMs: 60_000, endsAt: t0 };
    expect(nextTimer(ranOut, { action: 'extend', seconds: 60 }, t0 + 30_000)).toMatchObject({ endsAt: t0 + 90_000 });
  });

  it('refuses commands that do not fit the timer state', () => {
    expect(() => nextTimer({ status: 'idle' }, { action: 'pause' }, t0)).toThrow('not running');
    expect(() => nextTimer({ status: 'idle' }, { action: 'extend', seconds: 60 }, t0)).toThrow('not set');
  });
});
