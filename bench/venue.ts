import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createBoard } from '../fixtures/workshopApi.js';
import { askWorker } from './askWorker.js';
import { option } from './options.js';
import { startForumboard } from './serverProcess.js';
import { inPool, now, processCpuMs, sleep, spread, type Spread } from './stats.js';
import { kB, spreadMs, type Row } from './table.js';
import type { VenueCommand, VenueEvent } from './venueWorker.js';

/**
 * A venue on one process (issue 24): 400 boards of 25 people, 10,000 connections, in four worker processes of
 * light clients (bench/venueWorker.ts). On each board one person edits a card title once a second and everyone
 * publishes presence, laptops once a second and every third a phone every two seconds. Reported: the round trip
 * of an edit (from the editor's send until a receiver has it; and until all 24 have it), the server's CPU, and its
 * heap and RSS per board and per connection (after full collections, against the same server with no rooms loaded).
 * The server's connection caps are raised for the run (bench/serverProcess.ts); each worker holds 2,500 sockets
 * and the server 10,000, within this machine's `ulimit -n` of 20,000.
 *
 * `npm run bench -- venue --boards=100 --seconds=20` for a smaller venue; `--presence=off` to see what presence costs.
 */
const BOARDS = 400;
const PEOPLE_PER_BOARD = 25;
const WORKERS = 4;
const EDIT_EVERY_MS = 1_000;
const PRESENCE_HZ = [1, 1, 0.5];
const SECONDS = 30;
const TARGET_P99_MS = 100;

export interface VenueFigures {
  boards: number;
  connections: number;
  roundTrip: Spread;
  allHad: Spread;
  editsPerSecond: number;
  cpuSecondsPerSecond: number;
  heapPerBoard: number;
  rssPerBoard: number;
  closed: number;
}

const ask = (worker: ChildProcess, command: VenueCommand, answer: VenueEvent['type'], timeoutMs: number) => askWorker<VenueEvent>('venue', worker, command, answer, timeoutMs);

export async function runVenue(log: (line: string) => void): Promise<{ rows: Row[]; figures: VenueFigures }> {
  const boardCount = option('boards', BOARDS);
  const seconds = option('seconds', SECONDS);
  const server = await startForumboard();
  const workers = Array.from({ length: WORKERS }, () =>
    fork(path.resolve('bench/venueWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    const boards = await inPool(Array.from({ length: boardCount }), 10, (_, i) => createBoard(server.url, { title: `Venue ${i + 1}`, language: 'en' }));
    await server.waitForMetric('forumboard_rooms_loaded', (v) => v === 0, 60_000);
    const empty = (await server.usage(true)).memory;
    const opened = Date.now();
    await Promise.all(
      workers.map((worker, w) =>
        ask(
          worker,
          {
            type: 'open',
            wsUrl: server.wsUrl,
            boards: boards.filter((_, i) => i % WORKERS === w).map((b) => ({ room: b.boardId, editorToken: b.facilitatorToken, observerToken: b.observerToken })),
            perBoard: PEOPLE_PER_BOARD,
            batch: 10,
          },
          'ready',
          300_000,
        ),
      ),
    );
    const connections = boardCount * PEOPLE_PER_BOARD;
    await server.waitForMetric('forumboard_connections', (v) => v === connections, 60_000);
    log(`${connections} connections on ${boardCount} boards open in ${((Date.now() - opened) / 1000).toFixed(1)} s`);
    await sleep(1000);
    const active = (await server.usage(true)).memory;

    const cpuBefore = processCpuMs(server.pid);
    const startedAt = now();
    const reports = (await Promise.all(
      workers.map((worker) => ask(worker, { type: 'run', ms: seconds * 1000, editEveryMs: EDIT_EVERY_MS, presenceHz: process.argv.includes('--presence=off') ? [] : PRESENCE_HZ }, 'report', seconds * 1000 + 60_000)),
    )) as Array<Extract<VenueEvent, { type: 'report' }>>;
    const cpuSecondsPerSecond = (processCpuMs(server.pid) - cpuBefore) / (now() - startedAt);
    const figures: VenueFigures = {
      boards: boardCount,
      connections,
      roundTrip: spread(reports.flatMap((r) => r.deliveries)),
      allHad: spread(reports.flatMap((r) => r.allHad)),
      editsPerSecond: reports.reduce((sum, r) => sum + r.edits, 0) / seconds,
      cpuSecondsPerSecond,
      heapPerBoard: (active.heapUsed - empty.heapUsed) / boardCount,
      rssPerBoard: (active.rss - empty.rss) / boardCount,
      closed: reports.reduce((sum, r) => sum + r.closed, 0),
    };
    log(
      `round trip ${spreadMs(figures.roundTrip)}, all ${PEOPLE_PER_BOARD - 1} had it ${spreadMs(figures.allHad)}; ${figures.editsPerSecond.toFixed(0)} edits/s; ` +
        `server CPU ${cpuSecondsPerSecond.toFixed(2)} s/s; heap ${kB(figures.heapPerBoard)} and RSS ${kB(figures.rssPerBoard)} per board; ${figures.closed} sockets closed`,
    );
    const section = `venue: ${boardCount} boards × ${PEOPLE_PER_BOARD}`;
    const perConnection = (bytes: number) => kB(bytes / PEOPLE_PER_BOARD);
    const rows: Row[] = [
      {
        section,
        measure: 'edit round trip, editor to each receiver, p50/p99/max',
        value: spreadMs(figures.roundTrip),
        target: `p99 < ${TARGET_P99_MS} ms`,
        met: figures.roundTrip.p99 < TARGET_P99_MS,
      },
      { section, measure: `edit until all ${PEOPLE_PER_BOARD - 1} receivers of its board had it, p50/p99/max`, value: spreadMs(figures.allHad) },
      { section, measure: 'edits a second (all boards); server CPU, s per s', value: `${figures.editsPerSecond.toFixed(0)}; ${cpuSecondsPerSecond.toFixed(2)} s/s` },
      {
        section,
        measure: 'server heap / RSS per board; per connection',
        value: `${kB(figures.heapPerBoard)} / ${kB(figures.rssPerBoard)}; ${perConnection(figures.heapPerBoard)} / ${perConnection(figures.rssPerBoard)}`,
      },
      { section, measure: 'sockets closed during the run (by the server or the machine)', value: String(figures.closed), target: '0', met: figures.closed === 0 },
    ];
    return { rows, figures };
  } finally {
    await Promise.all(
      workers.map((worker) => {
        if (worker.exitCode !== null) return Promise.resolve();
        const exited = new Promise((resolve) => worker.once('exit', resolve));
        worker.send({ type: 'close' } satisfies VenueCommand);
        return exited;
      }),
    );
    await server.stop();
  }
}
