import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS } from '../shared/limits.js';
import { AccessLinks } from './access/AccessLinks.js';
import { LiveSessions } from './access/LiveSessions.js';
import { startSessionRecheck } from './access/SessionRecheck.js';
import { resolveAccess, type Access } from './auth/Access.js';
import { Agreements } from './agreement/Agreements.js';
import { Exports } from './export/Exports.js';
import { Workshops } from './workshops/Workshops.js';
import { VoteRounds } from './ballots/VoteRounds.js';
import type { ServerConfig } from './config.js';
import { AbuseLimits } from './http/AbuseLimits.js';
import { clientAddressResolver } from './http/clientAddress.js';
import { requestUrl } from './http/requestUrl.js';
import { buildRoutes } from './http/routes.js';
import { securityHeaders } from './http/securityHeaders.js';
import { send } from './http/router.js';
import { serveClient } from './http/staticFiles.js';
import { createLogger } from './log.js';
import { Suggestions } from './suggestions/Suggestions.js';
import { Metrics } from './metrics.js';
import { People } from './people/People.js';
import { BoardActivity } from './retention/BoardActivity.js';
import { BoardDeletion } from './retention/BoardDeletion.js';
import { startRetentionSweep } from './retention/RetentionSweep.js';
import { RoomRegistry } from './rooms/RoomRegistry.js';
import { NoFanout } from './scale/NoFanout.js';
import { RedisFanout } from './scale/RedisFanout.js';
import { openStores } from './storage/openStores.js';
import { StorageHealth } from './storage/StorageHealth.js';
import { StoreUnavailable } from './storage/StoreUnavailable.js';
import { Admission } from './sync/Admission.js';
import { CLOSE } from '../shared/closeCodes.js';
import type { SessionEnding } from '../shared/sessionEnding.js';
import { ClientConnection } from './sync/ClientConnection.js';
import { documentOfPath } from './sync/documentPath.js';
import { holdMessages, type HeldMessage } from './sync/heldMessages.js';
import { originAllowed } from './sync/originPolicy.js';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A client gets this long to send its request headers, and its whole request: a socket that trickles bytes
 * (or sends nothing) is closed instead of being held for minutes. Keep-alive sockets idle for longer are closed.
 */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  // PostgreSQL when DATABASE_URL is set (its schema created or migrated first), else the SQLite file.
  const stores = await openStores(config);
  const { identity, ballots } = stores;
  const health = new StorageHealth(log, stores.health ?? null);
  // Several instances on one database hear of each other's updates through Redis, or else by reading the log;
  // a single instance on SQLite has nobody to hear from.
  const fanout = config.redisUrl ? new RedisFanout(config.redisUrl, log) : config.databaseUrl ? new NoFanout() : undefined;
  const admission = new Admission(config);
  let rooms: RoomRegistry | undefined;
  const activity = new BoardActivity(identity);
  const metrics = new Metrics({ rooms: () => rooms?.size ?? 0, connections: () => admission.held });
  rooms = new RoomRegistry(stores.log, metrics, {
    graceMs: config.roomGraceMs,
    compactEvery: config.compactEvery,
    broadcastWindowMs: config.broadcastWindowMs,
    health,
    log,
    onChange: (boardId) => activity.record(boardId),
    fanout,
  });
  const registry = rooms;
  const workshops = new Workshops(identity, ballots, registry, activity);
  const rounds = new VoteRounds(ballots, identity, registry);
  // Ending sessions reaches every instance: relayed through Redis, or found by re-checking tokens without it.
  const sessions = new LiveSessions((ending) => fanout?.publishSessionEnding(ending));
  // Another instance deleted the board and its rows: the room here goes without writing anything back.
  const boardGone = (boardId: string) => void registry.unloadNow(boardId, false);
  // An ending that another instance relayed, or that re-checking the tokens found: the same here.
  const endHere = (ending: SessionEnding) => {
    sessions.closeHere(ending);
    if ('all' in ending.match) boardGone(ending.match.boardId);
  };
  fanout?.onSessionEnding(endHere);
  const stopRecheck = startSessionRecheck({ sessions, identity, needed: () => fanout !== undefined && !fanout.healthy, onEnding: endHere, log });
  const deletion = new BoardDeletion(identity, registry, sessions);
  const addressOf = clientAddressResolver(config.trustProxy);
  const limits = new AbuseLimits(config);
  const withSecurityHeaders = securityHeaders(config.publicUrl);
  const suggestions = new Suggestions(registry, { log, metrics });
  const router = buildRoutes({
    stores,
    workshops,
    rounds,
    agreements: new Agreements(stores.agreements, identity, registry),
    exports: new Exports(identity, stores.agreements, registry),
    rooms: registry,
    metrics,
    health,
    publicUrl: config.publicUrl,
    guard: { limits, addressOf },
    metricsToken: config.metricsToken,
    people: new People(identity, ballots, registry, rounds, sessions),
    access: new AccessLinks(identity, sessions),
    deletion,
    activity,
    fanout,
    suggestions,
  });
  const stopRetention = startRetentionSweep({ sessions, deletion, activity, log }, { retentionMs: config.retentionMs, sweepEveryMs: config.retentionSweepMs });

  // Node looks for requests past their timeouts this often; its default (30 s) would let a slow socket live 40 s.
  const server = http.createServer({ connectionsCheckingInterval: 1_000 }, (req, res) => {
    withSecurityHeaders(req, res);
    const url = requestUrl(req);
    if (!url) return send(res, 400, { error: 'malformed URL' });
    router
      .handle(req, res, url)
      .then((handled) => {
        if (handled) return;
        if (url.pathname.startsWith('/api/')) return send(res, 404, { error: 'no such endpoint' });
        serveClient(config.clientDir, req, res, url);
      })
      .catch((err: unknown) => {
        log.error('request failed', { path: url.pathname, error: String(err) });
        // Whatever failed, the client hears so rather than waiting on an open socket.
        if (!res.headersSent) send(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;

  // ws cuts frames over maxPayload at the header, with a bare 1009; up to twice the limit ClientConnection
  // reads the frame and closes with a reason.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * LIMITS.maxMessageBytes });
  // A wrong token is counted against its address; once the address has used up its failed attempts it is told
  // to come back later (1013) instead, in the same words whether the board exists or not.
  const refuseWrongToken = (ws: WebSocket, address: string) =>
    void limits.countFailure(address).then((tooMany) =>
      tooMany
        ? ws.close(CLOSE.busy, 'too many wrong tokens from this address; try again in a few minutes')
        : ws.close(CLOSE.invalidToken, 'invalid token for this board'),
    );
  server.on('upgrade', (req, socket, head) => {
    const url = requestUrl(req);
    const target = url && documentOfPath(url.pathname);
    if (!url || !target) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const { boardId, docName } = target;
      // Refusals happen after the upgrade because only an open WebSocket can carry a close code and reason.
      if (!originAllowed(req, config.allowedOrigins)) {
        metrics.connectionsRefused.inc();
        return ws.close(CLOSE.forbidden, 'pages from this origin may not open boards');
      }
      // What the client sends while its token is checked and its room loads waits for the connection.
      const held = holdMessages(ws);
      void resolveAccess(identity, boardId, url.searchParams.get('token')).then(
        (result) => {
          if (!result.ok) {
            metrics.connectionsRefused.inc();
            // An unknown board answers as a wrong token does, so nobody can find out which boards exist.
            return refuseWrongToken(ws, addressOf(req));
          }
          if (ws.readyState !== ws.OPEN) return;
          openDocument(ws, boardId, docName, result.access, held, addressOf(req));
        },
        (err: unknown) => {
          log.error('a token could not be checked', { board: boardId, error: String(err) });
          closeForFailure(ws, err, 'the token could not be checked');
        },
      );
    });
  });

  const openDocument = (ws: WebSocket, boardId: string, docName: string, access: Access, held: () => HeldMessage[], address: string) => {
    // Only sessions with a valid token count against the limits: forged ones cost a lookup and are gone.
    // Counted from here: a burst of sessions waiting for their rooms to load is bounded like open ones.
    const admitted = admission.admit(boardId, address);
    if (!admitted) {
      metrics.connectionsRefused.inc();
      return ws.close(CLOSE.busy, 'server busy, try again shortly');
    }
    const letGo = () => {
      admitted();
      registry.release(boardId);
    };
    registry
      .acquire(boardId)
      .then((board) => board.open(docName, access))
      .then(
        (room) => {
          if (!room) {
            letGo();
            return ws.close(CLOSE.forbidden, 'this document is not yours to open');
          }
          if (ws.readyState !== ws.OPEN) return letGo(); // gone while the room loaded
          const connection = new ClientConnection(ws, room, access, metrics, log, () => {
            leave();
            letGo();
          }, held());
          const leave = sessions.add({ access, end: (cause) => connection.end(cause) });
        },
        (err: unknown) => {
          letGo();
          log.error('a room could not be loaded', { board: boardId, doc: docName, error: String(err) });
          closeForFailure(ws, err, 'the board could not be loaded');
        },
      );
  };

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  log.info('forumboard listening', { port, host: config.host, store: stores.kind, ...(stores.kind === 'sqlite' ? { dataDir: config.dataDir } : {}) });

  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    async close() {
      stopRetention();
      suggestions.close();
      stopRecheck();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await registry.unloadAll();
      await fanout?.close();
      await stores.close();
    },
  };
}

/** A session the server could not open: 1013 while the database is away (the client retries), else 1011. */
function closeForFailure(ws: WebSocket, err: unknown, what: string): void {
  if (err instanceof StoreUnavailable) ws.close(CLOSE.busy, 'the database is unavailable; try again later');
  else ws.close(CLOSE.serverError, `${what}; try again shortly`);
}
