import WebSocket from 'ws';
import * as Y from 'yjs';
import { cardsOf, type CardMap } from '../shared/boardDoc.js';
import { decodeClientMessage } from '../server/rooms/wire.js';
import { now } from './stats.js';
import { openStockClient, type ClientProtocol, type StockClient } from './yclient.js';

/**
 * A child process hosting many clients of one kind, so that clients do not share a CPU with the server
 * or with the process that times them. It reports when every client it hosts has received edit k.
 */
export type WorkerCommand =
  | {
      type: 'open-yjs';
      /** y-websocket when not given. */
      protocol?: ClientProtocol;
      wsUrl: string;
      rooms: Array<{ room: string; token: string; clients: number }>;
      batch: number;
      /** A join storm: one client opened every `paceMs`, each without waiting for the others, instead of batches. */
      paceMs?: number;
      /** Presence: once synced, client i changes its state at presenceHz[i % length] changes a second, random phase. */
      presenceHz?: number[];
    }
  /**
   * Plain ws clients that do nothing but note arrivals; `frames` says how a frame names its edit. With
   * 'sync-step2' each asks for the whole document on opening (sync step 1, empty state vector) and is synced when
   * the answer arrives, undecoded: a joiner's wait without its own device's work. With 'sync-step2-decoded' it is
   * synced once the answer is applied to a Y.Doc of its own: the device's decode, without a provider.
   */
  | { type: 'open-raw'; url: string; clients: number; batch: number; frames: 'numbered' | 'sync-updates' | 'sync-step2' | 'sync-step2-decoded'; paceMs?: number }
  /** Presence from every Yjs client opened, as `presenceHz` of 'open-yjs' starts it. */
  | { type: 'start-presence'; presenceHz: number[] }
  | { type: 'close' };

/** When a client was opened and when it first synced (stats.now). */
export interface Join {
  openedAt: number;
  syncedAt: number;
}

export type WorkerEvent =
  | { type: 'ready'; clients: number; joins: Join[] }
  | { type: 'applied'; edit: number; first: number; last: number }
  | { type: 'error'; message: string };

/**
 * How a client knows which edit arrived: a Yjs client reads the number at the end of the card title ("… #12");
 * a raw client reads a numbered frame's first four bytes, or counts the sync updates the server sent it.
 */
export const EDIT_MARK = / #(\d+)$/;
const MESSAGE_SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;
/** Sync step 1 with an empty state vector: "send me everything". */
const ASK_FOR_EVERYTHING = Uint8Array.of(MESSAGE_SYNC, 0, 1, 0);

// Every provider registers a process 'exit' listener; thousands are expected here.
process.setMaxListeners(0);

const send = (event: WorkerEvent) => process.send?.(event);
const received = new Map<number, { count: number; first: number; last: number }>();
let total = 0;
const yClients: StockClient[] = [];
const sockets: WebSocket[] = [];
const joins: Join[] = [];
const timers: NodeJS.Timeout[] = [];

function arrived(edit: number): void {
  const at = now();
  const entry = received.get(edit) ?? { count: 0, first: at, last: at };
  entry.count++;
  entry.last = at;
  received.set(edit, entry);
  if (entry.count === total) {
    received.delete(edit);
    send({ type: 'applied', edit, first: entry.first, last: entry.last });
  }
}

function watchEdits(client: StockClient): void {
  const cards = cardsOf(client.doc);
  cards.observeDeep((events, tr) => {
    if (tr.local) return;
    for (const event of events) {
      const title = event.target === cards ? null : (event.target as CardMap).get('title');
      const titleChanged = event instanceof Y.YMapEvent && event.path.length === 1 && event.keysChanged.has('title');
      const edit = titleChanged && typeof title === 'string' ? EDIT_MARK.exec(title) : null;
      if (edit) arrived(Number(edit[1]));
    }
  });
}

/** Opens `count` clients: `batch` at a time, each batch once the previous has synced, or one every `paceMs` (a storm). */
async function launch(count: number, { batch, paceMs }: { batch: number; paceMs?: number }, open: (i: number) => Promise<void>): Promise<void> {
  if (paceMs !== undefined) {
    await Promise.all(Array.from({ length: count }, (_, i) => new Promise((resolve) => setTimeout(resolve, i * paceMs)).then(() => open(i))));
    return;
  }
  for (let start = 0; start < count; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, count - start) }, (_, j) => open(start + j)));
  }
}

/** Presence as the board sends it: which card the person is typing in, changed at `perSecond` with a random phase. */
function publishPresence(client: StockClient, i: number, perSecond: number): void {
  const everyMs = 1000 / perSecond;
  let k = 0;
  client.awareness.setLocalState({ typing: null });
  timers.push(
    setTimeout(() => {
      timers.push(setInterval(() => client.awareness.setLocalStateField('typing', ++k % 2 === 0 ? null : `card-${i}-${k}`), everyMs));
    }, Math.random() * everyMs),
  );
}

async function openYjs(command: Extract<WorkerCommand, { type: 'open-yjs' }>): Promise<void> {
  const specs = command.rooms.flatMap((r) => Array.from({ length: r.clients }, () => r));
  total = specs.length;
  const open = async (i: number) => {
    const openedAt = now();
    const client = openStockClient(command.protocol ?? 'y-websocket', command.wsUrl, specs[i].room, specs[i].token);
    yClients.push(client);
    watchEdits(client);
    await client.synced();
    joins.push({ openedAt, syncedAt: now() });
    if (command.presenceHz) publishPresence(client, i, command.presenceHz[i % command.presenceHz.length]);
  };
  await launch(specs.length, command, open);
}

async function openRaw(command: Extract<WorkerCommand, { type: 'open-raw' }>): Promise<void> {
  total = command.clients;
  const asksForEverything = command.frames === 'sync-step2' || command.frames === 'sync-step2-decoded';
  await launch(command.clients, command, async () => {
    const openedAt = now();
    const ws = new WebSocket(command.url);
    sockets.push(ws);
    let updates = 0;
    const synced = new Promise<void>((resolve) =>
      ws.on('message', (data: Buffer) => {
        if (command.frames === 'numbered') arrived(data.readUInt32LE(0));
        else if (data[0] === MESSAGE_SYNC && data[1] === SYNC_UPDATE) arrived(++updates);
        else if (asksForEverything && data[0] === MESSAGE_SYNC && data[1] === SYNC_STEP2) {
          if (command.frames === 'sync-step2-decoded') Y.applyUpdate(new Y.Doc(), (decodeClientMessage(data) as { update: Uint8Array }).update);
          joins.push({ openedAt, syncedAt: now() });
          resolve();
        }
      }),
    );
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    if (asksForEverything) {
      ws.send(ASK_FOR_EVERYTHING);
      await synced;
    }
  });
}

process.on('message', (command: WorkerCommand) => {
  const run = async () => {
    if (command.type === 'open-yjs') await openYjs(command);
    else if (command.type === 'open-raw') await openRaw(command);
    else if (command.type === 'start-presence') yClients.forEach((client, i) => publishPresence(client, i, command.presenceHz[i % command.presenceHz.length]));
    else {
      timers.forEach((timer) => clearTimeout(timer));
      yClients.forEach((c) => c.close());
      sockets.forEach((ws) => ws.terminate());
      process.exit(0);
    }
    send({ type: 'ready', clients: total, joins });
  };
  run().catch((err: unknown) => send({ type: 'error', message: String(err) }));
});
process.on('disconnect', () => process.exit(0));
