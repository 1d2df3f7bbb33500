import { addCard, addCluster, moveCards } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { LIMITS } from '../shared/limits.js';
import { tableBoardRoom } from '../shared/rooms.js';
import type { MergeResult } from '../shared/tables/api.js';
import type { Seating } from '../shared/tables/seating.js';
import { api, createBoard } from '../fixtures/workshopApi.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { now, spread } from './stats.js';
import { ms, type Row } from './table.js';
import { openSyncedYClient } from './yclient.js';

/**
 * The merge of breakout tables into the plenary (`POST …/tables/merge`, server/tables/TableMerge.ts): six tables of
 * 20 cards, the kick-off the issue names, and six tables at the per-table cap, each table clustered into themes of
 * ten. Every run is a fresh workshop; the figure is the p50 over the runs of the request's round trip and of the
 * server's CPU (user + system) over it.
 */
const TABLES = 6;
const RUNS = 7;
const CASES = [20, LIMITS.maxCardsPerTable];

export async function runTables(log: (line: string) => void): Promise<{ rows: Row[]; cases: Array<{ cardsPerTable: number; ms: number[]; cpuMs: number[] }> }> {
  const server = await startForumboard();
  try {
    const rows: Row[] = [];
    const cases = [];
    for (const cardsPerTable of CASES) {
      const times: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const merged = await timedMerge(server, cardsPerTable);
        times.push(merged.ms);
        cpu.push(merged.cpuMs);
      }
      const [time, used] = [spread(times), spread(cpu)];
      const measure = `merge of ${TABLES} tables of ${cardsPerTable} cards (${TABLES * cardsPerTable} cards), p50 / max of ${RUNS}`;
      log(`${measure}: ${ms(time.p50)} / ${ms(time.max)}, server CPU ${ms(used.p50)} / ${ms(used.max)}`);
      rows.push({ section: 'tables', measure: `${measure}: round trip`, value: `${ms(time.p50)} / ${ms(time.max)}` });
      rows.push({ section: 'tables', measure: `${measure}: server CPU`, value: `${ms(used.p50)} / ${ms(used.max)}` });
      cases.push({ cardsPerTable, ms: times, cpuMs: cpu });
    }
    return { rows, cases };
  } finally {
    await server.stop();
  }
}

/** A workshop seated at six tables whose boards the facilitator filled and clustered, then merged once. */
async function timedMerge(server: ServerChild, cardsPerTable: number): Promise<{ ms: number; cpuMs: number }> {
  const board = await createBoard(server.url, { title: 'Regional kick-off', language: 'en' });
  const route = `/api/boards/${board.boardId}`;
  await api(server.url, 'POST', `${route}/phase`, { phase: 'collect' }, board.facilitatorToken);
  const seating = (await api<Seating>(server.url, 'POST', `${route}/tables`, { count: TABLES }, board.facilitatorToken)).body;
  const before = await server.metric('forumboard_updates_applied_total');
  const clients = await Promise.all(seating.tables.map((table) => openSyncedYClient(server.wsUrl, tableBoardRoom(board.boardId, table.id), board.facilitatorToken)));
  for (const [index, client] of clients.entries()) {
    client.doc.transact(() => {
      const ids = Array.from({ length: cardsPerTable }, (_, i) => addCard(client.doc, { title: `Table ${index + 1}, idea ${i + 1} about hiring and training`, author: FACILITATOR_ID }));
      for (let from = 0; from < ids.length; from += 10) moveCards(client.doc, ids.slice(from, from + 10), addCluster(client.doc, { title: `Theme ${from / 10 + 1} of table ${index + 1}` }));
    });
  }
  await server.waitForMetric('forumboard_updates_applied_total', (value) => value >= before + TABLES);
  const cpuBefore = (await server.usage(false)).cpu;
  const started = now();
  const res = await api<MergeResult>(server.url, 'POST', `${route}/tables/merge`, {}, board.facilitatorToken);
  const elapsed = now() - started;
  const cpuAfter = (await server.usage(false)).cpu;
  for (const client of clients) client.close();
  if (res.status !== 200 || res.body.cards !== TABLES * cardsPerTable) throw new Error(`merge answered ${res.status}: ${JSON.stringify(res.body)}`);
  return { ms: elapsed, cpuMs: (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000 };
}
