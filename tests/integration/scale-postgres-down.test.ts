import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { CLOSE } from '../../shared/closeCodes.js';
import { useDeployment } from './instances.js';
import { api, createBoard, synced, waitUntil } from './support.js';

/**
 * PostgreSQL is the source of truth. Stopped, a write cannot be stored, so it is refused with 1013 "try again
 * later" and reaches nobody; what was acknowledged before stays. Back, writes work again and everything
 * acknowledged before is there, on every instance.
 */
describe('two instances while PostgreSQL is down', () => {
  const setup = useDeployment(2);
  const { open } = setup;

  it('refuses writes with 1013, loses nothing acknowledged, and takes writes again once it is back', async () => {
    const { instances, postgres } = setup.deployment;
    const board = await createBoard(instances[0].url, { language: 'en' });
    const writer = open(instances[0], board.boardId, board.facilitatorToken);
    const reader = open(instances[1], board.boardId, board.observerToken);
    await Promise.all([synced(writer), synced(reader)]);
    // Acknowledged: another instance's client has it, and an instance sends only what is stored.
    const acknowledged = Array.from({ length: 10 }, (_, k) => addCard(writer.doc, { title: `Acknowledged ${k}`, author: 'facilitator' }));
    await waitUntil(() => acknowledged.every((id) => cardsOf(reader.doc).has(id)), 5_000);

    postgres.stop();
    const refused = addCard(writer.doc, { title: 'Written while the database is down', author: 'facilitator' });
    await waitUntil(() => writer.closes.some((close) => close.code === CLOSE.busy), 10_000);
    expect(writer.closes.find((close) => close.code === CLOSE.busy)?.reason).toMatch(/try again/i);
    expect(cardsOf(reader.doc).has(refused)).toBe(false);
    // /healthz probes the database itself (at most once a second) and says so from the next request on.
    await waitUntil(async () => (await api(instances[1].url, 'GET', '/healthz')).status === 503, 5_000);
    // A REST command is refused alike, with a code the browser says in the reader's language, and nothing of what
    // the database driver said (addresses, ports) reaches the caller.
    const command = await api<{ error: string; code?: string }>(instances[0].url, 'POST', '/api/boards', { title: 'Made while the database is down', question: 'Is it stored?', language: 'en' });
    expect(command.status).toBe(503);
    expect(command.body.code).toBe('try-again-later');
    expect(command.body.error).not.toMatch(/ECONN|127\.0\.0\.1|:\d{4}/);

    postgres.start();
    // The stock client reconnects by itself and sends what it still has, the refused card included.
    await waitUntil(() => writer.provider.wsconnected && writer.provider.synced, 20_000);
    const after = addCard(writer.doc, { title: 'Written after the database came back', author: 'facilitator' });
    await waitUntil(() => cardsOf(reader.doc).has(after) && cardsOf(reader.doc).has(refused), 10_000);
    for (const instance of instances) {
      const newcomer = open(instance, board.boardId, board.observerToken);
      await synced(newcomer);
      await waitUntil(() => cardsOf(newcomer.doc).size === 12, 5_000);
      for (const id of [...acknowledged, refused, after]) expect(cardsOf(newcomer.doc).has(id)).toBe(true);
    }
    for (const instance of instances) await waitUntil(async () => (await api(instance.url, 'GET', '/healthz')).status === 200, 5_000);
  });

  it('hung (stopped, not dead): REST commands answer 503 instead of hanging, /healthz says so within two seconds, and all is well once it answers again', async () => {
    const { instances, postgres } = setup.deployment;
    const [a] = instances;
    await waitUntil(async () => (await api(a.url, 'GET', '/healthz')).status === 200, 10_000);
    postgres.freeze();
    try {
      const command = api<{ code?: string }>(a.url, 'POST', '/api/boards', { title: 'Made while the database hangs', question: 'Is it stored?', language: 'en' });
      await waitUntil(async () => (await api(a.url, 'GET', '/healthz')).status === 503, 2_500, 100);
      const answer = await command;
      expect(answer.status).toBe(503);
      expect(answer.body.code).toBe('try-again-later');
    } finally {
      postgres.thaw();
    }
    await waitUntil(async () => (await api(a.url, 'GET', '/healthz')).status === 200, 10_000, 200);
    expect((await api(a.url, 'POST', '/api/boards', { title: 'Made once it answers', question: 'Is it stored?', language: 'en' })).status).toBe(201);
  }, 30_000);
});
