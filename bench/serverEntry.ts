import { startServer } from '../server/app.js';
import { configFromEnv } from '../server/config.js';

/**
 * The real server, started as server/main.ts starts it, in a child process that also answers the bench's
 * questions about its own memory and CPU over IPC: numbers no HTTP endpoint exposes.
 */
export type UsageRequest = { type: 'usage'; id: number; gc: boolean } | { type: 'stop' };
export interface Usage {
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
}
export type EntryMessage = { type: 'listening'; port: number } | ({ type: 'usage'; id: number } & Usage);

const server = await startServer(configFromEnv());
const reply = (message: EntryMessage) => process.send?.(message);
reply({ type: 'listening', port: server.port });

process.on('message', (request: UsageRequest) => {
  if (request.type === 'stop') {
    server.close().finally(() => process.exit(0));
    return;
  }
  if (request.gc && global.gc) {
    // Twice: the first pass can leave objects that only a second one finds unreachable (weak maps, finalizers).
    global.gc();
    global.gc();
  }
  reply({ type: 'usage', id: request.id, memory: process.memoryUsage(), cpu: process.cpuUsage() });
});
process.on('disconnect', () => process.exit(0));
