import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import * as Y from 'yjs';
import { addCard, cardsOf, readCards } from '../../shared/boardDoc.js';
import { api, connect, createBoard, freePort, join, sleep, startServerProcess, startTestServer, synced, tempDataDir, waitUntil, type TestClient } from './support.js';

const clients: TestClient[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  clients.splice(0).forEach((c) => c.destroy());
  children.splice(0).forEach((c) => c.kill('SIGKILL'));
});

/** Card ids this client received from the server (remote transactions only). */
function receivedCards(client: TestClient): Set<string> {
  const seen = new Set<string>();
  cardsOf(client.doc).observe((event, tr) => {
    if (tr.local) return;
    event.keysChanged.forEach((id) => seen.add(id));
  });
  return seen;
}

describe('persistence', () => {
  it('a restart keeps every card, theme and the phase', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer(dataDir);
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Sofia Björk', 'Lärosäte', 'Universitetet');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const writer = connect(server.url, board.boardId, p.token);
    clients.push(writer);
    await synced(writer);
    const titles = ['Svårt att rekrytera svetsare', 'Höga och oförutsägbara elpriser', 'Cybersäkerhet i uppkopplade maskiner'];
    titles.forEach((title) => addCard(writer.doc, { title, author: p.participantId }));
    const watcher = connect(server.url, board.boardId, board.facilitatorToken);
    clients.push(watcher);
    await waitUntil(() => readCards(watcher.doc).length === 3);
    clients.splice(0).forEach((c) => c.destroy());
    await server.close();

    server = await startTestServer(dataDir);
    const after = connect(server.url, board.boardId, board.observerToken);
    clients.push(after);
    await synced(after);
    expect(readCards(after.doc).map((c) => c.title).sort()).toEqual([...titles].sort());
    const summary = await api<{ phase: string; participantCount: number }>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.observerToken);
    expect(summary.body).toMatchObject({ phase: 'collect', participantCount: 1 });
    await server.close();
  });

  it('kill -9 while two clients write loses no update any client had received', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    children.push(await startServerProcess(dataDir, port));
    const board = await createBoard(base, { title: 'Kick-off Waardeketen Maakindustrie', language: 'nl', question: 'Welke uitdagingen?' });
    const a = await join(base, board, 'Ruud Jansen', 'Bedrijf');
    const b = await join(base, board, 'Fatima El Amrani', 'Vakbond');
    await api(base, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const ca = connect(base, board.boardId, a.token);
    const cb = connect(base, board.boardId, b.token);
    clients.push(ca, cb);
    await Promise.all([synced(ca), synced(cb)]);
    const receivedByA = receivedCards(ca);
    const receivedByB = receivedCards(cb);

    let writing = true;
    const write = async (client: TestClient, author: string, prefix: string) => {
      for (let i = 0; writing; i++) {
        addCard(client.doc, { title: `${prefix} ${i}`, author });
        await sleep(5);
      }
    };
    const loops = [write(ca, a.participantId, 'Netcongestie'), write(cb, b.participantId, 'Tekort aan technici')];
    await sleep(400 + Math.random() * 400);
    children[0].kill('SIGKILL');
    const receivedAtKill = new Set([...receivedByA, ...receivedByB]);
    writing = false;
    await Promise.all(loops);
    expect(receivedAtKill.size).toBeGreaterThan(10);

    children.push(await startServerProcess(dataDir, port));
    const check = connect(base, board.boardId, board.observerToken, new Y.Doc());
    clients.push(check);
    await synced(check);
    const stored = new Set(readCards(check.doc).map((c) => c.id));
    const lost = [...receivedAtKill].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);

    // The writers reconnect and send what the server never got; everyone converges.
    await waitUntil(() => readCards(check.doc).length === cardsOf(ca.doc).size && cardsOf(ca.doc).size === cardsOf(cb.doc).size, 15_000);
    expect(readCards(check.doc).length).toBe(readCards(ca.doc).length);
  }, 60_000);
});
