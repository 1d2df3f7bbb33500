import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import type { DocumentLog } from '../storage/DocumentLog.js';
import type { StorageHealth } from '../storage/StorageHealth.js';
import { StoreUnavailable } from '../storage/StoreUnavailable.js';
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
import type { Fanout } from './Fanout.js';
import type { ChangePolicy } from './types.js';
import { UndoBudget } from './UndoBudget.js';
import { addsNothing } from './addsNothing.js';
import { SeqWatermark } from './SeqWatermark.js';

/** One client connection as a room sees it. */
export interface RoomPeer {
  readonly writer: Writer;
  /** The identity the server puts into this peer's awareness state (never the client's own claim). */
  readonly identity: Record<string, unknown> | null;
  /**
   * True once the server closed the connection (a refusal, a removed person): updates it sent before, still
   * queued, are dropped. A client that closes by itself keeps what it sent before closing.
   */
  readonly closedByServer?: boolean;
  send(message: Uint8Array): void;
}

/**
 * `missing-state`: the update builds on changes the server has not seen yet. That happens to honest clients:
 * one that reconnects and types before its sync step 2 (carrying its offline edits) went out sends an update
 * that depends on them. The update is dropped and the client asked for its state again; its step 2 then
 * carries both the offline edits and the new change.
 *
 * A refusal says whose fault it was, so the client is told the truth: `malformed` (the bytes do not decode),
 * `refused` (the policy forbids the change), `unavailable` (the database cannot be reached now; try again
 * later) or `failed` (the server could not derive or store it; the error was logged). In every case nothing
 * of the update is kept, stored or sent.
 */
export type ApplyResult =
  | { ok: true }
  | { ok: 'missing-state' }
  | { ok: false; kind: 'malformed' | 'refused' | 'failed' | 'unavailable'; reason: string };

/**
 * Where an update came from. `peer`: a client connected here; `server`: a command of this server;
 * `remote`: another instance, which judged and stored it under `seq` and published it.
 */
export type UpdateOrigin = { kind: 'peer'; peer: RoomPeer } | { kind: 'server' } | { kind: 'remote'; seq: number };

/**
 * What the room does with an update, by origin: the one place that decides. Every accepted update is applied
 * and broadcast to the peers here; only a client's is judged; what this instance did not store itself was
 * stored (and derived from, and published) by the instance that did.
 */
const HANDLING: Record<UpdateOrigin['kind'], { judged: boolean; stored: boolean }> = {
  peer: { judged: true, stored: true },
  server: { judged: false, stored: true },
  remote: { judged: false, stored: false },
};

/** Marks transactions made by the server itself (commands, reveal), which skip the client policy. */
export const SERVER_ORIGIN = Symbol('server');
/** Marks transactions applied from another instance. */
const REMOTE_ORIGIN = Symbol('remote');

/** While the fan-out may lose messages, a room with peers reads the log this often. */
export const POLL_EVERY_MS = 500;

/** What the document did with one change, caught from its `update` event. */
interface Change {
  update: Uint8Array;
  tr: Y.Transaction;
}

/**
 * Derives state elsewhere from an accepted change (silent-collect drafts). It runs before the change is
 * stored and may throw, which refuses the change; it returns what to write once the change is stored.
 */
export type Derivation = (doc: Y.Doc) => (() => unknown) | null;

export interface DocRoomOptions {
  compactEvery: number;
  broadcastWindowMs: number;
  health: StorageHealth;
  log: Logger;
  derive?: Derivation;
  /** Told of every stored change, a client's or the server's: the board's activity (see BoardActivity). */
  onChange?: (boardId: string) => void;
  /** Other instances serving the same boards; none on a single instance. */
  fanout?: Fanout;
  /** Told of every change another instance made, once it is applied here. */
  onRemoteChange?: (room: DocRoom) => void;
}

interface PendingBroadcast {
  updates: Uint8Array[];
  /** The peer all pending updates came from, or null when they came from several (or the server). */
  origin: RoomPeer | null | undefined;
  awarenessIds: Set<number>;
}

/**
 * One synced Y.Doc of a board with its connected peers. Every change waits its turn in one queue per
 * document and runs the same steps: apply to the document, judge, derive, await the durable append, and
 * only then queue the broadcast and publish it to other instances — nothing reaches anyone before it is
 * stored. The broadcast queue is flushed once per short window with one merged update, so a burst of
 * typing costs one encode and one send per peer instead of one per keystroke.
 *
 * Whatever fails on the way is undone from memory: the room keeps the accepted state as the updates it
 * stored (`accepted`), and rebuilds the document from them. Since the queue lets one change at a time be
 * in flight, the accepted state is always the document minus that change. Storage is read only when the
 * room loads and to catch up with other instances, so a client sending refused updates cannot make the
 * server hammer the database.
 *
 * Open one with `DocRoom.open`: it resolves once the document is loaded, so nobody sees it half-loaded.
 */
