import type { PriorityList } from '../../../shared/export/index.js';
import type { AgreementArchive } from '../AgreementArchive.js';
import type { AgreementRecord } from '../records.js';
import type { PgDatabase } from './PgDatabase.js';
import { BUMP_BOARD } from './revision.js';

/** Frozen agreements in PostgreSQL, as the JSON text of their list (json text, not jsonb: it reads back unchanged). */
export class PgAgreementArchive implements AgreementArchive {
  constructor(private readonly db: PgDatabase) {}

  async freeze(boardId: string, frozenAt: number, build: (version: number) => PriorityList): Promise<{ version: number; frozenAt: number }> {
    return this.db.transaction(async (tx) => {
      // The revision bump's row lock orders instances freezing the same board; the primary key (board, version) backs it.
      await tx.query(BUMP_BOARD, [boardId]);
      const { rows } = await tx.query<{ version: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM agreements WHERE board_id = $1', [boardId]);
      const version = rows[0].version;
      await tx.query('INSERT INTO agreements (board_id, version, frozen_at, data) VALUES ($1, $2, $3, $4)', [boardId, version, frozenAt, JSON.stringify(build(version))]);
      return { version, frozenAt };
    });
  }

  async list(boardId: string): Promise<AgreementRecord[]> {
    const { rows } = await this.db.query<Omit<AgreementRecord, 'list'> & { data: string }>(
      'SELECT board_id AS "boardId", version, frozen_at AS "frozenAt", data FROM agreements WHERE board_id = $1 ORDER BY version',
      [boardId],
    );
    return rows.map(({ data, ...row }) => ({ ...row, list: JSON.parse(data) as PriorityList }));
  }
}
