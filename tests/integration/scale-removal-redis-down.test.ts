import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { SESSIONS_ENDED_WITHIN_MS } from '../../server/access/SessionRecheck.js';
import { useDeployment } from './instances.js';
import { api, createBoard, join, sleep, synced, waitUntil, type TestClient } from './support.js';

/**
 * With Redis down, a participant connected to instance B keeps writing until B's re-check ends their session, and
 * B stores what it took. A removal through instance A that asked for their cards to be deleted deletes those too.
 */
describe('removing a participant on one instance while Redis is down', () => {
  const setup = useDeployment(2);
  const { open } = setup;
  const authoredBy = (client: TestClient, author: string) => [...cardsOf(client.doc).values()].filter((card) => card.get('author') === author).length;

  it('deletes the cards they wrote on the other instance after the removal, as the removal asked', async () => {
    const [a, b] = setup.deployment.instances;
    await setup.deployment.redis.stop();
    for (const instance of [a, b]) await waitUntil(async () => (await api<{ status?: string }>(instance.url, 'GET', '/healthz')).body.status === 'degraded', 10_000);
    const board = await createBoard(a.url, { language: 'en' });
    expect((await api(a.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken)).status).toBe(200);
    const anna = await join(a.url, board, 'Anna', 'company');
    const annaOnB = open(b, board.boardId, anna.token);
    const facilitatorOnA = open(a, board.boardId, board.facilitatorToken);
    const facilitatorOnB = open(b, board.boardId, board.facilitatorToken);
    await Promise.all([synced(annaOnB), synced(facilitatorOnA), synced(facilitatorOnB)]);
    addCard(annaOnB.doc, { title: 'Before the removal', author: anna.participantId });
    await waitUntil(() => authoredBy(facilitatorOnA, anna.participantId) === 1, 5_000);

    const removed = api(a.url, 'DELETE', `/api/boards/${board.boardId}/participants/${anna.participantId}`, { cards: 'delete' }, board.facilitatorToken);
    // She writes on until instance B ends her session.
    let written = 0;
    while (annaOnB.closes.length === 0) {
      if (annaOnB.provider.wsconnected) addCard(annaOnB.doc, { title: `Written meanwhile #${++written}`, author: anna.participantId });
      await sleep(50);
    }
    expect((await removed).status).toBe(200);
    expect(written).toBeGreaterThan(0);

    await waitUntil(() => authoredBy(facilitatorOnA, anna.participantId) === 0 && authoredBy(facilitatorOnB, anna.participantId) === 0, SESSIONS_ENDED_WITHIN_MS + 5_000);
  }, 60_000);
});
