import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/**
 * A child process hosting stock y-websocket clients that each publish a presence state at a fixed rate, as
 * the board does (which card its person is typing in), with a random phase. Stock clients also pass on every
 * presence they hear of, which is part of what is measured. Each counts the bytes the server sent it.
 */
export type PresenceCommand =
  | { type: 'open'; wsUrl: string; room: string; token: string; clients: number; perSecond: number; padBytes: number }
  | { type: 'report' };

export type PresenceEvent =
  | { type: 'ready' }
  | { type: 'report'; bytes: number; changesSeen: number; closes: Array<{ code: number; reason: string }>; statesSeen: number[] }
  | { type: 'error'; message: string };

process.setMaxListeners(0);
const send = (event: PresenceEvent) => process.send?.(event);
const providers: WebsocketProvider[] = [];
const closes: Array<{ code: number; reason: string }> = [];
let bytes = 0;
/** Changes of other people's states that reached these clients: what presence is for. */
let changesSeen = 0;

class CountingWebSocket extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols);
    this.on('message', (data: Buffer) => (bytes += data.byteLength));
    this.on('close', (code: number, reason: Buffer) => {
      if (code !== 1000 && code !== 1005) closes.push({ code, reason: reason.toString() });
    });
  }
}

async function open(command: Extract<PresenceCommand, { type: 'open' }>): Promise<void> {
  // What a hostile client adds beside the fields the board uses; zero for honest clients.
  const pad = command.padBytes > 0 ? { note: 'x'.repeat(command.padBytes) } : {};
  await Promise.all(
    Array.from({ length: command.clients }, async (_, i) => {
      const provider = new WebsocketProvider(command.wsUrl, command.room, new Y.Doc(), {
        params: { token: command.token },
        disableBc: true,
        WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
      });
      providers.push(provider);
      provider.awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
        if (origin !== 'local') changesSeen += added.length + updated.length;
      });
      provider.awareness.setLocalState({ typing: null, ...pad });
      await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
      let k = 0;
      const everyMs = 1000 / command.perSecond;
      setTimeout(() => {
        setInterval(() => provider.awareness.setLocalState({ typing: ++k % 2 === 0 ? null : `card-${i}-${k}`, ...pad }), everyMs);
      }, Math.random() * everyMs);
    }),
  );
}

process.on('message', (command: PresenceCommand) => {
  const run = async () => {
    if (command.type === 'open') {
      await open(command);
      send({ type: 'ready' });
    } else {
      send({ type: 'report', bytes, changesSeen, closes: [...closes], statesSeen: providers.map((p) => p.awareness.getStates().size) });
    }
  };
  run().catch((err: unknown) => send({ type: 'error', message: String(err) }));
});
process.on('disconnect', () => process.exit(0));
