import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { privateListRoom } from '../../shared/rooms.js';
import { participantsOf, readMeta } from '../../shared/controlDoc.js';
import { startPostgres, type RunningPostgres } from '../../fixtures/postgres.js';
import { startRedis, type RunningRedis } from '../../fixtures/redis.js';
import { restartableProcess } from '../../fixtures/restartableProcess.js';
import { api, connect, createBoard, freePort, join, sleep, spawnServer, tempDataDir, waitUntil, type TestClient } from './support.js';

/** One server instance as its own process, as in production, which a test can kill with SIGKILL. */
export interface Instance {
  readonly url: string;
  readonly port: number;
  /** kill -9: no shutdown, nothing flushed. */
  kill(): Promise<void>;
  /** SIGTERM, as a deploy stops it: resolves with its exit code once it has exited. */
  stop(): Promise<number | NodeJS.Signals | null>;
  /** Starts the process again on the same port and configuration. */
  start(): Promise<void>;
  readonly running: boolean;
}

const healthy = async (url: string) => {
  try {
    return (await fetch(`${url}/healthz`)).status < 500;
  } catch {
    return false;
  }
};

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stderr = '';
  const server = restartableProcess(
    () => {
      // Every test client speaks from 127.0.0.1: the per-address limits would stop a test, not an attacker.
      // An instance whose boards have owners is reached by the others at its own address.
      const owners: Record<string, string> = env.INSTANCE_SECRET ? { INSTANCE_ADDRESS: url } : {};
      const started = spawnServer({ PORT: String(port), ROOM_GRACE_MS: '200', ADMIT_PER_SECOND: '0', BOARDS_PER_HOUR: '0', ...owners, ...env });
      started.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
      return started;
    },
    async () => {
      try {
        await waitUntil(() => healthy(url), 60_000, 50);
      } catch {
        throw new Error(`the instance on port ${port} did not start: ${stderr}`);
      }
    },
  );
  await server.start();
  return {
    url,
    port,
    get running() {
      return server.running;
    },
    kill: () => server.kill(),
    stop: () => server.stop(),
    start: () => server.start(),
  };
}

/** Several instances on one PostgreSQL database and one Redis, each on its own port: a scaled-out deployment. */
export interface Deployment {
  postgres: RunningPostgres;
  redis: RunningRedis;
  databaseUrl: string;
  instances: Instance[];
  dispose(): Promise<void>;
}

async function startDeployment(count: number, env: Record<string, string> = {}): Promise<Deployment> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const databaseUrl = postgres.createDatabase('forumboard');
  const instances: Instance[] = [];
  const dispose = async () => {
    await Promise.all(instances.map((instance) => instance.kill()));
    await redis.stop();
    postgres.dispose();
  };
  try {
    // Started together, as a rolling deploy or an autoscaler would: the schema migration must take turns by itself.
    instances.push(
      ...(await Promise.all(Array.from({ length: count }, () => startInstance({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, DATA_DIR: tempDataDir(), ...env })))),
    );
  } catch (err) {
    await dispose();
    throw err;
  }
  return { postgres, redis, databaseUrl, instances, dispose };
}

/** The configuration under which each board is owned by one instance and the others relay its clients there. */
export const OWNED_BOARDS = { INSTANCE_SECRET: 'a-secret-shared-by-the-test-instances-only' };

/**
 * A deployment for one describe block: started before its tests, its clients closed after each test, stopped after
 * all of them. `open` connects a stock y-websocket client to one instance.
 */
export function useDeployment(
  count: number,
  env: Record<string, string> = {},
): { readonly deployment: Deployment; open(instance: Instance, room: string, token: string): TestClient } {
  let deployment: Deployment | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    deployment = await startDeployment(count, env);
  }, 180_000);
  afterEach(() => clients.splice(0).forEach((client) => client.destroy()));
  afterAll(() => deployment?.dispose());
  return {
    get deployment() {
      if (!deployment) throw new Error('the deployment has not started');
      return deployment;
    },
    open(instance, room, token) {
      const client = connect(instance.url, room, token);
      clients.push(client);
      return client;
    },
  };
}

