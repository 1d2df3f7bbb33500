import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { BoardStore } from '../storage/BoardStore.js';
import type { Metrics } from '../metrics.js';
import {
  encodeAwarenessMessage,
  encodeAwarenessUpdate as encodeEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  type AwarenessEntry,
} from '../sync/protocol.js';
import type { ChangePolicy, Writer } from './types.js';

/** One client connection as a room sees it. */
export interface RoomPeer {
  readonly writer: Writer;
  /** The identity the server puts into this peer's awareness state (never the client's own claim). */
  readonly identity: Record<string, unknown> | null;
  send(message: Uint8Array): void;
}

/**
 * `missing-state`: the update builds on changes the server has not seen yet. That happens to honest clients:
 * one that reconnects and types before its sync step 2 (carrying its offline edits) went out sends an update
 * that depends on them. The update is dropped and the client asked for its state again; its step 2 then
 * carries both the offline edits and the new change.
 */
export type ApplyResult = { ok: true } | { ok: false; reason: string } | { ok: 'missing-state' };

/** Marks transactions made by the server itself (commands, reveal), which skip the client policy. */
export const SERVER_ORIGIN = Symbol('server');

interface PendingBroadcast {
  updates: Uint8Array[];
  /** The peer all pending updates came from, or null when they came from several (or the server). */
  origin: RoomPeer | null | undefined;
  awarenessIds: Set<number>;
}

/**
 * One synced Y.Doc of a board with its connected peers. Accepted updates are appended to storage before
 * they are queued for broadcast; the queue is flushed once per short window with one merged update, so a
 * burst of typing costs one encode and one send per peer instead of one per keystroke.
 */
export class DocRoom {
  doc: Y.Doc;
  readonly awareness: Awareness;
  readonly peers = new Set<RoomPeer>();
  private readonly awarenessOwner = new Map<number, RoomPeer>();
  private pending: PendingBroadcast = { updates: [], origin: undefined, awarenessIds: new Set() };
  private flushTimer: NodeJS.Timeout | null = null;
  private lastSeq = 0;
  private sinceCompaction = 0;
  private lastTransaction: Y.Transaction | null = null;
  private capturedUpdate: Uint8Array | null = null;
  /** The sync step 2 for a client with an empty document; dropped whenever the document changes. */
  private wholeState: Uint8Array | null = null;

