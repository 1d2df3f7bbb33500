import { parentPort, workerData } from 'node:worker_threads';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addCard, readCards } from '../../shared/boardDoc.js';

/**
 * The honest facilitator of the venue-load suite, on a thread of its own so that what the test process does to
 * attack the server never delays the honest user's own clocks: writes a card, waits until a second client sees
 * it, and again, until told to stop; then posts the round trips in ms.
 */
const { wsBase, boardId, writerToken, watcherToken, address } = workerData as Record<string, string>;

function client(token: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  class FromAddress extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { 'x-forwarded-for': address } });
    }
  }
  const provider = new WebsocketProvider(wsBase, boardId, doc, { params: { token }, disableBc: true, WebSocketPolyfill: FromAddress as unknown as typeof globalThis.WebSocket, maxBackoffTime: 300 });
  return { doc, provider };
}

const writer = client(writerToken);
const watcher = client(watcherToken);
let stopping = false;
parentPort!.on('message', () => (stopping = true));

const seen = (id: string) =>
  new Promise<void>((resolve) => {
    const look = () => {
      if (!readCards(watcher.doc).some((c) => c.id === id)) return;
      watcher.doc.off('update', look);
      resolve();
    };
    watcher.doc.on('update', look);
    look();
  });

while (!writer.provider.synced || !watcher.provider.synced) await new Promise((resolve) => setTimeout(resolve, 10));
parentPort!.postMessage({ ready: true });
const trips: number[] = [];
while (!stopping || trips.length < 20) {
  const started = performance.now();
  await seen(addCard(writer.doc, { title: `Honest card ${trips.length}`, author: 'facilitator' }));
  trips.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
writer.provider.destroy();
watcher.provider.destroy();
parentPort!.postMessage({ trips });
