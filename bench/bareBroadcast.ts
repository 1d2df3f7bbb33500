import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../shared/limits.js';

/**
 * The physical limit for fan-out on this machine: a `ws` server in its own process that sends every frame it
 * receives, byte for byte, to every other client. No Yjs, no policy, no storage, no batching window.
 */
export interface BareServer {
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startBareBroadcast(): Promise<BareServer> {
  const child = fork(fileURLToPath(import.meta.url), ['serve'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  process.on('exit', () => child.kill('SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`bare broadcast server exited with ${code}`)));
  });
  return {
    wsUrl: `ws://127.0.0.1:${port}`,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function serve(): void {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, maxPayload: LIMITS.maxMessageBytes });
  const clients = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    clients.add(ws);
    ws.on('message', (data: Buffer) => {
      for (const other of clients) if (other !== ws) other.send(data);
    });
    ws.on('close', () => clients.delete(ws));
  });
  wss.on('listening', () => {
    const address = wss.address();
    process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 });
  });
  process.on('SIGTERM', () => process.exit(0));
  process.on('disconnect', () => process.exit(0));
}

if (process.argv[2] === 'serve') serve();
