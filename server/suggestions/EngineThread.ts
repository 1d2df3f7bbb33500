import { Worker } from 'node:worker_threads';
import type { SuggestionsResponse } from '../../shared/suggestions/api.js';
import { DomainError } from '../DomainError.js';
import { estimatedBytes, MEMORY_BUDGET_BYTES } from './memoryBudget.js';
import type { SuggestInput } from './suggest.js';

/**
 * Boards waiting for the engine beyond the one it is computing. Each board has at most one computation running
 * and one waiting (Suggestions.ts), so this bounds the work many boards can line up, and a request beyond it is
 * told to ask again rather than wait behind minutes of work.
 */
const MAX_WAITING = 8;

/** A computation the engine has not finished in this time is stuck: its thread is ended and replaced. */
const DEADLINE_MS = 60_000;


interface Job {
  id: number;
  input: SuggestInput;
  resolve: (answer: SuggestionsResponse) => void;
  reject: (error: Error) => void;
}

/**
 * The suggestions engine on a thread of its own: a 2,000-card board costs half a second of CPU, which on the
 * main thread would stall every board's WebSockets. One worker, started on the first request and kept; one
 * computation at a time, in the order asked. A worker that dies fails the computation it was running with
 * `unavailable` (503), and the next one starts a new worker.
 */
export class EngineThread {
  private worker: Worker | null = null;
  private running: { job: Job; deadline: NodeJS.Timeout } | null = null;
  private readonly waiting: Job[] = [];
  private jobs = 0;
  private readonly lostListeners = new Set<(reason: string) => void>();

  /** Tells `listener` each time the thread ends unasked (crashed, or stuck past its deadline); returns the unsubscribe. */
  onLost(listener: (reason: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  run(input: SuggestInput): Promise<SuggestionsResponse> {
    const needed = estimatedBytes(input);
    if (needed > MEMORY_BUDGET_BYTES) {
      const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
      return Promise.reject(
        DomainError.refusal('too-large', 'suggestions-unavailable', `this board is too large for suggestions: they would need about ${mb(needed)} MB, over the ${mb(MEMORY_BUDGET_BYTES)} MB one computation may take`),
      );
    }
    if (this.waiting.length >= MAX_WAITING) {
      return Promise.reject(DomainError.refusal('unavailable', 'suggestions-unavailable', 'the server is busy computing suggestions for other boards; ask again shortly'));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: ++this.jobs, input, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.running) return;
    const job = this.waiting.shift();
    if (!job) return;
    const worker = this.started();
    const deadline = setTimeout(() => {
      // Reported as lost here, with its reason; the exit that follows is then another worker's news and ignored.
      this.lost(worker, `a computation ran past its deadline of ${DEADLINE_MS / 1000} s`);
      void worker.terminate();
    }, DEADLINE_MS).unref();
    this.running = { job, deadline };
    worker.postMessage({ job: job.id, input: job.input });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // No inherited flags: the bootstrap registers tsx itself, and a second loader from the parent would clash.
    const worker = new Worker(new URL('./engineWorker.mjs', import.meta.url), {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_BUDGET_BYTES / 1024 / 1024 },
    });
    // An idle engine keeps no server, test or bench process alive.
    worker.unref();
    worker.on('message', ({ job, answer }: { job: number; answer: SuggestionsResponse }) => {
      if (this.running?.job.id !== job) return;
      this.finish().resolve(answer);
    });
    worker.on('error', (error) => this.lost(worker, String(error)));
    worker.on('exit', (code) => this.lost(worker, `exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** Clears the running slot and starts the next job once the caller has answered this one. */
  private finish(): Job {
    const { job, deadline } = this.running!;
    clearTimeout(deadline);
    this.running = null;
    queueMicrotask(() => this.next());
    return job;
  }

  private lost(worker: Worker, reason: string): void {
    // 'error' is followed by 'exit': the first of the two does the work.
    if (this.worker !== worker) return;
    this.worker = null;
    this.lostListeners.forEach((listener) => listener(reason));
    if (this.running) this.finish().reject(DomainError.refusal('unavailable', 'suggestions-unavailable', 'computing the suggestions failed; ask again'));
  }
}
