import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitUntil } from '../../fixtures/waitUntil.js';
import { startServer, type RunningServer } from '../../server/app.js';
import { configFromEnv } from '../../server/config.js';

// The fixtures benches use too, at hand for every test beside the server and client helpers below.
export { freePort } from '../../fixtures/freePort.js';
export { waitUntil } from '../../fixtures/waitUntil.js';
export { api, createBoard, join } from '../../fixtures/workshopApi.js';

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-test-'));
}

/** The real server in this process, on a random port, with its own database file. */
export async function startTestServer(dataDir = tempDataDir(), env: Record<string, string> = {}): Promise<RunningServer & { dataDir: string }> {
  const config = configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error', ROOM_GRACE_MS: '200', ...env });
  const server = await startServer(config);
  return Object.assign(server, { dataDir, url: `http://127.0.0.1:${server.port}` });
}

export interface LiveServer {
  readonly url: string;
  readonly dataDir: string;
  /** A y-websocket client to this server, destroyed after each test. */
  connect(room: string, token: string, doc?: Y.Doc): TestClient;
}

/** One real server for the test file, started before its first test and closed after its last; `env` sets its configuration. */
export function liveServer(env: Record<string, string> = {}): LiveServer {
  let server: (RunningServer & { dataDir: string }) | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(undefined, env);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
  afterAll(() => server?.close());
  const running = () => {
    if (!server) throw new Error('the server starts in beforeAll');
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get dataDir() {
      return running().dataDir;
    },
    connect(room, token, doc) {
      const client = connect(running().url, room, token, doc);
      clients.push(client);
      return client;
    },
  };
}

/**
 * The real server as its own process on 127.0.0.1, as in production, so a test can kill it with SIGKILL; `env`
 * on top of the test's own (PORT at least). Its standard error is piped for the test to read.
 */
export function spawnServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** The server on SQLite in `dataDir`, once it answers /healthz. */
export async function startServerProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawnServer({ PORT: String(port), DATA_DIR: dataDir });
  await waitUntil(async () => {
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 20_000);
  return child;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: Array<{ code: number; reason: string }>;
  /** Every byte this client's sockets received, as text: proof that a secret never arrived at all. */
  received(): string;
  destroy(): void;
}

/** A stock y-websocket client, as a browser would use it, with BroadcastChannel off so only the server syncs. */
export function connect(base: string, room: string, token: string, doc = new Y.Doc()): TestClient {
  const closes: Array<{ code: number; reason: string }> = [];
  const chunks: Buffer[] = [];
  class TappedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols);
      this.on('message', (data: Buffer) => chunks.push(Buffer.from(data)));
    }
  }
  const provider = new WebsocketProvider(base.replace('http', 'ws') + '/ws', room, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: TappedWebSocket as unknown as typeof globalThis.WebSocket,
    maxBackoffTime: 300,
  });
  provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    received: () => Buffer.concat(chunks).toString('utf8'),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function synced(client: TestClient, timeoutMs = 5000): Promise<void> {
  await waitUntil(() => client.provider.synced, timeoutMs);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens a raw WebSocket and resolves with the close code and reason the server sends. */
export function rawClose(url: string, send?: (ws: WebSocket) => void): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('open', () => send?.(ws));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    ws.on('error', reject);
  });
}
