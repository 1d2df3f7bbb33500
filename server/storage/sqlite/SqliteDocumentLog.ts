import type Database from 'better-sqlite3';
import type { DocumentLog, KeptPoint, LoadedDocument, RestorePoint, StoredUpdate } from '../DocumentLog.js';
import { keptPointsToDrop } from '../keptPoints.js';

/**
 * The document log in SQLite. better-sqlite3 is synchronous, so each method runs whole before it yields and
 * the promise it returns is already settled; one process owns the file, so compaction needs no lease.
 */
export class SqliteDocumentLog implements DocumentLog {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      snapshot: db.prepare('SELECT data, upto_seq AS uptoSeq FROM doc_snapshots WHERE board_id = ? AND doc = ?'),
      head: db.prepare('SELECT last_seq AS lastSeq FROM doc_heads WHERE board_id = ? AND doc = ?'),
      after: db.prepare('SELECT seq, data FROM doc_log WHERE board_id = ? AND doc = ? AND seq > ? ORDER BY seq'),
      advanceHead: db.prepare(
        `INSERT INTO doc_heads (board_id, doc, last_seq) VALUES (?, ?, 1)
         ON CONFLICT (board_id, doc) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq AS seq`,
      ),
      append: db.prepare('INSERT INTO doc_log (board_id, doc, seq, data) VALUES (?, ?, ?, ?)'),
      // Only a newer snapshot replaces the stored one: an older one would not cover rows already deleted.
      putSnapshot: db.prepare(
        `INSERT INTO doc_snapshots (board_id, doc, data, upto_seq) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id, doc) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
         WHERE doc_snapshots.upto_seq < excluded.upto_seq`,
      ),
      dropUpTo: db.prepare('DELETE FROM doc_log WHERE board_id = ? AND doc = ? AND seq <= ?'),
      keep: db.prepare(
        `INSERT INTO doc_kept_points (board_id, doc, seq, cards, merged, themed, themes, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (board_id, doc, seq) DO NOTHING`,
      ),
      keptPoints: db.prepare('SELECT seq, cards, merged, themed, themes FROM doc_kept_points WHERE board_id = ? AND doc = ? ORDER BY seq'),
      keptState: db.prepare('SELECT state FROM doc_kept_points WHERE board_id = ? AND doc = ? AND seq = ?'),
      dropKept: db.prepare('DELETE FROM doc_kept_points WHERE board_id = ? AND doc = ? AND seq = ?'),
    };
  }

  async load(boardId: string, docName: string): Promise<LoadedDocument> {
    const snap = this.stmt.snapshot.get(boardId, docName) as { data: Buffer; uptoSeq: number } | undefined;
    const snapshotSeq = snap?.uptoSeq ?? 0;
    const updates = this.readAfterSync(boardId, docName, snapshotSeq);
    const head = this.stmt.head.get(boardId, docName) as { lastSeq: number } | undefined;
    return { snapshot: snap ? new Uint8Array(snap.data) : null, snapshotSeq, updates, lastSeq: head?.lastSeq ?? snapshotSeq };
  }

  async append(boardId: string, docName: string, update: Uint8Array): Promise<number> {
    return this.db.transaction(() => {
      const { seq } = this.stmt.advanceHead.get(boardId, docName) as { seq: number };
      this.stmt.append.run(boardId, docName, seq, update);
      return seq;
    })();
  }

  async readAfter(boardId: string, docName: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.readAfterSync(boardId, docName, afterSeq);
  }

  async compact(boardId: string, docName: string, snapshot: Uint8Array, uptoSeq: number, kept: readonly RestorePoint[] = []): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.stmt.putSnapshot.run(boardId, docName, snapshot, uptoSeq).changes === 0) return false;
      this.stmt.dropUpTo.run(boardId, docName, uptoSeq);
      if (kept.length === 0) return true;
      for (const p of kept) this.stmt.keep.run(boardId, docName, p.seq, p.cards, p.merged, p.themed, p.themes, p.state);
      const seqs = (this.stmt.keptPoints.all(boardId, docName) as KeptPoint[]).map((p) => p.seq);
      for (const seq of keptPointsToDrop(seqs)) this.stmt.dropKept.run(boardId, docName, seq);
      return true;
    })();
  }

  async keptPoints(boardId: string, docName: string): Promise<KeptPoint[]> {
    return this.stmt.keptPoints.all(boardId, docName) as KeptPoint[];
  }

  async keptState(boardId: string, docName: string, seq: number): Promise<Uint8Array | null> {
    const row = this.stmt.keptState.get(boardId, docName, seq) as { state: Buffer } | undefined;
    return row ? new Uint8Array(row.state) : null;
  }

  private readAfterSync(boardId: string, docName: string, afterSeq: number): StoredUpdate[] {
    const rows = this.stmt.after.all(boardId, docName, afterSeq) as Array<{ seq: number; data: Buffer }>;
    return rows.map((r) => ({ seq: r.seq, update: new Uint8Array(r.data) }));
  }
}
