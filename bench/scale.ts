import fs from 'node:fs';
import WebSocket from 'ws';
import { addCard, setCardTitle } from '../shared/boardDoc.js';
import { FACILITATOR_ID } from '../shared/controlDoc.js';
import { encodeUpdateMessage } from '../server/rooms/wire.js';
import { startRedis } from '../fixtures/redis.js';
import { startPostgres } from '../fixtures/postgres.js';
import { createBoard } from '../fixtures/workshopApi.js';
import { freePort } from '../fixtures/freePort.js';
import { startBareBroadcast } from './baselineServers.js';
import { ClientFleet } from './clientFleet.js';
import { option } from './options.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { now, sleep, spread, type Spread } from './stats.js';
import { ms, spreadMs, type Row } from './table.js';
import { openSyncedYClient } from './yclient.js';

/**
 * One board, N clients, one editor: how long until the last of the N has an edit, and how much CPU the servers
 * spend on it, for the same N
 * - on three instances sharing one PostgreSQL and one Redis, the clients split evenly, the editor on the first,
 *   which owns the board (the other two relay their clients to it; `--fanout-only` runs them as before the
 *   owners, each instance serving its own clients and applying every update; `--by-board` sends every client
 *   to the owner, as a balancer hashing on the board id does, the worker processes staying as they are);
 * - on one instance (the default: SQLite);
 * - on the bare ws relay (bench/baselineServers.ts), the physical limit.
 * Receivers are raw ws clients that only note the frame, so the figures are the servers' share. Edits are
 * measured in turns (edit k on each, then k + 1), so whatever else the machine does falls on all three alike.
 *
 * `npm run bench -- scale --clients=200 --edits=50` for a shorter run.
 */
const INSTANCES = 3;
const WARMUP = 20;
const TARGET_RATIO = 1.5;
const BENCH_SECRET = 'a-secret-shared-by-the-bench-instances-only';

/** An instance of the three: owning boards in turn (reached by the others at its port), or serving its own clients only. */
async function scaledInstance(env: Record<string, string>, owners: boolean): Promise<ServerChild> {
  if (!owners) return startForumboard(env);
  const port = await freePort();
  return startForumboard({ ...env, PORT: String(port), INSTANCE_ADDRESS: `http://127.0.0.1:${port}`, INSTANCE_SECRET: BENCH_SECRET });
}

