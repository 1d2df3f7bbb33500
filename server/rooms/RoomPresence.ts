import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { RoomPeer } from './types.js';
import { encodeAwarenessMessage, encodeAwarenessUpdate as encodeEntries, type AwarenessEntry } from './wire.js';

/**
 * Who is here on one document: the awareness states of its peers, each owned by the connection that first
 * spoke for it, with the identity the server knows (never the client's own claim). Changed client ids are
 * handed to `onChanged`, which batches them with the room's broadcast.
 */
export class RoomPresence {
  readonly awareness: Awareness;
  private readonly owner = new Map<number, RoomPeer>();

  /** @param shown what of a peer's state the others may see (the document kind's policy decides). */
  constructor(
    onChanged: (clientIds: number[]) => void,
    private readonly shown: (state: Record<string, unknown>) => Record<string, unknown> = (state) => state,
  ) {
    // Awareness needs a doc only for its own client id, which the server never publishes.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => onChanged([...added, ...updated, ...removed]));
  }

  /** Applies a peer's own entries; an entry for a client id another connection speaks for is dropped. */
  apply(peer: RoomPeer, entries: AwarenessEntry[]): void {
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.owner.get(entry.clientId);
      if (owner !== undefined && owner !== peer) continue; // nobody speaks for another connection's client
      this.owner.set(entry.clientId, peer);
      own.push({ ...entry, state: entry.state === null ? null : { ...this.shown(entry.state), user: peer.identity } });
    }
    if (own.length > 0) applyAwarenessUpdate(this.awareness, encodeEntries(own), peer);
  }

  /** Sends a peer everyone's presence, if anyone is here. */
  sendAll(peer: RoomPeer): void {
    const ids = Array.from(this.awareness.getStates().keys());
    if (ids.length > 0) peer.send(this.message(ids));
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

  destroy(): void {
    this.awareness.destroy();
  }
}
