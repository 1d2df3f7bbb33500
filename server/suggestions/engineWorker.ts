import { parentPort } from 'node:worker_threads';
import { suggest, type SuggestInput } from './suggest.js';

/**
 * The engine's side of the engine thread (EngineThread.ts): one board's plain data in, its suggestions out.
 * The input was read on the main thread from the board document, so nothing here touches Yjs or storage.
 */
parentPort!.on('message', ({ job, input }: { job: number; input: SuggestInput }) => {
  parentPort!.postMessage({ job, answer: suggest(input) });
});
