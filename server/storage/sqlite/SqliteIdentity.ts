import type Database from 'better-sqlite3';
import type { Identity } from '../Identity.js';
import type { BoardRecord, BoardState, LinkRecord, NewToken, ParticipantRecord, TokenRecord } from '../records.js';
import type { FollowUpGrant } from '../RegisterStore.js';
import { revisionBumps } from './revision.js';
import { MINTED_THROUGH } from '../linkLineage.js';
import { boardTables } from './SqliteDatabase.js';

export const PARTICIPANT_COLUMNS = 'id, board_id AS boardId, name, organisation, group_id AS "group", joined_at AS joinedAt, language, waiting_since AS waitingSince';

/** Boards, tokens, people and activity in SQLite; each method runs whole before it yields. */
export class SqliteIdentity implements Identity {
  private readonly stmt;
  private readonly bump;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    this.stmt = {
      insertBoard: db.prepare('INSERT INTO boards (id, title, join_code, created_at) VALUES (?, ?, ?, ?)'),
      insertState: db.prepare('INSERT INTO board_state (board_id, version, state) VALUES (?, 1, ?)'),
      countFollowUps: db.prepare('SELECT COUNT(*) AS n FROM follow_ups WHERE source_board_id = ?'),
      insertFollowUp: db.prepare('INSERT INTO follow_ups (board_id, source_board_id, granted_by) VALUES (?, ?, ?)'),
      codeTaken: db.prepare('SELECT 1 FROM boards WHERE join_code = ?'),
      setJoinCode: db.prepare('UPDATE boards SET join_code = ? WHERE id = ?'),
      getBoard: db.prepare('SELECT id, title, join_code AS joinCode, created_at AS createdAt FROM boards WHERE id = ?'),
      boardByCode: db.prepare('SELECT id, title, join_code AS joinCode, created_at AS createdAt FROM boards WHERE join_code = ?'),
      insertToken: db.prepare('INSERT INTO tokens (hash, board_id, role, participant_id) VALUES (?, ?, ?, ?)'),
      findToken: db.prepare('SELECT board_id AS boardId, role, participant_id AS participantId FROM tokens WHERE hash = ?'),
      listTokenHashes: db.prepare('SELECT hash FROM tokens WHERE board_id = ?').pluck(),
      insertLinkName: db.prepare('INSERT INTO link_names (hash, board_id, name, created_at, minted_by) VALUES (?, ?, ?, ?, ?)'),
      listLinks: db.prepare(
        `SELECT substr(t.hash, 1, 16) AS id, t.role, COALESCE(l.name, '') AS name, COALESCE(l.created_at, b.created_at) AS createdAt
         FROM tokens t JOIN boards b ON b.id = t.board_id LEFT JOIN link_names l ON l.hash = t.hash
         WHERE t.board_id = ? AND (t.role IN ('observer', 'projector') OR (t.role = 'facilitator' AND l.hash IS NOT NULL))
         ORDER BY createdAt, t.rowid`,
      ),
      linkName: db.prepare('SELECT name FROM link_names WHERE hash = ?'),
      countLinks: db.prepare('SELECT count(*) AS n FROM link_names WHERE board_id = ?'),
      linkHash: db.prepare('SELECT hash FROM tokens WHERE board_id = ? AND substr(hash, 1, 16) = ?'),
      mintedThrough: db.prepare(MINTED_THROUGH.replace('$1', '?')).pluck(),
      deleteToken: db.prepare('DELETE FROM tokens WHERE hash = ?'),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, board_id, name, organisation, group_id, joined_at, language, waiting_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      getParticipant: db.prepare(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = ?`),
      listParticipants: db.prepare(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE board_id = ? ORDER BY joined_at, rowid`),
      countParticipants: db.prepare('SELECT count(*) AS n FROM participants WHERE board_id = ?'),
      countAdmitted: db.prepare('SELECT count(*) AS n FROM participants WHERE board_id = ? AND waiting_since IS NULL'),
      updateParticipant: db.prepare('UPDATE participants SET name = ?, organisation = ?, group_id = ? WHERE id = ? AND board_id = ?'),
      admit: db.prepare('UPDATE participants SET waiting_since = NULL WHERE board_id = ? AND id = ? AND waiting_since IS NOT NULL'),
      deleteBallotsOf: db.prepare('DELETE FROM ballots WHERE participant_id = ?'),
      deleteRollOf: db.prepare('DELETE FROM round_voters WHERE participant_id = ?'),
      deleteTokensOf: db.prepare('DELETE FROM tokens WHERE board_id = ? AND participant_id = ?'),
      deleteParticipant: db.prepare('DELETE FROM participants WHERE board_id = ? AND id = ?'),
      touch: db.prepare(
        `INSERT INTO board_activity (board_id, last_active_at) SELECT id, ? FROM boards WHERE id = ?
         ON CONFLICT (board_id) DO UPDATE SET last_active_at = max(last_active_at, excluded.last_active_at)`,
      ),
      lastActivity: db.prepare(
        'SELECT COALESCE(a.last_active_at, b.created_at) AS at FROM boards b LEFT JOIN board_activity a ON a.board_id = b.id WHERE b.id = ?',
      ),
      idle: db.prepare('SELECT b.id FROM boards b LEFT JOIN board_activity a ON a.board_id = b.id WHERE COALESCE(a.last_active_at, b.created_at) < ?'),
      deleteBallotsOfBoard: db.prepare('DELETE FROM ballots WHERE round_id IN (SELECT id FROM rounds WHERE board_id = ?)'),
      deleteBoard: db.prepare('DELETE FROM boards WHERE id = ?'),
    };
  }

  async createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState): Promise<string>;
  async createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState, followUp: FollowUpGrant): Promise<string | null>;
  async createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState, followUp?: FollowUpGrant): Promise<string | null> {
    return this.db.transaction(() => {
      if (followUp && (this.stmt.countFollowUps.get(followUp.sourceBoardId) as { n: number }).n >= followUp.cap) return null;
      const joinCode = this.unusedCode(drawJoinCode);
      this.stmt.insertBoard.run(board.id, board.title, joinCode, board.createdAt);
      this.stmt.insertState.run(board.id, JSON.stringify(state));
      for (const t of tokens) this.stmt.insertToken.run(t.hash, t.boardId, t.role, t.participantId);
      if (followUp) this.stmt.insertFollowUp.run(board.id, followUp.sourceBoardId, followUp.grantedBy);
      return joinCode;
    })();
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    return this.stmt.getBoard.get(id) as BoardRecord | undefined;
  }

  async findBoardByJoinCode(code: string): Promise<BoardRecord | undefined> {
    return this.stmt.boardByCode.get(code) as BoardRecord | undefined;
  }

  async rotateJoinCode(boardId: string, drawJoinCode: () => string): Promise<string> {
    const joinCode = this.unusedCode(drawJoinCode);
    this.stmt.setJoinCode.run(joinCode, boardId);
    return joinCode;
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    return this.stmt.findToken.get(hash) as TokenRecord | undefined;
  }

  async listTokenHashes(boardId: string): Promise<string[]> {
    return this.stmt.listTokenHashes.all(boardId) as string[];
  }

  async addToken(t: NewToken): Promise<void> {
    this.stmt.insertToken.run(t.hash, t.boardId, t.role, t.participantId);
  }

  async addNamedLink(t: NewToken, name: string, createdAt: number, mintedBy: string | null, maxPerBoard: number): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.stmt.countLinks.get(t.boardId) as { n: number }).n >= maxPerBoard) return false;
      this.stmt.insertToken.run(t.hash, t.boardId, t.role, t.participantId);
      this.stmt.insertLinkName.run(t.hash, t.boardId, name, createdAt, mintedBy);
      return true;
    })();
  }

  async listLinks(boardId: string): Promise<LinkRecord[]> {
    return this.stmt.listLinks.all(boardId) as LinkRecord[];
  }

  async linkName(hash: string): Promise<string | null> {
    return (this.stmt.linkName.get(hash) as { name: string } | undefined)?.name ?? null;
  }

  async revokeLink(boardId: string, linkId: string): Promise<string[] | null> {
    return this.db.transaction(() => {
      if (!(this.stmt.listLinks.all(boardId) as LinkRecord[]).some((l) => l.id === linkId)) return null;
      const { hash } = this.stmt.linkHash.get(boardId, linkId) as { hash: string };
      const hashes = this.stmt.mintedThrough.all(hash) as string[];
      for (const doomed of hashes) this.stmt.deleteToken.run(doomed);
      return hashes;
    })();
  }

  async addParticipant(p: ParticipantRecord, tokenHash: string, maxPerBoard: number): Promise<boolean> {
    return this.db.transaction(() => {
      if ((this.stmt.countParticipants.get(p.boardId) as { n: number }).n >= maxPerBoard) return false;
      this.bump.ofPeople.run(p.boardId);
      this.stmt.insertParticipant.run(p.id, p.boardId, p.name, p.organisation, p.group, p.joinedAt, p.language, p.waitingSince ?? null);
      this.stmt.insertToken.run(tokenHash, p.boardId, 'participant', p.id);
      return true;
    })();
  }

  async getParticipant(id: string): Promise<ParticipantRecord | undefined> {
    return this.stmt.getParticipant.get(id) as ParticipantRecord | undefined;
  }

  async listParticipants(boardId: string): Promise<ParticipantRecord[]> {
    return this.stmt.listParticipants.all(boardId) as ParticipantRecord[];
  }

  async countAdmittedParticipants(boardId: string): Promise<number> {
    return (this.stmt.countAdmitted.get(boardId) as { n: number }).n;
  }

  async updateParticipant(p: ParticipantRecord): Promise<void> {
    this.db.transaction(() => {
      this.bump.ofPeople.run(p.boardId);
      this.stmt.updateParticipant.run(p.name, p.organisation, p.group, p.id, p.boardId);
    })();
  }

  async admitParticipant(boardId: string, participantId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const admitted = this.stmt.admit.run(boardId, participantId).changes > 0;
      if (admitted) this.bump.ofPeople.run(boardId);
      return admitted;
    })();
  }

  async removeParticipant(boardId: string, participantId: string): Promise<void> {
    this.db.transaction(() => {
      this.bump.ofPeople.run(boardId);
      this.stmt.deleteBallotsOf.run(participantId);
      this.stmt.deleteRollOf.run(participantId);
      this.stmt.deleteTokensOf.run(boardId, participantId);
      this.stmt.deleteParticipant.run(boardId, participantId);
    })();
  }

  async touchBoard(boardId: string, at: number): Promise<void> {
    this.stmt.touch.run(at, boardId);
  }

  async lastActivity(boardId: string): Promise<number | undefined> {
    return (this.stmt.lastActivity.get(boardId) as { at: number } | undefined)?.at;
  }

  async listIdleBoards(before: number): Promise<string[]> {
    return (this.stmt.idle.all(before) as Array<{ id: string }>).map((r) => r.id);
  }

  async deleteBoard(boardId: string): Promise<void> {
    // Every table with a board_id column, read at the time of deletion, so a table added later is covered
    // without touching this method; ballots hang off rounds, and the boards row goes last.
    const tables = boardTables(this.db);
    this.db.transaction(() => {
      // References between a board's own rows are checked at commit, when all of them are gone.
      this.db.pragma('defer_foreign_keys = ON');
      this.stmt.deleteBallotsOfBoard.run(boardId);
      for (const table of tables) this.db.prepare(`DELETE FROM "${table}" WHERE board_id = ?`).run(boardId);
      this.stmt.deleteBoard.run(boardId);
      this.bump.ofFollowUps.run(boardId);
    })();
  }

  /** One process owns the file, so a code found unused here is still unused when it is written. */
  private unusedCode(drawJoinCode: () => string): string {
    let code = drawJoinCode();
    while (this.stmt.codeTaken.get(code)) code = drawJoinCode();
    return code;
  }
}
