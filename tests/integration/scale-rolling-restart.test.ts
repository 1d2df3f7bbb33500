import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/closeCodes.js';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { collectingBoard, failOver, useDeployment } from './instances.js';
import { sleep, synced, waitUntil, type TestClient } from './support.js';

/** The issue's bound: during a deploy no client is without its board for longer than this. */
const BACK_WITHIN_MS = 2_000;
const CARDS_PER_WRITER = 200;

/**
 * A rolling deploy during a live workshop: three instances on one PostgreSQL and one Redis are stopped with
 * SIGTERM and started again one after the other while stock y-websocket clients on every instance keep writing.
 * Each stopped instance tells its clients to reconnect (1012) and exits cleanly; they are back on another
 * instance at once, and every card anyone wrote is on every instance and in the store.
 */
describe('a rolling restart of three instances under writers', () => {
  const setup = useDeployment(3);
  const { open } = setup;
  const cardIds = (client: TestClient) => [...cardsOf(client.doc).keys()].sort();

  it('loses no card, and every client of a stopped instance is told 1012 and is back within 2 s', async () => {
    const { instances } = setup.deployment;
    const { board, participants } = await collectingBoard(instances, open, 6);
    const writers = participants.map((p, i) => {
      const client = open(instances[i % 3], board.boardId, p.token);
      failOver(client, instances);
      return client;
    });
    await Promise.all(writers.map((w) => synced(w)));

    // For every close a writer gets: how long until it has its board again (synced on an instance).
    const outages: Array<{ writer: number; code: number; ms: number }> = [];
    writers.forEach((w, i) =>
      w.provider.on('connection-close', (event: CloseEvent | null) => {
        const closedAt = performance.now();
        const back = (isSynced: boolean) => {
          if (!isSynced) return;
          w.provider.off('sync', back);
          outages.push({ writer: i, code: event?.code ?? 0, ms: performance.now() - closedAt });
        };
        w.provider.on('sync', back);
      }),
    );

    // Five cards a second each, as a busy room types, and well under a board's card limit for the whole deploy.
    let writing = true;
    let written = 0;
    const loops = writers.map(async (w, i) => {
      for (let k = 0; writing && k < CARDS_PER_WRITER; k++) {
        addCard(w.doc, { title: `Writer ${i}, card ${k}`, author: participants[i].participantId });
        written++;
        await sleep(200);
      }
    });
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size >= 10), 10_000);

    const exits: Array<{ code: number | NodeJS.Signals | null; ms: number }> = [];
    for (const instance of instances) {
      const closesBefore = writers.reduce((sum, w) => sum + w.closes.length, 0);
      const stoppedAt = performance.now();
      const code = await instance.stop();
      exits.push({ code, ms: performance.now() - stoppedAt });
      // Its writers are back elsewhere before it starts again: nobody waits for the deploy.
      await waitUntil(() => outages.length === writers.reduce((sum, w) => sum + w.closes.length, 0) && outages.length > closesBefore, 10_000);
      await instance.start();
    }
    writing = false;
    await Promise.all(loops);
    console.log(`instances stopped (SIGTERM to exit): ${exits.map((e) => `${e.ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`clients back after a close: ${outages.map((o) => `writer ${o.writer} (${o.code}) ${o.ms.toFixed(0)} ms`).join(', ')}`);

    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    // Every writer was on at least one stopped instance, and every close was the restart's, with its reason.
    for (const w of writers) {
      expect(w.closes.length).toBeGreaterThan(0);
      for (const close of w.closes) expect(close).toEqual({ code: CLOSE.serviceRestart, reason: 'this server is restarting; reconnect now' });
    }
    for (const outage of outages) expect(outage.ms).toBeLessThan(BACK_WITHIN_MS);

    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === written), 15_000);
    const everyone = cardIds(writers[0]);
    for (const w of writers) expect(cardIds(w)).toEqual(everyone);
    // Stored: with the writers gone, a newcomer on every instance (each of them restarted) loads every card.
    writers.forEach((w) => w.destroy());
    for (const instance of instances) {
      const newcomer = open(instance, board.boardId, board.observerToken);
      await synced(newcomer);
      await waitUntil(() => cardsOf(newcomer.doc).size === written, 10_000);
      expect(cardIds(newcomer)).toEqual(everyone);
    }
  }, 120_000);
});
