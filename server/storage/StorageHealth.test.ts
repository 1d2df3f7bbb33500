import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../log.js';
import { StorageFailure, StorageHealth } from './StorageHealth.js';
import { StoreUnavailable } from './StoreUnavailable.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
afterEach(() => vi.useRealTimers());

describe('storage health', () => {
  it('turns unhealthy on a failed write, probes at most once a second, and is healthy again once a write succeeds', () => {
    vi.useFakeTimers({ now: 10_000 });
    let diskFull = false;
    let probes = 0;
    const health = new StorageHealth(quiet, () => {
      probes++;
      if (diskFull) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    expect(health.status()).toEqual({ ok: true });
    expect(probes).toBe(1);

    diskFull = true;
    const error = health.failed(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }), { during: 'append' });
    expect(error).toBeInstanceOf(StorageFailure);
    for (let i = 0; i < 10; i++) expect(health.status()).toMatchObject({ ok: false, reason: 'storage cannot write: database or disk is full (SQLITE_FULL)' });
    expect(probes).toBe(1); // the probe ran less than a second ago

    diskFull = false;
    vi.advanceTimersByTime(1000);
    expect(health.status()).toEqual({ ok: true });
    expect(probes).toBe(2);

    health.wrote(); // a real write within the last second: no probe needed
    vi.advanceTimersByTime(500);
    expect(health.status()).toEqual({ ok: true });
    expect(probes).toBe(2);
  });

  it("logs what the database said when it is unreachable, not what the caller is told", () => {
    const logged: Array<Record<string, unknown> | undefined> = [];
    const health = new StorageHealth({ ...quiet, error: (_msg, fields) => logged.push(fields) }, null);
    health.failed(new StoreUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })), { during: 'append' });
    expect(logged[0]?.error).toBe('connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)');
    expect(health.status()).toMatchObject({ ok: false, reason: 'storage cannot write: connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)' });
  });
});
