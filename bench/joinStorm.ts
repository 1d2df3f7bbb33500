import { controlRoom } from '../shared/rooms.js';
import { api, createBoard, join } from '../fixtures/workshopApi.js';
import { ClientFleet } from './clientFleet.js';
import type { WorkerCommand } from './clientWorker.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { inPool, spread } from './stats.js';
import { seedCards } from './seedBoard.js';
import { ms, spreadMs, type Row } from './table.js';

/**
 * 09:00: a board of 300 cards, and 300 people who joined through the API open it within 10 s, each with its two
 * documents (the board and its control document) as the browser does, in two worker processes. Four storms, each
 * on a fresh board of the same server: stock y-websocket clients with presence off; the same with presence on, where
 * each says what it is typing in once synced (two laptops at 1 Hz, a phone at 0.5 Hz, in turn), so the later joiners
 * sync while the earlier ones chatter; raw sockets that ask for the whole document and take the answer undecoded
 * (the server's share: on this machine the stock clients' own decoding shares two cores with everything); and raw
 * sockets that apply the answer to a Y.Doc of their own (a device's decode, without the provider and its presence).
 * Per socket: from opening it to its first sync; and from the last socket opened until every one has synced
 * (issue 24: all 300 synced within 5 s).
 */
const PEOPLE = 300;
const CARDS = 300;
const STORM_MS = 10_000;
const WORKERS = 2;
const PRESENCE_HZ = [1, 1, 0.5];
const TARGET_MS = 5_000;
const STORMS = [
  { name: 'stock clients, presence off', clients: 'yjs', presence: false },
  { name: 'stock clients, presence on', clients: 'yjs', presence: true },
  { name: 'raw sockets (server share)', clients: 'raw', presence: false },
  { name: 'raw sockets that decode the answer', clients: 'decoding', presence: false },
] as const;

export interface JoinStormFigures {
  name: string;
  sockets: number;
  joinMs: ReturnType<typeof spread>;
  allSyncedAfterLastOpenMs: number;
  serverCpuSeconds: number;
}

async function storm(server: ServerChild, { name, clients, presence }: (typeof STORMS)[number], log: (line: string) => void): Promise<JoinStormFigures> {
  const fleet = ClientFleet.start(WORKERS);
  try {
    const board = await createBoard(server.url, { title: '09:00', language: 'en' });
    await seedCards(server, board.boardId, board.facilitatorToken, CARDS);
    const phase = await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    if (phase.status !== 200) throw new Error(`phase: ${phase.status}`);
    const people = await inPool(
      Array.from({ length: PEOPLE }, (_, i) => i),
      20,
      (i) => join(server.url, board, `Person ${i}`, 'company'),
    );
    const documents = [board.boardId, controlRoom(board.boardId)];
    const rooms = people.flatMap((person) => documents.map((room) => ({ room, token: person.token, clients: 1 })));
    const perWorker = Math.ceil(rooms.length / WORKERS);
    const paceMs = STORM_MS / perWorker;
    const cpu = async () => {
      const usage = await server.usage(false);
      return (usage.cpu.user + usage.cpu.system) / 1e6;
    };
    const cpuBefore = await cpu();
    const joins = await fleet.open((worker): WorkerCommand =>
      clients === 'yjs'
        ? { type: 'open-yjs', wsUrl: server.wsUrl, rooms: rooms.slice(worker * perWorker, (worker + 1) * perWorker), batch: 1, paceMs, ...(presence ? { presenceHz: PRESENCE_HZ } : {}) }
        : // Raw sockets open one document per worker, as the observer: the same 600 sockets, the same two answers.
          {
            type: 'open-raw',
            url: `${server.wsUrl}/${documents[worker % documents.length]}?token=${board.observerToken}`,
            clients: PEOPLE,
            batch: 1,
            frames: clients === 'raw' ? 'sync-step2' : 'sync-step2-decoded',
            paceMs,
          },
    );
    const serverCpuSeconds = (await cpu()) - cpuBefore;
    const joinMs = spread(joins.map((j) => j.syncedAt - j.openedAt));
    const allSyncedAfterLastOpenMs = Math.max(...joins.map((j) => j.syncedAt)) - Math.max(...joins.map((j) => j.openedAt));
    log(`${name}: ${joins.length} sockets, open → synced ${spreadMs(joinMs)}; all synced ${ms(allSyncedAfterLastOpenMs)} after the last opened; server CPU ${serverCpuSeconds.toFixed(2)} s`);
    return { name, sockets: joins.length, joinMs, allSyncedAfterLastOpenMs, serverCpuSeconds };
  } finally {
    await fleet.close();
  }
}

export async function runJoinStorm(log: (line: string) => void): Promise<{ rows: Row[]; figures: JoinStormFigures[] }> {
  const server = await startForumboard();
  const figures: JoinStormFigures[] = [];
  try {
    for (const spec of STORMS) figures.push(await storm(server, spec, log));
  } finally {
    await server.stop();
  }
  const rows: Row[] = figures.flatMap((f) => [
    {
      section: `join storm ×${PEOPLE}, ${f.name}`,
      measure: `a socket (board or control, ${CARDS} cards) from open to synced, p50/p99/max`,
      value: spreadMs(f.joinMs),
    },
    {
      section: `join storm ×${PEOPLE}, ${f.name}`,
      measure: `all ${f.sockets} sockets synced, after the last one opened; server CPU over the storm`,
      value: `${ms(f.allSyncedAfterLastOpenMs)}; ${f.serverCpuSeconds.toFixed(2)} s`,
      target: `all synced within ${TARGET_MS / 1000} s`,
      met: f.allSyncedAfterLastOpenMs <= TARGET_MS,
    },
  ]);
  return { rows, figures };
}
