import type { SuggestionsResponse } from '../../shared/suggestions/api.js';
import { DomainError } from '../DomainError.js';
import { WorkerThread } from '../WorkerThread.js';
import { estimatedBytes, MEMORY_BUDGET_BYTES } from './memoryBudget.js';
import type { SuggestInput } from './suggest.js';

/**
 * The suggestions engine on a thread of its own: a 2,000-card board costs about a second of CPU, which on the
 * main thread would stall every board's WebSockets. A thread that dies fails the computation it was running with
 * `unavailable` (503), and the next one starts a new thread.
 *
 * Boards waiting beyond the one it computes: each board has at most one computation running and one waiting
 * (Suggestions.ts), so this bounds the work many boards can line up, and a request beyond it is told to ask again
 * rather than wait behind minutes of work.
 */
export class EngineThread extends WorkerThread<SuggestInput, SuggestionsResponse> {
  constructor() {
    super(new URL('./engineWorker.ts', import.meta.url), {
      maxWaiting: 8,
      deadlineMs: 60_000,
      heapMb: MEMORY_BUDGET_BYTES / 1024 / 1024,
      refusals: {
        busy: () => DomainError.refusal('unavailable', 'suggestions-unavailable', 'the server is busy computing suggestions for other boards; ask again shortly'),
        failed: () => DomainError.refusal('unavailable', 'suggestions-unavailable', 'computing the suggestions failed; ask again'),
      },
    });
  }

  /** Refuses, before the thread starts on it, a board whose computation would take more memory than its budget. */
  override run(input: SuggestInput): Promise<SuggestionsResponse> {
    const needed = estimatedBytes(input);
    if (needed > MEMORY_BUDGET_BYTES) {
      const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
      return Promise.reject(
        DomainError.refusal('too-large', 'suggestions-too-large', `this board is too large for suggestions: they would need about ${mb(needed)} MB, over the ${mb(MEMORY_BUDGET_BYTES)} MB one computation may take`),
      );
    }
    return super.run(input);
  }
}
