import { VoteRounds } from '../../server/ballots/VoteRounds.js';
import type { Logger } from '../../server/log.js';
import { Metrics } from '../../server/metrics.js';
import { projectedRooms } from '../../server/projection/ControlProjection.js';
import { RoomRegistry } from '../../server/rooms/RoomRegistry.js';
import { StorageHealth } from '../../server/storage/StorageHealth.js';
import type { Stores } from '../../server/storage/Stores.js';
import { Workshops } from '../../server/workshops/Workshops.js';
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

/**
 * One server instance's rooms and commands on the in-memory log: the projection draws each control document, as
 * in the server. Several instances share one log, one bus (`bus`, with this instance's number) and one store.
 */
export function instance(log: MemoryDocumentLog, stores: Stores, bus?: MemoryBus, number = 1) {
  const { rooms, projection } = projectedRooms(
    stores,
    (hooks) => new RoomRegistry(log, metrics(), { graceMs: 60_000, ...roomOptions(), fanout: bus?.fanout(number), ...hooks }),
    quiet,
  );
  const workshops = new Workshops(stores.identity, stores.ballots, stores.facts, rooms, projection, { lastActivityAt: async () => 0 });
  const rounds = new VoteRounds(stores.ballots, stores.identity, stores.facts, rooms, projection);
  return { rooms, projection, workshops, rounds };
}

/** Waits until `check` passes (it throws until then), or fails with its last error after `timeoutMs`. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
