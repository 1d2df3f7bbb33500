import type { RegisterItem, RegisterItemState, RegisterLogEntry, RegisterStatus } from '../../../shared/register.js';
import type { FollowUpRecord, NewRegister, RegisterItemChange, RegisterLinkRecord, RegisterStore, StoredRegister } from '../RegisterStore.js';
import { registerItemRow, registerItemsOf, statusCountsOf, type RegisterItemRow, type RegisterLogRow, type StatusCountRow } from '../registerRows.js';
import type { PgDatabase } from './PgDatabase.js';
import { BUMP_FOLLOW_UPS } from './revision.js';

const ITEM_COLUMNS = 'item_id AS "itemId", position, state, source';
const LOG_COLUMNS = 'item_id AS "itemId", entry';

/** The follow-through register in PostgreSQL; an update locks its item's row, so updates at once take turns. */
export class PgRegisterStore implements RegisterStore {
  constructor(private readonly db: PgDatabase) {}

  async create(boardId: string, register: NewRegister): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const { rowCount } = await tx.query(
        'INSERT INTO registers (board_id, from_version, frozen_at, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (board_id) DO NOTHING',
        [boardId, register.fromVersion, register.frozenAt, register.createdAt],
      );
      if (rowCount === 0) return false;
      for (const item of register.items) {
        await tx.query('INSERT INTO register_items (board_id, item_id, position, state, source) VALUES ($1, $2, $3, $4, $5)', registerItemRow(boardId, item));
      }
      return true;
    });
  }

  async read(boardId: string): Promise<StoredRegister | null> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Omit<StoredRegister, 'items'>>(
        'SELECT from_version AS "fromVersion", frozen_at AS "frozenAt", created_at AS "createdAt" FROM registers WHERE board_id = $1',
        [boardId],
      );
      if (rows.length === 0) return null;
      const items = await tx.query<RegisterItemRow>(`SELECT ${ITEM_COLUMNS} FROM register_items WHERE board_id = $1 ORDER BY position`, [boardId]);
      const log = await tx.query<RegisterLogRow>(`SELECT ${LOG_COLUMNS} FROM register_log WHERE board_id = $1 ORDER BY seq`, [boardId]);
      return { ...rows[0], items: registerItemsOf(items.rows, log.rows) };
    }, 'REPEATABLE READ');
  }

  async statusCounts(boardId: string): Promise<Record<RegisterStatus, number> | null> {
    const { rows } = await this.db.query<StatusCountRow>(
      "SELECT i.state::jsonb ->> 'status' AS status, COUNT(i.item_id)::int AS count FROM registers r LEFT JOIN register_items i ON i.board_id = r.board_id WHERE r.board_id = $1 GROUP BY 1",
      [boardId],
    );
    return statusCountsOf(rows);
  }

  async update(boardId: string, itemId: string, change: RegisterItemChange): Promise<RegisterItem | undefined> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<RegisterItemRow>(`SELECT ${ITEM_COLUMNS} FROM register_items WHERE board_id = $1 AND item_id = $2 FOR UPDATE`, [boardId, itemId]);
      const row = rows[0];
      if (!row) return undefined;
      // The board's registers row orders log entries of different items written at once, and their count.
      await tx.query('SELECT 1 FROM registers WHERE board_id = $1 FOR UPDATE', [boardId]);
      const count = await tx.query<{ logged: number }>('SELECT COALESCE(MAX(seq), 0) AS logged FROM register_log WHERE board_id = $1', [boardId]);
      const changed = change(JSON.parse(row.state) as RegisterItemState, count.rows[0]!.logged);
      if (changed) {
        await tx.query('UPDATE register_items SET state = $1 WHERE board_id = $2 AND item_id = $3', [JSON.stringify(changed.next), boardId, itemId]);
        await tx.query(
          'INSERT INTO register_log (board_id, item_id, seq, entry) SELECT $1, $2, COALESCE(MAX(seq), 0) + 1, $3 FROM register_log WHERE board_id = $1',
          [boardId, itemId, JSON.stringify(changed.entry satisfies RegisterLogEntry)],
        );
        await tx.query(BUMP_FOLLOW_UPS, [boardId]);
      }
      const log = await tx.query<RegisterLogRow>(`SELECT ${LOG_COLUMNS} FROM register_log WHERE board_id = $1 AND item_id = $2 ORDER BY seq`, [boardId, itemId]);
      return registerItemsOf([{ ...row, state: changed ? JSON.stringify(changed.next) : row.state }], log.rows)[0];
    });
  }

  async addLink(hash: string, link: RegisterLinkRecord, createdAt: number, cap: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The board's row is locked first, so two instances adding the last link at once take turns.
      await tx.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [link.boardId]);
      const { rowCount } = await tx.query(
        'INSERT INTO register_links (hash, board_id, kind, owner, created_at) SELECT $1, $2, $3, $4, $5 WHERE (SELECT COUNT(*) FROM register_links WHERE board_id = $2) < $6',
        [hash, link.boardId, link.kind, link.owner, createdAt, cap],
      );
      return rowCount === 1;
    });
  }

  async findLink(hash: string): Promise<RegisterLinkRecord | undefined> {
    const { rows } = await this.db.query<RegisterLinkRecord>('SELECT board_id AS "boardId", kind, owner FROM register_links WHERE hash = $1', [hash]);
    return rows[0];
  }

  async listLinks(boardId: string): Promise<Array<RegisterLinkRecord & { hash: string; createdAt: number }>> {
    const { rows } = await this.db.query<RegisterLinkRecord & { hash: string; createdAt: number }>(
      'SELECT hash, board_id AS "boardId", kind, owner, created_at AS "createdAt" FROM register_links WHERE board_id = $1 ORDER BY created_at, hash',
      [boardId],
    );
    return rows;
  }

  async removeLink(boardId: string, hash: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM register_links WHERE board_id = $1 AND hash = $2', [boardId, hash]);
    return rowCount === 1;
  }

  async followUpOf(boardId: string): Promise<FollowUpRecord | undefined> {
    const { rows } = await this.db.query<FollowUpRecord>(
      'SELECT board_id AS "boardId", source_board_id AS "sourceBoardId", granted_by AS "grantedBy" FROM follow_ups WHERE board_id = $1',
      [boardId],
    );
    return rows[0];
  }

  async followUpsOf(sourceBoardId: string): Promise<string[]> {
    const { rows } = await this.db.query<{ boardId: string }>('SELECT board_id AS "boardId" FROM follow_ups WHERE source_board_id = $1 ORDER BY board_id', [sourceBoardId]);
    return rows.map((row) => row.boardId);
  }
}
