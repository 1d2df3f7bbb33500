import type { Identity } from '../Identity.js';
import type { BoardRecord, BoardState, LinkRecord, NewToken, ParticipantRecord, TokenRecord } from '../records.js';
import { MINTED_THROUGH } from '../linkLineage.js';
import type { FollowUpGrant } from '../RegisterStore.js';
import { isUniqueViolation, type PgDatabase, type Queryable } from './PgDatabase.js';
import { BUMP_FOLLOW_UPS, BUMP_PEOPLE } from './revision.js';

const BOARD_COLUMNS = 'id, title, join_code AS "joinCode", created_at AS "createdAt"';
export const PARTICIPANT_COLUMNS = 'id, board_id AS "boardId", name, organisation, group_id AS "group", joined_at AS "joinedAt", language, waiting_since AS "waitingSince"';
const TOKEN_INSERT = 'INSERT INTO tokens (hash, board_id, role, participant_id) VALUES ($1, $2, $3, $4)';
const LIST_LINKS = `
  SELECT substr(t.hash, 1, 16) AS id, t.role, COALESCE(l.name, '') AS name, COALESCE(l.created_at, b.created_at) AS "createdAt", t.hash
  FROM tokens t JOIN boards b ON b.id = t.board_id LEFT JOIN link_names l ON l.hash = t.hash
  WHERE t.board_id = $1 AND (t.role IN ('observer', 'projector') OR (t.role = 'facilitator' AND l.hash IS NOT NULL))
  ORDER BY "createdAt", t.added`;

/** Draws before giving up on finding an unused join code: with 308 million codes, never reached in practice. */
const MAX_DRAWS = 50;

/** Boards, tokens, people and activity in PostgreSQL; every check that guards a write is the database's. */
export class PgIdentity implements Identity {
  constructor(private readonly db: PgDatabase) {}

