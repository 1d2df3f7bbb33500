import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  close(): void;
}

/**
 * A stock y-websocket client as the browser app uses it, minus presence: a bench client that announced
 * itself would add one awareness message to every peer per client and renew it every 15 s, which is the
 * cost of presence, not of the edit being timed.
 */
export function openYClient(wsUrl: string, room: string, token: string): YClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    disableBc: true,
    connect: false,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalState(null);
  provider.connect();
  return {
    doc,
    provider,
    close() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function openSyncedYClient(wsUrl: string, room: string, token: string, timeoutMs = 20_000): Promise<YClient> {
  const client = openYClient(wsUrl, room, token);
  if (client.provider.synced) return client;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no sync with ${room} within ${timeoutMs} ms`)), timeoutMs);
    client.provider.once('sync', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return client;
}
