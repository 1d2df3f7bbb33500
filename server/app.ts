import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { LIMITS } from '../shared/limits.js';
import { AccessLinks } from './access/AccessLinks.js';
import { LiveSessions } from './access/LiveSessions.js';
import { resolveAccess } from './auth/Access.js';
import { Agreements } from './board/Agreements.js';
import { BoardService } from './board/BoardService.js';
import { VoteRounds } from './board/VoteRounds.js';
import type { ServerConfig } from './config.js';
import { buildRoutes } from './http/routes.js';
import { send } from './http/router.js';
import { serveClient } from './http/staticFiles.js';
import { createLogger } from './log.js';
import { Metrics } from './metrics.js';
import { People } from './people/People.js';
import { BoardActivity } from './retention/BoardActivity.js';
import { BoardDeletion } from './retention/BoardDeletion.js';
import { startRetentionSweep } from './retention/RetentionSweep.js';
import { RoomRegistry } from './rooms/RoomRegistry.js';
import { SqliteBoardStore } from './storage/SqliteBoardStore.js';
import { SqliteWriteProbe } from './storage/SqliteWriteProbe.js';
import { StorageHealth } from './storage/StorageHealth.js';
import { Admission } from './sync/Admission.js';
import { ClientConnection, CLOSE } from './sync/ClientConnection.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** `/ws/<boardId>` is the board document; `/ws/<boardId>/<name>` its other documents (see BoardRoom). */
const WS_PATH = /^\/ws\/([A-Za-z0-9_-]{1,64})(?:\/(control|drafts|private\/[A-Za-z0-9_-]{1,64}))?$/;

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  const dbFile = config.dataDir === ':memory:' ? ':memory:' : path.join(config.dataDir, 'forumboard.db');
  const store = new SqliteBoardStore(dbFile);
  // A probe of an in-memory database would test nothing: there, only the store's own writes report health.
  const probe = dbFile === ':memory:' ? null : new SqliteWriteProbe(dbFile);
  const health = new StorageHealth(log, probe?.write ?? null);
  let connections = 0;
  let rooms: RoomRegistry | undefined;
  const metrics = new Metrics({ rooms: () => rooms?.size ?? 0, connections: () => connections });
  rooms = new RoomRegistry(store, metrics, {
    graceMs: config.roomGraceMs,
    compactEvery: config.compactEvery,
    broadcastWindowMs: config.broadcastWindowMs,
    health,
    log,
  });
  const registry = rooms;
  const boards = new BoardService(store, registry);
  const rounds = new VoteRounds(store, registry);
  const sessions = new LiveSessions();
  const activity = new BoardActivity(store);
  const deletion = new BoardDeletion(store, registry, sessions);
  const router = buildRoutes({
    store,
    boards,
    rounds,
    agreements: new Agreements(store, registry),
    rooms: registry,
    metrics,
    health,
    publicUrl: config.publicUrl,
    people: new People(store, registry, rounds, sessions),
    access: new AccessLinks(store, sessions),
    deletion,
    activity,
  });
  const stopRetention = startRetentionSweep({ store, sessions, deletion, activity, log }, { retentionMs: config.retentionMs, sweepEveryMs: config.retentionSweepMs });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    router
      .handle(req, res, url)
      .then((handled) => {
        if (handled) return;
        if (url.pathname.startsWith('/api/')) return send(res, 404, { error: 'no such endpoint' });
        serveClient(config.clientDir, req, res, url);
      })
      .catch((err: unknown) => log.error('request failed', { path: url.pathname, error: String(err) }));
  });

  // ws cuts frames over maxPayload at the header, with a bare 1009; up to twice the limit ClientConnection
  // reads the frame and closes with a reason.
  const admission = new Admission(config.admitPerSecond);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * LIMITS.maxMessageBytes });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = WS_PATH.exec(url.pathname);
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const [, boardId, docName = 'board'] = match;
      // Refusals happen after the upgrade because only an open WebSocket can carry a close code and reason.
      const result = resolveAccess(store, boardId, url.searchParams.get('token'));
      if (!result.ok) {
        metrics.connectionsRefused.inc();
        return result.problem === 'unknown-board'
          ? ws.close(CLOSE.unknownBoard, 'unknown board')
          : ws.close(CLOSE.invalidToken, 'invalid token for this board');
      }
      // Only sessions with a valid token count against the limits: forged ones cost a lookup and are gone.
      if (connections >= config.maxConnections || !admission.tryAdmit()) {
        metrics.connectionsRefused.inc();
        return ws.close(CLOSE.busy, 'server busy, try again shortly');
      }
      const room = registry.acquire(boardId).docFor(docName, result.access);
      if (!room) {
        registry.release(boardId);
        return ws.close(CLOSE.forbidden, 'this document is not yours to open');
      }
      connections++;
      activity.touch(boardId);
      const connection = new ClientConnection(ws, room, result.access, metrics, log, () => {
        connections--;
        leave();
        activity.touch(boardId);
        registry.release(boardId);
      });
      const leave = sessions.add({ access: result.access, close: (code, reason) => connection.close(code, reason) });
    });
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  log.info('forumboard listening', { port, host: config.host, dataDir: config.dataDir });

  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    async close() {
      stopRetention();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      registry.unloadAll();
      probe?.close();
      store.close();
    },
  };
}