/**
 * What a load balancer does for a client whose instance went away: its next connection attempt goes to another
 * running instance, round robin. The y-websocket provider reads `serverUrl` on every reconnect.
 */
export function failOver(client: TestClient, instances: Instance[]): void {
  const wsUrl = (instance: Instance) => instance.url.replace('http', 'ws') + '/ws';
  let next = 0;
  client.provider.on('connection-close', () => {
    const others = instances.filter((instance) => instance.running && wsUrl(instance) !== client.provider.serverUrl);
    if (others.length > 0) client.provider.serverUrl = wsUrl(others[next++ % others.length]);
  });
}

/** A board in the collect phase with participants joined through each instance in turn. */
export async function collectingBoard(
  instances: Instance[],
  open: (instance: Instance, room: string, token: string) => TestClient,
  people: number,
): Promise<{ board: CreateBoardResponse; participants: JoinResponse[] }> {
  const board = await createBoard(instances[0].url, { language: 'en' });
  const participants: JoinResponse[] = [];
  for (let i = 0; i < people; i++) participants.push(await join(instances[i % instances.length].url, board, `Participant ${i}`, 'company'));
  const phase = await api(instances[1].url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  expect(phase.status).toBe(200);
  // Every instance's room of the control document follows the command made on instance 1.
  const watchers = instances.map((instance) => open(instance, `${board.boardId}/control`, board.observerToken));
  await waitUntil(() => watchers.every((w) => readMeta(w.doc)?.phase === 'collect' && participantsOf(w.doc).size === people), 10_000);
  return { board, participants };
}

/**
 * Each writer adds a card every `everyMs` (at most `max` each) until `stop`, as participant `participants[i]`;
 * `written` is how many were added, which is what every client and the store must end up holding.
 */
export function writeCards(writers: TestClient[], participants: JoinResponse[], everyMs: number, max = Infinity) {
  let writing = true;
  let written = 0;
  const loops = writers.map(async (w, i) => {
    for (let k = 0; writing && k < max; k++) {
      addCard(w.doc, { title: `Writer ${i}, card ${k}`, author: participants[i].participantId });
      written++;
      await sleep(everyMs);
    }
  });
  return {
    get written() {
      return written;
    },
    async stop() {
      writing = false;
      await Promise.all(loops);
    },
  };
}

/**
 * A participant typing into their private list during silent collect, with a second tab on the same list: what that
 * tab receives is what the server acknowledged (stored and sent on), so no card in `acknowledged` may ever be lost.
 */
export interface SilentTypist {
  participantId: string;
  writer: TestClient;
  secondTab: TestClient;
  acknowledged: Set<string>;
}

/** `count` participants joined and typing through `instance`, each with their two tabs open. */
export async function silentTypists(
  open: (instance: Instance, room: string, token: string) => TestClient,
  instance: Instance,
  board: CreateBoardResponse,
  count: number,
): Promise<SilentTypist[]> {
  const typists: SilentTypist[] = [];
  for (let k = 0; k < count; k++) {
    const { participantId, token } = await join(instance.url, board, `Typist ${k}`, 'Company');
    const room = privateListRoom(board.boardId, participantId);
    const typist = { participantId, writer: open(instance, room, token), secondTab: open(instance, room, token), acknowledged: new Set<string>() };
    typist.secondTab.doc.on('update', () => cardsOf(typist.secondTab.doc).forEach((_, id) => typist.acknowledged.add(id)));
    typists.push(typist);
  }
  return typists;
}

/** Every typist adds a card every `everyMs` for `forMs` while connected; resolves when they stop. */
export async function typeFor(typists: SilentTypist[], round: number, everyMs: number, forMs: number): Promise<void> {
  const until = Date.now() + forMs;
  await Promise.all(
    typists.map(async (t, k) => {
      for (let n = 0; Date.now() < until; n++) {
        if (t.writer.provider.synced) addCard(t.writer.doc, { title: `Round ${round}, typist ${k}, card ${n}`, author: t.participantId });
        await sleep(everyMs);
      }
    }),
  );
}
