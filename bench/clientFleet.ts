import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Join, WorkerCommand, WorkerEvent } from './clientWorker.js';

/** When the first and the last client of a fleet had an edit (stats.now). */
export interface Arrival {
  first: number;
  last: number;
}

/**
 * Clients spread over worker processes. The fleet knows that edit k has arrived everywhere when every
 * worker has said so, and takes the latest arrival as the moment the last client had it.
 */
export class ClientFleet {
  private readonly waiting = new Map<number, Arrival & { workers: number; resolve: (arrival: Arrival) => void }>();
  private readonly early = new Map<number, Arrival & { workers: number }>();
  private failure: Error | null = null;

  private constructor(private readonly workers: ChildProcess[]) {
    for (const worker of workers) {
      worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'applied') this.arrived(event.edit, event.first, event.last);
        if (event.type === 'error') this.failure = new Error(`client worker: ${event.message}`);
      });
      worker.on('exit', (code) => {
        if (code !== 0 && code !== null) this.failure = new Error(`client worker exited with ${code}`);
      });
    }
  }

  static start(count: number): ClientFleet {
    const workers = Array.from({ length: count }, () =>
      fork(path.resolve('bench/clientWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
    );
    return new ClientFleet(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Sends one command per worker (built from its index) and waits until each has opened its clients; resolves
   * with when each y-websocket client was opened and first synced, over all workers.
   */
  async open(commandFor: (worker: number) => WorkerCommand, timeoutMs = 120_000): Promise<Join[]> {
    const joins = await Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<Join[]>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`worker ${i} not ready within ${timeoutMs} ms`)), timeoutMs);
            const onMessage = (event: WorkerEvent) => {
              if (event.type !== 'ready' && event.type !== 'error') return;
              clearTimeout(timer);
              worker.off('message', onMessage);
              if (event.type === 'ready') resolve(event.joins);
              else reject(new Error(event.message));
            };
            worker.on('message', onMessage);
            worker.send(commandFor(i));
          }),
      ),
    );
    return joins.flat();
  }

  /** Resolves with the times (stats.now) at which the first and the last client of the fleet received edit `edit`. */
  arrival(edit: number, timeoutMs = 20_000): Promise<Arrival> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(edit);
        reject(this.failure ?? new Error(`edit ${edit} did not reach every client within ${timeoutMs} ms`));
      }, timeoutMs);
      const early = this.early.get(edit);
      this.early.delete(edit);
      this.waiting.set(edit, {
        workers: early?.workers ?? 0,
        first: early?.first ?? Infinity,
        last: early?.last ?? 0,
        resolve: (arrival) => {
          clearTimeout(timer);
          resolve(arrival);
        },
      });
      this.settle(edit);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map((worker) => {
        if (worker.exitCode !== null) return Promise.resolve();
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.send({ type: 'close' } satisfies WorkerCommand);
        const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
        return exited.then(() => clearTimeout(timer));
      }),
    );
  }

  private arrived(edit: number, first: number, last: number): void {
    const entry = this.waiting.get(edit) ?? this.early.get(edit) ?? { workers: 0, first: Infinity, last: 0 };
    entry.workers++;
    entry.first = Math.min(entry.first, first);
    entry.last = Math.max(entry.last, last);
    if (!this.waiting.has(edit)) this.early.set(edit, entry);
    this.settle(edit);
  }

  private settle(edit: number): void {
    const entry = this.waiting.get(edit);
    if (!entry || entry.workers < this.workers.length) return;
    this.waiting.delete(edit);
    entry.resolve({ first: entry.first, last: entry.last });
  }
}
