import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { useDeployment, type Instance } from './instances.js';
import { api, createBoard, synced, waitUntil, type TestClient } from './support.js';

/**
 * Redis only makes things fast. Stopped, the instances keep serving and read each other's updates from the
 * database log, within two seconds (the bound the issue sets); /healthz says degraded, and normal again once
 * Redis is back.
 */
describe('three instances while Redis is down', () => {
  const setup = useDeployment(3);
  const { open } = setup;
  const health = (instance: Instance) => api<{ ok: boolean; status?: string; reason?: string }>(instance.url, 'GET', '/healthz');
  /** Adds a card on one client and waits until every other client has it, at most `withinMs`. */
  const travels = async (from: TestClient, to: TestClient[], title: string, withinMs: number) => {
    const id = addCard(from.doc, { title, author: 'facilitator' });
    await waitUntil(() => to.every((client) => cardsOf(client.doc).has(id)), withinMs);
  };

  it('serves on, carries updates between instances within two seconds through the log, says degraded, and recovers', async () => {
    const { instances, redis } = setup.deployment;
    const board = await createBoard(instances[0].url, { language: 'en' });
    const [a, b, c] = instances.map((instance) => open(instance, board.boardId, board.facilitatorToken));
    await Promise.all([a, b, c].map((client) => synced(client)));
    await travels(a, [b, c], 'Before the outage', 5_000);
    // An instance says degraded until its first connection to Redis is up; on a loaded machine that can take a moment.
    for (const instance of instances) await waitUntil(async () => (await health(instance)).body.status === undefined, 15_000, 100);
    for (const instance of instances) expect((await health(instance)).body).toEqual({ ok: true });

    await redis.stop();
    for (const instance of instances) {
      await waitUntil(async () => (await health(instance)).body.status === 'degraded', 5_000);
      const answer = await health(instance);
      expect(answer.status).toBe(200);
      expect(answer.body.reason).toMatch(/Redis/);
    }
    for (let k = 0; k < 3; k++) {
      await travels(a, [b, c], `During the outage, from instance 0, #${k}`, 2_000);
      await travels(c, [a, b], `During the outage, from instance 2, #${k}`, 2_000);
    }
    // A client that connects during the outage gets everything too.
    const late = open(instances[1], board.boardId, board.observerToken);
    await synced(late);
    await waitUntil(() => cardsOf(late.doc).size === 7, 2_000);

    await redis.start();
    for (const instance of instances) await waitUntil(async () => (await health(instance)).body.status === undefined, 15_000);
    for (const instance of instances) expect((await health(instance)).body).toEqual({ ok: true });
    await travels(b, [a, c, late], 'After the outage', 2_000);
    const reference = [...cardsOf(a.doc).keys()].sort();
    expect(reference).toHaveLength(8);
    for (const client of [b, c, late]) expect([...cardsOf(client.doc).keys()].sort()).toEqual(reference);
  });
});
