import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { BoardStore } from '../storage/BoardStore.js';
import type { StorageHealth } from '../storage/StorageHealth.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import {
  encodeAwarenessMessage,
  encodeAwarenessUpdate as encodeEntries,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdateMessage,
  type AwarenessEntry,
} from './wire.js';
import type { Writer } from '../auth/Access.js';
import type { ChangePolicy } from './types.js';
import { UndoBudget } from './UndoBudget.js';
import { addsNothing } from './addsNothing.js';

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
 *
 * A refusal says whose fault it was, so the client is told the truth: `malformed` (the bytes do not decode),
 * `refused` (the policy forbids the change) or `failed` (the server could not derive or store it; the
 * error was logged). In every case nothing of the update is kept, stored or sent.
 */
export type ApplyResult =
  | { ok: true }
  | { ok: 'missing-state' }
  | { ok: false; kind: 'malformed' | 'refused' | 'failed'; reason: string };

/** Marks transactions made by the server itself (commands, reveal), which skip the client policy. */
export const SERVER_ORIGIN = Symbol('server');

/** What the document did with one change, caught from its `update` event. */
interface Change {
  update: Uint8Array;
  tr: Y.Transaction;
}

/**
 * Derives state elsewhere from an accepted change (silent-collect drafts). It runs before the change is
 * stored and may throw, which refuses the change; it returns what to write once the change is stored.
 */
export type Derivation = (doc: Y.Doc) => (() => void) | null;

