import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardsOf, readCards, setCardTitle, type CardMap } from '../../shared/boardDoc.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import { api, connect, createBoard, freePort, join, sleep, startServerProcess, tempDataDir, waitUntil, type TestClient } from './support.js';
import { readStoredDoc } from '../../server/storage/DocumentLog.js';

/**
 * Four participants type without pause while the server is killed with SIGKILL and restarted, again and
 * again, on the same port and database. The server appends every update before it broadcasts it, so
 * whatever a client received from the server must be in the database at the moment of each kill; and when
 * the dust settles every client holds the same document.
 */

const WRITERS = 4;
const CRASHES = 3;

interface Writer {
  client: TestClient;
  participantId: string;
  tag: string;
  own: string[];
  /** Per Yjs client id, the highest clock this writer received from the server. */
  received: Map<number, number>;
  /** Per card id, the newest title version this writer received from the server. */
  titles: Map<string, number>;
}

const children: ChildProcess[] = [];
const writers: Writer[] = [];
afterAll(() => {
  writers.forEach((w) => w.client.destroy());
  children.forEach((c) => c.kill('SIGKILL'));
});

const versionOf = (title: unknown) => Number(/ v(\d+)$/.exec(String(title))?.[1] ?? -1);

function watchWhatArrives(writer: Writer): void {
  const doc = writer.client.doc;
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    if (tr.local) return;
    tr.afterState.forEach((clock, client) => {
      if (clock > (tr.beforeState.get(client) ?? 0)) writer.received.set(client, Math.max(clock, writer.received.get(client) ?? 0));
    });
  });
  const cards = cardsOf(doc);
  const note = (id: string, title: unknown) => writer.titles.set(id, Math.max(versionOf(title), writer.titles.get(id) ?? -1));
  cards.observeDeep((events, tr) => {
    if (tr.local) return;
    for (const event of events) {
      if (!(event instanceof Y.YMapEvent)) continue;
      if (event.target === cards) event.keysChanged.forEach((id) => note(id, cards.get(id)?.get('title')));
      else if (event.path.length === 1 && event.keysChanged.has('title')) note(String(event.path[0]), (event.target as CardMap).get('title'));
    }
  });
}

async function keepWriting(writer: Writer, running: () => boolean): Promise<void> {
  const versions = new Map<string, number>();
  for (let n = 0; running(); n++) {
    if (writer.own.length < 3 || n % 3 === 0) {
      writer.own.push(addCard(writer.client.doc, { title: `${writer.tag} kort ${n} v0`, author: writer.participantId }));
    } else {
      const id = writer.own[n % writer.own.length];
      const version = (versions.get(id) ?? 0) + 1;
      versions.set(id, version);
      setCardTitle(writer.client.doc, id, `${writer.tag} kort ${id.slice(0, 4)} v${version}`);
    }
    await sleep(15);
  }
}

/** The board document exactly as the dead server left it in SQLite. */
async function boardInDatabase(dataDir: string, boardId: string): Promise<Y.Doc> {
  const stores = openSqliteStores(path.join(dataDir, 'forumboard.db'));
  try {
    return await readStoredDoc(stores.log, boardId, 'board');
  } finally {
    await stores.close();
  }
}

