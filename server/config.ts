import path from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** Folder of the SQLite file; ':memory:' keeps everything in memory (tests of pure server logic only). */
  dataDir: string;
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
  /** New WebSocket sessions admitted per second (a burst of as many is allowed); 0 admits all. */
  admitPerSecond: number;
  /** Boards idle longer than this are deleted with everything stored for them. */
  retentionMs: number;
  /** How often idle boards are looked for (besides at start-up). */
  retentionSweepMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** A positive number of days; fractions allowed, so a test can use a retention of seconds. */
function daysFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of days, got "${raw}"`);
  return value;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const level = env.LOG_LEVEL ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(level)) throw new Error(`LOG_LEVEL must be debug, info, warn or error`);
  return {
    port: intFromEnv(env, 'PORT', 8080),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR ?? 'data',
    clientDir: env.CLIENT_DIR ?? path.resolve('dist/client'),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/$/, '') : null,
    roomGraceMs: intFromEnv(env, 'ROOM_GRACE_MS', 30_000),
    compactEvery: intFromEnv(env, 'COMPACT_EVERY', 500),
    broadcastWindowMs: intFromEnv(env, 'BROADCAST_WINDOW_MS', 2),
    maxConnections: intFromEnv(env, 'MAX_CONNECTIONS', 5000),
    admitPerSecond: intFromEnv(env, 'ADMIT_PER_SECOND', 500),
    retentionMs: daysFromEnv(env, 'RETENTION_DAYS', 180) * 86_400_000,
    retentionSweepMs: Math.max(1, intFromEnv(env, 'RETENTION_SWEEP_MS', 3_600_000)),
    logLevel: level as ServerConfig['logLevel'],
  };
}