export class DocRoom {
  doc: Y.Doc = new Y.Doc();
  readonly awareness: Awareness;
  readonly peers = new Set<RoomPeer>();
  private readonly awarenessOwner = new Map<number, RoomPeer>();
  private pending: PendingBroadcast = { updates: [], origin: undefined, awarenessIds: new Set() };
  /** The scheduled flush: at once after this turn when the room was idle, else at the end of the window. */
  private flushTimer: { kind: 'now'; handle: NodeJS.Immediate } | { kind: 'window'; handle: NodeJS.Timeout } | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  /** The seqs applied here, from storage, this instance and others: compaction goes up to its contiguous part. */
  private readonly applied = new SeqWatermark();
  /** Updates of other instances that arrived ahead of one still missing, by seq. */
  private readonly early = new Map<number, Uint8Array>();
  private catchingUp = false;
  private sinceCompaction = 0;
  /** The accepted state as stored: the snapshot (or a state encoded at the last undo) and the updates since. */
  private accepted: Uint8Array[] = [];
  private captured: Change | null = null;
  private readonly undoBudget = new UndoBudget();
  /** The sync step 2 for a client with an empty document; dropped whenever the document changes. */
  private wholeState: Uint8Array | null = null;
  /** The tail of the apply queue: each job starts when the one before it settled. */
  private tail: Promise<unknown> = Promise.resolve();
  private unloaded = false;
  private readonly unsubscribe: (() => void) | null;
  private readonly poller: NodeJS.Timeout | null;

  static async open(
    boardId: string,
    name: string,
    log: DocumentLog,
    policy: ChangePolicy,
    metrics: Metrics,
    options: DocRoomOptions,
  ): Promise<DocRoom> {
    const room = new DocRoom(boardId, name, log, policy, metrics, options);
    try {
      await room.enqueue(() => room.load());
    } catch (err) {
      room.stop();
      throw err;
    }
    return room;
  }

