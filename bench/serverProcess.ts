import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EntryMessage, Usage, UsageRequest } from './serverEntry.js';

/** A Forumboard server in its own process, as in production, that the bench can question and stop. */
export interface ServerChild {
  url: string;
  wsUrl: string;
  pid: number;
  dataDir: string;
  /** Memory and CPU of the server process; with `gc`, memory after two full collections. */
  usage(gc: boolean): Promise<Usage>;
  /** One value from /metrics. */
  metric(name: string): Promise<number>;
  /** Waits until a /metrics gauge or counter satisfies `ok`. */
  waitForMetric(name: string, ok: (value: number) => boolean, timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const dataDirs = new Set<string>();
process.on('exit', () => {
  children.forEach((child) => child.kill('SIGKILL'));
  dataDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

export async function startForumboard(env: Record<string, string> = {}): Promise<ServerChild> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-bench-'));
  dataDirs.add(dataDir);
  // Every bench client speaks from 127.0.0.1: the per-address limit on new boards would stop the many-rooms run.
  const child = fork(path.resolve('bench/serverEntry.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [])],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', MAX_CONNECTIONS: '20000', MAX_CONNECTIONS_PER_BOARD: '20000', MAX_CONNECTIONS_PER_ADDRESS: '20000', ADMIT_PER_SECOND: '0', BOARDS_PER_HOUR: '0', JOINS_PER_ADDRESS: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.add(child);
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  child.on('exit', () => children.delete(child));

  const pending = new Map<number, (usage: Usage) => void>();
  let nextId = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.join('').slice(-2000)}`)));
    child.on('message', (message: EntryMessage) => {
      if (message.type === 'listening') resolve(message.port);
      else pending.get(message.id)?.(message);
    });
  });
  const url = `http://127.0.0.1:${port}`;

  const metric = async (name: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    if (!line) throw new Error(`no metric ${name}`);
    return Number(line.slice(name.length + 1));
  };

  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    pid: child.pid ?? -1,
    dataDir,
    usage(gc) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, (usage) => {
          pending.delete(id);
          resolve(usage);
        });
        child.send({ type: 'usage', id, gc } satisfies UsageRequest);
      });
    },
    metric,
    async waitForMetric(name, ok, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await metric(name);
        if (ok(value)) return value;
        if (Date.now() > deadline) throw new Error(`${name} stayed at ${value} for ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies UsageRequest);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
