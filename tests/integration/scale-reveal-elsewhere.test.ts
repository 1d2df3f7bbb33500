import { describe, expect, it } from 'vitest';
import { cardsOf } from '../../shared/boardDoc.js';
import { silentTypists, typeFor, useDeployment } from './instances.js';
import { api, createBoard, sleep, waitUntil } from './support.js';

/**
 * "Reveal all cards" through one instance while the room types into private lists held by another: the other
 * instance may accept a card in the moment before it hears that silent collect ended, after the reveal moved the
 * list. Every card the server acknowledged (the author's second tab has it) must still end on the board.
 */
const PARTICIPANTS = 6;
const ROUNDS = 3;
const TYPE_EVERY_MS = 10;
const TYPE_FOR_MS = 600;

describe('revealing through one instance while the room types through another', () => {
  const setup = useDeployment(2);
  const { open } = setup;

  it('leaves no acknowledged card in a private list', async () => {
    const [a, b] = setup.deployment.instances;
    const board = await createBoard(a.url, { language: 'en' });
    const facilitator = (method: string, route: string, body?: unknown) => api(a.url, method, `/api/boards/${board.boardId}${route}`, body, board.facilitatorToken);
    expect((await facilitator('POST', '/phase', { phase: 'collect' })).status).toBe(200);
    const onBoard = open(a, board.boardId, board.facilitatorToken);
    const typists = await silentTypists(open, b, board, PARTICIPANTS);
    const leftBehind = () => typists.flatMap((t) => [...cardsOf(t.secondTab.doc).keys()]);

    for (let round = 0; round < ROUNDS; round++) {
      expect((await facilitator('POST', '/settings', { silentCollect: true })).status).toBe(200);
      await Promise.all([onBoard, ...typists.flatMap((t) => [t.writer, t.secondTab])].map((client) => waitUntil(() => client.provider.wsconnected && client.provider.synced, 10_000)));
      const typed = typeFor(typists, round, TYPE_EVERY_MS, TYPE_FOR_MS);
      await sleep(200);
      const [reveal] = await Promise.all([facilitator('POST', '/reveal-cards'), typed]);
      expect(reveal.status).toBe(200);
      await waitUntil(() => leftBehind().length === 0, 3_000).catch(() => {});
      expect(leftBehind()).toEqual([]);
    }
    const acknowledged = typists.flatMap((t) => [...t.acknowledged]);
    expect(acknowledged.length).toBeGreaterThan(PARTICIPANTS * ROUNDS);
    await waitUntil(() => acknowledged.every((id) => cardsOf(onBoard.doc).has(id)), 5_000).catch(() => {});
    expect(acknowledged.filter((id) => !cardsOf(onBoard.doc).has(id))).toEqual([]);
  }, 60_000);
});
