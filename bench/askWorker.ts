import type { ChildProcess } from 'node:child_process';

/**
 * Sends a bench worker process a command and waits for its answer of the given type; a worker reports a failure
 * as `{ type: 'error', message }`, which rejects, as does no answer within `timeoutMs`.
 */
export function askWorker<E extends { type: string }>(label: string, worker: ChildProcess, command: unknown, answer: E['type'], timeoutMs: number): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} worker: no ${answer} within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (event: E | { type: 'error'; message: string }) => {
      if (event.type !== answer && event.type !== 'error') return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      if ('message' in event && event.type === 'error') reject(new Error(event.message));
      else resolve(event as E);
    };
    worker.on('message', onMessage);
    worker.send(command as object);
  });
}
