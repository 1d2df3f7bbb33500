import type Database from 'better-sqlite3';
import type { RegisterItem, RegisterItemState, RegisterLogEntry, RegisterStatus } from '../../../shared/register.js';
import type { FollowUpRecord, NewRegister, RegisterItemChange, RegisterLinkRecord, RegisterStore, StoredRegister } from '../RegisterStore.js';
import { revisionBumps } from './revision.js';
import { registerItemRow, registerItemsOf, statusCountsOf, type RegisterItemRow, type RegisterLogRow, type StatusCountRow } from '../registerRows.js';

/** The follow-through register in SQLite: one row per register, item and log entry; links by their hash. */
export class SqliteRegisterStore implements RegisterStore {
  private readonly stmt;
  private readonly bump;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    this.stmt = {
      insertRegister: db.prepare('INSERT INTO registers (board_id, from_version, frozen_at, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (board_id) DO NOTHING'),
      insertItem: db.prepare('INSERT INTO register_items (board_id, item_id, position, state, source) VALUES (?, ?, ?, ?, ?)'),
      getRegister: db.prepare('SELECT from_version AS fromVersion, frozen_at AS frozenAt, created_at AS createdAt FROM registers WHERE board_id = ?'),
      items: db.prepare('SELECT item_id AS itemId, position, state, source FROM register_items WHERE board_id = ? ORDER BY position'),
      item: db.prepare('SELECT item_id AS itemId, position, state, source FROM register_items WHERE board_id = ? AND item_id = ?'),
      log: db.prepare('SELECT item_id AS itemId, entry FROM register_log WHERE board_id = ? ORDER BY seq'),
      statusCounts: db.prepare(
        "SELECT json_extract(i.state, '$.status') AS status, COUNT(i.item_id) AS count FROM registers r LEFT JOIN register_items i ON i.board_id = r.board_id WHERE r.board_id = ? GROUP BY 1",
      ),
      logged: db.prepare('SELECT COALESCE(MAX(seq), 0) AS logged FROM register_log WHERE board_id = ?'),
      itemLog: db.prepare('SELECT item_id AS itemId, entry FROM register_log WHERE board_id = ? AND item_id = ? ORDER BY seq'),
      setState: db.prepare('UPDATE register_items SET state = ? WHERE board_id = ? AND item_id = ?'),
      appendLog: db.prepare(
        'INSERT INTO register_log (board_id, item_id, seq, entry) SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ? FROM register_log WHERE board_id = ?',
      ),
      addLink: db.prepare(
        'INSERT INTO register_links (hash, board_id, kind, owner, created_at) SELECT ?, ?, ?, ?, ? WHERE (SELECT COUNT(*) FROM register_links WHERE board_id = ?) < ?',
      ),
      findLink: db.prepare('SELECT board_id AS boardId, kind, owner FROM register_links WHERE hash = ?'),
      listLinks: db.prepare('SELECT hash, board_id AS boardId, kind, owner, created_at AS createdAt FROM register_links WHERE board_id = ? ORDER BY rowid'),
      removeLink: db.prepare('DELETE FROM register_links WHERE board_id = ? AND hash = ?'),
      followUpOf: db.prepare('SELECT board_id AS boardId, source_board_id AS sourceBoardId, granted_by AS grantedBy FROM follow_ups WHERE board_id = ?'),
      followUpsOf: db.prepare('SELECT board_id AS boardId FROM follow_ups WHERE source_board_id = ? ORDER BY board_id'),
    };
  }

  async create(boardId: string, register: NewRegister): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.stmt.insertRegister.run(boardId, register.fromVersion, register.frozenAt, register.createdAt).changes === 0) return false;
      for (const item of register.items) this.stmt.insertItem.run(...registerItemRow(boardId, item));
      return true;
    })();
  }

  async read(boardId: string): Promise<StoredRegister | null> {
    return this.db.transaction(() => {
      const head = this.stmt.getRegister.get(boardId) as Omit<StoredRegister, 'items'> | undefined;
      if (!head) return null;
      const items = registerItemsOf(this.stmt.items.all(boardId) as RegisterItemRow[], this.stmt.log.all(boardId) as RegisterLogRow[]);
      return { ...head, items };
    })();
  }

  async statusCounts(boardId: string): Promise<Record<RegisterStatus, number> | null> {
    return statusCountsOf(this.stmt.statusCounts.all(boardId) as StatusCountRow[]);
  }

  async update(boardId: string, itemId: string, change: RegisterItemChange): Promise<RegisterItem | undefined> {
    return this.db.transaction(() => {
      const row = this.stmt.item.get(boardId, itemId) as RegisterItemRow | undefined;
      if (!row) return undefined;
      const { logged } = this.stmt.logged.get(boardId) as { logged: number };
      const changed = change(JSON.parse(row.state) as RegisterItemState, logged);
      if (changed) {
        this.stmt.setState.run(JSON.stringify(changed.next), boardId, itemId);
        this.stmt.appendLog.run(boardId, itemId, JSON.stringify(changed.entry satisfies RegisterLogEntry), boardId);
        this.bump.ofFollowUps.run(boardId);
      }
      const state = changed ? JSON.stringify(changed.next) : row.state;
      return registerItemsOf([{ ...row, state }], this.stmt.itemLog.all(boardId, itemId) as RegisterLogRow[])[0];
    })();
  }

  async addLink(hash: string, link: RegisterLinkRecord, createdAt: number, cap: number): Promise<boolean> {
    return this.stmt.addLink.run(hash, link.boardId, link.kind, link.owner, createdAt, link.boardId, cap).changes === 1;
  }

  async findLink(hash: string): Promise<RegisterLinkRecord | undefined> {
    return this.stmt.findLink.get(hash) as RegisterLinkRecord | undefined;
  }

  async listLinks(boardId: string): Promise<Array<RegisterLinkRecord & { hash: string; createdAt: number }>> {
    return this.stmt.listLinks.all(boardId) as Array<RegisterLinkRecord & { hash: string; createdAt: number }>;
  }

  async removeLink(boardId: string, hash: string): Promise<boolean> {
    return this.stmt.removeLink.run(boardId, hash).changes === 1;
  }

  async followUpOf(boardId: string): Promise<FollowUpRecord | undefined> {
    return this.stmt.followUpOf.get(boardId) as FollowUpRecord | undefined;
  }

  async followUpsOf(sourceBoardId: string): Promise<string[]> {
    return (this.stmt.followUpsOf.all(sourceBoardId) as Array<{ boardId: string }>).map((row) => row.boardId);
  }
}
