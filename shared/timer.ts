import { z } from 'zod';

/** A countdown: the phase's on the control document's meta, and each breakout table's own. */
export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number };

/** A timer as read from a document: an odd value reads as idle. */
export const timerSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('idle') }),
    z.object({ status: z.literal('running'), durationMs: z.number(), endsAt: z.number() }),
    z.object({ status: z.literal('paused'), durationMs: z.number(), remainingMs: z.number() }),
  ])
  .catch({ status: 'idle' });

/** Milliseconds left on the timer at `now` (server clock). */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.status === 'running') return Math.max(0, timer.endsAt - now);
  if (timer.status === 'paused') return timer.remainingMs;
  return 0;
}