export interface DocRoomOptions {
  compactEvery: number;
  broadcastWindowMs: number;
  health: StorageHealth;
  log: Logger;
  derive?: Derivation;
  /** Told of every stored change, a client's or the server's: the board's activity (see BoardActivity). */
  onChange?: (boardId: string) => void;
}

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
 *
 * Every change runs the same steps: apply to the document, judge, derive, append durably, and only then
 * queue the broadcast. Whatever fails on the way is undone from memory: the room keeps the accepted state
 * as the updates it stored (`accepted`), and rebuilds the document from them. Storage is read only when the
 * room loads, so a client sending refused updates cannot make the server hammer the database.
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
  /** The accepted state as stored: the snapshot (or a state encoded at the last undo) and the updates since. */
  private accepted: Uint8Array[] = [];
  private captured: Change | null = null;
  private readonly undoBudget = new UndoBudget();
  /** The sync step 2 for a client with an empty document; dropped whenever the document changes. */
  private wholeState: Uint8Array | null = null;

  constructor(
    readonly boardId: string,
    readonly name: string,
    private readonly store: BoardStore,
    private readonly policy: ChangePolicy,
    private readonly metrics: Metrics,
    private readonly options: DocRoomOptions,
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

  /** Applies a client's update if the policy allows it and it can be derived from and stored. */
  applyClientUpdate(peer: RoomPeer, update: Uint8Array): ApplyResult {
    // Refusals that need no look at the content cost nothing: the document is not touched.
    const writerRefused = this.policy.refuseWriter?.(peer.writer) ?? null;
    if (writerRefused !== null) {
      // Every client answers the server's greeting with its sync step 2, readers too; one that adds nothing is no write.
      if (addsNothing(this.doc, update)) return { ok: true };
      return { ok: false, kind: 'refused', reason: writerRefused };
    }
    const writer = `${peer.writer.role}:${peer.writer.authorId}`;
    if (!this.undoBudget.allows(writer)) return { ok: false, kind: 'refused', reason: 'too many refused changes; wait a moment, then edit again' };
    let gap: boolean;
    try {
      gap = buildsOnUnknownState(this.doc, update);
    } catch {
      return { ok: false, kind: 'malformed', reason: 'invalid update' };
    }
    if (gap) return { ok: 'missing-state' };
    this.captured = null;
    try {
      Y.applyUpdate(this.doc, update, peer);
    } catch {
      this.undo(writer);
      return { ok: false, kind: 'malformed', reason: 'invalid update' };
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      this.undo(writer);
      return { ok: 'missing-state' };
    }
    const change = this.takeCaptured();
    if (change === null) return { ok: true }; // nothing new
    let refusal: string | null;
    let derived: (() => void) | null = null;
    try {
      refusal = this.policy.check(change.tr, this.doc, peer.writer);
      if (refusal === null) derived = this.options.derive?.(this.doc) ?? null;
    } catch (err) {
      this.undo(writer);
      this.options.log.error('a client change could not be judged or derived', { board: this.boardId, doc: this.name, error: String(err), stack: (err as Error)?.stack });
      return { ok: false, kind: 'failed', reason: 'the server could not process this change' };
    }
    if (refusal !== null) {
      this.undo(writer);
      return { ok: false, kind: 'refused', reason: refusal };
    }
    try {
      this.persist(change.update);
    } catch {
      this.undo(); // the server's failure: not counted against the writer
      return { ok: false, kind: 'failed', reason: 'the server could not store this change; try again shortly' };
    }
    this.commit(change, peer, derived);
    return { ok: true };
  }

  /**
   * Makes a server-side change (control state, reveal); stored and broadcast like any accepted update.
   * Throws (a StorageFailure when storage failed) with nothing of the change left in memory.
   */
  serverTransact(change: (doc: Y.Doc) => void): void {
    this.captured = null;
    let captured: Change | null;
    let derived: (() => void) | null;
    try {
      this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
      captured = this.takeCaptured();
      if (captured === null) return;
      derived = this.options.derive?.(this.doc) ?? null;
      this.persist(captured.update);
    } catch (err) {
      this.undo();
      throw err;
    }
    this.commit(captured, null, derived);
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
    const stored = this.store.loadDoc(this.boardId, this.name);
    this.metrics.docsLoaded.inc();
    this.lastSeq = stored.lastSeq;
    this.sinceCompaction = stored.updates.length;
    this.accepted = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    return this.build();
  }

  /** A document of the accepted state, from memory. */
  private build(): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    // Applying the log in one transaction is about three times faster than Y.mergeUpdates then one apply.
    doc.transact(() => this.accepted.forEach((part) => Y.applyUpdate(doc, part)));
    this.wholeState = null;
    doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      this.wholeState = null;
      this.captured = { update, tr };
    });
    this.policy.reset(doc);
    return doc;
  }

  private takeCaptured(): Change | null {
    const change = this.captured;
    this.captured = null;
    return change;
  }

  /**
   * Drops whatever a refused or failed change left in the document by rebuilding it from the accepted state
   * in memory, then keeps that state as one encoded update, so a stream of refusals rebuilds from one part.
   */
  private undo(writer?: string): void {
    if (writer !== undefined) this.undoBudget.spend(writer);
    this.captured = null;
    this.doc.destroy();
    this.doc = this.build();
    if (this.accepted.length > 1) this.accepted = [Y.encodeStateAsUpdate(this.doc)];
    this.metrics.changesUndone.inc();
  }

  /** Appends durably; throws a StorageFailure (logged, and /healthz told) when the database cannot write. */
  private persist(update: Uint8Array): void {
    const started = performance.now();
    try {
      this.lastSeq = this.store.appendUpdate(this.boardId, this.name, update);
    } catch (err) {
      this.metrics.storageFailures.inc();
      throw this.options.health.failed(err, { board: this.boardId, doc: this.name, during: 'append' });
    }
    this.options.health.wrote();
    this.metrics.appendSeconds.observe((performance.now() - started) / 1000);
    this.sinceCompaction++;
  }

  /** What follows a stored change: indexes, the in-memory log, the broadcast and derived state. */
  private commit(change: Change, origin: RoomPeer | null, derived: (() => void) | null): void {
    this.policy.accepted(change.tr, this.doc);
    this.accepted.push(change.update);
    this.queue(change.update, origin);
    if (origin !== null) this.metrics.updatesApplied.inc();
    this.options.onChange?.(this.boardId);
    try {
      derived?.();
    } catch (err) {
      // The change itself is stored and goes out; the derived document undid its own part and catches up
      // with the next change (a derivation writes the whole difference, not a delta).
      this.options.log.error('derived state could not be written', { board: this.boardId, doc: this.name, error: String(err), stack: (err as Error)?.stack });
    }
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

  /** Merges the log into one snapshot; on a storage failure the log stays as it is and is merged later. */
  private compact(): void {
    if (this.sinceCompaction === 0) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    try {
      this.store.compact(this.boardId, this.name, snapshot, this.lastSeq);
    } catch (err) {
      this.metrics.storageFailures.inc();
      this.options.health.failed(err, { board: this.boardId, doc: this.name, during: 'compaction' });
      return;
    }
    this.options.health.wrote();
    this.accepted = [snapshot];
    this.sinceCompaction = 0;
  }
}

/**
 * Whether the update continues some client's changes past what the document has: it would be left
 * pending, so it is answered with a request for state before it is applied. (An update whose items only
 * refer to unknown ones is still caught after applying, and undone.)
 */
function buildsOnUnknownState(doc: Y.Doc, update: Uint8Array): boolean {
  const { from } = Y.parseUpdateMeta(update);
  for (const [client, clock] of from) if (clock > Y.getState(doc.store, client)) return true;
  return false;
}

/** A state vector of no clients: the encoding of an empty document's, `[0]`. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
