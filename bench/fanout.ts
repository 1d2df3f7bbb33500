import WebSocket from 'ws';
import { addCard, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { encodeUpdateMessage } from '../server/rooms/wire.js';
import { createBoard } from '../fixtures/workshopApi.js';
import { startBaseline, type BaselineServer } from './baselineServers.js';
import { ClientFleet } from './clientFleet.js';
import { option } from './options.js';
import type { Join, WorkerCommand } from './clientWorker.js';
import { startForumboard } from './serverProcess.js';
import { now, processCpuMs, sleep, spread, type Spread } from './stats.js';
import { ms, spreadMs, type Row } from './table.js';
import { openSyncedStockClient, type ClientProtocol } from './yclient.js';

/**
 * One room, N clients in worker processes, one editor: how long until the first and the last of the N have an
 * edit, with presence off and on (fresh servers for each). Five channels per run, measured in turns (edit k on
 * each, then k+1) so that whatever else the machine is doing falls on all alike:
 * - forumboard: stock y-websocket clients; the time until each has applied the edit to its Y.Doc. With presence
 *   on, each of them also says which card it is typing in, as the board does: laptops change it once a second,
 *   every third client is a phone that changes it every two seconds (a plenary of issue 24);
 * - forumboard, raw receivers: same server, another board, clients that only note the frame (the server's share);
 * - y-websocket-server and Hocuspocus, each in its own process: their own stock clients (y-websocket's provider,
 *   HocuspocusProvider), the same edits and the same presence;
 * - bare: a ws server relaying the same number of bytes to the same kind of raw receivers (the physical limit; it
 *   carries no presence).
 * A server's CPU per edit is all it spent over the timed edits (presence included) divided by the edits it
 * carried (Forumboard carries two boards'); what presence alone costs it is measured over two quiet seconds
 * before them. Join time is each stock client's wait from opening to its first sync, 50 opening at a time.
 *
 * `npm run bench -- fanout --clients=200 --edits=50` for one size and fewer edits; `--channels=forumboard,hocuspocus`
 * runs only those channels beside the bare relay (on a small machine the peers' clients at N = 500 with presence
 * take every core the others need), and `--presence=on` or `--presence=off` only one of the two.
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
const BATCH = 50;

const CHANNELS = ['forumboard', 'forumboard-raw', 'y-websocket-server', 'hocuspocus', 'bare'] as const;
type ChannelName = (typeof CHANNELS)[number];
/** Channels whose receivers are stock clients (they sync, and speak presence); the others are raw sockets. */
const hasStockClients = (name: ChannelName) => name !== 'bare' && name !== 'forumboard-raw';

/** The channels asked for with `--channels=` (the bare relay always runs: every ratio is to it). */
function chosenChannels(): ReadonlySet<ChannelName> {
  const arg = process.argv.find((a) => a.startsWith('--channels='));
  if (!arg) return new Set(CHANNELS);
  const names = arg.slice('--channels='.length).split(',');
  for (const name of names) if (!(CHANNELS as readonly string[]).includes(name)) throw new Error(`--channels: no channel "${name}" (${CHANNELS.join(', ')})`);
  return new Set([...(names as ChannelName[]), 'bare']);
}

function chosenPresence(): boolean[] {
  const arg = process.argv.find((a) => a.startsWith('--presence='));
  if (!arg) return [false, true];
  const value = arg.slice('--presence='.length);
  if (value !== 'on' && value !== 'off') throw new Error('--presence must be on or off');
  return [value === 'on'];
}

export interface ChannelFigures {
  /** Until every receiver had the edit. */
  all: Spread;
  /** Until the first receiver had it. */
  first: Spread;
  /** Stock clients only: from opening to the first sync. */
  joins: Spread | null;
  /** The server's CPU per edit it carried, presence included; and presence's CPU seconds per second alone. */
  cpuMsPerEdit: number;
  presenceCpuPerSecond: number;
}

export interface FanoutFigures {
  clients: number;
  presence: boolean;
  messageBytes: number;
  channels: Record<ChannelName, ChannelFigures>;
}

interface Channel {
  name: ChannelName;
  fleet: ClientFleet;
  joins: Join[];
  edit(k: number): void;
  latencies: number[];
  firsts: number[];
}

const share = (total: number, worker: number) => Math.floor(total / WORKERS_PER_CHANNEL) + (worker < total % WORKERS_PER_CHANNEL ? 1 : 0);

async function measureSize(clients: number, presence: boolean, edits: number, chosen: ReadonlySet<ChannelName>, log: (line: string) => void): Promise<FanoutFigures> {
  const server = await startForumboard();
  const baselines: Array<[ChannelName, BaselineServer]> = [];
  for (const kind of ['y-websocket-server', 'hocuspocus', 'bare'] as const) if (chosen.has(kind)) baselines.push([kind, await startBaseline(kind)]);
  const baseline = Object.fromEntries(baselines) as Record<'y-websocket-server' | 'hocuspocus' | 'bare', BaselineServer>;
  const pids = Object.fromEntries([['forumboard', server.pid], ['forumboard-raw', server.pid], ...baselines.map(([name, b]) => [name, b.pid])]) as Record<ChannelName, number>;
  const channels: Channel[] = [];
  const closers: Array<() => void> = [];
  const open = async (name: ChannelName, command: (worker: number) => WorkerCommand, edit: (k: number) => void) => {
    const fleet = ClientFleet.start(WORKERS_PER_CHANNEL);
    channels.push({ name, fleet, joins: [], edit, latencies: [], firsts: [] });
    channels[channels.length - 1].joins = await fleet.open(command);
  };
  try {
    let messageBytes = 0;
    /** An editor with one card on a room of a Yjs server, and the stock clients that receive its edits. */
    const stockChannel = async (name: ChannelName, protocol: ClientProtocol, wsUrl: string, room: string, tokens: { editor: string; receiver: string }) => {
      const editor = await openSyncedStockClient(protocol, wsUrl, room, tokens.editor);
      closers.push(() => editor.close());
      const cardId = addCard(editor.doc, { title: 'Fan-out #0', author: FACILITATOR_ID });
      if (name === 'forumboard') editor.doc.on('update', (update: Uint8Array) => (messageBytes = Math.max(messageBytes, encodeUpdateMessage(update).byteLength)));
      await open(
        name,
        (worker) => ({ type: 'open-yjs', protocol, wsUrl, rooms: [{ room, token: tokens.receiver, clients: share(clients, worker) }], batch: BATCH }),
        (k) => setCardTitle(editor.doc, cardId, `Fan-out #${k}`),
      );
    };
    const forumboardBoard = async () => {
      const board = await createBoard(server.url, { title: 'Fan-out', language: 'en' });
      return { room: board.boardId, tokens: { editor: board.facilitatorToken, receiver: board.observerToken } };
    };
    if (chosen.has('forumboard')) {
      const stock = await forumboardBoard();
      await stockChannel('forumboard', 'y-websocket', server.wsUrl, stock.room, stock.tokens);
    }
    if (chosen.has('forumboard-raw')) {
      const raw = await forumboardBoard();
      const rawEditor = await openSyncedStockClient('y-websocket', server.wsUrl, raw.room, raw.tokens.editor);
      closers.push(() => rawEditor.close());
      const rawCard = addCard(rawEditor.doc, { title: 'Fan-out #0', author: FACILITATOR_ID });
      // Without the stock channel, the first edit of this one fixes the size the bare relay sends.
      if (!chosen.has('forumboard')) rawEditor.doc.on('update', (update: Uint8Array) => (messageBytes = Math.max(messageBytes, encodeUpdateMessage(update).byteLength)));
      await open(
        'forumboard-raw',
        (worker) => ({ type: 'open-raw', url: `${server.wsUrl}/${raw.room}?token=${raw.tokens.receiver}`, clients: share(clients, worker), batch: BATCH, frames: 'sync-updates' }),
        (k) => setCardTitle(rawEditor.doc, rawCard, `Fan-out #${k}`),
      );
    }
    const anyToken = { editor: 'bench', receiver: 'bench' };
    if (chosen.has('y-websocket-server')) await stockChannel('y-websocket-server', 'y-websocket', baseline['y-websocket-server'].wsUrl, 'fanout', anyToken);
    if (chosen.has('hocuspocus')) await stockChannel('hocuspocus', 'hocuspocus', baseline.hocuspocus.wsUrl, 'fanout', anyToken);
    // The bare relay sends as many bytes as Forumboard's update message; the first edit fixes that size.
    const relay = new WebSocket(baseline.bare.wsUrl);
    closers.push(() => relay.terminate());
    await new Promise((resolve, reject) => relay.once('open', resolve).once('error', reject));
    await open(
      'bare',
      (worker) => ({ type: 'open-raw', url: baseline.bare.wsUrl, clients: share(clients, worker), batch: BATCH, frames: 'numbered' }),
      (k) => {
        const frame = Buffer.alloc(Math.max(messageBytes, 4));
        frame.writeUInt32LE(k, 0);
        relay.send(frame);
      },
    );
    // Presence starts once every channel is open: the chatter of one channel's stock clients would slow the next one's opening.
    if (presence) await Promise.all(channels.filter((c) => hasStockClients(c.name)).map((c) => c.fleet.open(() => ({ type: 'start-presence', presenceHz: PRESENCE_HZ }))));
    await sleep(500);
    const cpuOf = () => Object.fromEntries(channels.map(({ name }) => [name, processCpuMs(pids[name])])) as Record<ChannelName, number>;
    const quietStart = cpuOf();
    const quietStartedAt = now();
    await sleep(QUIET_MS);
    const quietEnd = cpuOf();
    const quietMs = now() - quietStartedAt;
    let editsCpu = cpuOf();
    for (let k = 1; k <= WARMUP + edits; k++) {
      if (k === WARMUP + 1) editsCpu = cpuOf();
      for (const channel of channels) {
        const sent = now();
        const arrived = channel.fleet.arrival(k).catch((err: Error) => {
          throw new Error(`${channel.name}: ${err.message}`);
        });
        channel.edit(k);
        const { first, last } = await arrived;
        if (k > WARMUP) {
          channel.latencies.push(last - sent);
          channel.firsts.push(first - sent);
        }
        await sleep(10);
      }
    }
    const editsEnd = cpuOf();
    const figures = Object.fromEntries(
      channels.map((c) => {
        const editsCarried = pids[c.name] === server.pid ? edits * channels.filter((other) => pids[other.name] === server.pid).length : edits;
        return [
          c.name,
          {
            all: spread(c.latencies),
            first: spread(c.firsts),
            joins: hasStockClients(c.name) ? spread(c.joins.map((j) => j.syncedAt - j.openedAt)) : null,
            cpuMsPerEdit: (editsEnd[c.name] - editsCpu[c.name]) / editsCarried,
            presenceCpuPerSecond: (quietEnd[c.name] - quietStart[c.name]) / quietMs,
          } satisfies ChannelFigures,
        ];
      }),
    ) as Record<ChannelName, ChannelFigures>;
    log(
      `N=${clients}, presence ${presence ? 'on' : 'off'}: ` +
        channels.map(({ name }) => {
          const f = figures[name];
          return `${name} all ${spreadMs(f.all)}, first ${spreadMs(f.first)}${f.joins ? `, join p50 ${ms(f.joins.p50)}` : ''}, CPU ${f.cpuMsPerEdit.toFixed(2)} ms/edit`;
        }).join('; '),
    );
    return { clients, presence, messageBytes, channels: figures };
  } finally {
    closers.forEach((close) => close());
    await Promise.all(channels.map((c) => c.fleet.close()));
    await Promise.all([server.stop(), ...baselines.map(([, b]) => b.stop())]);
  }
}

export async function runFanout(log: (line: string) => void): Promise<{ rows: Row[]; figures: FanoutFigures[] }> {
  const sizes = process.argv.some((a) => a.startsWith('--clients=')) ? [option('clients', 0)] : SIZES;
  const edits = option('edits', EDITS);
  const chosen = chosenChannels();
  const figures: FanoutFigures[] = [];
  for (const clients of sizes) for (const presence of chosenPresence()) figures.push(await measureSize(clients, presence, edits, chosen, log));
  const rows: Row[] = figures.flatMap((f) => {
    const section = `fan-out N=${f.clients}, presence ${f.presence ? 'on' : 'off'}`;
    const { forumboard, bare, hocuspocus } = f.channels;
    const raw = f.channels['forumboard-raw'];
    const peerChannels = ([[f.channels['y-websocket-server'], 'y-websocket-server'], [hocuspocus, 'Hocuspocus']] as const).filter(([c]) => c !== undefined);
    const peers = (pick: (c: ChannelFigures) => string) => peerChannels.map(([c, label]) => `${pick(c!)} (${label})`).join(', ') || 'not run';
    const onTarget = (target: string, met: boolean) => (f.presence ? { target, met } : {});
    const out: Row[] = [];
    if (forumboard) {
      const allRatio = forumboard.all.p99 / bare.all.p99;
      const firstRatio = forumboard.first.p50 / bare.first.p50;
      out.push(
        {
          section,
          measure: 'edit applied by all N stock clients, p50/p99/max',
          value: spreadMs(forumboard.all),
          baseline: `${spreadMs(bare.all)} (bare ws); ${peers((c) => spreadMs(c.all))}`,
          ratio: `${allRatio.toFixed(2)}× p99`,
          ...(f.presence ? { target: 'p99 ≤ 1.5× bare ws', met: allRatio <= 1.5 } : f.clients === Math.max(...sizes) ? { target: `p99 ≤ ${TARGET_RATIO}× bare ws`, met: allRatio <= TARGET_RATIO } : {}),
        },
        {
          section,
          measure: 'edit applied by the first stock client, p50/p99/max',
          value: spreadMs(forumboard.first),
          baseline: `${spreadMs(bare.first)} (bare ws)`,
          ratio: `${firstRatio.toFixed(2)}× p50`,
          ...onTarget('p50 ≤ 1.3× bare ws', firstRatio <= 1.3),
        },
      );
      if (hocuspocus) {
        const firstHocuspocus = forumboard.first.p50 / hocuspocus.first.p50;
        out.push({
          section,
          measure: 'edit applied by the first stock client, p50/p99/max',
          value: spreadMs(forumboard.first),
          baseline: peers((c) => spreadMs(c.first)),
          ratio: `${firstHocuspocus.toFixed(2)}× p50 of Hocuspocus`,
          ...onTarget('p50 ≤ 1.0× Hocuspocus', firstHocuspocus <= 1),
        });
      }
      out.push(
        {
          section,
          measure: 'server CPU per edit (presence included); presence alone, CPU s per s',
          value: `${forumboard.cpuMsPerEdit.toFixed(2)} ms; ${forumboard.presenceCpuPerSecond.toFixed(3)} s/s`,
          baseline: peers((c) => `${c.cpuMsPerEdit.toFixed(2)} ms; ${c.presenceCpuPerSecond.toFixed(3)} s/s`) + `, ${bare.cpuMsPerEdit.toFixed(2)} ms (bare ws)`,
        },
        {
          section,
          measure: 'join, a stock client from opening to its first sync (50 at a time), p50/p99/max',
          value: forumboard.joins ? spreadMs(forumboard.joins) : 'n/a',
          baseline: peers((c) => (c.joins ? spreadMs(c.joins) : 'n/a')),
        },
      );
    }
    if (raw) {
      out.push({
        section,
        measure: 'same edit, received by N raw ws clients (server share)',
        value: spreadMs(raw.all),
        baseline: `${spreadMs(bare.all)} (bare ws)`,
        ratio: `${(raw.all.p99 / bare.all.p99).toFixed(2)}× p99`,
      });
    }
    return out;
  });
  return { rows, figures };
}
