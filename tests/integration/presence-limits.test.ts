import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LIMITS } from '../../shared/limits.js';
import { decodeAwarenessUpdate, decodeClientMessage, encodeAwarenessMessage, encodeAwarenessUpdate, MESSAGE_QUERY_AWARENESS } from '../../server/rooms/wire.js';
import { createBoard, join, liveServer, sleep, synced, waitUntil } from './support.js';

/**
 * Presence costs a connection's own changes, not what it passes on: a stock client in a busy room echoes every
 * presence message it hears, and must never be closed for it; queries for everyone's presence are answered once
 * a second at most. Raw WebSocket clients against the real server, beside a stock y-websocket client.
 */
describe('presence limits per connection', () => {
  const server = liveServer();

  /** A raw socket on the board that records the presence messages it is sent. */
  async function rawPeer(url: string): Promise<{ ws: WebSocket; presence: Uint8Array[]; closed: Promise<{ code: number; reason: string }> }> {
    const ws = new WebSocket(url);
    const presence: Uint8Array[] = [];
    ws.on('message', (data: Buffer) => {
      const message = decodeClientMessage(new Uint8Array(data));
      if (message.kind === 'awareness') presence.push(message.update);
    });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return { ws, presence, closed };
  }

  it(`a client passing on ${LIMITS.awarenessFloodPerSecond + 50} presence messages a second that it heard stays connected, and its own next change reaches the others`, async () => {
    const board = await createBoard(server.url, { language: 'en' });
    const anna = await join(server.url, board, 'Anna', 'company');
    const watcher = server.connect(board.boardId, board.facilitatorToken);
    await synced(watcher);
    watcher.provider.awareness.setLocalStateField('typing', null);
    const busy = await rawPeer(`${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${anna.token}`);
    const ownId = 7_777;
    busy.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: ownId, clock: 1, state: { typing: null } }])));
    await waitUntil(() => watcher.provider.awareness.getStates().has(ownId), 5_000);
    const heardOfWatcher = () => busy.presence.flatMap((update) => decodeAwarenessUpdate(update)).find((entry) => entry.clientId === watcher.doc.clientID);
    await waitUntil(() => heardOfWatcher() !== undefined, 5_000);
    const heard = heardOfWatcher()!;

    // What a stock client does with each presence message of a busy room: it sends it back.
    for (let i = 0; i < LIMITS.awarenessFloodPerSecond + 50; i++) busy.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([heard])));
    await sleep(300);
    expect(busy.ws.readyState).toBe(WebSocket.OPEN);
    busy.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: ownId, clock: 2, state: { typing: 'card-9' } }])));
    await waitUntil(() => watcher.provider.awareness.getStates().get(ownId)?.typing === 'card-9', 5_000);
    expect(busy.ws.readyState).toBe(WebSocket.OPEN);
    busy.ws.close();
  });

  it('a burst of own presence changes ends with the newest shown, once the allowance has renewed', async () => {
    const board = await createBoard(server.url, { language: 'en' });
    const anna = await join(server.url, board, 'Anna', 'company');
    const watcher = server.connect(board.boardId, board.facilitatorToken);
    await synced(watcher);
    const typist = await rawPeer(`${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${anna.token}`);
    const ownId = 8_888;
    const burst = 12;
    for (let clock = 1; clock <= burst; clock++) {
      typist.ws.send(encodeAwarenessMessage(encodeAwarenessUpdate([{ clientId: ownId, clock, state: { typing: `card-${clock}` } }])));
    }
    await waitUntil(() => watcher.provider.awareness.getStates().get(ownId)?.typing === `card-${burst}`, 3_000);
    expect(typist.ws.readyState).toBe(WebSocket.OPEN);
    typist.ws.close();
  });

  it('answers 200 queries for everyone\'s presence in one second at most once', async () => {
    const board = await createBoard(server.url, { language: 'en' });
    const someone = server.connect(board.boardId, board.facilitatorToken);
    await synced(someone);
    someone.provider.awareness.setLocalStateField('typing', null);
    const asker = await rawPeer(`${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${board.observerToken}`);
    await waitUntil(() => asker.presence.length > 0, 5_000);
    await sleep(1_100);
    const before = asker.presence.length;

    const query = encoding.createEncoder();
    encoding.writeVarUint(query, MESSAGE_QUERY_AWARENESS);
    for (let i = 0; i < 200; i++) asker.ws.send(encoding.toUint8Array(query));
    await sleep(500);
    expect(asker.presence.length - before).toBe(1);
    expect(asker.ws.readyState).toBe(WebSocket.OPEN);
    asker.ws.close();
  });
});
