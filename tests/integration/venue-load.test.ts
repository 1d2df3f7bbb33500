import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { send } from '../../fixtures/workshopApi.js';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { CreateBoardResponse, HistoryResponse, JoinResponse } from '../../shared/api.js';
import { addCard, addCluster, cardsOf, deleteCluster, moveCards, readCards, readClusters, setCardTitle } from '../../shared/boardDoc.js';
import { fillToCaps, floodPresence, floodSyncRequests, puppetRefusals, sendOneChange, syncRequestsAtClocks } from '../../fixtures/attacks.js';
import { decodeAwarenessUpdate, decodeClientMessage } from '../../server/rooms/wire.js';
import type { SuggestionsResponse } from '../../shared/suggestions/api.js';
import { LIMITS } from '../../shared/limits.js';
import { MAX_CARDS_MERGED_PER_MINUTE } from '../../shared/permissions.js';
import { freePort, spawnServer, synced, tempDataDir, waitUntil, type TestClient } from './support.js';
import { WebsocketProvider } from 'y-websocket';

/**
 * Safe at venue scale (issue 19): each attack against the real server in its own process, with an honest
 * facilitator on another board writing cards meanwhile. (A co-facilitator's edges, the projector link and restore
 * in depth are in roles-with-edges.test.ts, rich text the editor would repair in faults-hostile-content.test.ts.) Printed per attack: the server's CPU seconds while it
 * ran (from /proc, worker threads included) and the honest round trip, a figure to read rather than assert on a
 * shared machine; asserted: bounds in work terms and the attack's CPU. Servers trust X-Forwarded-For from loopback, so one test process
 * speaks from many addresses, as a venue's proxy would report them. docs/performance.md has the figures.
 */

interface Server {
  url: string;
  pid: number;
  child: ChildProcess;
}
const servers: Server[] = [];
const clients: TestClient[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
afterAll(() => servers.forEach((s) => s.child.kill('SIGKILL')));

async function serverWith(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawnServer({ PORT: String(port), DATA_DIR: tempDataDir(), TRUST_PROXY: 'loopback', BOARDS_PER_HOUR: '0', ...env });
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true, 20_000);
  const server = { url, pid: child.pid!, child };
  servers.push(server);
  return server;
}

/** The server process's CPU seconds so far (user and system, every thread). */
function cpuSeconds(server: Server): number {
  const fields = fs.readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, the 14th and 15th fields of the line, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function rssMb(server: Server): number {
  const line = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

async function from<T = unknown>(address: string, server: Server, method: string, route: string, body?: unknown, token?: string) {
  const res = await send(server.url, method, route, body, token, address);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // a file, not JSON
  }
  return { status: res.status, body: parsed as T, bytes: bytes.byteLength };
}

async function newBoard(server: Server, address: string): Promise<CreateBoardResponse> {
  const res = await from<CreateBoardResponse>(address, server, 'POST', '/api/boards', { title: 'Regional forum', question: 'What holds industry back?', language: 'en' });
  expect(res.status).toBe(201);
  return res.body;
}

/** A stock y-websocket client speaking from `address`. */
function connectFrom(server: Server, address: string, room: string, token: string): TestClient {
  const doc = new Y.Doc();
  const closes: TestClient['closes'] = [];
  class FromAddress extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  }
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/ws`, room, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: FromAddress as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 300,
  });
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  const client = { doc, provider, closes, received: () => '', destroy: () => (provider.destroy(), doc.destroy()) };
  clients.push(client);
  return client;
}

/** A raw session from `address`: resolves with 'open' once the server synced it, or the close code it was refused with. */
function session(server: Server, address: string, boardId: string, token: string): Promise<{ ws: WebSocket; outcome: 'open' | number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/ws/${boardId}?token=${token}`, { headers: { 'x-forwarded-for': address } });
    ws.once('message', () => resolve({ ws, outcome: 'open' }));
    ws.once('close', (code) => resolve({ ws, outcome: code }));
    ws.once('error', () => resolve({ ws, outcome: -1 }));
  });
}

/**
 * The honest facilitator of another board, on another address, with a second client of theirs, on a thread of
 * its own (honestUserThread.ts): `whileRunning` measures card round trips until the attack is over.
 */
