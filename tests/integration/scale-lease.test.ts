import { describe, expect, it } from 'vitest';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { CLOSE } from '../../shared/closeCodes.js';
import { collectingBoard as collectingBoardOn, failOver, OWNED_BOARDS, useDeployment, writeCards, type Instance } from './instances.js';
import { api, sleep, synced, waitUntil, type TestClient } from './support.js';

/** The bound (24): during a deploy no client is without its board for longer than this. */
const BACK_WITHIN_MS = 2_000;
/** A killed owner's lease lapses 6 s after its last renewal; its clients are back a moment after that. */
const TAKEN_OVER_WITHIN_MS = 10_000;

async function gauges(instance: Instance): Promise<{ rooms: number; owned: number; relayed: number }> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  const gauge = (name: string) => Number(new RegExp(`^forumboard_${name} (\\d+)$`, 'm').exec(text)?.[1]);
  return { rooms: gauge('rooms_loaded'), owned: gauge('boards_owned'), relayed: gauge('connections_relayed') };
}

/**
 * Three instances, each its own process, on one PostgreSQL database and one Redis, with boards owned by one
 * instance at a time: the clients of a board, whichever instance they reach, are served by its owner (the others
 * relay them and hold no copy of its documents); the lease moves within seconds of the owner's kill -9 and at
 * once on its SIGTERM, and nothing anyone saw is lost.
 */
