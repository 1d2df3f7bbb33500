import type { PriorityList } from '../../../shared/export/index.js';
import type { SignoffDecision } from '../../../shared/signoff.js';
import type { AgreementArchive } from '../AgreementArchive.js';
import { inRecordOrder, sealAfter, type RecordContent, type RecordEntry } from '../recordChain.js';
import { withList, type AgreementRecord, type StoredAgreement } from '../records.js';
import type { PgDatabase, Queryable } from './PgDatabase.js';
import { BUMP_BOARD } from './revision.js';

export const SIGNOFF_COLUMNS = `version, participant_id AS "participantId", name, organisation, group_id AS "group", decision, reason, signed_at AS "signedAt"`;

const SELECT_AGREEMENTS = 'SELECT board_id AS "boardId", version, frozen_at AS "frozenAt", data FROM agreements WHERE board_id = $1';

const HEAD = `SELECT seq, hash FROM (SELECT record_seq AS seq, hash FROM agreements WHERE board_id = $1 UNION ALL SELECT seq, hash FROM signoffs WHERE board_id = $1) h
  ORDER BY seq DESC LIMIT 1`;

/** Frozen agreements in PostgreSQL, as the JSON text of their list (json text, not jsonb: it reads back unchanged); sign-offs beside them. */
export class PgAgreementArchive implements AgreementArchive {
  constructor(private readonly db: PgDatabase) {}

  async freeze(boardId: string, frozenAt: number, build: (version: number) => PriorityList): Promise<{ version: number; frozenAt: number }> {
    return this.db.transaction(async (tx) => {
      // The revision bump's row lock orders instances freezing or signing on the same board; the primary key (board, version) backs it.
      await tx.query(BUMP_BOARD, [boardId]);
      const { rows } = await tx.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM agreements WHERE board_id = $1', [boardId]);
      const version = rows[0].version;
      const data = JSON.stringify(build(version));
      const [seq, prevHash, hash] = await sealNext(tx, boardId, (seq) => ({ kind: 'version', seq, version, frozenAt, data }));
      await tx.query('INSERT INTO agreements (board_id, version, frozen_at, data, record_seq, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
        boardId,
        version,
        frozenAt,
        data,
        seq,
        prevHash,
        hash,
      ]);
      return { version, frozenAt };
    });
  }

  async list(boardId: string): Promise<AgreementRecord[]> {
    const { rows } = await this.db.query<StoredAgreement>(`${SELECT_AGREEMENTS} ORDER BY version`, [boardId]);
    return rows.map(withList);
  }

  async latest(boardId: string): Promise<AgreementRecord | undefined> {
    const { rows } = await this.db.query<StoredAgreement>(`${SELECT_AGREEMENTS} ORDER BY version DESC LIMIT 1`, [boardId]);
    return rows[0] && withList(rows[0]);
  }

  async sign(boardId: string, d: SignoffDecision): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(BUMP_BOARD, [boardId]);
      const latest = await tx.query<{ version: number | null }>('SELECT MAX(version) AS version FROM agreements WHERE board_id = $1', [boardId]);
      // Throwing rolls the bump back: nothing of a refused decision is written.
      if (latest.rows[0].version !== d.version) throw new Superseded();
      const [seq, prevHash, hash] = await sealNext(tx, boardId, (seq) => ({ kind: 'signoff', seq, ...d }));
      await tx.query(
        `INSERT INTO signoffs (board_id, seq, version, participant_id, name, organisation, group_id, decision, reason, signed_at, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [boardId, seq, d.version, d.participantId, d.name, d.organisation, d.group, d.decision, d.reason, d.signedAt, prevHash, hash],
      );
      return true;
    }).catch((err: unknown) => {
      if (err instanceof Superseded) return false;
      throw err;
    });
  }

  async signoffs(boardId: string): Promise<SignoffDecision[]> {
    return (await this.db.query<SignoffDecision>(`SELECT ${SIGNOFF_COLUMNS} FROM signoffs WHERE board_id = $1 ORDER BY seq`, [boardId])).rows;
  }

  async record(boardId: string): Promise<RecordEntry[]> {
    const [versions, signoffs] = await Promise.all([
      this.db.query<RecordEntry>(
        `SELECT 'version' AS kind, record_seq AS seq, version, frozen_at AS "frozenAt", data, prev_hash AS "prevHash", hash FROM agreements WHERE board_id = $1`,
        [boardId],
      ),
      this.db.query<RecordEntry>(`SELECT 'signoff' AS kind, seq, ${SIGNOFF_COLUMNS}, prev_hash AS "prevHash", hash FROM signoffs WHERE board_id = $1`, [boardId]),
    ]);
    return inRecordOrder(versions.rows, signoffs.rows);
  }
}

class Superseded extends Error {}

/** Call inside the write's transaction, after the bump. */
async function sealNext(tx: Queryable, boardId: string, content: (seq: number) => RecordContent): Promise<[number, string | null, string]> {
  return sealAfter((await tx.query<{ seq: number; hash: string | null }>(HEAD, [boardId])).rows[0], content);
}
