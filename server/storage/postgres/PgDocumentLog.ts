import type { DocumentLog, KeptPoint, LoadedDocument, RestorePoint, StoredUpdate } from '../DocumentLog.js';
import { keptPointsToDrop } from '../keptPoints.js';
import type { PgDatabase, Queryable } from './PgDatabase.js';

/**
 * The document log in PostgreSQL, shared by every instance. An append moves the document's head row and inserts
 * the update in one statement: the row lock on the head orders concurrent appends, so numbers are contiguous.
 */
export class PgDocumentLog implements DocumentLog {
  constructor(private readonly db: PgDatabase) {}

  async load(boardId: string, docName: string): Promise<LoadedDocument> {
    // One snapshot of the database: a compaction committing between the reads cannot hide updates.
    return this.db.transaction(async (tx) => {
      const snap = await tx.query<{ data: Buffer; upto_seq: number }>('SELECT data, upto_seq FROM doc_snapshots WHERE board_id = $1 AND doc = $2', [boardId, docName]);
      const snapshotSeq = snap.rows[0]?.upto_seq ?? 0;
      const updates = await readAfter(tx, boardId, docName, snapshotSeq);
      const head = await tx.query<{ last_seq: number }>('SELECT last_seq FROM doc_heads WHERE board_id = $1 AND doc = $2', [boardId, docName]);
      const snapshot = snap.rows[0] ? new Uint8Array(snap.rows[0].data) : null;
      return { snapshot, snapshotSeq, updates, lastSeq: head.rows[0]?.last_seq ?? snapshotSeq };
    }, 'REPEATABLE READ');
  }

  async append(boardId: string, docName: string, update: Uint8Array): Promise<number> {
    const { rows } = await this.db.query<{ seq: number }>(
      `WITH head AS (
         INSERT INTO doc_heads (board_id, doc, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (board_id, doc) DO UPDATE SET last_seq = doc_heads.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO doc_log (board_id, doc, seq, data) SELECT $1, $2, last_seq, $3 FROM head RETURNING seq`,
      [boardId, docName, bytes(update)],
    );
    return rows[0].seq;
  }

  readAfter(boardId: string, docName: string, afterSeq: number): Promise<StoredUpdate[]> {
    return readAfter(this.db, boardId, docName, afterSeq);
  }

  async compact(boardId: string, docName: string, snapshot: Uint8Array, uptoSeq: number, kept: readonly RestorePoint[] = []): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The lease: one instance compacts a document at a time; another one trying meanwhile just skips.
      const lease = await tx.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock(hashtextextended($1 || '/' || $2, 0)) AS ok", [boardId, docName]);
      if (!lease.rows[0].ok) return false;
      // Only a newer snapshot replaces the stored one: an older one would not cover rows already deleted.
      const put = await tx.query(
        `INSERT INTO doc_snapshots (board_id, doc, data, upto_seq) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id, doc) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq
         WHERE doc_snapshots.upto_seq < excluded.upto_seq`,
        [boardId, docName, bytes(snapshot), uptoSeq],
      );
      if (put.rowCount === 0) return false;
      await tx.query('DELETE FROM doc_log WHERE board_id = $1 AND doc = $2 AND seq <= $3', [boardId, docName, uptoSeq]);
      if (kept.length === 0) return true;
      for (const p of kept) {
        await tx.query(
          `INSERT INTO doc_kept_points (board_id, doc, seq, cards, merged, themed, themes, state) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (board_id, doc, seq) DO NOTHING`,
          [boardId, docName, p.seq, p.cards, p.merged, p.themed, p.themes, bytes(p.state)],
        );
      }
      const seqs = (await keptPointsOf(tx, boardId, docName)).map((p) => p.seq);
      const drop = keptPointsToDrop(seqs);
      if (drop.length > 0) await tx.query('DELETE FROM doc_kept_points WHERE board_id = $1 AND doc = $2 AND seq = ANY($3)', [boardId, docName, drop]);
      return true;
    });
  }

  keptPoints(boardId: string, docName: string): Promise<KeptPoint[]> {
    return keptPointsOf(this.db, boardId, docName);
  }

  async keptState(boardId: string, docName: string, seq: number): Promise<Uint8Array | null> {
    const { rows } = await this.db.query<{ state: Buffer }>('SELECT state FROM doc_kept_points WHERE board_id = $1 AND doc = $2 AND seq = $3', [boardId, docName, seq]);
    return rows[0] ? new Uint8Array(rows[0].state) : null;
  }
}

async function readAfter(q: Queryable, boardId: string, docName: string, afterSeq: number): Promise<StoredUpdate[]> {
  const { rows } = await q.query<{ seq: number; data: Buffer }>(
    'SELECT seq, data FROM doc_log WHERE board_id = $1 AND doc = $2 AND seq > $3 ORDER BY seq',
    [boardId, docName, afterSeq],
  );
  return rows.map((r) => ({ seq: r.seq, update: new Uint8Array(r.data) }));
}

async function keptPointsOf(q: Queryable, boardId: string, docName: string): Promise<KeptPoint[]> {
  const { rows } = await q.query<KeptPoint>('SELECT seq, cards, merged, themed, themes FROM doc_kept_points WHERE board_id = $1 AND doc = $2 ORDER BY seq', [boardId, docName]);
  return rows;
}

function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