async function honestUser(server: Server) {
  const board = await newBoard(server, '198.51.100.200');
  const thread = new Worker(new URL('../../server/workerBootstrap.mjs', import.meta.url), {
    execArgv: [],
    workerData: {
      module: new URL('./honestUserThread.ts', import.meta.url).href,
      wsBase: `${server.url.replace('http', 'ws')}/ws`,
      boardId: board.boardId,
      writerToken: board.facilitatorToken,
      watcherToken: board.observerToken,
      address: '198.51.100.200',
    },
  });
  const messages: Array<{ ready?: true; trips?: number[] }> = [];
  thread.on('message', (message) => messages.push(message));
  await waitUntil(() => messages.some((m) => m.ready), 20_000);
  return async (attack: Promise<unknown>): Promise<{ p50: number; p99: number; n: number }> => {
    await attack.catch(() => undefined);
    thread.postMessage('stop');
    await waitUntil(() => messages.some((m) => m.trips), 60_000);
    await thread.terminate();
    const sorted = messages.find((m) => m.trips)!.trips!.sort((a, b) => a - b);
    const at = (p: number) => Math.round(sorted[Math.ceil(p * sorted.length) - 1]);
    return { p50: at(0.5), p99: at(0.99), n: sorted.length };
  };
}

/** Runs `attack` beside an honest user and prints what it cost. */
async function measured<T>(server: Server, name: string, attack: () => Promise<T>): Promise<{ result: T; cpu: number; p99: number; rss: number }> {
  const whileRunning = await honestUser(server);
  let peakRss = rssMb(server);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(server))), 100);
  const before = cpuSeconds(server);
  const attacking = attack();
  const [result, trips] = await Promise.all([attacking, whileRunning(attacking)]);
  clearInterval(sampler);
  const cpu = Math.round((cpuSeconds(server) - before) * 100) / 100;
  console.log(`${name}: server CPU ${cpu} s, peak RSS ${peakRss} MB, honest round trip p50 ${trips.p50} ms, p99 ${trips.p99} ms over ${trips.n}`);
  return { result, cpu, p99: trips.p99, rss: peakRss };
}

/** Cards with these titles, written by the facilitator in changes of 250. */
const titled =
  (title: (i: number) => string, count: number = LIMITS.maxCardsPerBoard) =>
  (doc: Y.Doc) => {
    for (let from = 0; from < count; from += 250) {
      doc.transact(() => {
        for (let i = from; i < Math.min(count, from + 250); i++) addCard(doc, { title: title(i), author: 'facilitator' });
      });
    }
  };

/** A board its facilitator filled (by default to the caps, titles and bodies at their longest), seen by an observer. */
async function boardOfCards(server: Server, address: string, fill: (doc: Y.Doc) => void = (doc) => fillToCaps(doc, 'facilitator')) {
  const board = await newBoard(server, address);
  const writer = connectFrom(server, address, board.boardId, board.facilitatorToken);
  const watcher = connectFrom(server, address, board.boardId, board.observerToken);
  await Promise.all([synced(writer), synced(watcher)]);
  fill(writer.doc);
  await waitUntil(() => readCards(watcher.doc).length === readCards(writer.doc).length, 60_000);
  return { board, writer, watcher };
}

/** A counter of the server's /metrics (asked from loopback, which needs no token). */
async function metric(server: Server, name: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return Number(text.split('\n').find((line) => line.startsWith(`forumboard_${name} `))!.split(' ')[1]);
}

