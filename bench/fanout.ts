import WebSocket from 'ws';
import { addCard, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { encodeUpdateMessage } from '../server/rooms/wire.js';
import { createBoard } from '../fixtures/workshopApi.js';
import { startBareBroadcast } from './bareBroadcast.js';
import { ClientFleet } from './clientFleet.js';
import type { WorkerCommand } from './clientWorker.js';
import { startForumboard } from './serverProcess.js';
import { now, sleep, spread, type Spread } from './stats.js';
import { spreadMs, type Row } from './table.js';
import { openSyncedYClient } from './yclient.js';

/**
 * One room, N clients in worker processes, one editor: how long until the last of the N has an edit.
 * Three channels per N, measured in turns (edit k on each, then k+1) so that whatever else the machine is
 * doing falls on all three alike:
 * - forumboard: stock y-websocket clients; the time until each has applied the edit to its Y.Doc;
 * - forumboard, raw receivers: same server, another board, clients that only note the frame (the server's share);
 * - bare: a ws server relaying the same number of bytes to the same kind of raw receivers (the physical limit).
 */
const SIZES = [50, 200, 500];
const WORKERS_PER_CHANNEL = 2;
/** The first edits after connecting run through cold code in every process; they are not counted. */
const WARMUP = 30;
const EDITS = 200;
const TARGET_RATIO = 2;

export interface FanoutFigures {
  clients: number;
  messageBytes: number;
  forumboard: Spread;
  forumboardRaw: Spread;
  bare: Spread;
  ratioP99: number;
}

interface Channel {
  fleet: ClientFleet;
  edit(k: number): void;
  latencies: number[];
}

const share = (total: number, worker: number) => Math.floor(total / WORKERS_PER_CHANNEL) + (worker < total % WORKERS_PER_CHANNEL ? 1 : 0);

async function openChannel(open: (worker: number) => WorkerCommand, edit: (k: number) => void): Promise<Channel> {
  const fleet = ClientFleet.start(WORKERS_PER_CHANNEL);
  await fleet.open(open);
  return { fleet, edit, latencies: [] };
}

async function measureSize(clients: number, log: (line: string) => void): Promise<FanoutFigures> {
  const server = await startForumboard();
  const bare = await startBareBroadcast();
  const channels: Channel[] = [];
  const closers: Array<() => void> = [];
  try {
    let messageBytes = 0;
    const forumboardChannel = async (receivers: 'yjs' | 'raw') => {
      const board = await createBoard(server.url, { title: `Fan-out ${receivers}`, language: 'en' });
      const editor = await openSyncedYClient(server.wsUrl, board.boardId, board.facilitatorToken);
      closers.push(() => editor.close());
      const cardId = addCard(editor.doc, { title: 'Fan-out #0', author: FACILITATOR_ID });
      editor.doc.on('update', (update: Uint8Array) => (messageBytes = Math.max(messageBytes, encodeUpdateMessage(update).byteLength)));
      return openChannel(
        (worker) =>
          receivers === 'yjs'
            ? { type: 'open-yjs', wsUrl: server.wsUrl, rooms: [{ room: board.boardId, token: board.observerToken, clients: share(clients, worker) }], batch: 50 }
            : { type: 'open-raw', url: `${server.wsUrl}/${board.boardId}?token=${board.observerToken}`, clients: share(clients, worker), batch: 50, frames: 'sync-updates' },
        (k) => setCardTitle(editor.doc, cardId, `Fan-out #${k}`),
      );
    };
    channels.push(await forumboardChannel('yjs'), await forumboardChannel('raw'));
    // The bare relay sends as many bytes as Forumboard's update message; the first edit fixes that size.
    const relay = new WebSocket(bare.wsUrl);
    closers.push(() => relay.terminate());
    await new Promise((resolve, reject) => relay.once('open', resolve).once('error', reject));
    channels.push(
      await openChannel(
        (worker) => ({ type: 'open-raw', url: bare.wsUrl, clients: share(clients, worker), batch: 50, frames: 'numbered' }),
        (k) => {
          const frame = Buffer.alloc(Math.max(messageBytes, 4));
          frame.writeUInt32LE(k, 0);
          relay.send(frame);
        },
      ),
    );
    await sleep(500);
    for (let k = 1; k <= WARMUP + EDITS; k++) {
      for (const channel of channels) {
        const sent = now();
        const arrived = channel.fleet.applied(k);
        channel.edit(k);
        const last = await arrived;
        if (k > WARMUP) channel.latencies.push(last - sent);
        await sleep(10);
      }
    }
    const [forumboard, forumboardRaw, bareSpread] = channels.map((c) => spread(c.latencies));
    log(`N=${clients}: forumboard ${spreadMs(forumboard)}; raw receivers ${spreadMs(forumboardRaw)}; bare ws ${spreadMs(bareSpread)}`);
    return { clients, messageBytes, forumboard, forumboardRaw, bare: bareSpread, ratioP99: forumboard.p99 / bareSpread.p99 };
  } finally {
    closers.forEach((close) => close());
    await Promise.all(channels.map((c) => c.fleet.close()));
    await Promise.all([server.stop(), bare.stop()]);
  }
}

export async function runFanout(log: (line: string) => void): Promise<{ rows: Row[]; figures: FanoutFigures[] }> {
  const figures: FanoutFigures[] = [];
  for (const clients of SIZES) figures.push(await measureSize(clients, log));
  const rows: Row[] = figures.flatMap((f) => [
    {
      section: `fan-out N=${f.clients}`,
      measure: `edit applied by all N y-websocket clients, p50/p99/max`,
      value: spreadMs(f.forumboard),
      baseline: `${spreadMs(f.bare)} (bare ws)`,
      ratio: `${f.ratioP99.toFixed(2)}× p99`,
      ...(f.clients === Math.max(...SIZES) ? { target: `p99 ≤ ${TARGET_RATIO}× bare ws`, met: f.ratioP99 <= TARGET_RATIO } : {}),
    },
    {
      section: `fan-out N=${f.clients}`,
      measure: `same edit, received by N raw ws clients (server share)`,
      value: spreadMs(f.forumboardRaw),
      baseline: `${spreadMs(f.bare)} (bare ws)`,
      ratio: `${(f.forumboardRaw.p99 / f.bare.p99).toFixed(2)}× p99`,
    },
  ]);
  return { rows, figures };
}
