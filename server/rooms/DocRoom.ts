import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { DocumentLog } from '../storage/DocumentLog.js';
import { StoreUnavailable } from '../storage/StoreUnavailable.js';
import type { Metrics } from '../metrics.js';
import { encodeSyncStep1, type AwarenessEntry } from './wire.js';
import type { ApplyResult, ChangePolicy, DocChange, DocRoomOptions, RoomPeer, Synchronous } from './types.js';
import { AcceptedState } from './AcceptedState.js';
import { Acceptance } from './Acceptance.js';
import { Broadcast } from './Broadcast.js';
import { Compaction } from './Compaction.js';
import { InstanceCatchUp } from './InstanceCatchUp.js';
import { PeerJudge } from './PeerJudge.js';
import { UndoBudget } from './UndoBudget.js';
import { RoomPresence } from './RoomPresence.js';
import { SyncAnswers } from './SyncAnswers.js';

/** Marks transactions made by the server itself (commands, reveal), which skip the client policy. */
export const SERVER_ORIGIN = Symbol('server');
/** Marks transactions applied from another instance. */
const REMOTE_ORIGIN = Symbol('remote');

/**
 * One synced Y.Doc of a board with its connected peers. Every change waits its turn in one queue per
 * document and runs the same steps: apply to the document, judge, derive, await the durable append, and
 * only then broadcast it (`Broadcast`) and publish it to other instances — nothing reaches anyone before it
 * is stored. Whatever fails on the way is undone from memory (`AcceptedState`).
 *
 * Open one with `DocRoom.open`: it resolves once the document is loaded, so nobody sees it half-loaded.
 */
