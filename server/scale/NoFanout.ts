import type { ManagedFanout } from './Fanout.js';

/**
 * Instances sharing one database without Redis: nothing is published, and `healthy` stays false, so every room
 * with peers reads the other instances' updates from the log (about every half second). A single instance on
 * SQLite needs no fan-out at all.
 */
export class NoFanout implements ManagedFanout {
  readonly healthy = false;

  publish(): void {}

  subscribe(): () => void {
    return () => {};
  }

  /** Presence stays with each instance: without Redis, people on other instances are not shown. */
  publishPresence(): void {}

  subscribePresence(): () => void {
    return () => {};
  }

  /** Nobody hears it: each instance finds ended sessions by checking their tokens (access/SessionRecheck). */
  publishSessionEnding(): void {}

  onSessionEnding(): void {}

  degraded(): null {
    return null;
  }

  async close(): Promise<void> {}
}
