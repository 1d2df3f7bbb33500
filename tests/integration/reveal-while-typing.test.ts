import { describe, expect, it } from 'vitest';
import { cardsOf } from '../../shared/boardDoc.js';
import { silentTypists, typeFor, useDeployment } from './instances.js';
import { api, createBoard, sleep, waitUntil } from './support.js';

/**
 * "Reveal all cards" while the room still types, on PostgreSQL (where storing takes a round trip): every card
 * the server acknowledged ends up on the board, or is still in its author's private list and comes out with the
 * next reveal. A card counts as acknowledged once the author's second tab has it, since the server sends a change
 * to anyone only after storing it.
 */
const PARTICIPANTS = 10;
const ROUNDS = 4;
const TYPE_EVERY_MS = 20;
/** Each round the room types this long, and the facilitator reveals a moment after it started. */
const TYPE_FOR_MS = 1_000;

describe('revealing silent cards while ten participants type', () => {
  const setup = useDeployment(1);
  const { open } = setup;

  it('loses no acknowledged card, round after round', async () => {
    const [server] = setup.deployment.instances;
    const board = await createBoard(server.url, { language: 'en' });
    const facilitator = (method: string, route: string, body?: unknown) => api(server.url, method, `/api/boards/${board.boardId}${route}`, body, board.facilitatorToken);
    expect((await facilitator('POST', '/phase', { phase: 'collect' })).status).toBe(200);
    const onBoard = open(server, board.boardId, board.facilitatorToken);
    const typists = await silentTypists(open, server, board, PARTICIPANTS);
    const lost = () => {
      const shown = cardsOf(onBoard.doc);
      return typists.flatMap((t) => [...t.acknowledged].filter((id) => !shown.has(id) && !cardsOf(t.secondTab.doc).has(id)));
    };

    for (let round = 0; round < ROUNDS; round++) {
      expect((await facilitator('POST', '/settings', { silentCollect: true })).status).toBe(200);
      await Promise.all([onBoard, ...typists.flatMap((t) => [t.writer, t.secondTab])].map((client) => waitUntil(() => client.provider.wsconnected && client.provider.synced, 10_000)));
      const typed = typeFor(typists, round, TYPE_EVERY_MS, TYPE_FOR_MS);
      await sleep(150);
      const [reveal] = await Promise.all([facilitator('POST', '/reveal-cards'), typed]);
      expect(reveal.status).toBe(200);
      // What the server sent is on its way: wait until every acknowledged card arrived wherever it went.
      await sleep(300);
      await waitUntil(() => lost().length === 0, 5_000).catch(() => {});
      expect(lost()).toEqual([]);
    }
    expect((await facilitator('POST', '/reveal-cards')).status).toBe(200);
    const acknowledged = typists.flatMap((t) => [...t.acknowledged]);
    expect(acknowledged.length).toBeGreaterThan(PARTICIPANTS * ROUNDS);
    await waitUntil(() => acknowledged.every((id) => cardsOf(onBoard.doc).has(id)), 10_000).catch(() => {});
    expect(acknowledged.filter((id) => !cardsOf(onBoard.doc).has(id))).toEqual([]);
  }, 180_000);
});
