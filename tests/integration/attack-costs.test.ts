import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { FACILITATOR_ID } from '../../shared/controlDoc.js';
import { fillToCaps, floodSyncRequests, puppetRefusals } from '../../fixtures/attacks.js';
import { api, createBoard, join, liveServer, sleep, synced, waitUntil, type TestClient } from './support.js';

/**
 * An attacker with a full board of their own sends what costs the server most (issue 19) while an honest pair
 * keeps editing on another board. The attack's cost is asserted in the server's own units of work (sync answers
 * encoded, documents rebuilt by undo), which a loaded machine does not blur; the honest round trip is printed.
 */
const server = liveServer();

const metric = async (name: string) => {
  const text = (await api<string>(server.url, 'GET', '/metrics')).body;
  return Number(text.split('\n').find((line) => line.startsWith(`forumboard_${name} `))!.split(' ')[1]);
};

async function fullBoard() {
  const board = await createBoard(server.url, { language: 'en' });
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  const filler = server.connect(board.boardId, board.facilitatorToken);
  const watcher = server.connect(board.boardId, board.observerToken);
  await Promise.all([synced(filler), synced(watcher)]);
  fillToCaps(filler.doc, FACILITATOR_ID);
  await waitUntil(() => cardsOf(watcher.doc).size === cardsOf(filler.doc).size, 60_000);
  filler.destroy();
  watcher.destroy();
  return { board, cardId: Array.from(cardsOf(filler.doc).keys())[0] };
}

/** Runs `attack` while an honest participant edits another board; prints and returns the edit round trips. */
async function besideHonestEditing(attack: () => Promise<unknown>): Promise<number[]> {
  const board = await createBoard(server.url, { language: 'en' });
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  const [writer, reader] = await Promise.all([join(server.url, board, 'Ruud Jansen', 'Company'), join(server.url, board, 'Leila Haddad', 'Trade union')]);
  const a: TestClient = server.connect(board.boardId, writer.token);
  const b: TestClient = server.connect(board.boardId, reader.token);
  await Promise.all([synced(a), synced(b)]);
  const roundTrips: number[] = [];
  let attacking = true;
  const editing = (async () => {
    for (let i = 0; attacking || i < 3; i++) {
      const started = performance.now();
      const id = addCard(a.doc, { title: `Honest card ${i}`, author: writer.participantId });
      await waitUntil(() => cardsOf(b.doc).has(id), 60_000, 2);
      roundTrips.push(performance.now() - started);
      await sleep(50);
    }
  })();
  await attack();
  attacking = false;
  await editing;
  const sorted = [...roundTrips].sort((x, y) => x - y);
  console.log(`honest edit round trip during the attack: n ${sorted.length}, p50 ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
  return roundTrips;
}

describe('attacks from a full board of their own', () => {
  it('answers sync requests naming made-up clients from one cached encode, and never more than three per connection', async () => {
    const { board } = await fullBoard();
    const wsUrl = server.url.replace('http', 'ws') + '/ws';
    const encodedBefore = await metric('sync_answers_encoded_total');
    const roundTrips = await besideHonestEditing(async () => {
      await floodSyncRequests(wsUrl, board.boardId, board.observerToken, 600, 600);
      await floodSyncRequests(wsUrl, board.boardId, board.observerToken, 600, 3);
    });
    // One whole state for the version, and at most one for each room the honest pair's own syncs touched.
    expect((await metric('sync_answers_encoded_total')) - encodedBefore).toBeLessThanOrEqual(3);
    expect(roundTrips.length).toBeGreaterThan(2);
  }, 180_000);

  it('gives twenty puppets refusing on a hundred connections no more rebuilds than the board allows one writer', async () => {
    const { board, cardId } = await fullBoard();
    const wsUrl = server.url.replace('http', 'ws') + '/ws';
    const undoneBefore = await metric('changes_undone_total');
    const started = performance.now();
    let codes: number[] = [];
    await besideHonestEditing(async () => {
      codes = await puppetRefusals(server.url, wsUrl, board, cardId, 20, 5);
    });
    const seconds = (performance.now() - started) / 1000;
    const rebuilds = (await metric('changes_undone_total')) - undoneBefore;
    console.log(`20 puppets × 5 connections: ${rebuilds} rebuilds in ${seconds.toFixed(1)} s; close codes ${[...new Set(codes)].join(', ')}`);
    // The board's allowance: three at once, then one every five seconds.
    expect(rebuilds).toBeLessThanOrEqual(3 + Math.ceil(seconds / 5));
    expect(codes.every((code) => code === 1008 || code === 1013)).toBe(true);
  }, 240_000);
});
