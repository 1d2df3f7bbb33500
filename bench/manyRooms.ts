import type { CreateBoardResponse } from '../shared/api.js';
import { addCard, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { createBoard } from '../fixtures/workshopApi.js';
import { ClientFleet } from './clientFleet.js';
import type { Usage } from './serverEntry.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { inPool, sleep, spread } from './stats.js';
import { kB, type Row } from './table.js';
import { openSyncedYClient, type YClient } from './yclient.js';

/**
 * 200 boards with 25 clients each (one writing facilitator in this process, 24 readers in workers): the
 * server's memory per room while they are active and after everyone left and the rooms were unloaded,
 * and the server's CPU time per accepted update (apply, policy, append, broadcast to 24 peers).
 * The whole visit runs three times: the first warms the server's code and caches, so that what the later
 * ones leave behind after unloading is what rooms leak, not what V8 compiled.
 */
const BOARDS = 200;
const CLIENTS_PER_BOARD = 25;
const WORKERS = 2;
const EDIT_ROUNDS = 10;
const GRACE_MS = 500;
const VISITS = 3;
/** "≈ 0": what a room may leave behind per visit, as a share of what it holds while active. */
const IDLE_TARGET_SHARE = 0.02;

interface Visit {
  connectSeconds: number;
  active: Usage['memory'];
  afterUnload: Usage['memory'];
  updates: number;
  cpuMicros: number;
}

export interface ManyRoomsFigures {
  boards: number;
  clientsPerBoard: number;
  empty: Usage['memory'];
  visits: Visit[];
  heapPerActiveRoom: number;
  rssPerActiveRoom: number;
  /** Heap left per room and visit by the visits after the first, measured against the first one's leftovers. */
  heapLeakPerRoom: number;
  /** Heap above the empty server per room after all visits (includes compiled code and warmed caches). */
  heapAboveEmptyPerRoom: number;
  cpuMicrosPerUpdate: number;
}

const cpuMicros = (u: Usage) => u.cpu.user + u.cpu.system;

/** Everyone joins, the facilitators edit, everyone leaves, the rooms unload. */
async function visit(server: ServerChild, boards: CreateBoardResponse[], log: (line: string) => void): Promise<Visit> {
  const fleet = ClientFleet.start(WORKERS);
  const writers: YClient[] = [];
  try {
    const started = Date.now();
    writers.push(...(await inPool(boards, 20, (b) => openSyncedYClient(server.wsUrl, b.boardId, b.facilitatorToken))));
    const cards = writers.map((w) => addCard(w.doc, { title: 'A card to edit #0', author: FACILITATOR_ID }));
    await fleet.open((worker) => ({
      type: 'open-yjs',
      wsUrl: server.wsUrl,
      rooms: boards.filter((_, i) => i % WORKERS === worker).map((b) => ({ room: b.boardId, token: b.observerToken, clients: CLIENTS_PER_BOARD - 1 })),
      batch: 100,
    }));
    await server.waitForMetric('forumboard_connections', (v) => v === BOARDS * CLIENTS_PER_BOARD);
    const connectSeconds = (Date.now() - started) / 1000;
    await sleep(1000);
    const active = await server.usage(true);

    const applied = await server.metric('forumboard_updates_applied_total');
    const before = await server.usage(false);
    for (let round = 1; round <= EDIT_ROUNDS; round++) {
      writers.forEach((w, i) => setCardTitle(w.doc, cards[i], `A card to edit #${round}`));
      await sleep(100);
    }
    const updates = BOARDS * EDIT_ROUNDS;
    await server.waitForMetric('forumboard_updates_applied_total', (v) => v >= applied + updates);
    await sleep(200);
    const after = await server.usage(false);

    writers.splice(0).forEach((w) => w.close());
    await fleet.close();
    await server.waitForMetric('forumboard_connections', (v) => v === 0);
    await server.waitForMetric('forumboard_rooms_loaded', (v) => v === 0, GRACE_MS + 30_000);
    const afterUnload = await server.usage(true);
    const result = { connectSeconds, active: active.memory, afterUnload: afterUnload.memory, updates, cpuMicros: cpuMicros(after) - cpuMicros(before) };
    log(
      `visit: ${BOARDS * CLIENTS_PER_BOARD} clients synced in ${connectSeconds.toFixed(1)} s; heap active ${mib(active.memory.heapUsed)}, ` +
        `after unload ${mib(afterUnload.memory.heapUsed)}; ${updates} updates took ${(result.cpuMicros / 1000).toFixed(0)} ms CPU`,
    );
    return result;
  } finally {
    writers.forEach((w) => w.close());
    await fleet.close();
  }
}

export async function runManyRooms(log: (line: string) => void): Promise<{ rows: Row[]; figures: ManyRoomsFigures }> {
  const server = await startForumboard({ ROOM_GRACE_MS: String(GRACE_MS) });
  try {
    const boards = await inPool(Array.from({ length: BOARDS }), 10, (_, i) => createBoard(server.url, { title: `Workshop ${i + 1}`, language: 'en' }));
    // Creating a board loads its room for a moment; measure from a server that holds none.
    await server.waitForMetric('forumboard_rooms_loaded', (v) => v === 0);
    const empty = (await server.usage(true)).memory;
    const visits: Visit[] = [];
    for (let i = 0; i < VISITS; i++) visits.push(await visit(server, boards, log));
    const first = visits[0];
    const last = visits[visits.length - 1];
    const later = visits.slice(1);
    const figures: ManyRoomsFigures = {
      boards: BOARDS,
      clientsPerBoard: CLIENTS_PER_BOARD,
      empty,
      visits,
      heapPerActiveRoom: (first.active.heapUsed - empty.heapUsed) / BOARDS,
      rssPerActiveRoom: (first.active.rss - empty.rss) / BOARDS,
      heapLeakPerRoom: (last.afterUnload.heapUsed - first.afterUnload.heapUsed) / later.length / BOARDS,
      heapAboveEmptyPerRoom: (last.afterUnload.heapUsed - empty.heapUsed) / BOARDS,
      cpuMicrosPerUpdate: later.reduce((sum, v) => sum + v.cpuMicros, 0) / later.reduce((sum, v) => sum + v.updates, 0),
    };
    const leakTarget = IDLE_TARGET_SHARE * figures.heapPerActiveRoom;
    const section = `${BOARDS} rooms × ${CLIENTS_PER_BOARD}`;
    const rows: Row[] = [
      {
        section,
        measure: `server heap / RSS per active room (with its ${CLIENTS_PER_BOARD} connections)`,
        value: `${kB(figures.heapPerActiveRoom)} / ${kB(figures.rssPerActiveRoom)}`,
      },
      {
        section,
        measure: `heap per room left by each later visit after unload (grace ${GRACE_MS} ms)`,
        value: `${kB(figures.heapLeakPerRoom)} (${kB(figures.heapAboveEmptyPerRoom)} above a never-used server)`,
        target: `≈ 0 (≤ ${IDLE_TARGET_SHARE * 100}% of active: ${kB(leakTarget)})`,
        met: figures.heapLeakPerRoom <= leakTarget,
      },
      {
        section,
        measure: `server CPU per accepted update (apply, policy, append, send to ${CLIENTS_PER_BOARD - 1})`,
        value: `${figures.cpuMicrosPerUpdate.toFixed(0)} µs`,
      },
      {
        section,
        measure: 'server heap / RSS: empty, active, after unload',
        value: [empty, last.active, last.afterUnload].map((m) => `${mib(m.heapUsed)} / ${mib(m.rss)}`).join(', '),
      },
      { section, measure: `${BOARDS * CLIENTS_PER_BOARD} clients connected and synced, p50 of ${VISITS} visits`, value: `${spread(visits.map((v) => v.connectSeconds)).p50.toFixed(1)} s` },
    ];
    return { rows, figures };
  } finally {
    await server.stop();
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
