import pg from 'pg';
import { StoreUnavailable } from '../StoreUnavailable.js';

/** The queries the stores make: on the pool, or on one client inside a transaction. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** How long a query may wait for PostgreSQL's answer; the slowest honest statement takes a fraction of it. */
export const QUERY_TIMEOUT_MS = 5_000;

/** SQLSTATE classes and socket errors that mean "the database is not there now", not "this query is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);

function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = err instanceof Error ? err.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(message);
}

/** Re-throws a lost or refused connection as StoreUnavailable, anything else as it is. */
export function unavailableOr(err: unknown): never {
  throw isUnavailable(err) ? new StoreUnavailable(err) : err;
}

/** The unique violation's SQLSTATE, for check-then-act decided by a constraint. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}

/**
 * A pool of connections with bigint columns read as numbers (every bigint here is a millisecond time or a
 * sequence number, far below 2^53) and every failure to reach the database surfaced as StoreUnavailable.
 */
export class PgDatabase implements Queryable {
  readonly pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 10,
      connectionTimeoutMillis: 5_000,
      // A database that hangs (stopped, not dead) must not hang the requests: a query unanswered for 5 s is
      // given up, its connection dropped, and the caller answered 503 like any other unavailability.
      query_timeout: QUERY_TIMEOUT_MS,
      types: { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === pg.types.builtins.INT8 ? Number : pg.types.getTypeParser(oid, format)) },
    } as pg.PoolConfig);
    // An idle connection the server dropped (PostgreSQL restarted) is an event, not a crash: the pool replaces it.
    this.pool.on('error', () => {});
  }

  async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (err) {
      return unavailableOr(err);
    }
  }

  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>, isolation: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED'): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      return unavailableOr(err);
    }
    let broken = false;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      broken = isUnavailable(err);
      if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
      return unavailableOr(err);
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
