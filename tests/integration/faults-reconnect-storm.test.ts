import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { api, connect, createBoard, freePort, startServerProcess, tempDataDir, waitUntil, type TestClient } from './support.js';

/**
 * A venue's wifi hiccups or the server is redeployed: every participant's provider reconnects at once.
 * All of them must come back, synced and converged, with nothing lost. How long that takes is printed here
 * and measured by the bench (`npm run bench`); a test asserts what people rely on, not a time, because on a
 * shared 2-core runner the server's own start-up swings by seconds.
 */

const BOARDS = 3;
const CLIENTS_PER_BOARD = 100;
/** Longer than any restart takes: reaching it means the clients did not come back. */
const GIVE_UP_MS = 40_000;

const children: ChildProcess[] = [];
const clients: TestClient[] = [];
// Each provider listens for the process's exit to say goodbye; hundreds of them are expected here.
process.setMaxListeners(BOARDS * CLIENTS_PER_BOARD + 20);
afterAll(() => {
  clients.forEach((c) => c.destroy());
  children.forEach((c) => c.kill('SIGKILL'));
});

interface Room {
  board: CreateBoardResponse;
  facilitator: TestClient;
  audience: TestClient[];
}

const back = (c: TestClient) => c.provider.wsconnected && c.provider.synced;

describe('reconnect storm', () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`${BOARDS * CLIENTS_PER_BOARD} clients reconnect and converge after ${signal} and restart, nothing lost`, async () => {
      const dataDir = tempDataDir();
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      children.push(await startServerProcess(dataDir, port));
      const rooms: Room[] = [];
      for (let b = 0; b < BOARDS; b++) {
        const board = await createBoard(base, { title: `Regionalt industriforum ${b + 1}` });
        await api(base, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
        const facilitator = connect(base, board.boardId, board.facilitatorToken);
        const audience = Array.from({ length: CLIENTS_PER_BOARD - 1 }, () => connect(base, board.boardId, board.observerToken));
        clients.push(facilitator, ...audience);
        rooms.push({ board, facilitator, audience });
      }
      const all = rooms.flatMap((r) => [r.facilitator, ...r.audience]);
      await waitUntil(() => all.every(back), 20_000, 50);
      rooms.forEach((r) => addCard(r.facilitator.doc, { title: 'Före omstarten', author: 'facilitator' }));
      await waitUntil(() => all.every((c) => cardsOf(c.doc).size === 1), 10_000, 50);

      const old = children[children.length - 1];
      const killedAt = performance.now();
      old.kill(signal);
      await once(old, 'exit');
      await waitUntil(() => all.every((c) => !c.provider.wsconnected), 5_000, 20);
      children.push(await startServerProcess(dataDir, port));
      const listeningAt = performance.now();

      await waitUntil(() => all.every(back), GIVE_UP_MS, 20);
      const syncedAt = performance.now();
      const afterRestart = rooms.map((r) => addCard(r.facilitator.doc, { title: 'Efter omstarten', author: 'facilitator' }));
      await waitUntil(() => rooms.every((r, i) => r.audience.every((c) => cardsOf(c.doc).has(afterRestart[i]))), GIVE_UP_MS, 20);
      const convergedAt = performance.now();

      const ms = (t: number) => `${(t - killedAt).toFixed(0)} ms`;
      console.log(
        `${signal} storm of ${all.length}: server listening ${ms(listeningAt)}, all synced ${ms(syncedAt)}, ` +
          `all converged ${ms(convergedAt)} after the kill (${(convergedAt - listeningAt).toFixed(0)} ms after listening)`,
      );
      for (const r of rooms) {
        const expected = cardsOf(r.facilitator.doc).toJSON();
        for (const c of r.audience) expect(cardsOf(c.doc).toJSON()).toEqual(expected);
      }
      all.forEach((c) => c.destroy());
      clients.splice(0);
    }, 120_000);
  }
});
