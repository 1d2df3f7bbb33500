import type { Logger } from '../../server/log.js';
import { Metrics } from '../../server/metrics.js';
import { RoomRegistry } from '../../server/rooms/RoomRegistry.js';
import { StorageHealth } from '../../server/storage/StorageHealth.js';
import type { MemoryDocumentLog } from './MemoryDocumentLog.js';
import type { MemoryBus } from './MemoryFanout.js';

/** A logger that says nothing: the fake room tests assert on what rooms do, not on what they log. */
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** What every room needs besides its log: health and logging that stay silent, no broadcast window. */
export const roomOptions = (compactEvery = 1000) => ({ compactEvery, broadcastWindowMs: 0, refusalsPerBoard: 3, health: new StorageHealth(quiet, null), log: quiet });

export const metrics = () => new Metrics({ rooms: () => 0, connections: () => 0 });

/** A room registry on the in-memory log; `bus` makes it instance 1 of a deployment sharing that fan-out. */
export function registry(log: MemoryDocumentLog, graceMs = 0, bus?: MemoryBus): RoomRegistry {
  return new RoomRegistry(log, metrics(), { graceMs, ...roomOptions(), fanout: bus?.fanout(1) });
}
