import { Worker } from 'node:worker_threads';
import type { DomainError } from './DomainError.js';

export interface WorkerThreadSettings {
  /** Jobs waiting beyond the one running; a job beyond them is refused with `refusals.busy`. */
  maxWaiting: number;
  /** A job the thread has not finished in this time is stuck: the thread is ended and replaced. */
  deadlineMs: number;
  /** The thread's heap: a job that needs more ends its thread, not the server. */
  heapMb: number;
  refusals: {
    /** Too many jobs waiting: ask again shortly. */
    busy: () => DomainError;
    /** The thread ended while running the job (a crash, a stuck job, out of memory). */
    failed: () => DomainError;
  };
}

interface Job<In, Out> {
  id: number;
  input: In;
  resolve: (answer: Out) => void;
  reject: (error: Error) => void;
}

/**
 * CPU-heavy work (suggestions, spreadsheets) on a thread of its own, so it never stalls the WebSockets of every
 * board. One worker, started on the first job and kept; one job at a time, in the order asked. A worker that
 * dies fails the job it was running, and the next job starts a new worker.
 *
 * `module` is a TypeScript file whose `parentPort` answers `{ job, input }` with `{ job, answer }`; the worker
 * starts in workerBootstrap.mjs, which registers tsx before loading it.
 */
export class WorkerThread<In, Out> {
  private worker: Worker | null = null;
  private running: { job: Job<In, Out>; deadline: NodeJS.Timeout } | null = null;
  private readonly waiting: Array<Job<In, Out>> = [];
  private jobs = 0;
  private readonly lostListeners = new Set<(reason: string) => void>();

  constructor(
    private readonly module: URL,
    private readonly settings: WorkerThreadSettings,
  ) {}

  /** Tells `listener` each time the thread ends unasked (crashed, or stuck past its deadline); returns the unsubscribe. */
  onLost(listener: (reason: string) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  run(input: In): Promise<Out> {
    if (this.waiting.length >= this.settings.maxWaiting) return Promise.reject(this.settings.refusals.busy());
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
      this.lost(worker, `a job ran past its deadline of ${this.settings.deadlineMs / 1000} s`);
      void worker.terminate();
    }, this.settings.deadlineMs).unref();
    this.running = { job, deadline };
    worker.postMessage({ job: job.id, input: job.input });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // No inherited flags: the bootstrap registers tsx itself, and a second loader from the parent would clash.
    const worker = new Worker(new URL('./workerBootstrap.mjs', import.meta.url), {
      execArgv: [],
      workerData: { module: this.module.href },
      resourceLimits: { maxOldGenerationSizeMb: this.settings.heapMb },
    });
    // An idle thread keeps no server, test or bench process alive.
    worker.unref();
    worker.on('message', ({ job, answer }: { job: number; answer: Out }) => {
      if (this.running?.job.id !== job) return;
      this.finish().resolve(answer);
    });
    worker.on('error', (error) => this.lost(worker, String(error)));
    worker.on('exit', (code) => this.lost(worker, `exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  /** Clears the running slot and starts the next job once the caller has answered this one. */
  private finish(): Job<In, Out> {
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
    if (this.running) this.finish().reject(this.settings.refusals.failed());
  }
}
