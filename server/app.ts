import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessLinks } from './access/AccessLinks.js';
import { LiveSessions } from './access/LiveSessions.js';
import { startSessionRecheck } from './access/SessionRecheck.js';
import { Agreements } from './agreement/Agreements.js';
import { Signoffs } from './agreement/Signoffs.js';
import { Exports } from './export/Exports.js';
import { FollowThrough } from './register/FollowThrough.js';
import { ProgressCheck } from './register/ProgressCheck.js';
import { Forums } from './forums/Forums.js';
import { RegisterFiles } from './register/RegisterFiles.js';
import { BoardRestore } from './workshops/BoardRestore.js';
import { Workshops } from './workshops/Workshops.js';
import { TableMerge } from './tables/TableMerge.js';
import { Tables } from './tables/Tables.js';
import { VoteRounds } from './ballots/VoteRounds.js';
import type { ServerConfig } from './config.js';
import { AbuseLimits } from './http/AbuseLimits.js';
import { clientAddressResolver } from './http/clientAddress.js';
import { requestUrl } from './requestUrl.js';
import { buildRoutes } from './http/routes.js';
import { securityHeaders } from './http/securityHeaders.js';
import { send } from './http/router.js';
import { serveClient } from './http/staticFiles.js';
import { createLogger } from './log.js';
import { Suggestions } from './suggestions/Suggestions.js';
import { Metrics } from './metrics.js';
import { People } from './people/People.js';
import { adoptKeptBoards } from './projection/adoptKeptBoards.js';
import { projectedRooms } from './projection/ControlProjection.js';
import { BoardActivity } from './retention/BoardActivity.js';
import { BoardDeletion } from './retention/BoardDeletion.js';
import { startRetentionSweep } from './retention/RetentionSweep.js';
import { RoomRegistry } from './rooms/RoomRegistry.js';
import { BoardOwners } from './scale/BoardOwners.js';
import { NoFanout } from './scale/NoFanout.js';
import { RedisFanout } from './scale/RedisFanout.js';
import { openStores } from './storage/openStores.js';
import { StorageHealth } from './storage/StorageHealth.js';
import type { SessionEnding } from '../shared/sessionEnding.js';
import { SyncEndpoint } from './sync/SyncEndpoint.js';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops admitting, tells every client to reconnect (1012), stores what the rooms hold and releases everything. */
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
  let rooms: RoomRegistry | undefined;
  const activity = new BoardActivity(identity);
  // With an internal address, each board is owned by one instance at a time and the others relay its clients there.
  const owners = config.owners && { boards: new BoardOwners(stores.leases, { id: randomUUID(), address: config.owners.address }, log), secret: config.owners.secret };
  const metrics = new Metrics({
    rooms: () => rooms?.size ?? 0,
    connections: (): number => sync.connections,
    relayed: (): number => sync.relayed,
    owned: () => owners?.boards.owned ?? 0,
  });
  // The projection is the one writer of the control document: it draws each board as it loads, after every
  // command, and again when another instance's drawing replaced a newer one here.
  const projected = projectedRooms(
    stores,
    (hooks) =>
      new RoomRegistry(stores.log, metrics, {
        graceMs: config.roomGraceMs,
        compactEvery: config.compactEvery,
        broadcastWindowMs: config.broadcastWindowMs,
        refusalsPerBoard: config.refusalsPerBoard,
        health,
        log,
        onChange: (boardId) => activity.record(boardId),
        fanout,
        ...hooks,
        onRemoteChange: (room) => {
          hooks.onRemoteChange(room);
          workshops.otherInstanceChanged(room).catch((err: unknown) =>
            log.warn('cards left in private lists could not be revealed; the next reveal moves them', { board: room.boardId, error: String(err) }),
          );
        },
      }),
    log,
  );
  const { projection } = projected;
  rooms = projected.rooms;
  const registry = rooms;
  const adopted = await adoptKeptBoards(stores, log);
  if (adopted > 0) log.info('boards kept from before took their stored state from their control documents', { boards: adopted });
  const workshops = new Workshops(identity, ballots, stores.facts, registry, projection, activity);
  const rounds = new VoteRounds(ballots, identity, stores.facts, registry, projection);
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
  const deletion = new BoardDeletion(identity, registry, sessions, projection);
  const addressOf = clientAddressResolver(config.trustProxy);
  const limits = new AbuseLimits(config);
  const withSecurityHeaders = securityHeaders(config.publicUrl);
  const suggestions = new Suggestions(registry, { facts: stores.facts, projection }, { log, metrics });
  const exports = new Exports(identity, stores.facts, stores.agreements, registry);
  const signoffs = new Signoffs(stores.agreements, identity, stores.facts, projection);
  const followThrough = new FollowThrough(stores.register, stores.agreements, stores.facts, identity, signoffs, stores.forums, projection);
  const router = buildRoutes({
    stores,
    workshops,
    rounds,
    agreements: new Agreements(stores.agreements, ballots, stores.facts, registry, projection),
    signoffs,
    exports,
    rooms: registry,
    projection,
    metrics,
    health,
    publicUrl: config.publicUrl,
    guard: { limits, addressOf },
    metricsToken: config.metricsToken,
    people: new People(identity, ballots, stores.facts, registry, projection, rounds, sessions, stores.agreements, log),
    access: new AccessLinks(identity, sessions),
    deletion,
    activity,
    fanout,
    suggestions,
    restore: new BoardRestore(stores.log, registry, identity, stores.facts),
    register: {
      followThrough,
      files: new RegisterFiles(followThrough, exports),
      progressCheck: new ProgressCheck(followThrough, stores.register, stores.facts, identity, registry, projection),
    },
    forums: new Forums(stores.forums, identity, stores.facts, stores.agreements, stores.register, registry, config.forumViewsPerMinute),
    tables: new Tables(identity, stores.seats, projection, sessions),
    tableMerge: new TableMerge(registry, stores.seats),
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

  const sync = new SyncEndpoint(server, {
    config,
    identity,
    rooms: registry,
    sessions,
    metrics,
    log,
    tooManyWrongTokens: (req) => limits.countFailure(addressOf(req)).then((refusal) => refusal !== null),
    addressOf,
    owners,
  });

  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const port = (server.address() as AddressInfo).port;
  log.info('forumboard listening', { port, host: config.host, store: stores.kind, ...(stores.kind === 'sqlite' ? { dataDir: config.dataDir } : {}) });
  if (config.allowedOrigins.length === 0 && !isLoopback(config.host)) {
    // Without a named origin, a page is trusted when its Origin matches the Host it sent, which a DNS-rebinding page can arrange.
    log.warn('set PUBLIC_URL (or ALLOWED_ORIGINS) to the address people open: until then any page whose Origin matches its own Host header may open a WebSocket (a token is still needed)');
  }

  return {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    port,
    async close() {
      stopRetention();
      suggestions.close();
      stopRecheck();
      // No new connections from here on; the open ones are told to reconnect elsewhere.
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await sync.drain();
      await stopped;
      await registry.unloadAll();
      await fanout?.close();
      await stores.close();
    },
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
