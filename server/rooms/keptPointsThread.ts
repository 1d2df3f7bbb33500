import { DomainError } from '../DomainError.js';
import type { LoadedDocument, RestorePoint } from '../storage/DocumentLog.js';
import { WorkerThread } from '../WorkerThread.js';

/**
 * Choosing and encoding the points a compaction keeps replays the board's log: 145–376 ms of CPU for a full board,
 * which on the main thread would stall every board. A few boards' compactions wait behind the one running.
 */
const thread = new WorkerThread<{ stored: LoadedDocument; uptoSeq: number }, RestorePoint[]>(new URL('./keptPointsWorker.ts', import.meta.url), {
  maxWaiting: 8,
  deadlineMs: 30_000,
  heapMb: 512,
  refusals: {
    busy: () => DomainError.refusal('unavailable', 'too-busy', 'too many compactions are choosing their kept points'),
    failed: () => DomainError.refusal('unavailable', 'too-busy', 'choosing the kept points failed'),
  },
});

/** pointsToKeep (BoardTimeline.ts), on a thread of its own. */
export function pointsToKeepOffThread(stored: LoadedDocument, uptoSeq: number): Promise<RestorePoint[]> {
  return thread.run({ stored, uptoSeq });
}
