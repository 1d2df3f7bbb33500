import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createBoard } from '../fixtures/workshopApi.js';
import { askWorker } from './askWorker.js';
import type { PresenceCommand, PresenceEvent } from './presenceWorker.js';
import { startForumboard } from './serverProcess.js';
import { sleep } from './stats.js';
import type { Row } from './table.js';

/**
 * What presence costs the server: N stock y-websocket clients on one board, in worker processes, each changing
 * its presence state at a fixed rate (and passing on what it hears, as stock clients do). Over MEASURE_MS: the
 * bytes per second the server sent, its CPU time per second, what share of the others' changes each client
 * saw, how many clients the server closed, and how many people each client saw at the end. Honest plenaries at 1 Hz, and the hostile case of finding A11: 100 connections
 * at 10 Hz, each state padded with 4,000 bytes of fields the board does not use.
 */
const SCENARIOS = [
  { name: 'plenary', clients: 100, perSecond: 1, padBytes: 0 },
  { name: 'plenary', clients: 200, perSecond: 1, padBytes: 0 },
  { name: 'padded flood', clients: 100, perSecond: 10, padBytes: 4000 },
];
const WORKERS = 2;
const SETTLE_MS = 3_000;
const MEASURE_MS = 10_000;

export interface PresenceFigures {
  name: string;
  clients: number;
  perSecond: number;
  padBytes: number;
  sentMBPerSecond: number;
  cpuSecondsPerSecond: number;
  /** Changes of others' states each client saw, against the (N - 1) × rate they made. */
  deliveredShare: number;
  closed: Record<string, number>;
  seenMin: number;
  seenMedian: number;
}

const ask = (worker: ChildProcess, command: PresenceCommand, answer: PresenceEvent['type']) => askWorker<PresenceEvent>('presence', worker, command, answer, 120_000);

async function measure(scenario: (typeof SCENARIOS)[number], log: (line: string) => void): Promise<PresenceFigures> {
  const server = await startForumboard();
  const workers = Array.from({ length: WORKERS }, () =>
    fork(path.resolve('bench/presenceWorker.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  try {
    const board = await createBoard(server.url, { title: 'Plenary', language: 'en' });
    await Promise.all(
      workers.map((worker, i) =>
        ask(worker, { type: 'open', wsUrl: server.wsUrl, room: board.boardId, token: board.observerToken, clients: scenario.clients / WORKERS + (i < scenario.clients % WORKERS ? 1 : 0), perSecond: scenario.perSecond, padBytes: scenario.padBytes }, 'ready'),
      ),
    );
    await sleep(SETTLE_MS);
    const report = async () => (await Promise.all(workers.map((worker) => ask(worker, { type: 'report' }, 'report')))) as Array<Extract<PresenceEvent, { type: 'report' }>>;
    const [before, cpuBefore] = await Promise.all([report(), server.usage(false)]);
    await sleep(MEASURE_MS);
    const [after, cpuAfter] = await Promise.all([report(), server.usage(false)]);
    const sum = (reports: typeof before, field: 'bytes' | 'changesSeen' = 'bytes') => reports.reduce((total, r) => total + r[field], 0);
    const cpu = (u: typeof cpuBefore) => (u.cpu.user + u.cpu.system) / 1e6;
    const closed: Record<string, number> = {};
    for (const close of after.flatMap((r) => r.closes)) closed[`${close.code} ${close.reason}`] = (closed[`${close.code} ${close.reason}`] ?? 0) + 1;
    const seen = after.flatMap((r) => r.statesSeen).sort((a, b) => a - b);
    const figures: PresenceFigures = {
      ...scenario,
      sentMBPerSecond: (sum(after) - sum(before)) / 2 ** 20 / (MEASURE_MS / 1000),
      cpuSecondsPerSecond: (cpu(cpuAfter) - cpu(cpuBefore)) / (MEASURE_MS / 1000),
      deliveredShare: (sum(after, 'changesSeen') - sum(before, 'changesSeen')) / (scenario.clients * (scenario.clients - 1) * scenario.perSecond * (MEASURE_MS / 1000)),
      closed,
      seenMin: seen[0] ?? 0,
      seenMedian: seen[Math.floor(seen.length / 2)] ?? 0,
    };
    log(
      `${scenario.name} N=${scenario.clients} at ${scenario.perSecond} Hz${scenario.padBytes ? ` (+${scenario.padBytes} B)` : ''}: ` +
        `${figures.sentMBPerSecond.toFixed(2)} MB/s sent, ${figures.cpuSecondsPerSecond.toFixed(2)} CPU s/s, ` +
        `${(figures.deliveredShare * 100).toFixed(0)}% of others' changes seen, ` +
        `closed ${JSON.stringify(closed)}, people seen min ${figures.seenMin} / median ${figures.seenMedian}`,
    );
    return figures;
  } finally {
    workers.forEach((worker) => worker.kill('SIGKILL'));
    await server.stop();
  }
}

export async function runPresence(log: (line: string) => void): Promise<{ rows: Row[]; figures: PresenceFigures[] }> {
  const figures: PresenceFigures[] = [];
  for (const scenario of SCENARIOS) figures.push(await measure(scenario, log));
  const rows: Row[] = figures.flatMap((f) => {
    const section = `presence N=${f.clients} ${f.perSecond} Hz${f.padBytes ? ' padded' : ''}`;
    const closedCount = Object.values(f.closed).reduce((a, b) => a + b, 0);
    return [
      {
        section,
        measure: "server sent, MB/s; server CPU, s per s; share of others' changes each client saw",
        value: `${f.sentMBPerSecond.toFixed(2)} MB/s; ${f.cpuSecondsPerSecond.toFixed(2)} s/s; ${(f.deliveredShare * 100).toFixed(0)}%`,
      },
      {
        section,
        measure: 'clients closed; people each client sees (min / median)',
        value: `${closedCount}; ${f.seenMin} / ${f.seenMedian}`,
        ...(f.padBytes === 0 ? { target: `0 closed; all ${f.clients} seen`, met: closedCount === 0 && f.seenMin === f.clients } : {}),
      },
    ];
  });
  return { rows, figures };
}
