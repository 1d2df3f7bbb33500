import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { privateListRoom } from '../../shared/rooms.js';
import { useDeployment } from './instances.js';
import { api, createBoard, join, sleep, waitUntil, type TestClient } from './support.js';

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
    const typists: Array<{ participantId: string; writer: TestClient; secondTab: TestClient; acknowledged: Set<string> }> = [];
    for (let k = 0; k < PARTICIPANTS; k++) {
      const { participantId, token } = await join(b.url, board, `Typist ${k}`, 'Company');
      const room = privateListRoom(board.boardId, participantId);
      const typist = { participantId, writer: open(b, room, token), secondTab: open(b, room, token), acknowledged: new Set<string>() };
      typist.secondTab.doc.on('update', () => cardsOf(typist.secondTab.doc).forEach((_, id) => typist.acknowledged.add(id)));
      typists.push(typist);
    }
    const leftBehind = () => typists.flatMap((t) => [...cardsOf(t.secondTab.doc).keys()]);

    for (let round = 0; round < ROUNDS; round++) {
      expect((await facilitator('POST', '/settings', { silentCollect: true })).status).toBe(200);
      await Promise.all([onBoard, ...typists.flatMap((t) => [t.writer, t.secondTab])].map((client) => waitUntil(() => client.provider.wsconnected && client.provider.synced, 10_000)));
      const until = Date.now() + TYPE_FOR_MS;
      const typed = typists.map(async (t, k) => {
        for (let n = 0; Date.now() < until; n++) {
          if (t.writer.provider.synced) addCard(t.writer.doc, { title: `Round ${round}, typist ${k}, card ${n}`, author: t.participantId });
          await sleep(TYPE_EVERY_MS);
        }
      });
      await sleep(200);
      const [reveal] = await Promise.all([facilitator('POST', '/reveal-cards'), ...typed]);
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
