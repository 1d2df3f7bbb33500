import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import type { Awareness } from 'y-protocols/awareness';
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
  if (!client.provider.synced) await syncedWithin(new Promise((resolve) => client.provider.once('sync', resolve)), room, timeoutMs);
  return client;
}

function syncedWithin(synced: Promise<unknown>, room: string, timeoutMs: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no sync with ${room} within ${timeoutMs} ms`)), timeoutMs)));
  return Promise.race([synced, late]).finally(() => clearTimeout(timer));
}

/** Which stock client speaks to a server: y-websocket's provider, or Hocuspocus's own. */
export type ClientProtocol = 'y-websocket' | 'hocuspocus';

/** A stock client of either kind, as the bench workers drive it. */
export interface StockClient {
  doc: Y.Doc;
  awareness: Awareness;
  synced(): Promise<void>;
  close(): void;
}

export function openStockClient(protocol: ClientProtocol, wsUrl: string, room: string, token: string): StockClient {
  if (protocol === 'y-websocket') {
    const { doc, provider, close } = openYClient(wsUrl, room, token);
    const synced = () => (provider.synced ? Promise.resolve() : new Promise<void>((resolve) => provider.once('sync', () => resolve())));
    return { doc, awareness: provider.awareness, synced, close };
  }
  const doc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token });
  provider.attach();
  // Like openYClient: no presence until the bench asks for it.
  provider.awareness?.setLocalState(null);
  const synced = () => (provider.isSynced ? Promise.resolve() : new Promise<void>((resolve) => provider.on('synced', () => resolve())));
  return {
    doc,
    awareness: provider.awareness as Awareness,
    synced,
    close() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export async function openSyncedStockClient(protocol: ClientProtocol, wsUrl: string, room: string, token: string, timeoutMs = 20_000): Promise<StockClient> {
  const client = openStockClient(protocol, wsUrl, room, token);
  await syncedWithin(client.synced(), room, timeoutMs);
  return client;
}
