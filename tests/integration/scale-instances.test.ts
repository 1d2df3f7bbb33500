import { describe, expect, it } from 'vitest';
import { CLOSE } from '../../shared/closeCodes.js';
import { addCard, addCluster, cardsOf } from '../../shared/boardDoc.js';
import { readRound } from '../../shared/controlDoc.js';
import type { RoundState, Tally } from '../../shared/voting/index.js';
import { collectingBoard as collectingBoardOn, failOver, OWNED_BOARDS, useDeployment, writeCards } from './instances.js';
import { api, sleep, synced, waitUntil, type TestClient } from './support.js';

/** The issue's bound (24): during a deploy no client is without its board for longer than this. */
const BACK_WITHIN_MS = 2_000;
const CARDS_PER_WRITER = 200;

/**
 * Three instances, each its own process, on one PostgreSQL database and one Redis, each board owned by one of
 * them and its clients on the others relayed there (as deployed; the other scale-* tests run the instances
 * without owners, each serving its own clients), serve one board as one:
 * stock y-websocket clients on different instances converge, REST commands work on any instance, a kill -9
 * of one instance while its clients write loses nothing that anyone had received, and a rolling deploy (each
 * instance stopped with SIGTERM and started again in turn) loses nothing and keeps every client served.
 */
describe('three instances serving one board', () => {
  const setup = useDeployment(3, OWNED_BOARDS);
  const { open } = setup;
  const cardIds = (client: TestClient) => new Set(cardsOf(client.doc).keys());
  const sortedIds = (client: TestClient) => [...cardIds(client)].sort();

  const collectingBoard = (people: number) => collectingBoardOn(setup.deployment.instances, open, people);

  it('clients on different instances see each other’s cards, and ballots cast through different instances tally exactly', async () => {
    const { instances } = setup.deployment;
    const { board, participants } = await collectingBoard(9);
    const writers = participants.slice(0, 6).map((p, i) => open(instances[i % 3], board.boardId, p.token));
    await Promise.all(writers.map((w) => synced(w)));
    writers.forEach((w, i) => {
      for (let k = 0; k < 5; k++) addCard(w.doc, { title: `Card ${k} from writer ${i}`, author: participants[i].participantId });
    });
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === 30), 10_000);
    const reference = [...cardIds(writers[0])].sort();
    for (const w of writers) expect([...cardIds(w)].sort()).toEqual(reference);

    // Themes by the facilitator on instance 2; the round opened on instance 0, ballots through all three.
    const facilitator = open(instances[2], board.boardId, board.facilitatorToken);
    await synced(facilitator);
    const themes = ['Skills', 'Energy'].map((title) => addCluster(facilitator.doc, { title }));
    const controlWatcher = open(instances[1], `${board.boardId}/control`, board.observerToken);
    await waitUntil(() => writers.every((w) => w.doc.getMap('clusters').size === 2), 10_000);
    await waitUntil(() => cardsOf(facilitator.doc).size === 30, 10_000);

    const opened = await api<RoundState>(instances[0].url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken);
    expect(opened.status).toBe(201);
    const roundId = opened.body.id;
    const ballots = await Promise.all(
      participants.map((p, i) =>
        api(instances[i % 3].url, 'PUT', `/api/boards/${board.boardId}/rounds/${roundId}/ballot`, { allocations: { [themes[0]]: 3, [themes[1]]: 2 } }, p.token),
      ),
    );
    expect(ballots.map((b) => b.status)).toEqual(participants.map(() => 200));
    // The voter count is derived from stored ballots, whichever instance stored them.
    await waitUntil(() => readRound(controlWatcher.doc, roundId)?.voters.total === 9, 10_000);
    const revealed = await api<Tally>(instances[2].url, 'POST', `/api/boards/${board.boardId}/rounds/${roundId}/reveal`, undefined, board.facilitatorToken);
    expect(revealed.status).toBe(200);
    const totals = Object.fromEntries(revealed.body.items.map((item) => [item.id, item.total]));
    expect(totals[themes[0]]).toBe(27);
    expect(totals[themes[1]]).toBe(18);
  });

  it('kill -9 of one instance while its clients write: they reconnect to another, and every update anyone had received is on all', async () => {
    const { instances } = setup.deployment;
    const [, , victim] = instances;
    const { board, participants } = await collectingBoard(6);
    const writers = participants.map((p, i) => {
      const client = open(instances[i % 3], board.boardId, p.token);
      failOver(client, instances);
      return client;
    });
    await Promise.all(writers.map((w) => synced(w)));

    const cards = writeCards(writers, participants, 25);
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size >= 30), 10_000);
    await victim.kill();
    // What every client had at the moment the instance died: received from others, or written itself.
    const hadAtKill = new Set(writers.flatMap((w) => [...cardIds(w)]));
    await sleep(500);
    await cards.stop();

    // The victim's clients are back on the other instances, and everyone has everyone's cards.
    await waitUntil(() => writers.every((w) => w.provider.wsconnected && w.provider.synced), 15_000);
    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === cards.written), 15_000);
    const everyone = [...cardIds(writers[0])].sort();
    for (const w of writers) expect([...cardIds(w)].sort()).toEqual(everyone);
    for (const id of hadAtKill) expect(everyone).toContain(id);

    // And it is stored: a newcomer on either survivor, and on the victim once restarted, loads all of it.
    await victim.start();
    for (const instance of instances) {
      const newcomer = open(instance, board.boardId, board.observerToken);
      await synced(newcomer);
      await waitUntil(() => cardsOf(newcomer.doc).size === cards.written, 10_000);
      expect([...cardIds(newcomer)].sort()).toEqual(everyone);
    }
  });

  it('kill -9 of the instance a writer is on, the writer gone with it: every card another instance had passed on is stored', async () => {
    // The writer cannot send anything again, so what the watcher on another instance received can only have come
    // from the dead instance's store: it was stored before it was sent on. (A log that answered before its commit,
    // held back 100 ms, failed this test in one run of two.)
    const { instances } = setup.deployment;
    const [survivor, elsewhere, victim] = instances;
    const { board, participants } = await collectingBoard(1);
    const writer = open(victim, board.boardId, participants[0].token);
    const watcher = open(survivor, board.boardId, board.observerToken);
    await Promise.all([synced(writer), synced(watcher)]);

    let writing = true;
    const loop = (async () => {
      for (let k = 0; writing; k++) {
        addCard(writer.doc, { title: `Card ${k}`, author: participants[0].participantId });
        await sleep(5);
      }
    })();
    await waitUntil(() => cardsOf(watcher.doc).size >= 40, 10_000);
    await victim.kill();
    writer.destroy();
    writing = false;
    await loop;
    // What the dead instance had published before it died reaches the watcher a moment later: wait until the
    // watcher's count has stopped moving.
    let seen = -1;
    await waitUntil(() => seen === (seen = cardsOf(watcher.doc).size), 10_000, 400);
    const passedOn = [...cardIds(watcher)];
    expect(passedOn.length).toBeGreaterThanOrEqual(40);

    try {
      const newcomer = open(elsewhere, board.boardId, board.observerToken);
      await synced(newcomer);
      await waitUntil(() => passedOn.every((id) => cardsOf(newcomer.doc).has(id)), 10_000);
    } finally {
      await victim.start();
    }
  });

  it('a rolling restart under writers: each instance told SIGTERM closes its clients with 1012, they are back elsewhere within 2 s, and no card is lost', async () => {
    const { instances } = setup.deployment;
    const { board, participants } = await collectingBoard(6);
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
    const cards = writeCards(writers, participants, 200, CARDS_PER_WRITER);
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
    await cards.stop();
    console.log(`instances stopped (SIGTERM to exit): ${exits.map((e) => `${e.ms.toFixed(0)} ms`).join(', ')}`);
    console.log(`clients back after a close: ${outages.map((o) => `writer ${o.writer} (${o.code}) ${o.ms.toFixed(0)} ms`).join(', ')}`);

    expect(exits.map((e) => e.code)).toEqual([0, 0, 0]);
    // Every writer was on at least one stopped instance, and every close was the restart's, with its reason.
    for (const w of writers) {
      expect(w.closes.length).toBeGreaterThan(0);
      for (const close of w.closes) expect(close).toEqual({ code: CLOSE.serviceRestart, reason: 'this server is restarting; reconnect now' });
    }
    for (const outage of outages) expect(outage.ms).toBeLessThan(BACK_WITHIN_MS);

    await waitUntil(() => writers.every((w) => cardsOf(w.doc).size === cards.written), 15_000);
    const everyone = sortedIds(writers[0]);
    for (const w of writers) expect(sortedIds(w)).toEqual(everyone);
    // Stored: with the writers gone, a newcomer on every instance (each of them restarted) loads every card.
    writers.forEach((w) => w.destroy());
    for (const instance of instances) {
      const newcomer = open(instance, board.boardId, board.observerToken);
      await synced(newcomer);
      await waitUntil(() => cardsOf(newcomer.doc).size === cards.written, 10_000);
      expect(sortedIds(newcomer)).toEqual(everyone);
    }
  }, 120_000);
});
