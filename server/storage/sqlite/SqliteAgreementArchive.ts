import type Database from 'better-sqlite3';
import type { PriorityList } from '../../../shared/export/index.js';
import type { AgreementArchive } from '../AgreementArchive.js';
import type { AgreementRecord } from '../records.js';
import { revisionBumps } from './revision.js';

/** Frozen agreements in SQLite, stored as the JSON text of their list so that it reads back unchanged. */
export class SqliteAgreementArchive implements AgreementArchive {
  private readonly stmt;
  private readonly bump;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    this.stmt = {
      nextVersion: db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM agreements WHERE board_id = ?'),
      insert: db.prepare('INSERT INTO agreements (board_id, version, frozen_at, data) VALUES (?, ?, ?, ?)'),
      list: db.prepare('SELECT board_id AS boardId, version, frozen_at AS frozenAt, data FROM agreements WHERE board_id = ? ORDER BY version'),
    };
  }

  async freeze(boardId: string, frozenAt: number, build: (version: number) => PriorityList): Promise<{ version: number; frozenAt: number }> {
    return this.db.transaction(() => {
      this.bump.ofBoard.run(boardId);
      const { version } = this.stmt.nextVersion.get(boardId) as { version: number };
      this.stmt.insert.run(boardId, version, frozenAt, JSON.stringify(build(version)));
      return { version, frozenAt };
    })();
  }

  async list(boardId: string): Promise<AgreementRecord[]> {
    const rows = this.stmt.list.all(boardId) as Array<Omit<AgreementRecord, 'list'> & { data: string }>;
    return rows.map(({ data, ...row }) => ({ ...row, list: JSON.parse(data) as PriorityList }));
  }
}
