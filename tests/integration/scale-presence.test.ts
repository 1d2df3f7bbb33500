import { describe, expect, it } from 'vitest';
import { useDeployment } from './instances.js';
import { createBoard, join, sleep, synced, waitUntil, type TestClient } from './support.js';

/**
 * Presence reaches every instance: the facilitator's presence list on instance A shows a participant connected
 * to instance B, with the identity the server knows, and loses them when they leave, or when their instance
 * dies. Stock y-websocket clients, two instances on one PostgreSQL and one Redis.
 */
describe('presence across instances', () => {
  const setup = useDeployment(2);
  const { open } = setup;
  const names = (client: TestClient) =>
    [...client.provider.awareness.getStates().values()].map((state) => (state.user as { name?: string } | undefined)?.name ?? null).sort();

  it("a participant on instance B is in the facilitator's presence on instance A, and leaves it when they go", async () => {
    const [a, b] = setup.deployment.instances;
    const board = await createBoard(a.url, { language: 'en' });
    const anna = await join(a.url, board, 'Anna', 'company');
    const facilitator = open(a, board.boardId, board.facilitatorToken);
    await synced(facilitator);
    facilitator.provider.awareness.setLocalStateField('typing', null);

    const annaOnB = open(b, board.boardId, anna.token);
    await synced(annaOnB);
    annaOnB.provider.awareness.setLocalState({ typing: null, name: 'Facilitator', role: 'facilitator' });
    await waitUntil(() => names(facilitator).includes('Anna'), 5_000);
    const annaSeen = facilitator.provider.awareness.getStates().get(annaOnB.doc.clientID);
    expect(annaSeen).toMatchObject({ typing: null, user: { name: 'Anna', organisation: expect.any(String) } });
    expect(annaSeen).not.toHaveProperty('role');
    expect(annaSeen).not.toHaveProperty('name');
    // And the other way round: Anna on B sees the facilitator on A.
    await waitUntil(() => annaOnB.provider.awareness.getStates().size === 2, 5_000);

    annaOnB.destroy();
    await waitUntil(() => !facilitator.provider.awareness.getStates().has(annaOnB.doc.clientID), 5_000);
    expect(facilitator.provider.awareness.getStates().size).toBe(1);
  });

  it('forgets the people of an instance that died, within about 30 s', async () => {
    const [a, b] = setup.deployment.instances;
    const board = await createBoard(a.url, { language: 'en' });
    const anna = await join(a.url, board, 'Anna', 'company');
    const facilitator = open(a, board.boardId, board.facilitatorToken);
    const annaOnB = open(b, board.boardId, anna.token);
    await Promise.all([synced(facilitator), synced(annaOnB)]);
    annaOnB.provider.awareness.setLocalStateField('typing', null);
    await waitUntil(() => names(facilitator).includes('Anna'), 5_000);

    await b.kill();
    // A newcomer on A is sent everyone A still shows: Anna must drop out of that, not only out of old screens.
    const newcomerSees = async () => {
      const newcomer = open(a, board.boardId, board.observerToken);
      await synced(newcomer);
      await sleep(300);
      const seen = names(newcomer);
      newcomer.destroy();
      return seen;
    };
    expect(await newcomerSees()).toContain('Anna');
    await waitUntil(async () => !(await newcomerSees()).includes('Anna'), 45_000, 1_000);
  }, 60_000);
});
