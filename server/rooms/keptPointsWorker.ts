import { parentPort } from 'node:worker_threads';
import type { LoadedDocument } from '../storage/DocumentLog.js';
import { pointsToKeep } from './BoardTimeline.js';

/** The kept points' thread side (keptPointsThread.ts): a stored log in, the points a compaction keeps out. */
parentPort!.on('message', ({ job, input }: { job: number; input: { stored: LoadedDocument; uptoSeq: number } }) => {
  parentPort!.postMessage({ job, answer: pointsToKeep(input.stored, input.uptoSeq) });
});
