import type { SessionEnding } from '../../shared/sessionEnding.js';
import type { Fanout } from '../rooms/Fanout.js';

/**
 * The rooms' port to other instances (rooms/Fanout.ts), as the server holds it: it also answers /healthz and
 * is closed on shutdown. Redis only makes things fast: every update is in the shared log before it is
 * published, and a room that sees a gap in the sequence numbers, or an unhealthy fan-out, reads the log.
 */
export interface ManagedFanout extends Fanout {
  /** For /healthz: why a configured fan-out is not working, and since when; null when all is well. */
  degraded(): { reason: string; since: string } | null;
  close(): Promise<void>;
  /** Tells the other instances to end their sessions that match (a removed person, a revoked link, a deleted board). */
  publishSessionEnding(ending: SessionEnding): void;
  /** Calls `onEnding` with each ending another instance published. */
  onSessionEnding(onEnding: (ending: SessionEnding) => void): void;
}
