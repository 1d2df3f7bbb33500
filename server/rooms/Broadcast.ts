import * as Y from 'yjs';
import type { RoomPeer } from './types.js';
import { encodeUpdateMessage } from './wire.js';

interface Pending {
  updates: Uint8Array[];
  /** The peer all pending updates came from, or null when they came from several (or the server). */
  origin: RoomPeer | null | undefined;
  presenceIds: Set<number>;
}

/**
 * What a room sends its peers, batched: accepted updates and presence changes wait for one short window and
 * go out as one merged update and one presence message, so a burst of typing costs one encode and one send
 * per peer instead of one per keystroke. An edit in a quiet room goes out at once, before the room's
 * bookkeeping: waiting for the end of the turn let every other socket's messages of that turn (presence, at
 * a plenary) go first. Presence in a quiet room goes out after this turn, so changes of one turn travel together.
 */
export class Broadcast {
  private pending: Pending = { updates: [], origin: undefined, presenceIds: new Set() };
  /** The scheduled flush: at once after this turn when the room was idle, else at the end of the window. */
  private timer: { kind: 'now'; handle: NodeJS.Immediate } | { kind: 'window'; handle: NodeJS.Timeout } | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly peers: ReadonlySet<RoomPeer>,
    private readonly windowMs: number,
    private readonly presenceMessage: (clientIds: number[]) => Uint8Array,
    /** Called after every flush: the room's moment to see whether compaction is due. */
    private readonly onFlushed: () => void,
  ) {}

  /** An accepted update, sent to every peer but the one it came from. */
  update(update: Uint8Array, origin: RoomPeer | null): void {
    this.pending.updates.push(update);
    this.pending.origin = this.pending.origin === undefined || this.pending.origin === origin ? origin : null;
    if (this.timer === null && !this.stopped && this.idle()) this.flush();
    else this.schedule();
  }

  /** Presence states that changed, sent to every peer. */
  presence(clientIds: number[]): void {
    for (const id of clientIds) this.pending.presenceIds.add(id);
    this.schedule();
  }

  flush(): void {
    this.cancel();
    this.lastFlushAt = performance.now();
    const { updates, origin, presenceIds } = this.pending;
    this.pending = { updates: [], origin: undefined, presenceIds: new Set() };
    if (updates.length > 0) {
      const message = encodeUpdateMessage(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
    }
    if (presenceIds.size > 0) {
      const message = this.presenceMessage(Array.from(presenceIds));
      for (const peer of this.peers) peer.send(message);
    }
    this.onFlushed();
  }

  /** Nothing is scheduled any more: the room unloads. */
  stop(): void {
    this.stopped = true;
    this.cancel();
  }

  private schedule(): void {
    if (this.timer !== null || this.stopped) return;
    this.timer = this.idle()
      ? { kind: 'now', handle: setImmediate(() => this.flush()) }
      : { kind: 'window', handle: setTimeout(() => this.flush(), this.windowMs) };
  }

  private idle(): boolean {
    return performance.now() - this.lastFlushAt >= this.windowMs;
  }

  private cancel(): void {
    if (this.timer?.kind === 'now') clearImmediate(this.timer.handle);
    if (this.timer?.kind === 'window') clearTimeout(this.timer.handle);
    this.timer = null;
  }
}
