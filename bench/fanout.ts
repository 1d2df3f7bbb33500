import WebSocket from 'ws';
import { addCard, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { encodeUpdateMessage } from '../server/rooms/wire.js';
import { createBoard } from '../fixtures/workshopApi.js';
import { startBareBroadcast } from './bareBroadcast.js';
import { ClientFleet } from './clientFleet.js';
import { option } from './options.js';
import type { WorkerCommand } from './clientWorker.js';
import { startForumboard } from './serverProcess.js';
import { now, sleep, spread, type Spread } from './stats.js';
import { spreadMs, type Row } from './table.js';
import { openSyncedYClient } from './yclient.js';

/**
 * One room, N clients in worker processes, one editor: how long until the first and the last of the N have an
 * edit, with presence off and on (a fresh server for each). Three channels per run, measured in turns (edit k on
 * each, then k+1) so that whatever else the machine is doing falls on all three alike:
 * - forumboard: stock y-websocket clients; the time until each has applied the edit to its Y.Doc. With presence
 *   on, each of them also says which card it is typing in, as the board does: laptops change it once a second,
 *   every third client is a phone that changes it every two seconds (a plenary of issue 24);
 * - forumboard, raw receivers: same server, another board, clients that only note the frame (the server's share);
 * - bare: a ws server relaying the same number of bytes to the same kind of raw receivers (the physical limit; it
 *   carries no presence).
 * The server's CPU per edit is all it spent over the timed edits (presence included) divided by the edits of both
 * boards; what presence alone costs it is measured over two quiet seconds before them.
 *
 * `npm run bench -- fanout --clients=200 --edits=50` for one size and fewer edits.
 */
const SIZES = [50, 200, 500];
const WORKERS_PER_CHANNEL = 2;
/** The first edits after connecting run through cold code in every process; they are not counted. */
const WARMUP = 30;
const EDITS = 200;
const TARGET_RATIO = 2;
/** Presence changes a second per client, in turn: two laptops, one phone. */
const PRESENCE_HZ = [1, 1, 0.5];
const QUIET_MS = 2_000;

export interface FanoutFigures {
  clients: number;
  presence: boolean;
  messageBytes: number;
  forumboard: Spread;
  /** Until the first y-websocket client had the edit. */
  forumboardFirst: Spread;
  forumboardRaw: Spread;
  bare: Spread;
  bareFirst: Spread;
  ratioP99: number;
  /** Server CPU per edit (both boards' edits, presence included); and presence's CPU seconds per second alone. */
  cpuMsPerEdit: number;
  presenceCpuPerSecond: number;
}

interface Channel {
  fleet: ClientFleet;
  edit(k: number): void;
  latencies: number[];
  firsts: number[];
}

const share = (total: number, worker: number) => Math.floor(total / WORKERS_PER_CHANNEL) + (worker < total % WORKERS_PER_CHANNEL ? 1 : 0);

async function openChannel(open: (worker: number) => WorkerCommand, edit: (k: number) => void): Promise<Channel> {
  const fleet = ClientFleet.start(WORKERS_PER_CHANNEL);
  await fleet.open(open);
  return { fleet, edit, latencies: [], firsts: [] };
}

async function measureSize(clients: number, presence: boolean, edits: number, log: (line: string) => void): Promise<FanoutFigures> {
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
            ? { type: 'open-yjs', wsUrl: server.wsUrl, rooms: [{ room: board.boardId, token: board.observerToken, clients: share(clients, worker) }], batch: 50, ...(presence ? { presenceHz: PRESENCE_HZ } : {}) }
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
    const cpuMs = async () => {
      const { cpu } = await server.usage(false);
      return (cpu.user + cpu.system) / 1000;
    };
    const quietStart = [await cpuMs(), now()];
    await sleep(QUIET_MS);
    const presenceCpuPerSecond = (await cpuMs()) - quietStart[0];
    const presenceMsPerMs = presenceCpuPerSecond / (now() - quietStart[1]);
    let editsCpu = 0;
    for (let k = 1; k <= WARMUP + edits; k++) {
      if (k === WARMUP + 1) editsCpu = await cpuMs();
      for (const channel of channels) {
        const sent = now();
        const arrived = channel.fleet.arrival(k);
        channel.edit(k);
        const { first, last } = await arrived;
        if (k > WARMUP) {
          channel.latencies.push(last - sent);
          channel.firsts.push(first - sent);
        }
        await sleep(10);
      }
    }
    const cpuMsPerEdit = ((await cpuMs()) - editsCpu) / (2 * edits);
    const [forumboard, forumboardRaw, bareSpread] = channels.map((c) => spread(c.latencies));
    const [forumboardFirst, , bareFirst] = channels.map((c) => spread(c.firsts));
    log(
      `N=${clients}, presence ${presence ? 'on' : 'off'}: all applied ${spreadMs(forumboard)}, first ${spreadMs(forumboardFirst)}; raw receivers ${spreadMs(forumboardRaw)}; ` +
        `bare ws ${spreadMs(bareSpread)}, first ${spreadMs(bareFirst)}; server CPU ${cpuMsPerEdit.toFixed(2)} ms per edit, presence ${(presenceMsPerMs * 1000).toFixed(0)} ms/s`,
    );
    return {
      clients,
      presence,
      messageBytes,
      forumboard,
      forumboardFirst,
      forumboardRaw,
      bare: bareSpread,
      bareFirst,
      ratioP99: forumboard.p99 / bareSpread.p99,
      cpuMsPerEdit,
      presenceCpuPerSecond: presenceMsPerMs,
    };
  } finally {
    closers.forEach((close) => close());
    await Promise.all(channels.map((c) => c.fleet.close()));
    await Promise.all([server.stop(), bare.stop()]);
  }
}