describe('attacks on one board, beside an honest user on another', () => {
  it('suggestions for 2,000 identical cards, asked in an edit-and-ask loop: a bounded answer, computed a bounded number of times', async () => {
    const server = await serverWith();
    const attacker = '203.0.113.1';
    const { board, writer, watcher } = await boardOfCards(server, attacker, titled(() => 'More parking near the station'));
    const first = readCards(watcher.doc)[0].id;
    const { result, cpu } = await measured(server, 'suggestions, 2,000 identical cards, 10 s edit-and-ask loop', async () => {
      const answers: Array<{ status: number; bytes: number; pairs: number }> = [];
      const until = Date.now() + 10_000;
      for (let i = 0; Date.now() < until; i++) {
        setCardTitle(writer.doc, first, `More parking near the station ${i}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const res = await from<SuggestionsResponse>(attacker, server, 'GET', `/api/boards/${board.boardId}/suggestions`, undefined, board.facilitatorToken);
        answers.push({ status: res.status, bytes: res.bytes, pairs: res.status === 200 ? res.body.duplicates.length : 0 });
      }
      return answers;
    });
    const computed = result.filter((a) => a.status === 200);
    console.log(`  ${result.length} requests, ${computed.length} computed, largest answer ${Math.max(...computed.map((a) => a.bytes))} bytes`);
    // Four fresh computations in a row, then one per 15 s; the rest told to wait.
    expect(computed.length).toBeGreaterThanOrEqual(1);
    expect(computed.length).toBeLessThanOrEqual(5);
    expect(result.filter((a) => a.status !== 200).every((a) => a.status === 429)).toBe(true);
    expect(Math.max(...computed.map((a) => a.pairs))).toBe(LIMITS.maxDuplicatePairs);
    expect(Math.max(...computed.map((a) => a.bytes))).toBeLessThan(200_000);
    // About a second of CPU per computation, off the main thread.
    expect(cpu).toBeLessThan(5 * computed.length + 5);
  }, 180_000);

  it('an observer downloading the XLSX of a full board with 20 revealed rounds, again and again', async () => {
    const server = await serverWith();
    const attacker = '203.0.113.2';
    const body = 'Long waits for a grid connection hold back electrification of the process industry in the region. '.repeat(4).slice(0, 480);
    const { board, writer } = await boardOfCards(server, attacker, titled((i) => `Challenge ${i}: ${body.slice(0, 180)}`));
    for (let round = 0; round < 20; round++) {
      const opened = await from<{ id: string }>(attacker, server, 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken);
      expect(opened.status).toBe(201);
      expect((await from(attacker, server, 'POST', `/api/boards/${board.boardId}/rounds/${opened.body.id}/reveal`, undefined, board.facilitatorToken)).status).toBe(200);
    }
    const ask = () => from(attacker, server, 'GET', `/api/boards/${board.boardId}/export?format=xlsx`, undefined, board.observerToken);
    const { result, cpu } = await measured(server, 'XLSX, 2,000 cards, 20 revealed rounds, 10 downloads', async () => {
      const answers = [];
      for (let i = 0; i < 10; i++) answers.push(await ask());
      return answers;
    });
    expect(result.map((a) => a.status)).toEqual(Array(10).fill(200));
    // Built once and handed out ten times.
    expect(new Set(result.map((a) => a.bytes)).size).toBe(1);
    const before = cpuSeconds(server);
    await ask();
    console.log(`  a kept spreadsheet again: ${Math.round((cpuSeconds(server) - before) * 1000)} ms of CPU`);
    expect(cpuSeconds(server) - before).toBeLessThan(0.5);
    expect(cpu).toBeLessThan(30);

    // A text file is made on the main thread: each fresh one of the full board costs a bounded share of a second.
    const first = readCards(writer.doc)[0].id;
    const csvBefore = cpuSeconds(server);
    for (let i = 0; i < 8; i++) {
      setCardTitle(writer.doc, first, `Challenge edited ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await from(attacker, server, 'GET', `/api/boards/${board.boardId}/export?format=csv`, undefined, board.observerToken)).status).toBe(200);
    }
    const perCsv = (cpuSeconds(server) - csvBefore) / 8;
    console.log(`  a fresh CSV of the edited board: ${Math.round(perCsv * 1000)} ms of CPU each`);
    expect(perCsv).toBeLessThan(0.5);
  }, 240_000);

  it('one address holding every socket it can on its own board leaves slots for other boards', async () => {
    const server = await serverWith({ MAX_CONNECTIONS: '600' });
    const attacker = '203.0.113.3';
    const own = await newBoard(server, attacker);
    const other = await newBoard(server, '198.51.100.3');
    const { result } = await measured(server, 'connections, one address opening sockets for 10 s under a cap of 600', async () => {
      // Twenty lanes, each opening a socket, keeping it if let in, and trying again at once if not.
      const held: Array<{ ws: WebSocket; outcome: 'open' | number }> = [];
      const until = Date.now() + 10_000;
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          while (Date.now() < until) {
            const attempt = await session(server, attacker, own.boardId, own.observerToken);
            if (attempt.outcome === 'open') held.push(attempt);
          }
        }),
      );
      const honest = [];
      for (let i = 0; i < 5; i++) honest.push(await session(server, `198.51.100.${10 + i}`, other.boardId, other.observerToken));
      const outcome = { held: held.filter((s) => s.outcome === 'open').length, honest: honest.map((s) => s.outcome) };
      [...held, ...honest].forEach((s) => s.ws.close());
      return outcome;
    });
    console.log(`  the attacker holds ${result.held}; honest sessions: ${result.honest.filter((o) => o === 'open').length} of 5 open`);
    // The last tenth is kept for boards and addresses that hold few (fewer than a hundredth of the cap each).
    expect(result.held).toBeLessThanOrEqual(540);
    expect(result.honest).toEqual(Array(5).fill('open'));
  }, 120_000);

  it('opening and closing sessions as fast as possible leaves honest reconnects on other boards alone', async () => {
    const server = await serverWith({ ADMIT_PER_SECOND: '100' });
    const attacker = '203.0.113.4';
    const own = await newBoard(server, attacker);
    const other = await newBoard(server, '198.51.100.4');
    const { result, cpu } = await measured(server, 'connections, open-and-close from 100 lanes at 100 admitted per second, beside 40 honest reconnects', async () => {
      let churned = 0;
      let stop = false;
      const churn = Array.from({ length: 100 }, async () => {
        while (!stop) {
          const { ws, outcome } = await session(server, attacker, own.boardId, own.observerToken);
          if (outcome === 'open') churned++;
          ws.close();
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const honest: Array<'open' | number> = [];
      for (let i = 0; i < 40; i++) {
        const { ws, outcome } = await session(server, `198.51.100.${40 + (i % 20)}`, other.boardId, other.observerToken);
        honest.push(outcome);
        ws.close();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      stop = true;
      await Promise.all(churn);
      return { churned, honest };
    });
    console.log(`  the churner opened ${result.churned}; honest reconnects: ${result.honest.filter((o) => o === 'open').length} of 40 at the first try`);
    expect(result.honest).toEqual(Array(40).fill('open'));
    expect(cpu).toBeLessThan(15);
  }, 120_000);
});

describe('attacks from a full board of their own, beside an honest user on another', () => {
  const attacker = '203.0.113.20';
  const wsUrl = (server: Server) => `${server.url.replace('http', 'ws')}/ws`;

  it('sync requests naming made-up clients, or the board’s own client at ever other clocks: a bounded number of encodes', async () => {
    const server = await serverWith();
    const { board, writer } = await boardOfCards(server, attacker);
    const encodedBefore = await metric(server, 'sync_answers_encoded_total');
    const started = performance.now();
    const { cpu } = await measured(server, 'sync requests: 300 made-up, 3 on each of 100 connections; 300 at the board’s own clocks, likewise', async () => {
      await floodSyncRequests(wsUrl(server), board.boardId, board.observerToken, 300, 3);
      await floodSyncRequests(wsUrl(server), board.boardId, board.observerToken, 300, 3, syncRequestsAtClocks(writer.doc.clientID));
    });
    const seconds = (performance.now() - started) / 1000;
    const encodes = (await metric(server, 'sync_answers_encoded_total')) - encodedBefore;
    console.log(`  ${encodes} sync answers encoded for 600 requests in ${seconds.toFixed(1)} s`);
    // The whole state once, eight fresh answers at once and one more a second, and the honest pair's own syncs.
    expect(encodes).toBeLessThanOrEqual(12 + seconds);
    expect(cpu).toBeLessThan(20);
  }, 240_000);

  it('twenty puppets refusing on a hundred connections cost no more rebuilds than the board allows one writer', async () => {
    const server = await serverWith();
    const { board, watcher } = await boardOfCards(server, attacker);
    expect((await from(attacker, server, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken)).status).toBe(200);
    const undoneBefore = await metric(server, 'changes_undone_total');
    const started = performance.now();
    const { result: codes, cpu } = await measured(server, '20 puppets × 5 connections, one refused update each', () =>
      puppetRefusals(server.url, wsUrl(server), board, readCards(watcher.doc)[0].id, 20, 5),
    );
    const seconds = (performance.now() - started) / 1000;
    const rebuilds = (await metric(server, 'changes_undone_total')) - undoneBefore;
    console.log(`  ${rebuilds} rebuilds in ${seconds.toFixed(1)} s; close codes ${[...new Set(codes)].join(', ')}`);
    // The board's allowance: three at once, then one every five seconds.
    expect(rebuilds).toBeLessThanOrEqual(3 + Math.ceil(seconds / 5));
    expect(codes.every((code) => code === 1008 || code === 1013)).toBe(true);
    expect(cpu).toBeLessThan(15);
  }, 240_000);

  it('a hundred connections publishing 4 kB of presence ten times a second: a reader gets what the board shows, at its rate', async () => {
    const server = await serverWith();
    const board = await newBoard(server, attacker);
    const reader = new WebSocket(`${wsUrl(server)}/${board.boardId}?token=${board.observerToken}`);
    let bytes = 0;
    let largest = 0;
    reader.on('message', (data: Buffer) => {
      const message = decodeClientMessage(new Uint8Array(data));
      if (message.kind !== 'awareness') return;
      bytes += data.byteLength;
      largest = Math.max(largest, decodeAwarenessUpdate(message.update).length);
    });
    await new Promise((resolve) => reader.once('open', resolve));
    const seconds = 5;
    const { cpu } = await measured(server, `presence: 100 connections × 4 kB × 10 a second for ${seconds} s`, () =>
      floodPresence(wsUrl(server), board.boardId, board.observerToken, 100, 10, seconds),
    );
    reader.close();
    const perSecond = bytes / seconds;
    console.log(`  a reader received ${Math.round(perSecond / 1000)} kB/s of presence (sent: ${Math.round((100 * 10 * 4000) / 1000)} kB/s), at most ${largest} people per message`);
    // Each person's entry (a name tag of about 400 bytes, the padding dropped) at most twice a second, merged.
    expect(perSecond).toBeLessThan(2 * 100 * 600);
    expect(largest).toBeLessThanOrEqual(100);
    expect(cpu).toBeLessThan(10);
  }, 120_000);

  it('a participant merging every card in one change is refused, five at a time paced; the facilitator restores the board', async () => {
    const server = await serverWith();
    const { board, writer, watcher } = await boardOfCards(
      server,
      attacker,
      titled((i) => `Challenge ${i}`, 500),
    );
    writer.doc.transact(() => {
      const ids = readCards(writer.doc).map((c) => c.id);
      for (let t = 0; t < 50; t++) moveCards(writer.doc, ids.slice(t * 10, t * 10 + 10), addCluster(writer.doc, { title: `Theme ${t}` }));
    });
    await waitUntil(() => readClusters(watcher.doc).length === 50);
    expect((await from(attacker, server, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken)).status).toBe(200);
    const vandal = await from<JoinResponse>(attacker, server, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'Vandal', group: 'Company' });
    const merged = () => readCards(watcher.doc).filter((c) => c.mergedInto !== undefined).length;
    const url = `${wsUrl(server)}/${board.boardId}?token=${vandal.body.token}`;
    const { result, cpu } = await measured(server, 'vandalism: every card merged, every theme deleted, five merges a change until refused, and a restore', async () => {
      const all = await sendOneChange(url, (doc) => cardsOf(doc).size === 500, (doc) => {
        const [first, ...rest] = readCards(doc).map((c) => c.id);
        doc.transact(() => rest.forEach((id) => cardsOf(doc).get(id)!.set('mergedInto', first)));
      });
      const themes = await sendOneChange(url, (doc) => readClusters(doc).length === 50, (doc) => {
        doc.transact(() => readClusters(doc).forEach((theme) => deleteCluster(doc, theme.id)));
      });
      const person = connectFrom(server, attacker, board.boardId, vandal.body.token);
      await synced(person);
      const ids = readCards(person.doc).map((c) => c.id);
      const mergeFive = (doc: Y.Doc, k: number) => doc.transact(() => ids.slice(1 + k * 5, 6 + k * 5).forEach((id) => cardsOf(doc).get(id)!.set('mergedInto', ids[0])));
      for (let k = 0; k < MAX_CARDS_MERGED_PER_MINUTE / 5; k++) mergeFive(person.doc, k);
      await waitUntil(() => merged() === MAX_CARDS_MERGED_PER_MINUTE, 30_000);
      person.destroy();
      const paced = await sendOneChange(url, (doc) => cardsOf(doc).size === 500, (doc) => mergeFive(doc, MAX_CARDS_MERGED_PER_MINUTE / 5));
      const history = await from<HistoryResponse>(attacker, server, 'GET', `/api/boards/${board.boardId}/history`, undefined, board.facilitatorToken);
      const before = history.body.points.find((point) => point.merged === 0)!;
      const started = performance.now();
      const restored = await from(attacker, server, 'POST', `/api/boards/${board.boardId}/restore`, { seq: before.seq }, board.facilitatorToken);
      await waitUntil(() => merged() === 0, 30_000);
      return { all, themes, paced, points: history.body.points.length, restored: restored.status, restoreMs: Math.round(performance.now() - started) };
    });
    console.log(
      `  one change merging all: ${result.all}; deleting all themes: ${result.themes}; five more past ${MAX_CARDS_MERGED_PER_MINUTE} in a minute: ${result.paced}; ${result.points} history points; restored (${result.restored}) for everyone in ${result.restoreMs} ms`,
    );
    expect([result.all, result.themes, result.paced]).toEqual([1008, 1008, 1008]);
    expect(result.restored).toBe(200);
    expect(readClusters(watcher.doc)).toHaveLength(50);
    expect(cpu).toBeLessThan(10);
  }, 240_000);
});

/** Made-up join codes; that a board of this test has one of them is a chance of one in a billion. */
const wrongCode = (i: number) => `ZZ${String(i).padStart(4, '0').replace(/[01]/g, 'Q')}`;

describe('a venue is not an attacker', () => {
  /** One person: looks the code up (mistyped first, if so) and joins; the statuses of their requests. */
  async function person(server: Server, address: string, board: CreateBoardResponse, i: number, mistypes: boolean): Promise<number[]> {
    const statuses: number[] = [];
    if (mistypes) statuses.push((await from(address, server, 'GET', `/api/join/${wrongCode(i)}`)).status);
    statuses.push((await from(address, server, 'GET', `/api/join/${board.joinCode}`)).status);
    statuses.push((await from(address, server, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: `Person ${i}`, group: 'Company' })).status);
    return statuses;
  }

  for (const addresses of [60, 1]) {
    it(`60 people from ${addresses === 1 ? 'one address' : '60 addresses'}, 30 of them mistyping once, all join while a guesser there gets a handful of guesses`, async () => {
      const server = await serverWith();
      const address = (i: number) => (addresses === 1 ? '203.0.113.60' : `203.0.113.${100 + i}`);
      const board = await newBoard(server, '198.51.100.60');
      // The facilitator's laptop shows the board to the room from the venue's network.
      expect((await from(address(0), server, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).status).toBe(200);
      const { result, cpu } = await measured(server, `venue of 60 from ${addresses === 1 ? 'one address' : '60 addresses'} beside a guesser`, async () => {
        const guessing = (async () => {
          const answers: number[] = [];
          for (let i = 0; i < 200; i++) answers.push((await from(address(0), server, 'GET', `/api/join/${wrongCode(1000 + i)}`)).status);
          return answers;
        })();
        // Arriving one every 100 ms: twenty times faster than a room does in two minutes.
        const people = await Promise.all(
          Array.from({ length: 60 }, async (_, i) => {
            await new Promise((resolve) => setTimeout(resolve, i * 100));
            return person(server, address(i), board, i, i % 2 === 1);
          }),
        );
        return { people, guesses: await guessing };
      });
      const joined = result.people.filter((statuses) => statuses[statuses.length - 1] === 201).length;
      const checked = result.guesses.filter((status) => status === 404).length;
      console.log(`  ${joined} of 60 joined; the guesser had ${checked} of 200 guesses looked up (CPU ${cpu} s)`);
      expect(joined).toBe(60);
      // The burst of 30 (which the room's typos share) and what flows back in the test's few seconds.
      expect(checked).toBeLessThanOrEqual(31);
      expect(result.guesses.filter((status) => status !== 404).every((status) => status === 429)).toBe(true);
    }, 120_000);
  }

  it('one address cannot fill a workshop: a late-comer still finds a place', async () => {
    const server = await serverWith();
    const board = await newBoard(server, '198.51.100.70');
    const flood = '203.0.113.70';
    const { result } = await measured(server, '1,000 joins from one address', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 1000; i += 50) {
        statuses.push(
          ...(await Promise.all(
            Array.from({ length: 50 }, async (_, k) => (await from(flood, server, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: `Puppet ${i + k}`, group: 'Company' })).status),
          )),
        );
      }
      return statuses;
    });
    const joined = result.filter((s) => s === 201).length;
    console.log(`  ${joined} of 1,000 joined`);
    // Ten a second after a burst of 60, and never more than 300 an hour (server/http/AbuseLimits.test.ts).
    expect(joined).toBeGreaterThanOrEqual(60);
    expect(joined).toBeLessThanOrEqual(300);
    expect(result.filter((s) => s !== 201).every((s) => s === 429)).toBe(true);
    const late = await from('198.51.100.71', server, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'Late-comer', group: 'Company' });
    expect(late.status).toBe(201);
    // The facilitator of a larger venue lets more in from one network.
    expect((await from('198.51.100.70', server, 'PUT', `/api/boards/${board.boardId}/join-allowance`, { perAddress: 400 }, board.facilitatorToken)).body).toEqual({ perAddress: 400 });
    expect((await from('198.51.100.70', server, 'GET', `/api/boards/${board.boardId}/join-allowance`, undefined, board.facilitatorToken)).body).toEqual({ perAddress: 400 });
  }, 120_000);
});
