import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addCard, cardsOf, readCards } from '../../shared/boardDoc.js';
import { readDrafts } from '../../shared/draftsDoc.js';
import { draftsRoom, privateListRoom } from '../../shared/rooms.js';
import { encodeUpdateMessage } from '../../server/rooms/wire.js';
import { api, connect, createBoard, freePort, join, rawClose, startServerProcess, startTestServer, synced, tempDataDir, waitUntil, type TestClient } from './support.js';

/**
 * What the server does when it cannot keep a change: a database that cannot write, a derivation that
 * throws, a stream of refused updates. The author is told whose fault it was, nobody else receives the
 * change, nothing of it stays in memory or on disk, and the server says how it is doing on /healthz.
 */

const clients: TestClient[] = [];
const children: ChildProcess[] = [];
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

async function metric(base: string, name: string): Promise<number> {
  const text = (await api<string>(base, 'GET', '/metrics')).body;
  const match = new RegExp(`^forumboard_${name} (\\d+)$`, 'm').exec(text);
  if (!match) throw new Error(`no metric ${name}`);
  return Number(match[1]);
}

/** The cards a fresh observer receives from the server now. */
async function storedTitles(base: string, room: string, token: string): Promise<string[]> {
  const observer = connect(base, room, token);
  try {
    await synced(observer);
    return readCards(observer.doc).map((c) => c.title);
  } finally {
    observer.destroy();
  }
}

/**
 * Caps the size of every file the server process writes (RLIMIT_FSIZE, util-linux prlimit): the kernel
 * then refuses to grow the database's write-ahead log, exactly as on a full disk. Node ignores SIGXFSZ,
 * so the write fails with EFBIG instead of killing the process.
 */
