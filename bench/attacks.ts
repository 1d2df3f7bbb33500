import { addCard, cardsOf } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { fillToCaps, floodSyncRequests, puppetRefusals, syncRequestsAtClocks } from '../fixtures/attacks.js';
import { api, createBoard, join } from '../fixtures/workshopApi.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { now, sleep, spread, type Spread } from './stats.js';
import { spreadMs, type Row } from './table.js';
import { openSyncedYClient, type YClient } from './yclient.js';

/**
 * What an attacker with a full board of their own costs the server (issue 19), and what an honest pair on
 * another board notices meanwhile: server CPU seconds until the server is quiet again, the work done in the
 * server's own terms (sync answers encoded, documents rebuilt by undo), and the honest edit round trip.
 */
interface Figures {
  cpuSeconds: number;
  encodes: number;
  undos: number;
  honest: Spread;
}

export async function runAttacks(log: (line: string) => void): Promise<{ rows: Row[]; figures: Record<string, Figures> }> {
  const server = await startForumboard();
  try {
    const own = await createBoard(server.url, { title: 'Attacker board', language: 'en' });
    await api(server.url, 'POST', `/api/boards/${own.boardId}/phase`, { phase: 'collect' }, own.facilitatorToken);
    const filler = await openSyncedYClient(server.wsUrl, own.boardId, own.facilitatorToken);
    const applied = await server.metric('forumboard_updates_applied_total');
    fillToCaps(filler.doc, FACILITATOR_ID);
    await server.waitForMetric('forumboard_updates_applied_total', (v) => v > applied + 19, 120_000);
    const cardId = Array.from(cardsOf(filler.doc).keys())[0];
    const fillerClient = filler.doc.clientID;
    filler.close();

    const honestBoard = await createBoard(server.url, { title: 'Honest board', language: 'en' });
    await api(server.url, 'POST', `/api/boards/${honestBoard.boardId}/phase`, { phase: 'collect' }, honestBoard.facilitatorToken);
    const [writer, reader] = await Promise.all([join(server.url, honestBoard, 'Ruud Jansen', 'Company'), join(server.url, honestBoard, 'Leila Haddad', 'Trade union')]);
    const a = await openSyncedYClient(server.wsUrl, honestBoard.boardId, writer.token);
    const b = await openSyncedYClient(server.wsUrl, honestBoard.boardId, reader.token);
    const honestPair = { a, b, author: writer.participantId };

    const attacks: Array<[name: string, label: string, attack: () => Promise<unknown>]> = [
      ['sync100', '100 sync requests (made-up state vector), one connection', () => floodSyncRequests(server.wsUrl, own.boardId, own.observerToken, 100, 100)],
      ['sync600', '600 sync requests (made-up state vector), one connection', () => floodSyncRequests(server.wsUrl, own.boardId, own.observerToken, 600, 600)],
      ['sync600spread', '600 sync requests, 3 on each of 200 connections', () => floodSyncRequests(server.wsUrl, own.boardId, own.observerToken, 600, 3)],
      ['sync600clocks', '600 sync requests naming the board’s own client at clocks 1–600, 3 on each of 200 connections', () =>
        floodSyncRequests(server.wsUrl, own.boardId, own.observerToken, 600, 3, syncRequestsAtClocks(fillerClient)),
      ],
      ['puppets', '20 puppets × 5 connections, one refused update each', () => puppetRefusals(server.url, server.wsUrl, own, cardId, 20, 5)],
    ];
    const rows: Row[] = [];
    const results: Record<string, Figures> = {};
    try {
      for (const [name, label, attack] of attacks) {
        const figures = await measure(server, honestPair, attack);
        results[name] = figures;
        log(`${label}: ${figures.cpuSeconds.toFixed(2)} s CPU, ${figures.encodes} encodes, ${figures.undos} rebuilds; honest edit ${spreadMs(figures.honest)}`);
        rows.push(
          { section: 'attacks', measure: `${label}: server CPU s / sync encodes / undo rebuilds`, value: `${figures.cpuSeconds.toFixed(2)} s / ${figures.encodes} / ${figures.undos}` },
          { section: 'attacks', measure: `  honest edit on another board meanwhile: p50 / p99 / max`, value: spreadMs(figures.honest) },
        );
      }
    } finally {
      a.close();
      b.close();
    }
    return { rows, figures: results };
  } finally {
    await server.stop();
  }
}

/** Runs the attack while an honest pair keeps editing, and measures until the server's CPU is quiet again. */
async function measure(server: ServerChild, honest: { a: YClient; b: YClient; author: string }, attack: () => Promise<unknown>): Promise<Figures> {
  const counter = (name: string) => server.metric(name).catch(() => NaN); // NaN: a server before this metric existed
  const [cpuBefore, encodesBefore, undosBefore] = [(await server.usage(false)).cpu, await counter('forumboard_sync_answers_encoded_total'), await counter('forumboard_changes_undone_total')];
  let attacking = true;
  const samples: number[] = [];
  const editing = (async () => {
    for (let i = 0; attacking; i++) {
      const started = now();
      const id = addCard(honest.a.doc, { title: `Honest card ${i}`, author: honest.author });
      while (!cardsOf(honest.b.doc).has(id)) await sleep(2);
      samples.push(now() - started);
      await sleep(50);
    }
  })();
  await attack();
  // The work goes on after the attacker is gone; wait until the server has been idle for a while.
  let last = (await server.usage(false)).cpu;
  for (let quiet = 0; quiet < 4; ) {
    await sleep(250);
    const cpu = (await server.usage(false)).cpu;
    quiet = cpu.user + cpu.system - (last.user + last.system) < 25_000 ? quiet + 1 : 0;
    last = cpu;
  }
  attacking = false;
  await editing;
  return {
    cpuSeconds: (last.user + last.system - cpuBefore.user - cpuBefore.system) / 1e6,
    encodes: (await counter('forumboard_sync_answers_encoded_total')) - encodesBefore,
    undos: (await counter('forumboard_changes_undone_total')) - undosBefore,
    honest: spread(samples),
  };
}
