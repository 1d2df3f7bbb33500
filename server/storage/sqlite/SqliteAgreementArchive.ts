import type Database from 'better-sqlite3';
import type { PriorityList } from '../../../shared/export/index.js';
import type { SignoffDecision } from '../../../shared/signoff.js';
import type { AgreementArchive } from '../AgreementArchive.js';
import { inRecordOrder, sealAfter, type RecordContent, type RecordEntry } from '../recordChain.js';
import { withList, type AgreementRecord, type StoredAgreement } from '../records.js';
import { revisionBumps } from './revision.js';

export const SIGNOFF_COLUMNS = `version, participant_id AS participantId, name, organisation, group_id AS "group", decision, reason, signed_at AS signedAt`;

/** Frozen agreements in SQLite, stored as the JSON text of their list so that it reads back unchanged; sign-offs beside them. */
export class SqliteAgreementArchive implements AgreementArchive {
  private readonly stmt;
  private readonly bump;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    this.stmt = {
      nextVersion: db.prepare('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM agreements WHERE board_id = ?'),
      latestVersion: db.prepare('SELECT MAX(version) FROM agreements WHERE board_id = ?').pluck(),
      head: db.prepare(
        `SELECT seq, hash FROM (SELECT record_seq AS seq, hash FROM agreements WHERE board_id = ? UNION ALL SELECT seq, hash FROM signoffs WHERE board_id = ?)
         ORDER BY seq DESC LIMIT 1`,
      ),
      insert: db.prepare('INSERT INTO agreements (board_id, version, frozen_at, data, record_seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      list: db.prepare('SELECT board_id AS boardId, version, frozen_at AS frozenAt, data FROM agreements WHERE board_id = ? ORDER BY version'),
      latest: db.prepare('SELECT board_id AS boardId, version, frozen_at AS frozenAt, data FROM agreements WHERE board_id = ? ORDER BY version DESC LIMIT 1'),
      sign: db.prepare(
        'INSERT INTO signoffs (board_id, seq, version, participant_id, name, organisation, group_id, decision, reason, signed_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      signoffs: db.prepare(`SELECT ${SIGNOFF_COLUMNS} FROM signoffs WHERE board_id = ? ORDER BY seq`),
      versionsRecord: db.prepare(
        "SELECT 'version' AS kind, record_seq AS seq, version, frozen_at AS frozenAt, data, prev_hash AS prevHash, hash FROM agreements WHERE board_id = ?",
      ),
      signoffsRecord: db.prepare(`SELECT 'signoff' AS kind, seq, ${SIGNOFF_COLUMNS}, prev_hash AS prevHash, hash FROM signoffs WHERE board_id = ?`),
    };
  }

  async freeze(boardId: string, frozenAt: number, build: (version: number) => PriorityList): Promise<{ version: number; frozenAt: number }> {
    return this.db.transaction(() => {
      this.bump.ofBoard.run(boardId);
      const { version } = this.stmt.nextVersion.get(boardId) as { version: number };
      const data = JSON.stringify(build(version));
      const [seq, prevHash, hash] = this.sealNext(boardId, (seq) => ({ kind: 'version', seq, version, frozenAt, data }));
      this.stmt.insert.run(boardId, version, frozenAt, data, seq, prevHash, hash);
      return { version, frozenAt };
    })();
  }

  async list(boardId: string): Promise<AgreementRecord[]> {
    const rows = this.stmt.list.all(boardId) as StoredAgreement[];
    return rows.map(withList);
  }

  async latest(boardId: string): Promise<AgreementRecord | undefined> {
    const row = this.stmt.latest.get(boardId) as StoredAgreement | undefined;
    return row && withList(row);
  }

  async sign(boardId: string, d: SignoffDecision): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.stmt.latestVersion.get(boardId) !== d.version) return false;
      this.bump.ofBoard.run(boardId);
      const [seq, prevHash, hash] = this.sealNext(boardId, (seq) => ({ kind: 'signoff', seq, ...d }));
      this.stmt.sign.run(boardId, seq, d.version, d.participantId, d.name, d.organisation, d.group, d.decision, d.reason, d.signedAt, prevHash, hash);
      return true;
    })();
  }

  async signoffs(boardId: string): Promise<SignoffDecision[]> {
    return this.stmt.signoffs.all(boardId) as SignoffDecision[];
  }

  async record(boardId: string): Promise<RecordEntry[]> {
    return inRecordOrder(this.stmt.versionsRecord.all(boardId) as RecordEntry[], this.stmt.signoffsRecord.all(boardId) as RecordEntry[]);
  }

  /** Call inside the write's transaction. */
  private sealNext(boardId: string, content: (seq: number) => RecordContent): [number, string | null, string] {
    return sealAfter(this.stmt.head.get(boardId, boardId) as { seq: number; hash: string | null } | undefined, content);
  }
}
