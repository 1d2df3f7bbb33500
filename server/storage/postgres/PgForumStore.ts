import { FORUM_LIMITS } from '../../../shared/forum.js';
import type { AddWorkshopResult, ForumLinkRecord, ForumStore, StoredForum } from '../ForumStore.js';
import type { PgDatabase } from './PgDatabase.js';

/** Forums in PostgreSQL; adding a workshop locks the forum's row, so two instances adding the last one take turns. */
export class PgForumStore implements ForumStore {
  constructor(private readonly db: PgDatabase) {}

  async create(forum: Omit<StoredForum, 'boardIds'>, boardId: string, facilitatorHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO forums (id, name, created_at) VALUES ($1, $2, $3)', [forum.id, forum.name, forum.createdAt]);
      const { rowCount } = await tx.query('INSERT INTO forum_workshops (board_id, forum_id) VALUES ($1, $2) ON CONFLICT (board_id) DO NOTHING', [boardId, forum.id]);
      if (rowCount === 0) {
        await tx.query('DELETE FROM forums WHERE id = $1', [forum.id]);
        return false;
      }
      await tx.query("INSERT INTO forum_links (hash, forum_id, kind, created_at) VALUES ($1, $2, 'facilitator', $3)", [facilitatorHash, forum.id, forum.createdAt]);
      return true;
    });
  }

  async read(forumId: string): Promise<StoredForum | undefined> {
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<Omit<StoredForum, 'boardIds'>>('SELECT id, name, created_at AS "createdAt" FROM forums WHERE id = $1', [forumId]);
      if (!rows[0]) return undefined;
      const workshops = await tx.query<{ boardId: string }>(
        'SELECT w.board_id AS "boardId" FROM forum_workshops w JOIN boards b ON b.id = w.board_id WHERE w.forum_id = $1 ORDER BY b.created_at, b.id',
        [forumId],
      );
      return { ...rows[0], boardIds: workshops.rows.map((w) => w.boardId) };
    }, 'REPEATABLE READ');
  }

  async forumOf(boardId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ forumId: string }>('SELECT forum_id AS "forumId" FROM forum_workshops WHERE board_id = $1', [boardId]);
    return rows[0]?.forumId;
  }

  async rename(forumId: string, name: string): Promise<boolean> {
    const { rowCount } = await this.db.query('UPDATE forums SET name = $1 WHERE id = $2', [name, forumId]);
    return rowCount === 1;
  }

  async addWorkshop(forumId: string, boardId: string): Promise<AddWorkshopResult> {
    return this.db.transaction(async (tx): Promise<AddWorkshopResult> => {
      const forum = await tx.query('SELECT 1 FROM forums WHERE id = $1 FOR UPDATE', [forumId]);
      if (forum.rowCount === 0) return 'unknown-forum';
      const { rowCount } = await tx.query(
        'INSERT INTO forum_workshops (board_id, forum_id) SELECT $1, $2 WHERE (SELECT COUNT(*) FROM forum_workshops WHERE forum_id = $2) < $3 ON CONFLICT (board_id) DO NOTHING',
        [boardId, forumId, FORUM_LIMITS.maxWorkshops],
      );
      if (rowCount === 1) return 'added';
      const member = await tx.query('SELECT 1 FROM forum_workshops WHERE board_id = $1', [boardId]);
      return member.rowCount === 1 ? 'in-a-forum' : 'full';
    });
  }

  async removeWorkshop(forumId: string, boardId: string): Promise<boolean> {
    const { rowCount } = await this.db.query('DELETE FROM forum_workshops WHERE forum_id = $1 AND board_id = $2', [forumId, boardId]);
    return rowCount === 1;
  }

  async addReadLink(forumId: string, hash: string, createdAt: number, cap: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM forums WHERE id = $1 FOR UPDATE', [forumId]);
      const { rowCount } = await tx.query(
        "INSERT INTO forum_links (hash, forum_id, kind, created_at) SELECT $1, $2, 'read', $3 WHERE (SELECT COUNT(*) FROM forum_links WHERE forum_id = $2 AND kind = 'read') < $4",
        [hash, forumId, createdAt, cap],
      );
      return rowCount === 1;
    });
  }

  async findLink(hash: string): Promise<ForumLinkRecord | undefined> {
    const { rows } = await this.db.query<ForumLinkRecord>('SELECT forum_id AS "forumId", kind FROM forum_links WHERE hash = $1', [hash]);
    return rows[0];
  }

  async listReadLinks(forumId: string): Promise<Array<{ hash: string; createdAt: number }>> {
    const { rows } = await this.db.query<{ hash: string; createdAt: number }>(
      "SELECT hash, created_at AS \"createdAt\" FROM forum_links WHERE forum_id = $1 AND kind = 'read' ORDER BY created_at, hash",
      [forumId],
    );
    return rows;
  }

  async removeReadLink(forumId: string, hash: string): Promise<boolean> {
    const { rowCount } = await this.db.query("DELETE FROM forum_links WHERE forum_id = $1 AND hash = $2 AND kind = 'read'", [forumId, hash]);
    return rowCount === 1;
  }
}