describe('crash loop', () => {
  it(`${WRITERS} writers, ${CRASHES} × SIGKILL and restart: nothing received is lost, everyone converges`, async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    children.push(await startServerProcess(dataDir, port));
    const board = await createBoard(base, { title: 'Kick-off Waardeketen Maakindustrie', language: 'nl' });
    await api(base, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    for (let i = 0; i < WRITERS; i++) {
      const person = await join(base, board, `Deelnemer ${i}`, 'Bedrijf');
      const writer: Writer = { client: connect(base, board.boardId, person.token), participantId: person.participantId, tag: `W${i}`, own: [], received: new Map(), titles: new Map() };
      watchWhatArrives(writer);
      writers.push(writer);
    }
    await waitUntil(() => writers.every((w) => w.client.provider.synced));

    let writing = true;
    const loops = writers.map((w) => keepWriting(w, () => writing));
    for (let crash = 0; crash < CRASHES; crash++) {
      await sleep(500 + Math.random() * 500);
      const server = children[children.length - 1];
      server.kill('SIGKILL');
      // Taken before this process handles another message: all of it came from the now dead server.
      const receivedAtKill = new Map<number, number>();
      const titlesAtKill = new Map<string, number>();
      for (const w of writers) {
        w.received.forEach((clock, client) => receivedAtKill.set(client, Math.max(clock, receivedAtKill.get(client) ?? 0)));
        w.titles.forEach((version, id) => titlesAtKill.set(id, Math.max(version, titlesAtKill.get(id) ?? -1)));
      }
      await once(server, 'exit');

      const stored = await boardInDatabase(dataDir, board.boardId);
      const storedClocks = Y.decodeStateVector(Y.encodeStateVector(stored));
      const missing = [...receivedAtKill].filter(([client, clock]) => (storedClocks.get(client) ?? 0) < clock);
      expect(missing, `crash ${crash + 1}: received but not stored`).toEqual([]);
      const storedCards = cardsOf(stored);
      const lostTitles = [...titlesAtKill].filter(([id, version]) => versionOf(storedCards.get(id)?.get('title')) < version);
      expect(lostTitles, `crash ${crash + 1}: titles received but not stored`).toEqual([]);
      expect(titlesAtKill.size).toBeGreaterThan(crash * 5);
      stored.destroy();

      children.push(await startServerProcess(dataDir, port));
    }
    await sleep(300);
    writing = false;
    await Promise.all(loops);

    const checker = connect(base, board.boardId, board.observerToken);
    writers.push({ client: checker, participantId: '', tag: 'check', own: [], received: new Map(), titles: new Map() });
    const states = () => writers.map((w) => Buffer.from(Y.encodeStateVector(w.client.doc)).toString('base64'));
    await waitUntil(() => checker.provider.synced && new Set(states()).size === 1, 20_000);
    const expected = cardsOf(checker.doc).toJSON();
    for (const w of writers) expect(cardsOf(w.client.doc).toJSON()).toEqual(expected);
    const owned = writers.reduce((sum, w) => sum + w.own.length, 0);
    expect(readCards(checker.doc).length).toBe(owned);
    // Honest writers are never refused, however their reconnects interleave with their typing.
    expect(writers.flatMap((w) => w.client.closes).filter((c) => c.code >= 1007)).toEqual([]);
    console.log(`crash loop: ${owned} cards written through ${CRASHES} kills`);
    // A correctness test: its time is mostly three server start-ups, which a loaded machine stretches.
  }, 120_000);

  it('a participant who typed while the server was down is not refused when it comes back', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    children.push(await startServerProcess(dataDir, port));
    const board = await createBoard(base);
    await api(base, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const person = await join(base, board, 'Karin Ek', 'Företag');
    const client = connect(base, board.boardId, person.token);
    writers.push({ client, participantId: person.participantId, tag: 'K', own: [], received: new Map(), titles: new Map() });
    await waitUntil(() => client.provider.synced);

    const server = children[children.length - 1];
    server.kill('SIGKILL');
    await once(server, 'exit');
    await waitUntil(() => !client.provider.wsconnected);
    const offline = addCard(client.doc, { title: 'Skrivet offline', author: person.participantId });
    let online = '';
    // The provider reports 'connected' just before it sends its sync step 1: the moment a typing user hits.
    const typeOnConnect = ({ status }: { status: string }) => {
      if (status !== 'connected') return;
      client.provider.off('status', typeOnConnect);
      online = addCard(client.doc, { title: 'Skrivet vid återanslutning', author: person.participantId });
    };
    client.provider.on('status', typeOnConnect);
    children.push(await startServerProcess(dataDir, port));
    const checker = connect(base, board.boardId, board.observerToken);
    writers.push({ client: checker, participantId: '', tag: 'check', own: [], received: new Map(), titles: new Map() });
    await waitUntil(() => online !== '' && cardsOf(checker.doc).has(offline) && cardsOf(checker.doc).has(online), 10_000);
    expect(client.closes.filter((c) => c.code === 1008)).toEqual([]);
  }, 30_000);
});
