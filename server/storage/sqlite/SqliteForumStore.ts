import type Database from 'better-sqlite3';
import { FORUM_LIMITS } from '../../../shared/forum.js';
import type { AddWorkshopResult, ForumLinkRecord, ForumStore, StoredForum } from '../ForumStore.js';

/** Forums in SQLite: one row per forum, per member workshop (keyed by its board, so it is in one forum) and per link. */
export class SqliteForumStore implements ForumStore {
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.stmt = {
      insertForum: db.prepare('INSERT INTO forums (id, name, created_at) VALUES (?, ?, ?)'),
      insertLink: db.prepare('INSERT INTO forum_links (hash, forum_id, kind, created_at) VALUES (?, ?, ?, ?)'),
      getForum: db.prepare('SELECT id, name, created_at AS createdAt FROM forums WHERE id = ?'),
      workshops: db.prepare('SELECT w.board_id AS boardId FROM forum_workshops w JOIN boards b ON b.id = w.board_id WHERE w.forum_id = ? ORDER BY b.created_at, b.rowid'),
      forumOf: db.prepare('SELECT forum_id AS forumId FROM forum_workshops WHERE board_id = ?'),
      rename: db.prepare('UPDATE forums SET name = ? WHERE id = ?'),
      addWorkshop: db.prepare(
        'INSERT INTO forum_workshops (board_id, forum_id) SELECT ?, ? WHERE (SELECT COUNT(*) FROM forum_workshops WHERE forum_id = ?) < ? ON CONFLICT (board_id) DO NOTHING',
      ),
      removeWorkshop: db.prepare('DELETE FROM forum_workshops WHERE forum_id = ? AND board_id = ?'),
      addReadLink: db.prepare(
        "INSERT INTO forum_links (hash, forum_id, kind, created_at) SELECT ?, ?, 'read', ? WHERE (SELECT COUNT(*) FROM forum_links WHERE forum_id = ? AND kind = 'read') < ?",
      ),
      findLink: db.prepare('SELECT forum_id AS forumId, kind FROM forum_links WHERE hash = ?'),
      listReadLinks: db.prepare("SELECT hash, created_at AS createdAt FROM forum_links WHERE forum_id = ? AND kind = 'read' ORDER BY rowid"),
      removeReadLink: db.prepare("DELETE FROM forum_links WHERE forum_id = ? AND hash = ? AND kind = 'read'"),
    };
  }

  async create(forum: Omit<StoredForum, 'boardIds'>, boardId: string, facilitatorHash: string): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.stmt.forumOf.get(boardId)) return false;
      this.stmt.insertForum.run(forum.id, forum.name, forum.createdAt);
      this.stmt.insertLink.run(facilitatorHash, forum.id, 'facilitator', forum.createdAt);
      this.stmt.addWorkshop.run(boardId, forum.id, forum.id, FORUM_LIMITS.maxWorkshops);
      return true;
    })();
  }

  async read(forumId: string): Promise<StoredForum | undefined> {
    return this.db.transaction(() => {
      const forum = this.stmt.getForum.get(forumId) as Omit<StoredForum, 'boardIds'> | undefined;
      if (!forum) return undefined;
      return { ...forum, boardIds: (this.stmt.workshops.all(forumId) as Array<{ boardId: string }>).map((w) => w.boardId) };
    })();
  }

  async forumOf(boardId: string): Promise<string | undefined> {
    return (this.stmt.forumOf.get(boardId) as { forumId: string } | undefined)?.forumId;
  }

  async rename(forumId: string, name: string): Promise<boolean> {
    return this.stmt.rename.run(name, forumId).changes === 1;
  }

  async addWorkshop(forumId: string, boardId: string): Promise<AddWorkshopResult> {
    return this.db.transaction((): AddWorkshopResult => {
      if (!this.stmt.getForum.get(forumId)) return 'unknown-forum';
      if (this.stmt.addWorkshop.run(boardId, forumId, forumId, FORUM_LIMITS.maxWorkshops).changes === 1) return 'added';
      return this.stmt.forumOf.get(boardId) ? 'in-a-forum' : 'full';
    })();
  }

  async removeWorkshop(forumId: string, boardId: string): Promise<boolean> {
    return this.stmt.removeWorkshop.run(forumId, boardId).changes === 1;
  }

  async addReadLink(forumId: string, hash: string, createdAt: number, cap: number): Promise<boolean> {
    return this.stmt.addReadLink.run(hash, forumId, createdAt, forumId, cap).changes === 1;
  }

  async findLink(hash: string): Promise<ForumLinkRecord | undefined> {
    return this.stmt.findLink.get(hash) as ForumLinkRecord | undefined;
  }

  async listReadLinks(forumId: string): Promise<Array<{ hash: string; createdAt: number }>> {
    return this.stmt.listReadLinks.all(forumId) as Array<{ hash: string; createdAt: number }>;
  }

  async removeReadLink(forumId: string, hash: string): Promise<boolean> {
    return this.stmt.removeReadLink.run(forumId, hash).changes === 1;
  }
}
