import { controlRoom } from '../shared/rooms.js';
import { api, createBoard, join } from '../fixtures/workshopApi.js';
import { ClientFleet } from './clientFleet.js';
import { startForumboard } from './serverProcess.js';
import { inPool, spread } from './stats.js';
import { seedCards } from './seedBoard.js';
import { ms, spreadMs, type Row } from './table.js';

/**
 * 09:00: a board of 300 cards, and 300 people who joined through the API open it within 10 s, each with its two
 * documents (the board and its control document) as the browser does, in two worker processes. With presence on,
 * each says what it is typing in once synced (two laptops at 1 Hz, a phone at 0.5 Hz, in turn), so the later
 * joiners sync while the earlier ones chatter. Per socket: from opening it to its first sync; and from the last
 * socket opened until every one has synced (issue 24: all 300 synced within 5 s).
 */
const PEOPLE = 300;
const CARDS = 300;
const STORM_MS = 10_000;
const WORKERS = 2;
const PRESENCE_HZ = [1, 1, 0.5];
const TARGET_MS = 5_000;

export interface JoinStormFigures {
  presence: boolean;
  sockets: number;
  joinMs: ReturnType<typeof spread>;
  allSyncedAfterLastOpenMs: number;
  serverCpuSeconds: number;
}

async function storm(presence: boolean, log: (line: string) => void): Promise<JoinStormFigures> {
  const server = await startForumboard();
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
    const rooms = people.flatMap((person) => [board.boardId, controlRoom(board.boardId)].map((room) => ({ room, token: person.token, clients: 1 })));
    const perWorker = Math.ceil(rooms.length / WORKERS);
    const cpu = async () => {
      const usage = await server.usage(false);
      return (usage.cpu.user + usage.cpu.system) / 1e6;
    };
    const cpuBefore = await cpu();
    const joins = await fleet.open((worker) => ({
      type: 'open-yjs',
      wsUrl: server.wsUrl,
      rooms: rooms.slice(worker * perWorker, (worker + 1) * perWorker),
      batch: 1,
      paceMs: STORM_MS / perWorker,
      ...(presence ? { presenceHz: PRESENCE_HZ } : {}),
    }));
    const serverCpuSeconds = (await cpu()) - cpuBefore;
    const joinMs = spread(joins.map((j) => j.syncedAt - j.openedAt));
    const allSyncedAfterLastOpenMs = Math.max(...joins.map((j) => j.syncedAt)) - Math.max(...joins.map((j) => j.openedAt));
    log(
      `presence ${presence ? 'on' : 'off'}: ${joins.length} sockets of ${PEOPLE} people, open → synced ${spreadMs(joinMs)}; ` +
        `all synced ${ms(allSyncedAfterLastOpenMs)} after the last opened; server CPU ${serverCpuSeconds.toFixed(2)} s`,
    );
    return { presence, sockets: joins.length, joinMs, allSyncedAfterLastOpenMs, serverCpuSeconds };
  } finally {
    await fleet.close();
    await server.stop();
  }
}

export async function runJoinStorm(log: (line: string) => void): Promise<{ rows: Row[]; figures: JoinStormFigures[] }> {
  const figures: JoinStormFigures[] = [];
  for (const presence of [false, true]) figures.push(await storm(presence, log));
  const rows: Row[] = figures.flatMap((f) => [
    {
      section: `join storm ×${PEOPLE}, presence ${f.presence ? 'on' : 'off'}`,
      measure: `a socket (board or control, ${CARDS} cards) from open to synced, p50/p99/max`,
      value: spreadMs(f.joinMs),
    },
    {
      section: `join storm ×${PEOPLE}, presence ${f.presence ? 'on' : 'off'}`,
      measure: `all ${f.sockets} sockets synced, after the last one opened; server CPU over the storm`,
      value: `${ms(f.allSyncedAfterLastOpenMs)}; ${f.serverCpuSeconds.toFixed(2)} s`,
      target: `all synced within ${TARGET_MS / 1000} s`,
      met: f.allSyncedAfterLastOpenMs <= TARGET_MS,
    },
  ]);
  return { rows, figures };
}