function capFileSize(pid: number, bytes: number | 'unlimited'): void {
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${bytes}:unlimited`]);
}

describe('a database that cannot write', () => {
  it('tells the writer 1011, keeps the change from everyone, says 503 on /healthz, and recovers when the disk frees up', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const dataDir = tempDataDir();
    const server = await startServerProcess(dataDir, port);
    children.push(server);
    let stderr = '';
    server.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const board = await createBoard(base);
    const writer = await join(base, board, 'Karin Ek', 'Företag');
    const reader = await join(base, board, 'Johan Berg', 'Fackförbund');
    await api(base, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const karin = track(connect(base, board.boardId, writer.token));
    const johan = track(connect(base, board.boardId, reader.token));
    await Promise.all([synced(karin), synced(johan)]);
    addCard(karin.doc, { title: 'Kompetensbrist inom automation', author: writer.participantId });
    await waitUntil(() => readCards(johan.doc).length === 1);
    expect((await api(base, 'GET', '/healthz')).status).toBe(200);

    // The disk is full: the write-ahead log may not grow by a byte.
    const wal = path.join(dataDir, 'forumboard.db-wal');
    capFileSize(server.pid!, fs.statSync(wal).size);
    addCard(karin.doc, { title: 'Elnätets kapacitet räcker inte', author: writer.participantId });
    await waitUntil(() => karin.closes.length > 0);
    expect(karin.closes[0].code).toBe(1011);
    expect(karin.closes[0].reason).toBe('the server could not store this change; try again shortly');

    const health = await api<{ ok: boolean; reason: string }>(base, 'GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body.ok).toBe(false);
    expect(health.body.reason).toMatch(/^storage cannot write: /);
    expect(await metric(base, 'storage_failures_total')).toBeGreaterThan(0);
    // Logged as the server's error, with where it happened and its stack.
    await waitUntil(() => stderr.includes('storage write failed'));
    const logged = JSON.parse(stderr.split('\n').find((line) => line.includes('storage write failed'))!) as Record<string, unknown>;
    expect(logged).toMatchObject({ level: 'error', board: board.boardId, doc: 'board', during: 'append' });
    expect(String(logged.stack)).toContain('SqliteDocumentLog.append');
    // A REST command that needs a write is refused alike: 503 with a code the browser words, nothing changed.
    const command = await api<{ code?: string }>(base, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    expect(command).toMatchObject({ status: 503, body: { code: 'try-again-later' } });
    expect((await api<{ phase: string }>(base, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).body.phase).toBe('collect');
    // Creating a workshop and joining one are writes too (A16: both answered 500 with the driver's error).
    const created = await api<{ code?: string }>(base, 'POST', '/api/boards', { title: 'Made on a full disk', question: 'Is it stored?', language: 'en' });
    expect(created).toMatchObject({ status: 503, body: { code: 'try-again-later' } });
    const joined = await api<{ code?: string }>(base, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'Late Lena', group: board.groups[0].id });
    expect(joined).toMatchObject({ status: 503, body: { code: 'try-again-later' } });

    // Neither the other participant nor anyone opening the board now has the change.
    expect(await storedTitles(base, board.boardId, board.observerToken)).toEqual(['Kompetensbrist inom automation']);
    expect(readCards(johan.doc).map((c) => c.title)).toEqual(['Kompetensbrist inom automation']);
    expect(johan.closes).toEqual([]);
    expect(karin.closes.every((c) => c.code === 1011)).toBe(true);

    // Space again: /healthz says so without waiting for a writer, and the writer's retry is stored and sent.
    capFileSize(server.pid!, 'unlimited');
    await waitUntil(async () => (await api(base, 'GET', '/healthz')).status === 200);
    expect((await api(base, 'GET', '/healthz')).body).toEqual({ ok: true });
    await waitUntil(() => readCards(johan.doc).length === 2, 10_000);
    addCard(karin.doc, { title: 'Långa ledtider för bygglov', author: writer.participantId });
    await waitUntil(() => readCards(johan.doc).length === 3);
    expect((await storedTitles(base, board.boardId, board.observerToken)).sort()).toEqual(
      ['Elnätets kapacitet räcker inte', 'Kompetensbrist inom automation', 'Långa ledtider för bygglov'].sort(),
    );
  });
});

describe('a change the server cannot derive from', () => {
  it('is not stored, and its author is told the truth', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer(dataDir);
    const board = await createBoard(server.url);
    const mallory = await join(server.url, board, 'Mallory', 'Företag');
    const honest = await join(server.url, board, 'Eva Nyström', 'Region');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: true }, board.facilitatorToken);
    const eva = track(connect(server.url, privateListRoom(board.boardId, honest.participantId), honest.token));
    const drafts = track(connect(server.url, draftsRoom(board.boardId), board.facilitatorToken));
    await Promise.all([synced(eva), synced(drafts)]);
    addCard(eva.doc, { title: 'Svårt att hitta praktikplatser', author: honest.participantId });
    await waitUntil(() => readDrafts(drafts.doc).length === 1);

    // A silent card whose creation time is an object that cannot be read as a number: the drafts
    // derivation throws on it (or, once the schema knows the field, the policy refuses it).
    const forged = new Y.Doc();
    forged.transact(() => {
      const card = new Y.Map<unknown>();
      card.set('title', 'Harmless looking');
      card.set('author', mallory.participantId);
      card.set('cluster', null);
      card.set('createdAt', { valueOf: 1, toString: 1 });
      card.set('body', new Y.XmlFragment());
      cardsOf(forged).set('forged-card', card);
    });
    const privateUrl = `${server.url.replace('http', 'ws')}/ws/${privateListRoom(board.boardId, mallory.participantId)}?token=${mallory.token}`;
    const close = await rawClose(privateUrl, (ws: WebSocket) => ws.once('message', () => ws.send(encodeUpdateMessage(Y.encodeStateAsUpdate(forged)))));
    expect([1008, 1011]).toContain(close.code);
    expect(close.reason).not.toBe('');

    // Honest work goes on: the drafts and the reveal carry the honest card and nothing of Mallory's.
    addCard(eva.doc, { title: 'Bristande kollektivtrafik till industriområden', author: honest.participantId });
    await waitUntil(() => readDrafts(drafts.doc).length === 2);
    expect(readDrafts(drafts.doc).map((d) => d.author)).toEqual([honest.participantId, honest.participantId]);

    // After a restart the change is absent from the private list and from the drafts.
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();
    server = await startTestServer(dataDir);
    try {
      expect(await storedTitles(server.url, privateListRoom(board.boardId, mallory.participantId), mallory.token)).toEqual([]);
      const reopened = track(connect(server.url, draftsRoom(board.boardId), board.facilitatorToken));
      await synced(reopened);
      expect(readDrafts(reopened.doc).map((d) => d.title)).toEqual(['Svårt att hitta praktikplatser', 'Bristande kollektivtrafik till industriområden']);
      const reveal = await api<{ revealed: number }>(server.url, 'POST', `/api/boards/${board.boardId}/reveal-cards`, undefined, board.facilitatorToken);
      expect(reveal).toEqual({ status: 200, body: { revealed: 2 } });
    } finally {
      clients.splice(0).forEach((c) => c.destroy());
      await server.close();
    }
  });
});

describe('a stream of refused updates', () => {
  it('is undone in memory: no room reloads from storage, and other peers never see half of an update', async () => {
    const server = await startTestServer();
    try {
      const board = await createBoard(server.url);
      const honest = await join(server.url, board, 'Sofia Holm', 'Lärosäte');
      const mallory = await join(server.url, board, 'Mallory', 'Företag');
      await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
      const sofia = track(connect(server.url, board.boardId, honest.token));
      await synced(sofia);
      const target = addCard(sofia.doc, { title: 'Energipriserna slår mot gjuterierna', author: honest.participantId });
      await waitUntil(async () => (await storedTitles(server.url, board.boardId, board.observerToken)).length === 1);

      // One update that adds a card of Mallory's own (allowed) and renames Sofia's card (refused).
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(sofia.doc));
      const before = Y.encodeStateVector(copy);
      copy.transact(() => {
        addCard(copy, { title: 'Mallory was here', author: mallory.participantId });
        cardsOf(copy).get(target)!.set('title', 'Hijacked');
      });
      const halfGood = encodeUpdateMessage(Y.encodeStateAsUpdate(copy, before));

      const loadsBefore = await metric(server.url, 'docs_loaded_total');
      const undoneBefore = await metric(server.url, 'changes_undone_total');
      const url = `${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${mallory.token}`;
      const REFUSALS = 40;
      const reasons: string[] = [];
      for (let i = 0; i < REFUSALS; i++) {
        const close = await rawClose(url, (ws: WebSocket) => ws.once('message', () => ws.send(halfGood)));
        expect(close.code).toBe(1008);
        reasons.push(close.reason);
      }
      // The first refusals are judged (and undone); once the board's allowance of undos (three in a burst) is
      // spent, the updates of Mallory, refused lately, are refused before they touch the document at all.
      expect(reasons.slice(0, 3)).toEqual(Array(3).fill('only the author can edit a card'));
      expect(reasons).toContain('too many refused changes; wait a moment, then edit again');
      expect(new Set(reasons)).toEqual(new Set(['only the author can edit a card', 'too many refused changes; wait a moment, then edit again']));
      expect(await metric(server.url, 'docs_loaded_total')).toBe(loadsBefore);
      const undone = (await metric(server.url, 'changes_undone_total')) - undoneBefore;
      expect(undone).toBe(reasons.filter((r) => r === 'only the author can edit a card').length);
      expect(undone).toBeLessThan(REFUSALS);

      // Nobody received any part of it, and the board as stored and as served is Sofia's alone.
      expect(sofia.received()).not.toContain('Mallory was here');
      expect(sofia.closes).toEqual([]);
      expect(await storedTitles(server.url, board.boardId, board.observerToken)).toEqual(['Energipriserna slår mot gjuterierna']);
      addCard(sofia.doc, { title: 'Få lärlingsplatser', author: honest.participantId });
      await waitUntil(async () => (await storedTitles(server.url, board.boardId, board.observerToken)).length === 2);
    } finally {
      clients.splice(0).forEach((c) => c.destroy());
      await server.close();
    }
  });
});
