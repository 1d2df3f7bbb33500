import type { DocRoom } from './DocRoom.js';
import type * as Y from 'yjs';
import type { Writer } from '../auth/Access.js';
import type { Logger } from '../log.js';
import type { LoadedDocument, RestorePoint } from '../storage/DocumentLog.js';
import type { StorageHealth } from '../storage/StorageHealth.js';
import type { Fanout } from './Fanout.js';

/** A server change to a document, made in one synchronous transaction. */
export type DocChange = (doc: Y.Doc) => void;

/**
 * `F` unless it returns a promise (one that only throws is fine): the type refuses an async change, since a Yjs
 * type held across an await may belong to a document that undo replaced meanwhile.
 */
export type Synchronous<F extends DocChange> = [ReturnType<F>] extends [never] ? F : ReturnType<F> extends PromiseLike<unknown> ? never : F;

/**
 * Decides whether one client transaction may stand. `check` runs after the update was applied to the
 * room's document and before anything is derived, stored or sent; on a refusal the room rebuilds the
 * document from the accepted state it keeps in memory, so a refused update leaves no trace. `check` may
 * also throw: the room then undoes the change too and tells the client it was the server's failure (1011).
 */
export interface ChangePolicy {
  /**
   * Refuses a writer before its update touches the document, when no content could make it acceptable
   * (an observer, a read-only document). Optional; it spares the room the rebuild that a refusal by
   * `check` costs, which grows with the document.
   */
  refuseWriter?(writer: Writer): string | null;
  /** Returns null to accept, or the reason for refusing. */
  check(tr: Y.Transaction, doc: Y.Doc, writer: Writer): string | null;
  /** Called with every accepted transaction (clients' and the server's), to keep derived indexes current. */
  accepted(tr: Y.Transaction, doc: Y.Doc): void;
  /** Called after the document was (re)loaded from storage. */
  reset(doc: Y.Doc): void;
  /** What of a peer's presence state the others may see; all of it when absent. */
  presenceShown?(state: Record<string, unknown>): Record<string, unknown>;
}

/** The policy of documents clients may only read: the control document, and everything for observers. */
export const READ_ONLY: ChangePolicy = {
  refuseWriter: () => 'this document is read-only',
  check: () => 'this document is read-only',
  accepted: () => {},
  reset: () => {},
};

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
 * `refused` (the policy forbids the change), `unavailable` (the database cannot be reached now, or the document
 * is spending its allowance of refusals: try again later) or `failed` (the server could not derive or store it; the error was logged). In every case nothing
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
 * Derives state elsewhere from an accepted change (silent-collect drafts). It runs before the change is
 * stored and may throw, which refuses the change; it returns what to write once the change is stored.
 */
export type Derivation = (doc: Y.Doc) => (() => unknown) | null;

/** What a compaction up to `uptoSeq` keeps of the part of the history it merges, read from the stored log. */
export type KeepHistory = (stored: LoadedDocument, uptoSeq: number) => Promise<RestorePoint[]>;

export interface DocRoomOptions {
  compactEvery: number;
  broadcastWindowMs: number;
  /** Refused changes the document undoes in a burst, all writers together; 0 lifts the limit (see UndoBudget). */
  refusalsPerBoard: number;
  health: StorageHealth;
  log: Logger;
  derive?: Derivation;
  /** Merge the log only every `compactEvery` changes, not on unload, keeping these points (see DocumentKind.keepsHistory). */
  keepsHistory?: KeepHistory;
  /** Told of every stored change, a client's or the server's: the board's activity (see BoardActivity). */
  onChange?: (boardId: string) => void;
  /** Other instances serving the same boards; none on a single instance. */
  fanout?: Fanout;
  /** Told of every change another instance made, once it is applied here (the projection draws again). */
  onRemoteChange?: (room: DocRoom) => void;
}
