import * as Y from 'yjs';
import type { HistoryCounts } from '../../shared/api.js';

/** One stored Yjs update and its place in its document's log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

export interface LoadedDocument {
  snapshot: Uint8Array | null;
  /** The snapshot covers every update with seq ≤ snapshotSeq; 0 without a snapshot. */
  snapshotSeq: number;
  /** The updates after the snapshot, in seq order. */
  updates: StoredUpdate[];
  /** The newest seq stored for the document (snapshotSeq when the log is empty), 0 if none. */
  lastSeq: number;
}

/** A point of a document's history kept when compaction merged it into the snapshot: the change and the counts shown. */
export interface KeptPoint extends HistoryCounts {
  seq: number;
}

/** A kept point and the document as it was after that change (an encoded Yjs state). */
export interface RestorePoint extends KeptPoint {
  state: Uint8Array;
}

/**
 * Each document's durable history: a snapshot and the updates after it. All a room needs of storage.
 * Sequence numbers are per document, contiguous (1, 2, 3 …) and shared by every server instance on one
 * database, so an instance that receives seq n + 2 after n knows it missed one and reads it back.
 */
export interface DocumentLog {
  load(boardId: string, docName: string): Promise<LoadedDocument>;
  /** Durable when it resolves; resolves to the update's seq. */
  append(boardId: string, docName: string, update: Uint8Array): Promise<number>;
  /**
   * The updates with seq > afterSeq still in the log, in order: catch-up after a gap. When another instance has
   * compacted past afterSeq, the first one returned is later than afterSeq + 1: the rest are in the snapshot.
   */
  readAfter(boardId: string, docName: string, afterSeq: number): Promise<StoredUpdate[]>;
  /**
   * Stores a snapshot that covers exactly the updates with seq ≤ uptoSeq and deletes only those; updates after
   * uptoSeq (another instance's) stay. Pass the highest seq up to which every update has been applied. Resolves
   * to false, changing nothing, when a snapshot as new is already stored or another instance is compacting the
   * document right now. `kept` are stored in the same transaction, and the document's kept points thinned to
   * MAX_KEPT_POINTS (see keptPoints.ts); a point already kept stays as it is.
   */
  compact(boardId: string, docName: string, snapshot: Uint8Array, uptoSeq: number, kept?: readonly RestorePoint[]): Promise<boolean>;
  /** The document's kept points, oldest first, without their states. */
  keptPoints(boardId: string, docName: string): Promise<KeptPoint[]>;
  /** The state kept for change `seq`, or null when no point of it is kept. */
  keptState(boardId: string, docName: string, seq: number): Promise<Uint8Array | null>;
}

/**
 * A document as its log holds it, read into a fresh Y.Doc without loading a room (which would write to the log):
 * for checks, copies and tests. Rooms load through DocRoom, which also keeps the sequence numbers.
 */
export async function readStoredDoc(log: Pick<DocumentLog, 'load'>, boardId: string, docName: string): Promise<Y.Doc> {
  const stored = await log.load(boardId, docName);
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}