describe('a board owned by one of three instances', () => {
  const setup = useDeployment(3, OWNED_BOARDS);
  const { open } = setup;
  const cardIds = (client: TestClient) => [...cardsOf(client.doc).keys()].sort();

  /** The one running instance holding a board's lease (the tests have one board with clients at a time). */
  async function ownerOf(instances: Instance[]): Promise<Instance> {
    let owner: Instance | undefined;
    await waitUntil(async () => {
      const running = instances.filter((instance) => instance.running);
      const owned = await Promise.all(running.map(async (instance) => (await gauges(instance)).owned));
      owner = owned.filter((n) => n > 0).length === 1 ? running[owned.findIndex((n) => n > 0)] : undefined;
      return owner !== undefined;
    }, TAKEN_OVER_WITHIN_MS, 100);
    return owner!;
  }

  /** Writers spread over the three instances, each moving to another running instance when its own goes away. */
  async function writersOn(people: number) {
    const { instances } = setup.deployment;
    const { board, participants } = await collectingBoardOn(instances, open, people);
    const writers = participants.map((p, i) => {
      const client = open(instances[i % 3], board.boardId, p.token);
      failOver(client, instances);
      return client;
    });
    await Promise.all(writers.map((w) => synced(w)));
    return { board, participants, writers };
  }

  it('serves the clients reaching any instance on the owner alone: the others relay them and load none of its documents', async () => {
    const { instances } = setup.deployment;
    const { participants, writers } = await writersOn(6);
    writers.forEach((w, i) => addCard(w.doc, { title: `Card from writer ${i}`, author: participants[i].participantId }));
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === 6), 10_000);

    const owner = await ownerOf(instances);
    const others = instances.filter((instance) => instance !== owner);
    // The rooms the join and phase commands loaded there are unloaded after their grace; the relayed clients load none.
    await waitUntil(async () => (await Promise.all(others.map(gauges))).every((g) => g.rooms === 0), 10_000, 100);
    for (const other of others) expect((await gauges(other)).relayed).toBeGreaterThan(0);
    expect((await gauges(owner)).rooms).toBe(1);
    const reference = cardIds(writers[0]);
    for (const w of writers) expect(cardIds(w)).toEqual(reference);
  });

  it('closes a relayed connection whose link was revoked through a third instance with 4412, passed on by the relay', async () => {
    const { instances } = setup.deployment;
    const { board } = await writersOn(3);
    const owner = await ownerOf(instances);
    const [relaying, third] = instances.filter((instance) => instance !== owner);
    const minted = await api<{ id: string; token: string }>(owner.url, 'POST', `/api/boards/${board.boardId}/observer-links`, {}, board.facilitatorToken);
    expect(minted.status).toBe(201);
    const revoked = open(relaying, board.boardId, minted.body.token);
    const kept = open(relaying, board.boardId, board.observerToken);
    await Promise.all([synced(revoked), synced(kept)]);

    expect((await api(third.url, 'DELETE', `/api/boards/${board.boardId}/links/${minted.body.id}`, undefined, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => revoked.closes.length > 0, 10_000);
    expect(revoked.closes[0]).toEqual({ code: CLOSE.revoked, reason: 'this link was revoked' });
    await sleep(300);
    expect(kept.closes).toEqual([]);
    expect(kept.provider.wsconnected).toBe(true);
  });

  it('SIGTERM of the owner hands the board over at once: its clients and the relayed ones are closed with 1012 and back within 2 s, nothing lost', async () => {
    const { instances } = setup.deployment;
    const { participants, writers } = await writersOn(6);
    const owner = await ownerOf(instances);
    const backAt: number[] = [];
    writers.forEach((w) => w.provider.on('connection-close', () => w.provider.once('sync', () => backAt.push(performance.now()))));
    writers.forEach((w, i) => addCard(w.doc, { title: `Before the deploy, writer ${i}`, author: participants[i].participantId }));
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === 6), 10_000);

    const stoppedAt = performance.now();
    const stopping = owner.stop();
    try {
      const successor = await ownerOf(instances.filter((instance) => instance !== owner));
      const handedOverMs = performance.now() - stoppedAt;
      expect(await stopping).toBe(0);
      const closes = () => writers.reduce((sum, w) => sum + w.closes.length, 0);
      await waitUntil(() => writers.every((w) => w.provider.wsconnected && w.provider.synced) && backAt.length === closes(), 10_000);
      const backMs = Math.max(...backAt) - stoppedAt;
      console.log(`SIGTERM of the owner: lease on another instance after ${handedOverMs.toFixed(0)} ms, every client back after ${backMs.toFixed(0)} ms`);
      expect(successor).not.toBe(owner);
      expect(backMs).toBeLessThan(BACK_WITHIN_MS);
      // Every client, whether on the owner or relayed to it, heard the restart's close.
      for (const w of writers) expect(w.closes[0]).toEqual({ code: CLOSE.serviceRestart, reason: 'this server is restarting; reconnect now' });

      writers.forEach((w, i) => addCard(w.doc, { title: `After the deploy, writer ${i}`, author: participants[i].participantId }));
      await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === 12), 10_000);
    } finally {
      await stopping;
      await owner.start();
    }
  });

  it('kill -9 of the owner while everyone writes: the lease moves within seconds, every client is back, and every card anyone saw is kept', async () => {
    const { instances } = setup.deployment;
    const { participants, writers } = await writersOn(6);
    const owner = await ownerOf(instances);
    const cards = writeCards(writers, participants, 50);
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size >= 30), 10_000);

    const killedAt = performance.now();
    await owner.kill();
    try {
      const hadAtKill = new Set(writers.flatMap(cardIds));
      const successor = await ownerOf(instances);
      const movedMs = performance.now() - killedAt;
      await waitUntil(() => writers.every((w) => w.provider.wsconnected && w.provider.synced), TAKEN_OVER_WITHIN_MS);
      const backMs = performance.now() - killedAt;
      await cards.stop();
      console.log(`kill -9 of the owner: lease on another instance after ${movedMs.toFixed(0)} ms, every client back after ${backMs.toFixed(0)} ms`);
      expect(successor).not.toBe(owner);
      expect(movedMs).toBeLessThan(TAKEN_OVER_WITHIN_MS);

      await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === cards.written), 15_000);
      const everyone = cardIds(writers[0]);
      for (const w of writers) expect(cardIds(w)).toEqual(everyone);
      for (const id of hadAtKill) expect(everyone).toContain(id);
    } finally {
      await cards.stop();
      await owner.start();
    }
  });
});
