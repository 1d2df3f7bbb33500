import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { freePort, waitUntil } from './support.js';

export interface RunningRedis {
  /** redis://… for REDIS_URL. */
  readonly url: string;
  readonly port: number;
  /** Kills the server (SIGKILL), as a crash would. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (pub/sub keeps nothing). */
  start(): Promise<void>;
}

/** Fails with a clear message instead of skipping when the Debian package is missing (.ci/run installs it). */
function requireRedisServer(): void {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error || found.status !== 0) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
}

const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });

/** A redis-server of its own on a free port, keeping nothing on disk, stopped when the test process ends. */
export async function startRedis(): Promise<RunningRedis> {
  requireRedisServer();
  const port = await freePort();
  let child: ChildProcess | null = null;
  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  const start = async () => {
    if (child !== null) return;
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], {
      stdio: 'ignore',
    });
    child = started;
    started.once('exit', () => {
      if (child === started) child = null;
    });
    await waitUntil(() => answersPing(port), 10_000, 20);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      const running = child;
      if (running === null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    start,
  };
}
