import { fork } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { Server as HocuspocusServer } from '@hocuspocus/server';
import { setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../shared/limits.js';

/**
 * What Forumboard is measured against, each a server in its own process as Forumboard is:
 * - `bare`: a `ws` server that sends every frame it receives, byte for byte, to every other client. No Yjs, no
 *   policy, no storage, no batching window: the physical limit for fan-out on this machine.
 * - `y-websocket-server`: the reference Yjs server (`setupWSConnection`), in memory, no persistence.
 * - `hocuspocus`: a Hocuspocus server with no extensions (nothing stored; it would store after broadcasting).
 * A room is the URL's path for the first two; Hocuspocus names it in its own protocol.
 */
export type BaselineKind = 'bare' | 'y-websocket-server' | 'hocuspocus';

export interface BaselineServer {
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBaseline(kind: BaselineKind): Promise<BaselineServer> {
  const child = fork(fileURLToPath(import.meta.url), ['serve', kind], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.on('exit', () => child.kill('SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export const startBareBroadcast = () => startBaseline('bare');

const announce = (port: number) => process.send?.({ port });

function serveWs(onConnection: (ws: WebSocket, request: IncomingMessage) => void): void {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: LIMITS.maxMessageBytes });
  wss.on('connection', onConnection);
  wss.on('listening', () => {
    const address = wss.address();
    announce(typeof address === 'object' && address !== null ? address.port : 0);
  });
}

function serveBare(): void {
  const clients = new Set<WebSocket>();
  serveWs((ws) => {
    clients.add(ws);
    ws.on('message', (data: Buffer) => {
      for (const other of clients) if (other !== ws) other.send(data);
    });
    ws.on('close', () => clients.delete(ws));
  });
}

async function serveHocuspocus(): Promise<void> {
  const server = new HocuspocusServer({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
  await server.listen();
  announce(server.address.port);
}

const SERVE: Record<BaselineKind, () => void | Promise<void>> = {
  bare: serveBare,
  'y-websocket-server': () => serveWs(setupWSConnection),
  hocuspocus: serveHocuspocus,
};

if (process.argv[2] === 'serve') {
  process.on('disconnect', () => process.exit(0));
  await SERVE[process.argv[3] as BaselineKind]();
}
