import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { WorkerCommand, WorkerEvent } from './clientWorker.js';

/**
 * Clients spread over worker processes. The fleet knows that edit k has arrived everywhere when every
 * worker has said so, and takes the latest arrival as the moment the last client had it.
 */
export class ClientFleet {
  private readonly waiting = new Map<number, { workers: number; last: number; resolve: (last: number) => void }>();
  private readonly early = new Map<number, { workers: number; last: number }>();
  private failure: Error | null = null;

  private constructor(private readonly workers: ChildProcess[]) {
    for (const worker of workers) {
      worker.on('message', (event: WorkerEvent) => {
        if (event.type === 'applied') this.arrived(event.edit, event.last);
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

  /** Sends one command per worker (built from its index) and waits until each has opened its clients. */
  async open(commandFor: (worker: number) => WorkerCommand, timeoutMs = 120_000): Promise<void> {
    await Promise.all(
      this.workers.map(
        (worker, i) =>
          new Promise<void>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`worker ${i} not ready within ${timeoutMs} ms`)), timeoutMs);
            const onMessage = (event: WorkerEvent) => {
              if (event.type !== 'ready' && event.type !== 'error') return;
              clearTimeout(timer);
              worker.off('message', onMessage);
              if (event.type === 'ready') resolve();
              else reject(new Error(event.message));
            };
            worker.on('message', onMessage);
            worker.send(commandFor(i));
          }),
      ),
    );
  }

  /** Resolves with the time (stats.now) at which the last client of the fleet received edit `edit`. */
  applied(edit: number, timeoutMs = 20_000): Promise<number> {
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
        last: early?.last ?? 0,
        resolve: (last) => {
          clearTimeout(timer);
          resolve(last);
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

  private arrived(edit: number, last: number): void {
    const entry = this.waiting.get(edit) ?? this.early.get(edit) ?? { workers: 0, last: 0 };
    entry.workers++;
    entry.last = Math.max(entry.last, last);
    if (!this.waiting.has(edit)) this.early.set(edit, entry);
    this.settle(edit);
  }

  private settle(edit: number): void {
    const entry = this.waiting.get(edit);
    if (!entry || entry.workers < this.workers.length) return;
    this.waiting.delete(edit);
    entry.resolve(entry.last);
  }
}
