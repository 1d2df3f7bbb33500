import * as Y from 'yjs';

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
   * document right now.
   */
  compact(boardId: string, docName: string, snapshot: Uint8Array, uptoSeq: number): Promise<boolean>;
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
