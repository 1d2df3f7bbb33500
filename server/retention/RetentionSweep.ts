import type { LiveSessions } from '../access/LiveSessions.js';
import type { Logger } from '../log.js';
import type { BoardActivity } from './BoardActivity.js';
import type { BoardDeletion } from './BoardDeletion.js';

export interface RetentionOptions {
  /** A board unchanged longer than this, with nobody connected, is deleted. */
  retentionMs: number;
  sweepEveryMs: number;
}

/**
 * Deletes boards unchanged longer than the retention period (see BoardActivity for what counts): once at start-up (a server that was down for months
 * catches up before anyone connects) and then periodically. A board with an open connection is in use,
 * whatever its recorded activity says.
 */
export function startRetentionSweep(
  deps: { sessions: LiveSessions; deletion: BoardDeletion; activity: BoardActivity; log: Logger },
  options: RetentionOptions,
  now: () => number = Date.now,
): () => void {
  let sweeping = false;
  const sweep = async () => {
    for (const boardId of await deps.activity.idleSince(now() - options.retentionMs)) {
      if (deps.sessions.has(boardId)) continue;
      await deps.deletion.delete(boardId);
      deps.activity.forget(boardId);
      deps.log.info('board deleted after the retention period', { boardId, retentionDays: options.retentionMs / 86_400_000 });
    }
  };
  // One sweep at a time: a slow database must not stack sweeps of the same boards.
  const sweepOnce = () => {
    if (sweeping) return;
    sweeping = true;
    sweep()
      .catch((err: unknown) => deps.log.error('retention sweep failed', { error: String(err) }))
      .finally(() => (sweeping = false));
  };
  sweepOnce();
  const timer = setInterval(sweepOnce, options.sweepEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
