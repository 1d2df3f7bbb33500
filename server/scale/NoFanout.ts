import type { Fanout } from './Fanout.js';

/**
 * No fan-out configured. Alone on its database (SQLite), an instance has nobody to hear from and is healthy.
 * Sharing a database without Redis, it is not: its rooms then poll the log for the other instances' updates.
 */
export class NoFanout implements Fanout {
  readonly healthy: boolean;

  constructor(options: { sharedLog: boolean }) {
    this.healthy = !options.sharedLog;
  }

  publish(): void {}

  subscribe(): () => void {
    return () => {};
  }

  degraded(): null {
    return null;
  }

  async close(): Promise<void> {}
}
