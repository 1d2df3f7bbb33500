import type { Logger } from '../log.js';
import { StoreUnavailable } from './StoreUnavailable.js';

/** Thrown when the database could not keep a change: the server's fault, never the client's. */
export class StorageFailure extends Error {
  constructor(cause: unknown) {
    super(`storage cannot write: ${describe(cause)}`, { cause });
    this.name = 'StorageFailure';
  }
}

/** SQLite's codes for "the database cannot write now" (disk full, I/O error, read-only, locked), as opposed to a bug. */
const CANNOT_WRITE = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY|LOCKED|NOMEM)/;

/** Whether an error thrown by a write is the database's own failure: told as 503 "try again", never as a bug's 500. */
export function isStorageFailure(err: unknown): boolean {
  if (err instanceof StorageFailure) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CANNOT_WRITE.test(code);
}

export type HealthStatus = { ok: true } | { ok: false; reason: string; since: string };

/**
 * A write attempt that throws (SQLite) or rejects (PostgreSQL) when the database cannot write now. An
 * asynchronous probe's answer shows from the next status on.
 */
export type WriteProbe = () => void | Promise<void>;

/** How often /healthz may try a write of its own: the route is public, so it must not be a write amplifier. */
const PROBE_EVERY_MS = 1000;
/** A probe still unanswered after this long means the database hangs (a healthy one answers in milliseconds). */
const PROBE_HANGS_AFTER_MS = 1500;

/**
 * Whether the database can write, as the last write told it. Rooms report every append and compaction;
 * /healthz asks, and when no real write has succeeded within the last second it tries one itself, so that
 * a full disk shows up before anyone types and a freed disk shows up before anyone types again.
 */
export class StorageHealth {
  private failure: { reason: string; since: number } | null = null;
  private lastSuccessAt = 0;
  private lastProbeAt = 0;
  /** When the probe now waiting for the database started; null when none waits. */
  private probeWaitingSince: number | null = null;

  constructor(
    private readonly log: Logger,
    private readonly probe: WriteProbe | null,
  ) {}

  wrote(): void {
    if (this.failure !== null) this.log.info('storage writes again', { failingSince: new Date(this.failure.since).toISOString() });
    this.failure = null;
    this.lastSuccessAt = Date.now();
  }

  /** Logs the failure with its stack and returns the error to throw in its place. */
  failed(err: unknown, context: Record<string, unknown>): StorageFailure {
    this.log.error('storage write failed', { ...context, error: describe(err), stack: err instanceof Error ? err.stack : undefined });
    this.failure ??= { reason: `storage cannot write: ${describe(err)}`, since: Date.now() };
    return err instanceof StorageFailure ? err : new StorageFailure(err);
  }

  status(): HealthStatus {
    const now = Date.now();
    if (this.probe !== null && now - this.lastSuccessAt >= PROBE_EVERY_MS && now - this.lastProbeAt >= PROBE_EVERY_MS) {
      this.lastProbeAt = now;
      this.tryProbe();
    }
    // A database that hangs never fails a probe quickly: one unanswered for longer than a healthy answer takes says enough.
    if (this.failure === null && this.probeWaitingSince !== null && now - this.probeWaitingSince >= PROBE_HANGS_AFTER_MS) {
      return { ok: false, reason: 'storage does not answer', since: new Date(this.probeWaitingSince).toISOString() };
    }
    return this.failure === null ? { ok: true } : { ok: false, reason: this.failure.reason, since: new Date(this.failure.since).toISOString() };
  }

  private tryProbe(): void {
    // Logged once when it starts failing, not once a second for as long as the disk stays full.
    const probeFailed = (err: unknown) => {
      if (this.failure === null) this.failed(err, { during: 'health probe' });
    };
    let pending: void | Promise<void>;
    try {
      pending = this.probe?.();
    } catch (err) {
      return probeFailed(err);
    }
    if (!(pending instanceof Promise)) return this.wrote();
    const since = Date.now();
    this.probeWaitingSince ??= since;
    const settled = () => {
      if (this.probeWaitingSince === since) this.probeWaitingSince = null;
    };
    pending.then(
      () => (settled(), this.wrote()),
      (err) => (settled(), probeFailed(err)),
    );
  }
}

function describe(err: unknown): string {
  // What the database said, not what the caller is told.
  if (err instanceof StorageFailure || (err instanceof StoreUnavailable && err.cause !== undefined)) return describe(err.cause);
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return typeof code === 'string' ? `${message} (${code})` : message;
}