  private constructor(
    readonly boardId: string,
    readonly name: string,
    private readonly log: DocumentLog,
    private readonly policy: ChangePolicy,
    private readonly metrics: Metrics,
    private readonly options: DocRoomOptions,
  ) {
    // Awareness needs a doc only for its own client id, which the server never publishes.
    this.awareness = new Awareness(new Y.Doc());
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      for (const id of [...added, ...updated, ...removed]) this.pending.awarenessIds.add(id);
      this.scheduleFlush();
    });
    // Subscribed before the log is read, so nothing published between the read and the subscription is missed.
    const fanout = options.fanout;
    this.unsubscribe = fanout?.subscribe(boardId, name, (seq, update) => this.applyRemote(seq, update)) ?? null;
    this.poller = fanout
      ? setInterval(() => {
          if (this.peers.size > 0 && (!fanout.healthy || this.applied.hasGap || this.early.size > 0)) void this.catchUp();
        }, POLL_EVERY_MS)
      : null;
    this.poller?.unref();
  }

  /** The highest seq up to which every update of the document is applied here. */
  get watermark(): number {
    return this.applied.watermark;
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

  /** Answered in turn, so a change still being stored is not sent before it is. */
  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      if (!isEmptyStateVector(stateVector)) {
        peer.send(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector)));
        return;
      }
      // Everyone opening the board at the start of a workshop asks for the whole document: encode it once.
      this.wholeState ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
      peer.send(this.wholeState);
    });
  }

  /** Applies a client's update, in turn, if the policy allows it and it can be derived from and stored. */
  applyClientUpdate(peer: RoomPeer, update: Uint8Array): Promise<ApplyResult> {
    return this.enqueue(() => this.applyPeerUpdate(peer, update));
  }

  /**
   * Makes a server-side change (control state, reveal), in turn; stored and broadcast like any accepted
   * update. Resolves once stored; rejects (StoreUnavailable, a StorageFailure, or what `change` threw) with
   * nothing of the change left in memory.
   */
  serverTransact(change: (doc: Y.Doc) => void): Promise<void> {
    return this.enqueue(async () => {
      this.captured = null;
      let captured: Change | null;
      let derived: (() => unknown) | null;
      try {
        this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
        captured = this.takeCaptured();
        if (captured === null) return;
        derived = this.options.derive?.(this.doc) ?? null;
        await this.accept(captured, { kind: 'server' }, derived);
      } catch (err) {
        this.undo();
        throw err;
      }
    });
  }

  /**
   * An update another instance stored under `seq` (from the fan-out). Applied in seq order: one that arrives
   * ahead of a missing one waits while the missing ones are read from the log.
   */
  applyRemote(seq: number, update: Uint8Array): void {
    if (this.unloaded || this.applied.has(seq)) return;
    this.early.set(seq, update);
    this.enqueue(() => this.applyEarly())
      .then(() => (this.early.size > 0 ? this.catchUp() : undefined))
      .catch(() => {}); // only an unloaded room refuses the job, and it has nothing left to apply
  }

  /**
   * Reads what the log holds past the watermark and applies what this instance has not (a gap, lost
   * messages). When another instance compacted past the watermark meanwhile, the missing updates are in its
   * snapshot: that is read and applied instead. Never rejects; a failure is logged and the poll tries again.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp || this.unloaded) return Promise.resolve();
    this.catchingUp = true;
    return this.enqueue(async () => {
      try {
        const after = this.applied.watermark;
        const missed = await this.log.readAfter(this.boardId, this.name, after);
        const compactedAway = missed.length > 0 ? missed[0].seq > after + 1 : this.early.size > 0 || this.applied.hasGap;
        if (compactedAway) await this.applySnapshot();
        for (const { seq, update } of missed) if (!this.applied.has(seq)) this.early.set(seq, update);
        this.applyEarly();
      } catch (err) {
        this.options.log.warn('catching up from the log failed; trying again shortly', { board: this.boardId, doc: this.name, error: String(err) });
      } finally {
        this.catchingUp = false;
      }
    }).catch(() => {});
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

  /**
   * After what is queued: sends what is pending, merges the log into the snapshot, and frees memory. Without
   * `writeBack` nothing is stored: another instance deleted the board, and a snapshot would outlive it.
   */
  unload(writeBack = true): Promise<void> {
    return this.enqueue(async () => {
      this.flush();
      if (writeBack) await this.compact();
      this.stop();
      this.awareness.destroy();
      this.doc.destroy();
    }).catch((err) => {
      if (!this.unloaded) throw err; // unloaded twice is unloaded
    });
  }

  /** Runs a job after every job queued before it; a job of an unloaded room does nothing. */
  private enqueue<T>(job: () => T | Promise<T>): Promise<T> {
    const run = this.tail.then(() => {
      if (this.unloaded) throw new Error(`the room ${this.boardId}/${this.name} is unloaded`);
      return job();
    });
    this.tail = run.catch(() => {});
    return run;
  }

  private stop(): void {
    this.unloaded = true;
    this.unsubscribe?.();
    if (this.poller !== null) clearInterval(this.poller);
    this.cancelFlush();
  }

  private async load(): Promise<void> {
    const stored = await this.log.load(this.boardId, this.name);
    this.metrics.docsLoaded.inc();
    // Up to the newest update read, not the log's head: one appended after the read arrives as any other.
    this.applied.reset(stored.updates.at(-1)?.seq ?? stored.snapshotSeq);
    this.sinceCompaction = stored.updates.length;
    const updates = stored.updates.map((u) => u.update);
    this.accepted = stored.snapshot ? [stored.snapshot, ...updates] : updates;
    this.doc.destroy();
    this.doc = this.build();
    // What other instances published while the log was read: the part the log did not have yet.
    this.applyEarly();
  }

  private async applyPeerUpdate(peer: RoomPeer, update: Uint8Array): Promise<ApplyResult> {
    if (peer.closedByServer) return { ok: true }; // nothing a refused or removed connection still sent may stand
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
    let derived: (() => unknown) | null = null;
    try {
      refusal = HANDLING.peer.judged ? this.policy.check(change.tr, this.doc, peer.writer) : null;
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
      await this.accept(change, { kind: 'peer', peer }, derived);
    } catch (err) {
      this.undo(); // the server's failure: not counted against the writer
      if (err instanceof StoreUnavailable) return { ok: false, kind: 'unavailable', reason: 'the database is unavailable; try again later' };
      return { ok: false, kind: 'failed', reason: 'the server could not store this change; try again shortly' };
    }
    return { ok: true };
  }

  /** Applies, in seq order, the updates of other instances that follow the watermark. */
  private applyEarly(): void {
    for (const seq of [...this.early.keys()]) if (this.applied.has(seq)) this.early.delete(seq);
    for (let seq = this.applied.next; this.early.has(seq); seq = this.applied.next) {
      const update = this.early.get(seq)!;
      this.early.delete(seq);
      this.applyRemoteNow(seq, update);
    }
  }

  /** The stored snapshot, applied as another instance's update covering every seq up to its own. */
  private async applySnapshot(): Promise<void> {
    const stored = await this.log.load(this.boardId, this.name);
    if (stored.snapshot === null || stored.snapshotSeq <= this.applied.watermark) return;
    this.applied.coverUpTo(stored.snapshotSeq - 1);
    this.applyRemoteNow(stored.snapshotSeq, stored.snapshot);
  }

  private applyRemoteNow(seq: number, update: Uint8Array): void {
    this.captured = null;
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      // Stored by another instance, so it cannot be refused; it is skipped, loudly, rather than block the rest.
      this.undo();
      this.applied.add(seq);
      this.options.log.error('an update from another instance could not be applied', { board: this.boardId, doc: this.name, seq, error: String(err) });
      return;
    }
    const change = this.takeCaptured();
    if (change === null) this.applied.add(seq);
    // Nothing to await: a remote update is not stored here.
    else void this.accept(change, { kind: 'remote', seq }, null);
  }

  /**
   * What follows an accepted change, by its origin: the durable append (its seq), then indexes, the
   * in-memory log, the broadcast, the fan-out and derived state. Rejects, before anything is sent, when
   * the append fails; the caller undoes the change.
   */
  private async accept(change: Change, origin: UpdateOrigin, derived: (() => unknown) | null): Promise<void> {
    const handling = HANDLING[origin.kind];
    const seq = handling.stored ? await this.append(change.update) : (origin as { seq: number }).seq;
    this.applied.add(seq);
    this.sinceCompaction++;
    this.policy.accepted(change.tr, this.doc);
    this.accepted.push(change.update);
    this.queue(change.update, origin.kind === 'peer' ? origin.peer : null);
    if (!handling.stored) return void this.options.onRemoteChange?.(this);
    this.options.fanout?.publish(this.boardId, this.name, seq, change.update);
    if (origin.kind === 'peer') this.metrics.updatesApplied.inc();
    this.options.onChange?.(this.boardId);
    // The change itself is stored and goes out; a derived document that fails undid its own part and
    // catches up with the next change (a derivation writes the whole difference, not a delta).
    const logDerivationFailure = (err: unknown) =>
      this.options.log.error('derived state could not be written', { board: this.boardId, doc: this.name, error: String(err), stack: (err as Error)?.stack });
    try {
      void Promise.resolve(derived?.()).catch(logDerivationFailure);
    } catch (err) {
      logDerivationFailure(err);
    }
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

  /**
   * Appends durably and resolves to the seq; rejects with StoreUnavailable (the database cannot be reached)
   * or a StorageFailure (logged, and /healthz told) when the database cannot write.
   */
  private async append(update: Uint8Array): Promise<number> {
    const started = performance.now();
    let seq: number;
    try {
      seq = await this.log.append(this.boardId, this.name, update);
    } catch (err) {
      this.metrics.storageFailures.inc();
      const failure = this.options.health.failed(err, { board: this.boardId, doc: this.name, during: 'append' });
      throw err instanceof StoreUnavailable ? err : failure;
    }
    this.options.health.wrote();
    this.metrics.appendSeconds.observe((performance.now() - started) / 1000);
    return seq;
  }

  private queue(update: Uint8Array, origin: RoomPeer | null): void {
    this.pending.updates.push(update);
    this.pending.origin = this.pending.origin === undefined || this.pending.origin === origin ? origin : null;
    this.scheduleFlush();
  }

  /**
   * A single edit in a quiet room goes out at once (after this turn, so what arrived in the same turn still
   * travels together); only in a burst do updates wait for the window, and are merged into one message.
   */
  private scheduleFlush(): void {
    if (this.flushTimer !== null || this.unloaded) return;
    const idle = performance.now() - this.lastFlushAt >= this.options.broadcastWindowMs;
    this.flushTimer = idle
      ? { kind: 'now', handle: setImmediate(() => this.flush()) }
      : { kind: 'window', handle: setTimeout(() => this.flush(), this.options.broadcastWindowMs) };
  }

  private cancelFlush(): void {
    if (this.flushTimer?.kind === 'now') clearImmediate(this.flushTimer.handle);
    if (this.flushTimer?.kind === 'window') clearTimeout(this.flushTimer.handle);
    this.flushTimer = null;
  }

  private flush(): void {
    this.cancelFlush();
    this.lastFlushAt = performance.now();
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
    if (this.sinceCompaction >= this.options.compactEvery) void this.enqueue(() => this.compact()).catch(() => {});
  }

  /**
   * Merges the log into one snapshot, up to the watermark only: updates of other instances this one has not
   * applied yet stay in the log. The store compacts on one instance at a time; on a storage failure, or
   * while another instance compacts, the log stays as it is and is merged later.
   */
  private async compact(): Promise<void> {
    if (this.sinceCompaction === 0) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // The memory keeps the accepted state as one part whether or not the store takes the snapshot.
    this.accepted = [snapshot];
    try {
      await this.log.compact(this.boardId, this.name, snapshot, this.applied.watermark);
    } catch (err) {
      this.metrics.storageFailures.inc();
      this.options.health.failed(err, { board: this.boardId, doc: this.name, during: 'compaction' });
      return;
    }
    this.options.health.wrote();
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
