import path from 'node:path';

/** Which database the server keeps its data in (see storage/openStores). */
export interface StoreConfig {
  /** Folder of the SQLite file; ':memory:' keeps everything in memory (tests of pure server logic only). */
  dataDir: string;
  /** postgres://… : keep everything in this PostgreSQL database instead of SQLite (several instances may share it). */
  databaseUrl: string | null;
  /** SQLite's fsync policy: FULL survives power cuts too, at an fsync per update. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
}

export interface OwnerConfig {
  /** http://host:port at which other instances open WebSockets to this one. */
  address: string;
  /** Shared by every instance: a relayed connection carrying it is believed about its client's address. */
  secret: string;
}

export interface ServerConfig extends StoreConfig {
  port: number;
  host: string;
  /** Where the built client lives; the server serves it when the folder exists. */
  clientDir: string;
  /** Base URL put into share links; by default taken from each request's Host header. */
  publicUrl: string | null;
  /** How long an empty room stays in memory before it is unloaded. */
  roomGraceMs: number;
  /** Appended updates after which a document's log is merged into its snapshot. */
  compactEvery: number;
  /** Window in which outgoing updates of one room are merged into one broadcast. */
  broadcastWindowMs: number;
  maxConnections: number;
  /** WebSocket connections one board holds at most. */
  maxConnectionsPerBoard: number;
  /** WebSocket connections one client address (an IPv6 /64) holds at most, over all boards. */
  maxConnectionsPerAddress: number;
  /** New WebSocket sessions admitted per second (a burst of as many); one board or address gets half; 0 admits all. */
  admitPerSecond: number;
  /** Boards idle longer than this are deleted with everything stored for them. */
  retentionMs: number;
  /** How often idle boards are looked for (besides at start-up). */
  retentionSweepMs: number;
  /** Boards one client address may create per hour (demo boards included); 0 lifts the limit. */
  boardsPerHour: number;
  /** Failed join codes and tokens one client address may send at once; 0 lifts the limit. */
  failedAttemptsBurst: number;
  /** Failed attempts that flow back to an address per minute once its burst is spent. */
  failedAttemptsPerMinute: number;
  /** Refused changes one board document undoes in a burst, all writers together (then one per 5 s); 0 lifts the limit. */
  refusalsPerBoard: number;
  /** Joins to one board from one client address per hour, unless its facilitator raises it; 0 lifts the limit. */
  joinsPerAddress: number;
  /** Views of a forum one link, and one client address, may ask for at once and then per minute; 0 lifts the limit. */
  forumViewsPerMinute: number;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, subnets or proxy-addr's names such as `loopback`).
   * Empty: the socket's peer is the client, and a forged header changes nothing.
   */
  trustProxy: string[];
  /** Origins whose pages may open WebSockets; empty with no PUBLIC_URL: the page must come from the host it connects to. */
  allowedOrigins: string[];
  /** When set, `/metrics` answers only to `Authorization: Bearer <token>`. */
  metricsToken: string | null;
  /** redis://… that carries updates between instances sharing one database; null: no fan-out. */
  redisUrl: string | null;
  /**
   * How other instances reach this one, to relay the clients of the boards it owns (INSTANCE_ADDRESS), and the
   * secret they prove themselves with (INSTANCE_SECRET); null: one instance, or instances that each serve
   * their own clients and meet through the fan-out.
   */
  owners: OwnerConfig | null;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function listFromEnv(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** PUBLIC_URL's origin plus ALLOWED_ORIGINS, each normalised by the URL parser so they compare with an Origin header. */
function allowedOrigins(env: NodeJS.ProcessEnv): string[] {
  const listed = [...(env.PUBLIC_URL ? [env.PUBLIC_URL] : []), ...listFromEnv(env, 'ALLOWED_ORIGINS')];
  return listed.map((origin) => {
    try {
      return new URL(origin).origin;
    } catch {
      throw new Error(`PUBLIC_URL and ALLOWED_ORIGINS must be URLs such as https://forum.example.org, got "${origin}"`);
    }
  });
}

/** A positive number of days; fractions allowed, so a test can use a retention of seconds. */
function daysFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of days, got "${raw}"`);
  return value;
}

function redisUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const raw = env.REDIS_URL;
  if (!raw) return null;
  if (!/^rediss?:\/\//.test(raw)) throw new Error(`REDIS_URL must be a redis:// or rediss:// URL, got "${raw}"`);
  // Instances share boards through one database; a SQLite file is one instance's alone.
  if (!env.DATABASE_URL) throw new Error('REDIS_URL needs DATABASE_URL: instances share boards only through one PostgreSQL database');
  return raw;
}

/** Shorter secrets could be guessed by a client that reaches an instance directly. */
const MIN_SECRET_LENGTH = 32;

function ownersFromEnv(env: NodeJS.ProcessEnv): OwnerConfig | null {
  const address = env.INSTANCE_ADDRESS;
  const secret = env.INSTANCE_SECRET;
  if (!address && !secret) return null;
  if (!address || !secret) throw new Error('INSTANCE_ADDRESS and INSTANCE_SECRET go together: set both, or neither');
  if (!env.DATABASE_URL) throw new Error('INSTANCE_ADDRESS needs DATABASE_URL: boards have owners only among instances sharing one PostgreSQL database');
  if (!/^https?:\/\/[^/]+\/?$/.test(address)) throw new Error(`INSTANCE_ADDRESS must be http://host:port, got "${address}"`);
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`INSTANCE_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  return { address: address.replace(/\/$/, ''), secret };
}

function databaseUrlFromEnv(env: NodeJS.ProcessEnv): string | null {
  const url = env.DATABASE_URL;
  if (url === undefined || url === '') return null;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must be a postgres:// URL');
  return url;
}

function sqliteSynchronousFromEnv(env: NodeJS.ProcessEnv): StoreConfig['sqliteSynchronous'] {
  const value = (env.SQLITE_SYNCHRONOUS ?? 'NORMAL').toUpperCase();
  if (value !== 'NORMAL' && value !== 'FULL') throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, got "${env.SQLITE_SYNCHRONOUS}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const level = env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new Error(`LOG_LEVEL must be debug, info, warn or error`);
  return {
    port: intFromEnv(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? 'data',
    databaseUrl: databaseUrlFromEnv(env),
    sqliteSynchronous: sqliteSynchronousFromEnv(env),
    clientDir: env.CLIENT_DIR ?? path.resolve('dist/client'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : null,
    roomGraceMs: intFromEnv(env, 'ROOM_GRACE_MS', 30_000),
    compactEvery: intFromEnv(env, 'COMPACT_EVERY', 500),
    broadcastWindowMs: intFromEnv(env, 'BROADCAST_WINDOW_MS', 2),
    maxConnections: intFromEnv(env, 'MAX_CONNECTIONS', 5000),
    maxConnectionsPerBoard: intFromEnv(env, 'MAX_CONNECTIONS_PER_BOARD', 3000),
    maxConnectionsPerAddress: intFromEnv(env, 'MAX_CONNECTIONS_PER_ADDRESS', 1500),
    admitPerSecond: intFromEnv(env, 'ADMIT_PER_SECOND', 500),
    retentionMs: daysFromEnv(env, 'RETENTION_DAYS', 180) * 86_400_000,
    retentionSweepMs: Math.max(1, intFromEnv(env, 'RETENTION_SWEEP_MS', 3_600_000)),
    boardsPerHour: intFromEnv(env, 'BOARDS_PER_HOUR', 30),
    refusalsPerBoard: intFromEnv(env, 'REFUSALS_PER_BOARD', 3),
    failedAttemptsBurst: intFromEnv(env, 'FAILED_ATTEMPTS_BURST', 30),
    failedAttemptsPerMinute: intFromEnv(env, 'FAILED_ATTEMPTS_PER_MINUTE', 5),
    joinsPerAddress: intFromEnv(env, 'JOINS_PER_ADDRESS', 300),
    forumViewsPerMinute: intFromEnv(env, 'FORUM_VIEWS_PER_MINUTE', 30),
    trustProxy: listFromEnv(env, 'TRUST_PROXY'),
    allowedOrigins: allowedOrigins(env),
    metricsToken: env.METRICS_TOKEN || null,
    redisUrl: redisUrlFromEnv(env),
    owners: ownersFromEnv(env),
    logLevel: level as ServerConfig['logLevel'],
  };
}