/** CPU seconds (user + system) a process has used so far, from /proc: the same measure for every server. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Channel {
  name: string;
  fleet: ClientFleet;
  pids: number[];
  edit(k: number): void;
  latencies: number[];
  cpu: number;
}

export interface ScaleFigures {
  clients: number;
  edits: number;
  channels: Array<{ name: string; delivery: Spread; cpuMsPerEdit: number; cpuShare: number }>;
  ratioP99: number;
}

export async function runScale(log: (line: string) => void): Promise<{ rows: Row[]; figures: ScaleFigures }> {
  const clients = option('clients', 500);
  const edits = option('edits', 100);
  const owners = !process.argv.includes('--fanout-only');
  const byBoard = owners && process.argv.includes('--by-board');
  const cleanups: Array<() => Promise<void> | void> = [];
  const channels: Channel[] = [];
  try {
    const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    cleanups.push(() => postgres.dispose(), () => redis.stop());
    const databaseUrl = postgres.createDatabase('forumboard_bench');
    const scaled: ServerChild[] = [];
    for (let i = 0; i < INSTANCES; i++) scaled.push(await scaledInstance({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url }, owners));
    const single = await startForumboard();
    const bare = await startBareBroadcast();
    cleanups.push(...scaled.map((s) => () => s.stop()), () => single.stop(), () => bare.stop());

    let messageBytes = 0;
    const forumboardChannel = async (name: string, servers: ServerChild[]): Promise<Channel> => {
      const board = await createBoard(servers[0].url, { title: `Scale ${name}`, language: 'en' });
      const editor = await openSyncedYClient(servers[0].wsUrl, board.boardId, board.facilitatorToken);
      cleanups.push(() => editor.close());
      const cardId = addCard(editor.doc, { title: 'Scale #0', author: FACILITATOR_ID });
      editor.doc.on('update', (update: Uint8Array) => (messageBytes = Math.max(messageBytes, encodeUpdateMessage(update).byteLength)));
      // One worker per instance, each holding that instance's share of the N clients.
      const fleet = ClientFleet.start(servers.length);
      cleanups.push(() => fleet.close());
      const share = (worker: number) => Math.floor(clients / servers.length) + (worker < clients % servers.length ? 1 : 0);
      await fleet.open((worker) => ({
        type: 'open-raw',
        url: `${servers[byBoard ? 0 : worker].wsUrl}/${board.boardId}?token=${board.observerToken}`,
        clients: share(worker),
        batch: 50,
        frames: 'sync-updates',
      }));
      return { name, fleet, pids: servers.map((s) => s.pid), edit: (k) => setCardTitle(editor.doc, cardId, `Scale #${k}`), latencies: [], cpu: 0 };
    };
    channels.push(await forumboardChannel(`${INSTANCES} instances${!owners ? ', fan-out only' : byBoard ? ', balanced by board' : ', one owner'}`, scaled), await forumboardChannel('1 instance', [single]));
    const relay = new WebSocket(bare.wsUrl);
    cleanups.push(() => relay.terminate());
    await new Promise((resolve, reject) => relay.once('open', resolve).once('error', reject));
    const bareFleet = ClientFleet.start(2);
    cleanups.push(() => bareFleet.close());
    await bareFleet.open((worker) => ({ type: 'open-raw', url: bare.wsUrl, clients: Math.floor(clients / 2) + (worker < clients % 2 ? 1 : 0), batch: 50, frames: 'numbered' }));
    channels.push({
      name: 'bare ws relay',
      fleet: bareFleet,
      pids: [bare.pid],
      edit: (k) => {
        // As many bytes as Forumboard's update message; the first edit fixes that size.
        const frame = Buffer.alloc(Math.max(messageBytes, 4));
        frame.writeUInt32LE(k, 0);
        relay.send(frame);
      },
      latencies: [],
      cpu: 0,
    });

    await sleep(500);
    let measuredFrom = 0;
    const cpuAtStart = new Map<Channel, number>();
    for (let k = 1; k <= WARMUP + edits; k++) {
      if (k === WARMUP + 1) {
        measuredFrom = now();
        for (const channel of channels) cpuAtStart.set(channel, channel.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0));
      }
      for (const channel of channels) {
        const sent = now();
        const arrived = channel.fleet.arrival(k);
        channel.edit(k);
        const { last } = await arrived;
        if (k > WARMUP) channel.latencies.push(last - sent);
        await sleep(10);
      }
    }
    const wallSeconds = (now() - measuredFrom) / 1000;
    const figures: ScaleFigures = {
      clients,
      edits,
      channels: channels.map((channel) => {
        const cpu = channel.pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0) - (cpuAtStart.get(channel) ?? 0);
        return { name: channel.name, delivery: spread(channel.latencies), cpuMsPerEdit: (cpu * 1000) / edits, cpuShare: cpu / wallSeconds };
      }),
      ratioP99: 0,
    };
    const [three, one, bareFigures] = figures.channels;
    figures.ratioP99 = three.delivery.p99 / one.delivery.p99;
    for (const c of figures.channels) log(`N=${clients}, ${c.name}: ${spreadMs(c.delivery)} (p50/p99/max); server CPU ${ms(c.cpuMsPerEdit)} per edit, ${(c.cpuShare * 100).toFixed(0)} % of one core`);
    const rows: Row[] = [
      {
        section: `scale N=${clients}`,
        measure: `edit received by all N, ${INSTANCES} instances (PostgreSQL, Redis), p50/p99/max`,
        value: spreadMs(three.delivery),
        baseline: `${spreadMs(one.delivery)} (1 instance)`,
        ratio: `${figures.ratioP99.toFixed(2)}× p99`,
        target: `p99 ≤ ${TARGET_RATIO}× 1 instance`,
        met: figures.ratioP99 <= TARGET_RATIO,
      },
      {
        section: `scale N=${clients}`,
        measure: 'same edit, 1 instance (SQLite), p50/p99/max',
        value: spreadMs(one.delivery),
        baseline: `${spreadMs(bareFigures.delivery)} (bare ws)`,
        ratio: `${(one.delivery.p99 / bareFigures.delivery.p99).toFixed(2)}× p99`,
      },
      ...figures.channels.map((c) => ({
        section: `scale N=${clients}`,
        measure: `server CPU per edit, ${c.name}${c === three ? ' (all together)' : ''}`,
        value: ms(c.cpuMsPerEdit),
        baseline: c === bareFigures ? undefined : `${ms(bareFigures.cpuMsPerEdit)} (bare ws)`,
        ratio: c === bareFigures ? undefined : `${(c.cpuMsPerEdit / bareFigures.cpuMsPerEdit).toFixed(2)}×`,
      })),
    ];
    return { rows, figures };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}
