import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { presenceFields } from '../../shared/presence.js';
import type { Fanout } from './Fanout.js';
import type { RoomPeer } from './types.js';
import { decodeAwarenessUpdate, encodeAwarenessMessage, encodeAwarenessUpdate as encodeEntries, type AwarenessEntry } from './wire.js';

/**
 * Presence changes go out at most this often, merged: to the peers here as one message and to the other
 * instances as one fan-out message, however many people changed their state meanwhile. A peer therefore gets at
 * most 1000 / PRESENCE_WINDOW_MS presence messages a second, and so passes on (a stock client echoes what it
 * hears) at most that many.
 */
export const PRESENCE_WINDOW_MS = 250;

/** Where a room's presence meets the other instances: its document's channel on the fan-out. */
export interface PresenceRelay {
  fanout: Fanout;
  boardId: string;
  name: string;
}

/** An entry another instance speaks for: which one, and the state's clock there. */
interface RemoteEntry {
  from: string;
  clock: number;
}

/**
 * Who is here on one document, on every instance: the awareness states of the peers here, each owned by the
 * connection that first spoke for it, with only the fields the board shows plus the identity the server knows
 * (never the client's own claim); and the states other instances relay. Changes are merged per window: the
 * changed client ids go to `onChanged` (the room's broadcast), and those of connections here to the fan-out.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  private readonly owner = new Map<number, RoomPeer>();
  private readonly remote = new Map<number, RemoteEntry>();
  private readonly changed = new Set<number>();
  private readonly changedHere = new Set<number>();
  /** Another instance asked: the next relay carries every state here. */
  private relayAll = false;
  private flushTimer: NodeJS.Timeout | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** Everyone's presence as one message (for a newcomer, or a query); dropped whenever a state changes. */
  private everyone: Uint8Array | null = null;
  private readonly unsubscribe: (() => void) | null = null;

  constructor(
    private readonly onChanged: (clientIds: number[]) => void,
    private readonly relay?: PresenceRelay,
    /** What of a peer's state the others may see, of the fields that pass (the document kind's policy decides). */
    private readonly shown: (state: Record<string, unknown>) => Record<string, unknown> = (state) => state,
  ) {
    // Awareness needs a doc only for its own client id, which the server never publishes.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    // Awareness drops a state that was not renewed for 30 s. Stock clients renew theirs every 15 s, and their
    // instance relays the renewal, so that is also how the states of an instance that died (or of one Redis
    // no longer connects) go away.
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = (id: number) => {
        this.changed.add(id);
        if (!this.remote.has(id)) this.changedHere.add(id);
      };
      [...added, ...updated].forEach(changed);
      for (const id of removed) {
        changed(id);
        this.remote.delete(id);
      }
      this.everyone = null;
      this.schedule();
    });
    if (relay) {
      this.unsubscribe = relay.fanout.subscribePresence(relay.boardId, relay.name, {
        received: (from, update) => this.receive(from, update),
        wanted: () => {
          this.relayAll = true;
          this.schedule();
        },
      });
    }
  }

  /**
   * Applies a peer's own entries with only the fields that pass; an entry for a client id another connection
   * speaks for, here or on another instance, is dropped.
   */
  apply(peer: RoomPeer, entries: AwarenessEntry[]): void {
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.owner.get(entry.clientId);
      if ((owner !== undefined && owner !== peer) || this.remote.has(entry.clientId)) continue; // nobody speaks for another connection's client
      this.owner.set(entry.clientId, peer);
      own.push({ ...entry, state: entry.state === null ? null : { ...this.shown(presenceFields(entry.state)), user: peer.identity } });
    }
    if (own.length > 0) applyAwarenessUpdate(this.awareness, encodeEntries(own), peer);
  }

  /** Sends a peer everyone's presence, if anyone is here. */
  sendAll(peer: RoomPeer): void {
    if (this.awareness.getStates().size === 0) return;
    this.everyone ??= this.message(Array.from(this.awareness.getStates().keys()));
    peer.send(this.everyone);
  }

  /** The presence message of these client ids. */
  message(clientIds: number[]): Uint8Array {
    return encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, clientIds));
  }

  /** Removes the states a peer spoke for. */
  leave(peer: RoomPeer): void {
    const ids: number[] = [];
    for (const [id, owner] of this.owner) if (owner === peer) ids.push(id);
    for (const id of ids) this.owner.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
  }

  /** Sends what is pending (the room unloads), then stops. */
  destroy(): void {
    this.flush();
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.unsubscribe?.();
    this.awareness.destroy();
  }

  /**
   * Presence relayed by instance `from`. A state is applied under a clock above any this instance used for that
   * client before, so a state that returns after a timeout or an outage is shown again.
   */
  private receive(from: string, update: Uint8Array): void {
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update);
    } catch {
      return; // another version's message; its next full relay tells the rest
    }
    const shown: AwarenessEntry[] = [];
    const gone: number[] = [];
    for (const entry of entries) {
      if (this.owner.has(entry.clientId)) continue; // a connection here speaks for it
      const known = this.remote.get(entry.clientId);
      if (known !== undefined && known.from !== from && entry.state === null) continue; // it moved to another instance
      if (entry.state === null) {
        if (known !== undefined) gone.push(entry.clientId);
        continue;
      }
      if (known?.from === from && known.clock >= entry.clock) continue;
      this.remote.set(entry.clientId, { from, clock: entry.clock });
      const clock = Math.max(entry.clock, (this.awareness.meta.get(entry.clientId)?.clock ?? 0) + 1);
      shown.push({ clientId: entry.clientId, clock, state: entry.state });
    }
    if (shown.length > 0) applyAwarenessUpdate(this.awareness, encodeEntries(shown), 'remote');
    if (gone.length > 0) removeAwarenessStates(this.awareness, gone, 'remote');
  }

  /** At once after this turn when the last flush is a window ago, else at the end of the window. */
  private schedule(): void {
    if (this.flushTimer !== null) return;
    const wait = Math.max(0, this.lastFlushAt + PRESENCE_WINDOW_MS - performance.now());
    this.flushTimer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.flushTimer = null;
    this.lastFlushAt = performance.now();
    if (this.changed.size > 0) this.onChanged([...this.changed]);
    this.changed.clear();
    const here = new Set(this.changedHere);
    // The states, not the owners: a stock client's first state has clock 0, which awareness never applies.
    if (this.relayAll) for (const id of this.awareness.getStates().keys()) if (!this.remote.has(id)) here.add(id);
    this.relayAll = false;
    this.changedHere.clear();
    if (this.relay && here.size > 0) this.relay.fanout.publishPresence(this.relay.boardId, this.relay.name, encodeAwarenessUpdate(this.awareness, [...here]));
  }
}