export async function runFanout(log: (line: string) => void): Promise<{ rows: Row[]; figures: FanoutFigures[] }> {
  const sizes = process.argv.some((a) => a.startsWith('--clients=')) ? [option('clients', 0)] : SIZES;
  const edits = option('edits', EDITS);
  const figures: FanoutFigures[] = [];
  for (const clients of sizes) for (const presence of [false, true]) figures.push(await measureSize(clients, presence, edits, log));
  const rows: Row[] = figures.flatMap((f) => {
    const section = `fan-out N=${f.clients}, presence ${f.presence ? 'on' : 'off'}`;
    const firstRatio = f.forumboardFirst.p50 / f.bareFirst.p50;
    return [
      {
        section,
        measure: `edit applied by all N y-websocket clients, p50/p99/max`,
        value: spreadMs(f.forumboard),
        baseline: `${spreadMs(f.bare)} (bare ws)`,
        ratio: `${f.ratioP99.toFixed(2)}× p99`,
        ...(f.presence ? { target: 'p99 ≤ 1.5× bare ws', met: f.ratioP99 <= 1.5 } : f.clients === Math.max(...sizes) ? { target: `p99 ≤ ${TARGET_RATIO}× bare ws`, met: f.ratioP99 <= TARGET_RATIO } : {}),
      },
      {
        section,
        measure: `edit applied by the first y-websocket client, p50/p99/max`,
        value: spreadMs(f.forumboardFirst),
        baseline: `${spreadMs(f.bareFirst)} (bare ws)`,
        ratio: `${firstRatio.toFixed(2)}× p50`,
        ...(f.presence ? { target: 'p50 ≤ 1.3× bare ws', met: firstRatio <= 1.3 } : {}),
      },
      {
        section,
        measure: `same edit, received by N raw ws clients (server share)`,
        value: spreadMs(f.forumboardRaw),
        baseline: `${spreadMs(f.bare)} (bare ws)`,
        ratio: `${(f.forumboardRaw.p99 / f.bare.p99).toFixed(2)}× p99`,
      },
      {
        section,
        measure: 'server CPU per edit (presence included); presence alone, CPU s per s',
        value: `${f.cpuMsPerEdit.toFixed(2)} ms; ${f.presenceCpuPerSecond.toFixed(3)} s/s`,
      },
    ];
  });
  return { rows, figures };
}