  async createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState): Promise<string>;
  async createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState, followUp: FollowUpGrant): Promise<string | null>;
  async createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState, followUp?: FollowUpGrant): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      if (followUp) {
        // The source's registers row is locked first, so two instances creating its last follow-up at once take turns.
        await tx.query('SELECT 1 FROM registers WHERE board_id = $1 FOR UPDATE', [followUp.sourceBoardId]);
        const { rows } = await tx.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM follow_ups WHERE source_board_id = $1', [followUp.sourceBoardId]);
        if (rows[0]!.n >= followUp.cap) return null;
      }
      for (let draw = 0; draw < MAX_DRAWS; draw++) {
        const joinCode = drawJoinCode();
        // The unique join code decides; a taken code inserts nothing and another is drawn.
        const inserted = await tx.query('INSERT INTO boards (id, title, join_code, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (join_code) DO NOTHING', [
          board.id,
          board.title,
          joinCode,
          board.createdAt,
        ]);
        if (inserted.rowCount === 0) continue;
        await tx.query('INSERT INTO board_state (board_id, version, state) VALUES ($1, 1, $2)', [board.id, JSON.stringify(state)]);
        for (const t of tokens) await insertToken(tx, t);
        if (followUp) {
          await tx.query('INSERT INTO follow_ups (board_id, source_board_id, granted_by) VALUES ($1, $2, $3)', [board.id, followUp.sourceBoardId, followUp.grantedBy]);
        }
        return joinCode;
      }
      throw new Error('no unused join code found');
    });
  }

  async getBoard(id: string): Promise<BoardRecord | undefined> {
    return (await this.db.query<BoardRecord>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id])).rows[0];
  }

  async findBoardByJoinCode(code: string): Promise<BoardRecord | undefined> {
    return (await this.db.query<BoardRecord>(`SELECT ${BOARD_COLUMNS} FROM boards WHERE join_code = $1`, [code])).rows[0];
  }

  async rotateJoinCode(boardId: string, drawJoinCode: () => string): Promise<string> {
    for (let draw = 0; draw < MAX_DRAWS; draw++) {
      const joinCode = drawJoinCode();
      try {
        await this.db.query('UPDATE boards SET join_code = $1 WHERE id = $2', [joinCode, boardId]);
        return joinCode;
      } catch (err) {
        if (!isUniqueViolation(err, 'boards_join_code_key')) throw err;
      }
    }
    throw new Error('no unused join code found');
  }

  async findToken(hash: string): Promise<TokenRecord | undefined> {
    const { rows } = await this.db.query<TokenRecord>('SELECT board_id AS "boardId", role, participant_id AS "participantId" FROM tokens WHERE hash = $1', [hash]);
    return rows[0];
  }

  async listTokenHashes(boardId: string): Promise<string[]> {
    return (await this.db.query<{ hash: string }>('SELECT hash FROM tokens WHERE board_id = $1', [boardId])).rows.map((r) => r.hash);
  }

  async addToken(t: NewToken): Promise<void> {
    await insertToken(this.db, t);
  }

  async addNamedLink(t: NewToken, name: string, createdAt: number, mintedBy: string | null, maxPerBoard: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The board's row lock makes count-then-insert one step for every instance minting links on this board.
      await tx.query('SELECT 1 FROM boards WHERE id = $1 FOR UPDATE', [t.boardId]);
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM link_names WHERE board_id = $1', [t.boardId]);
      if (rows[0].n >= maxPerBoard) return false;
      await insertToken(tx, t);
      await tx.query('INSERT INTO link_names (hash, board_id, name, created_at, minted_by) VALUES ($1, $2, $3, $4, $5)', [
        t.hash,
        t.boardId,
        name,
        createdAt,
        mintedBy,
      ]);
      return true;
    });
  }

  async listLinks(boardId: string): Promise<LinkRecord[]> {
    const { rows } = await this.db.query<LinkRecord & { hash: string }>(LIST_LINKS, [boardId]);
    return rows.map(({ hash: _hash, ...link }) => link);
  }

  async linkName(hash: string): Promise<string | null> {
    return (await this.db.query<{ name: string }>('SELECT name FROM link_names WHERE hash = $1', [hash])).rows[0]?.name ?? null;
  }

  async revokeLink(boardId: string, linkId: string): Promise<string[] | null> {
    return this.db.transaction(async (tx) => {
      const link = (await tx.query<LinkRecord & { hash: string }>(LIST_LINKS, [boardId])).rows.find((l) => l.id === linkId);
      if (!link) return null;
      const hashes = (await tx.query<{ hash: string }>(MINTED_THROUGH, [link.hash])).rows.map((r) => r.hash);
      await tx.query('DELETE FROM link_names WHERE hash = ANY($1)', [hashes]);
      await tx.query('DELETE FROM tokens WHERE hash = ANY($1)', [hashes]);
      return hashes;
    });
  }

  async addParticipant(p: ParticipantRecord, tokenHash: string, maxPerBoard: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The revision bump's row lock makes count-then-insert one step for every instance joining people to this board.
      const board = await tx.query(BUMP_PEOPLE, [p.boardId]);
      if (board.rowCount === 0) return false;
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE board_id = $1', [p.boardId]);
      if (rows[0].n >= maxPerBoard) return false;
      await tx.query(
        'INSERT INTO participants (id, board_id, name, organisation, group_id, joined_at, language, waiting_since) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [p.id, p.boardId, p.name, p.organisation, p.group, p.joinedAt, p.language, p.waitingSince ?? null],
      );
      await insertToken(tx, { hash: tokenHash, boardId: p.boardId, role: 'participant', participantId: p.id });
      return true;
    });
  }

  async getParticipant(id: string): Promise<ParticipantRecord | undefined> {
    return (await this.db.query<ParticipantRecord>(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE id = $1`, [id])).rows[0];
  }

  async listParticipants(boardId: string): Promise<ParticipantRecord[]> {
    return (await this.db.query<ParticipantRecord>(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE board_id = $1 ORDER BY joined_at, added`, [boardId])).rows;
  }

  async countAdmittedParticipants(boardId: string): Promise<number> {
    return (await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE board_id = $1 AND waiting_since IS NULL', [boardId])).rows[0].n;
  }

  async updateParticipant(p: ParticipantRecord): Promise<void> {
    await this.db.query(`WITH bump AS (${BUMP_PEOPLE.replace('$1', '$5')}) UPDATE participants SET name = $1, organisation = $2, group_id = $3 FROM bump WHERE id = $4 AND board_id = $5`, [
      p.name,
      p.organisation,
      p.group,
      p.id,
      p.boardId,
    ]);
  }

  async admitParticipant(boardId: string, participantId: string): Promise<boolean> {
    const { rowCount } = await this.db.query(
      `WITH bump AS (${BUMP_PEOPLE}) UPDATE participants SET waiting_since = NULL FROM bump WHERE board_id = $1 AND id = $2 AND waiting_since IS NOT NULL`,
      [boardId, participantId],
    );
    return (rowCount ?? 0) > 0;
  }

  async removeParticipant(boardId: string, participantId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(BUMP_PEOPLE, [boardId]);
      await tx.query('DELETE FROM ballots WHERE participant_id = $1', [participantId]);
      await tx.query('DELETE FROM round_voters WHERE participant_id = $1', [participantId]);
      await tx.query('DELETE FROM tokens WHERE board_id = $1 AND participant_id = $2', [boardId, participantId]);
      await tx.query('DELETE FROM participants WHERE board_id = $1 AND id = $2', [boardId, participantId]);
    });
  }

  async touchBoard(boardId: string, at: number): Promise<void> {
    await this.db.query(
      `INSERT INTO board_activity (board_id, last_active_at) SELECT id, $1 FROM boards WHERE id = $2
       ON CONFLICT (board_id) DO UPDATE SET last_active_at = GREATEST(board_activity.last_active_at, excluded.last_active_at)`,
      [at, boardId],
    );
  }

  async lastActivity(boardId: string): Promise<number | undefined> {
    const { rows } = await this.db.query<{ at: number }>(
      'SELECT COALESCE(a.last_active_at, b.created_at) AS at FROM boards b LEFT JOIN board_activity a ON a.board_id = b.id WHERE b.id = $1',
      [boardId],
    );
    return rows[0]?.at;
  }

  async listIdleBoards(before: number): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      'SELECT b.id FROM boards b LEFT JOIN board_activity a ON a.board_id = b.id WHERE COALESCE(a.last_active_at, b.created_at) < $1',
      [before],
    );
    return rows.map((r) => r.id);
  }

  async deleteBoard(boardId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Every table with a board_id column, read from the catalogue, so a table added later is covered without
      // touching this method; ballots hang off rounds; the foreign keys are checked at commit.
      const { rows } = await tx.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'board_id'",
      );
      await tx.query('DELETE FROM ballots WHERE round_id IN (SELECT id FROM rounds WHERE board_id = $1)', [boardId]);
      for (const { table_name } of rows) await tx.query(`DELETE FROM "${table_name}" WHERE board_id = $1`, [boardId]);
      await tx.query('DELETE FROM boards WHERE id = $1', [boardId]);
      await tx.query(BUMP_FOLLOW_UPS, [boardId]);
    });
  }
}

async function insertToken(q: Queryable, t: NewToken): Promise<void> {
  await q.query(TOKEN_INSERT, [t.hash, t.boardId, t.role, t.participantId]);
}
