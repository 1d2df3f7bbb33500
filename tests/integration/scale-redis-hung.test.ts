import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { useDeployment, type Instance } from './instances.js';
import { api, createBoard, synced, waitUntil, type TestClient } from './support.js';

/**
 * A Redis that hangs (stopped with SIGSTOP: its connections stay open and nothing is answered) is worse than a dead
 * one, since nothing closes. The instances notice it by their heartbeat within seconds, say degraded, carry
 * updates through the log and re-check their sessions, as they do when Redis is down.
 */
describe('two instances while Redis hangs', () => {
  const setup = useDeployment(2);
  const { open } = setup;
  const health = (instance: Instance) => api<{ ok: boolean; status?: string; reason?: string }>(instance.url, 'GET', '/healthz');
  const travels = async (from: TestClient, to: TestClient, title: string, withinMs: number) => {
    const id = addCard(from.doc, { title, author: 'facilitator' });
    await waitUntil(() => cardsOf(to.doc).has(id), withinMs);
  };

  it('says degraded within 5 s, carries edits through the log, closes a link revoked on the other instance, and recovers', async () => {
    const { instances, redis } = setup.deployment;
    const [a, b] = instances;
    const board = await createBoard(a.url, { language: 'en' });
    const minted = await api<{ id: string; token: string }>(a.url, 'POST', `/api/boards/${board.boardId}/observer-links`, {}, board.facilitatorToken);
    const onA = open(a, board.boardId, board.facilitatorToken);
    const onB = open(b, board.boardId, board.facilitatorToken);
    const revokedOnB = open(b, board.boardId, minted.body.token);
    await Promise.all([onA, onB, revokedOnB].map((client) => synced(client)));
    for (const instance of instances) await waitUntil(async () => (await health(instance)).body.status === undefined, 15_000, 100);
    await travels(onA, onB, 'Before the hang', 2_000);

    redis.freeze();
    try {
      const frozenAt = Date.now();
      await waitUntil(async () => (await Promise.all(instances.map(health))).every((answer) => answer.body.status === 'degraded'), 5_000, 100);
      const answers = await Promise.all(instances.map(health));
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.body.reason).toMatch(/Redis/);
      }
      expect(Date.now() - frozenAt).toBeLessThan(5_000);

      await travels(onA, onB, 'During the hang, from A', 3_000);
      await travels(onB, onA, 'During the hang, from B', 3_000);

      expect((await api(a.url, 'DELETE', `/api/boards/${board.boardId}/links/${minted.body.id}`, undefined, board.facilitatorToken)).status).toBe(200);
      await waitUntil(() => revokedOnB.closes.length > 0, 5_000);
      expect(revokedOnB.closes[0]).toEqual({ code: 4412, reason: 'this link was revoked' });
    } finally {
      redis.thaw();
    }

    for (const instance of instances) await waitUntil(async () => (await health(instance)).body.status === undefined, 15_000, 100);
    await travels(onB, onA, 'After the hang', 2_000);
    expect([...cardsOf(onB.doc).keys()].sort()).toEqual([...cardsOf(onA.doc).keys()].sort());
  }, 60_000);
});