  constructor(
    readonly boardId: string,
    readonly name: string,
    private readonly store: BoardStore,
    private readonly policy: ChangePolicy,
    private readonly metrics: Metrics,
    private readonly options: {
      compactEvery: number;
      broadcastWindowMs: number;
      /** Called after each accepted change is stored, to derive state elsewhere (silent-collect drafts). */
      onChange?: (doc: Y.Doc) => void;
    },
  ) {
    this.doc = this.load();
    // Awareness needs a doc only for its own client id, which the server never publishes.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      for (const id of [...added, ...updated, ...removed]) this.pending.awarenessIds.add(id);
      this.scheduleFlush();
    });
  }

  /** Sends a new peer the server's state vector and everyone's presence. */
  greet(peer: RoomPeer): void {
    this.peers.add(peer);
    this.requestState(peer);
    if (this.awareness.getStates().size > 0) {
      peer.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, Array.from(this.awareness.getStates().keys()))));
    }
  }

  /** Asks a peer for everything the server lacks: the client answers a sync step 1 with its step 2. */
  requestState(peer: RoomPeer): void {
    peer.send(encodeSyncStep1(this.doc));
  }

  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): void {
    if (!isEmptyStateVector(stateVector)) {
      peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
      return;
    }
    // Everyone opening the board at the start of a workshop asks for the whole document: encode it once.
    this.wholeState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    peer.send(this.wholeState);
  }

  /**
   * Applies a client's update if the policy allows it. Order matters for "nothing accepted is lost":
   * apply, judge, append durably, and only then queue the broadcast.
   */
  applyClientUpdate(peer: RoomPeer, update: Uint8Array): ApplyResult {
    this.lastTransaction = null;
    this.capturedUpdate = null;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch {
      this.reload();
      return { ok: false, reason: 'invalid update' };
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      this.reload();
      return { ok: 'missing-state' };
    }
    const effective = this.capturedUpdate;
    const tr = this.lastTransaction;
    if (effective === null || tr === null) return { ok: true }; // nothing new
    const refusal = this.policy.check(tr, this.doc, peer.writer);
    if (refusal !== null) {
      this.reload();
      return { ok: false, reason: refusal };
    }
    this.policy.accepted(tr, this.doc);
    this.persist(effective);
    this.queue(effective, peer);
    this.metrics.updatesApplied.inc();
    this.options.onChange?.(this.doc);
    return { ok: true };
  }

  /** Makes a server-side change (control state, reveal); stored and broadcast like any accepted update. */
  serverTransact(change: (doc: Y.Doc) => void): void {
    this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
  }

  applyAwareness(peer: RoomPeer, entries: AwarenessEntry[]): void {
    const own: AwarenessEntry[] = [];
    for (const entry of entries) {
      const owner = this.awarenessOwner.get(entry.clientId);
      if (owner !== undefined && owner !== peer) continue; // nobody speaks for another connection's client
      this.awarenessOwner.set(entry.clientId, peer);
      own.push({ ...entry, state: entry.state === null ? null : { ...entry.state, user: peer.identity } });
    }
    if (own.length > 0) applyAwarenessUpdate(this.awareness, encodeEntries(own), peer);
  }

  answerAwarenessQuery(peer: RoomPeer): void {
    const ids = Array.from(this.awareness.getStates().keys());
    if (ids.length > 0) peer.send(encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, ids)));
  }

  leave(peer: RoomPeer): void {
    this.peers.delete(peer);
    const ids: number[] = [];
    for (const [id, owner] of this.awarenessOwner) if (owner === peer) ids.push(id);
    for (const id of ids) this.awarenessOwner.delete(id);
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
  }

  /** Sends what is queued now, merges the log into the snapshot, and frees memory. */
  unload(): void {
    this.flush();
    this.compact();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private load(): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    const stored = this.store.loadDoc(this.boardId, this.name);
    const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    // Applying the log in one transaction is about three times faster than Y.mergeUpdates then one apply.
    doc.transact(() => parts.forEach((part) => Y.applyUpdate(doc, part)));
    this.wholeState = null;
    this.lastSeq = stored.lastSeq;
    this.sinceCompaction = stored.updates.length;
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      this.lastTransaction = tr;
    });
    doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      this.wholeState = null;
      if (origin === SERVER_ORIGIN) {
        this.policy.accepted(tr, doc);
        this.persist(update);
        this.queue(update, null);
        this.options.onChange?.(doc);
      } else {
        this.capturedUpdate = update;
      }
    });
    this.policy.reset(doc);
    return doc;
  }

  /** Drops whatever a refused update left in memory by reading the accepted state back from storage. */
  private reload(): void {
    this.doc.destroy();
    this.doc = this.load();
  }

  private persist(update: Uint8Array): void {
    const started = performance.now();
    this.lastSeq = this.store.appendUpdate(this.boardId, this.name, update);
    this.metrics.appendSeconds.observe((performance.now() - started) / 1000);
    this.sinceCompaction++;
  }

  private queue(update: Uint8Array, origin: RoomPeer | null): void {
    this.pending.updates.push(update);
    this.pending.origin = this.pending.origin === undefined || this.pending.origin === origin ? origin : null;
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== null) return;
    this.flushTimer = setTimeout(() => this.flush(), this.options.broadcastWindowMs);
  }

  private flush(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const { updates, origin, awarenessIds } = this.pending;
    this.pending = { updates: [], origin: undefined, awarenessIds: new Set() };
    if (updates.length > 0) {
      const message = encodeUpdateMessage(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates));
      for (const peer of this.peers) if (peer !== origin) peer.send(message);
    }
    if (awarenessIds.size > 0) {
      const message = encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, Array.from(awarenessIds)));
      for (const peer of this.peers) peer.send(message);
    }
    if (this.sinceCompaction >= this.options.compactEvery) this.compact();
  }

  private compact(): void {
    if (this.sinceCompaction === 0) return;
    this.store.compact(this.boardId, this.name, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
    this.sinceCompaction = 0;
  }
}

/** A state vector of no clients: the encoding of an empty document's, `[0]`. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
