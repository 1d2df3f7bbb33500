import { parentPort } from 'node:worker_threads';
import { xlsxFile, type XlsxInput } from './xlsxFile.js';

/**
 * The spreadsheet thread's side (Exports.ts): a board's plain data in, the XLSX's bytes out. A sheet per revealed
 * round of a full board is seconds of CPU, which on the main thread would stall every board.
 */
parentPort!.on('message', ({ job, input }: { job: number; input: XlsxInput }) => {
  void xlsxFile(input).then((answer) => parentPort!.postMessage({ job, answer }));
});