export class DocRoom {
  readonly peers = new Set<RoomPeer>();
  private readonly state: AcceptedState;
  private readonly presence: RoomPresence;
  private readonly broadcast: Broadcast;
  private readonly instances: InstanceCatchUp;
  private readonly compaction: Compaction;
  private readonly syncAnswers: SyncAnswers;
  private readonly judge: PeerJudge;
  private readonly acceptance: Acceptance;
  /** The tail of the apply queue: each job starts when the one before it settled. */
  private tail: Promise<unknown> = Promise.resolve();
  private unloaded = false;

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
    policy: ChangePolicy,
    private readonly metrics: Metrics,
    private readonly options: DocRoomOptions,
  ) {
    this.state = new AcceptedState(policy, metrics);
    this.syncAnswers = new SyncAnswers(this.state, metrics);
    this.compaction = new Compaction(boardId, name, log, metrics, options.health, options.compactEvery, options.keepsHistory, options.log);
    this.presence = new RoomPresence((ids) => this.broadcast.presence(ids), options.fanout && { fanout: options.fanout, boardId, name }, (state) =>
      policy.presenceShown?.(state) ?? state,
    );
    this.broadcast = new Broadcast(this.peers, options.broadcastWindowMs, (ids) => this.presence.message(ids), () => {
      if (this.compaction.due) void this.enqueue(() => this.compact()).catch(() => {});
    });
    const room = this;
    this.instances = new InstanceCatchUp(
      {
        boardId,
        name,
        get unloaded() {
          return room.unloaded;
        },
        get hasPeers() {
          return room.peers.size > 0;
        },
        enqueue: (job) => this.enqueue(job),
        applyStored: (seq, update) => this.applyStored(seq, update),
      },
      log,
      options.log,
      options.fanout,
    );
    this.judge = new PeerJudge({ board: boardId, doc: name }, this.state, policy, options, new UndoBudget(options.refusalsPerBoard));
    const { state, compaction, broadcast } = this;
    // Another instance's change reaches the projection with this room, so it can draw the control document again.
    const acceptanceOptions = { ...options, onRemoteChange: () => options.onRemoteChange?.(this) };
    this.acceptance = new Acceptance({ boardId, name }, log, policy, metrics, acceptanceOptions, { state, applied: this.instances.applied, compaction, broadcast });
  }

  /** The document as accepted so far. It is replaced on every undo: read it again after each `await`. */
  get doc(): Y.Doc {
    return this.state.doc;
  }

  get awareness(): Awareness {
    return this.presence.awareness;
  }

  /** The highest seq up to which every update of the document is applied here. */
  get watermark(): number {
    return this.instances.applied.watermark;
  }

  /** Sends a new peer the server's state vector and everyone's presence. */
  greet(peer: RoomPeer): void {
    this.peers.add(peer);
    this.requestState(peer);
    this.presence.sendAll(peer);
  }

  /** Asks a peer for everything the server lacks: the client answers a sync step 1 with its step 2. */
  requestState(peer: RoomPeer): void {
    peer.send(encodeSyncStep1(this.doc));
  }

  /**
   * Answered in turn, so a change still being stored is not sent before it is; skipped when the peer has gone
   * by then, so requests an attacker queued and left cost nothing.
   */
  answerSyncStep1(peer: RoomPeer, stateVector: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      if (this.peers.has(peer) && !peer.closedByServer) peer.send(this.syncAnswers.answer(stateVector));
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
  serverTransact<F extends DocChange>(change: Synchronous<F>): Promise<void> {
    return this.enqueue(() => this.transactNow(change));
  }

  /**
   * Runs `work` in one turn of the queue: nothing else is applied to this document until it settles, so what it
   * read stays true while it awaits other rooms. It reads `doc` only synchronously (the document is replaced on
   * undo) and changes it only through `transact`, which stores a server change as `serverTransact` does; calling
   * this room's `serverTransact` from `work` would wait for `work` itself.
   */
  inOneTurn<T>(work: (transact: <F extends DocChange>(change: Synchronous<F>) => Promise<void>) => Promise<T>): Promise<T> {
    return this.enqueue(() => work((change) => this.transactNow(change)));
  }

  /** An update another instance stored under `seq` (from the fan-out); see InstanceCatchUp. */
  applyRemote(seq: number, update: Uint8Array): void {
    this.instances.remote(seq, update);
  }

  /** Reads what the log holds past the watermark and applies what this instance has not; never rejects. */
  catchUp(): Promise<void> {
    return this.instances.catchUp();
  }

  applyAwareness(peer: RoomPeer, entries: AwarenessEntry[]): void {
    this.presence.apply(peer, entries);
  }

  answerAwarenessQuery(peer: RoomPeer): void {
    this.presence.sendAll(peer);
  }

  leave(peer: RoomPeer): void {
    this.peers.delete(peer);
    this.presence.leave(peer);
  }

  /**
   * After what is queued: sends what is pending, merges the log into the snapshot (unless the document keeps its
   * history), and frees memory. Without `writeBack` nothing is stored: another instance deleted the board, and a
   * snapshot would outlive it.
   */
  unload(writeBack = true): Promise<void> {
    return this.enqueue(async () => {
      this.broadcast.flush();
      if (writeBack && !this.options.keepsHistory) await this.compact();
      this.stop();
      this.presence.destroy();
      this.state.destroy();
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
    this.instances.stop();
    this.broadcast.stop();
  }

  private async load(): Promise<void> {
    const stored = await this.log.load(this.boardId, this.name);
    this.metrics.docsLoaded.inc();
    // Up to the newest update read, not the log's head: one appended after the read arrives as any other.
    this.instances.applied.reset(stored.updates.at(-1)?.seq ?? stored.snapshotSeq);
    this.compaction.loaded(stored.updates.length);
    const updates = stored.updates.map((u) => u.update);
    this.state.load(stored.snapshot ? [stored.snapshot, ...updates] : updates);
    // What other instances published while the log was read: the part the log did not have yet.
    this.instances.applyEarly();
  }

  private async transactNow(change: DocChange): Promise<void> {
    this.state.expectChange();
    try {
      this.doc.transact(() => change(this.doc), SERVER_ORIGIN);
      const captured = this.state.take();
      if (captured === null) return;
      const derived = this.options.derive?.(this.doc) ?? null;
      await this.acceptance.accept(captured, { kind: 'server' }, derived);
    } catch (err) {
      this.state.undo();
      throw err;
    }
  }

  private async applyPeerUpdate(peer: RoomPeer, update: Uint8Array): Promise<ApplyResult> {
    const verdict = this.judge.judge(peer, update);
    if ('answer' in verdict) return verdict.answer;
    try {
      await this.acceptance.accept(verdict.change, { kind: 'peer', peer }, verdict.derived);
    } catch (err) {
      this.state.undo(); // the server's failure: not counted against the writer
      if (err instanceof StoreUnavailable) return { ok: false, kind: 'unavailable', reason: 'the database is unavailable; try again later' };
      return { ok: false, kind: 'failed', reason: 'the server could not store this change; try again shortly' };
    }
    return { ok: true };
  }

  /** Applies an update another instance stored under `seq` (from the fan-out, the log or its snapshot). */
  private applyStored(seq: number, update: Uint8Array): void {
    this.state.expectChange();
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      // Stored by another instance, so it cannot be refused; it is skipped, loudly, rather than block the rest.
      this.state.undo();
      this.instances.applied.add(seq);
      this.options.log.error('an update from another instance could not be applied', { board: this.boardId, doc: this.name, seq, error: String(err) });
      return;
    }
    const change = this.state.take();
    if (change === null) this.instances.applied.add(seq);
    // Nothing to await: a remote update is not stored here.
    else void this.acceptance.accept(change, { kind: 'remote', seq }, null);
  }

  private async compact(): Promise<void> {
    if (!this.compaction.pending) return;
    const snapshot = Y.encodeStateAsUpdate(this.doc);
    // The memory keeps the accepted state as one part whether or not the store takes the snapshot.
    this.state.keepOnly(snapshot);
    await this.compaction.write(snapshot, this.instances.applied.watermark);
  }
}
