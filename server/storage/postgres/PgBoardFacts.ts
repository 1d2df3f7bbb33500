import { NO_SEATING, type Seating } from '../../../shared/tables/seating.js';
import type { BoardFacts, FactsAtRevision, People, ShownBefore } from '../BoardFacts.js';
import type { BoardState, BoardStateRecord, ParticipantRecord } from '../records.js';
import { SIGNOFF_COLUMNS } from './PgAgreementArchive.js';
import { ROUND_COLUMNS, toRound, type RoundRow } from './PgBallotBox.js';
import type { PgDatabase } from './PgDatabase.js';
import { PARTICIPANT_COLUMNS } from './PgIdentity.js';
import { BUMP_BOARD, BUMP_FOLLOW_UPS, BUMP_PEOPLE } from './revision.js';
import { SEATING_JSON } from './PgTableSeats.js';

/**
 * Lists read as JSON from sorted subqueries, so one statement (one snapshot, one round trip) reads them all; the
 * participants only when their revision is not $2, the one the caller knows.
 */
const READ_FACTS = `
  SELECT b.revision, b.people_revision AS "peopleRevision",
    (SELECT json_build_object('version', s.version, 'state', s.state) FROM board_state s WHERE s.board_id = $1) AS board,
    CASE WHEN b.people_revision = $2 THEN NULL ELSE
      (SELECT COALESCE(json_agg(p), '[]') FROM (SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE board_id = $1 ORDER BY joined_at, added) p) END AS participants,
    (SELECT COALESCE(json_agg(r), '[]') FROM (SELECT ${ROUND_COLUMNS} FROM rounds WHERE board_id = $1 ORDER BY number) r) AS rounds,
    (SELECT COALESCE(json_agg(v), '[]') FROM (
       SELECT ba.round_id AS "roundId", ba.group_id AS "group", count(*)::int AS voters FROM ballots ba JOIN rounds ro ON ro.id = ba.round_id
       WHERE ro.board_id = $1 AND ro.state <> 'revealed' GROUP BY ba.round_id, ba.group_id) v) AS voters,
    (SELECT COALESCE(json_agg(a), '[]') FROM (SELECT version, frozen_at AS "frozenAt" FROM agreements WHERE board_id = $1 ORDER BY version) a) AS agreements,
    (SELECT COALESCE(json_agg(s), '[]') FROM (SELECT ${SIGNOFF_COLUMNS} FROM signoffs WHERE board_id = $1
       AND version = (SELECT MAX(version) FROM agreements WHERE board_id = $1) ORDER BY seq) s) AS signoffs,
    ${SEATING_JSON.tables} AS tables, ${SEATING_JSON.seats} AS seats, ${SEATING_JSON.wall} AS wall
  FROM boards b WHERE b.id = $1`;

interface FactsRow {
  revision: number;
  peopleRevision: number;
  board: { version: number; state: string } | null;
  participants: ParticipantRecord[] | null;
  rounds: RoundRow[];
  voters: Array<{ roundId: string; group: string; voters: number }>;
  agreements: FactsAtRevision['agreements'];
  signoffs: FactsAtRevision['signoffs'];
  tables: Seating['tables'];
  wall: string | null;
  seats: Seating['seats'];
}

/** The board's state and the one read of all its facts, in PostgreSQL. */
export class PgBoardFacts implements BoardFacts {
  constructor(private readonly db: PgDatabase) {}

  async read(boardId: string, known?: People): Promise<FactsAtRevision> {
    const row = (await this.db.query<FactsRow>(READ_FACTS, [boardId, known?.revision ?? -1])).rows[0];
    if (!row) return { revision: 0, board: undefined, people: { revision: 0, participants: [] }, rounds: [], voters: {}, agreements: [], signoffs: [], seating: NO_SEATING };
    const voters: FactsAtRevision['voters'] = {};
    for (const v of row.voters) (voters[v.roundId] ??= {})[v.group] = v.voters;
    return {
      revision: row.revision,
      board: row.board ? { version: row.board.version, state: JSON.parse(row.board.state) as BoardState } : undefined,
      people: row.participants === null && known ? known : { revision: row.peopleRevision, participants: row.participants ?? [] },
      rounds: row.rounds.map(toRound),
      voters,
      agreements: row.agreements,
      signoffs: row.signoffs,
      seating: { tables: row.tables, seats: row.seats, wall: row.wall },
    };
  }

  async getState(boardId: string): Promise<BoardStateRecord | undefined> {
    const { rows } = await this.db.query<{ version: number; state: string }>('SELECT version, state FROM board_state WHERE board_id = $1', [boardId]);
    return rows[0] && { version: rows[0].version, state: JSON.parse(rows[0].state) as BoardState };
  }

  async adopt(boardId: string, shown: ShownBefore): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(BUMP_PEOPLE, [boardId]);
      const inserted = await tx.query('INSERT INTO board_state (board_id, version, state) VALUES ($1, 1, $2) ON CONFLICT (board_id) DO NOTHING', [
        boardId,
        JSON.stringify(shown.state),
      ]);
      if (inserted.rowCount === 0) return false;
      for (const tally of shown.tallies) {
        await tx.query("UPDATE rounds SET tally = $3 WHERE board_id = $1 AND id = $2 AND state = 'revealed' AND tally IS NULL", [boardId, tally.roundId, JSON.stringify(tally)]);
      }
      for (const [participantId, language] of Object.entries(shown.languages)) {
        await tx.query('UPDATE participants SET language = $3 WHERE board_id = $1 AND id = $2 AND language IS NULL', [boardId, participantId, language]);
      }
      return true;
    });
  }

  async boardsWithoutState(): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM boards WHERE id NOT IN (SELECT board_id FROM board_state) ORDER BY created_at');
    return rows.map((r) => r.id);
  }

  async putState(boardId: string, state: BoardState, expectedVersion: number): Promise<BoardStateRecord | undefined> {
    const { rows } = await this.db.query<{ version: number }>(
      `WITH bump AS (${BUMP_BOARD}), follow_ups_bump AS (${BUMP_FOLLOW_UPS})
       UPDATE board_state SET version = version + 1, state = $2 FROM bump WHERE board_id = $1 AND version = $3 RETURNING version`,
      [boardId, JSON.stringify(state), expectedVersion],
    );
    return rows[0] && { version: rows[0].version, state };
  }
}
