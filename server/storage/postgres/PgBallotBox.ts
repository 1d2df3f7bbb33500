import type { Tally } from '../../../shared/voting/index.js';
import { roundAlreadyOpen, type BallotBox, type NewRound } from '../BallotBox.js';
import type { BallotRecord, RoundRecord } from '../records.js';
import { isUniqueViolation, type PgDatabase } from './PgDatabase.js';
import { BUMP_BOARD, BUMP_BY_ROUND } from './revision.js';

export const ROUND_COLUMNS =
  'id, board_id AS "boardId", number, state, settings, items, opened_at AS "openedAt", closed_at AS "closedAt", revealed_at AS "revealedAt", tally';
const BALLOT_COLUMNS = 'round_id AS "roundId", participant_id AS "participantId", group_id AS "group", allocations, updated_at AS "updatedAt"';

export type RoundRow = Omit<RoundRecord, 'settings' | 'items' | 'tally'> & { settings: string; items: string; tally: string | null };
type BallotRow = Omit<BallotRecord, 'allocations'> & { allocations: string };

/** Rounds and ballots in PostgreSQL: constraints and single statements decide, so instances cannot race. */
export class PgBallotBox implements BallotBox {
  constructor(private readonly db: PgDatabase) {}

  async openRound(round: NewRound): Promise<RoundRecord> {
    try {
      // One statement, its revision bump first: the bump's row lock also orders two instances opening at once.
      const { rows } = await this.db.query<RoundRow>(
        `WITH bump AS (${BUMP_BOARD.replace('$1', '$2')}),
         opened AS (
           INSERT INTO rounds (id, board_id, number, state, settings, items, opened_at)
           SELECT $1, $2, COALESCE(MAX(number), 0) + 1, 'open', $3, $4, $5 FROM rounds, bump WHERE rounds.board_id = $2
           RETURNING ${ROUND_COLUMNS}
         ),
         roll AS (
           INSERT INTO round_voters (board_id, round_id, participant_id, group_id)
           SELECT p.board_id, opened.id, p.id, p.group_id FROM participants p, opened WHERE p.board_id = $2 AND p.waiting_since IS NULL
         )
         SELECT * FROM opened`,
        [round.id, round.boardId, JSON.stringify(round.settings), JSON.stringify(round.items), round.openedAt],
      );
      return toRound(rows[0]);
    } catch (err) {
      // Two instances opening at once: one insert wins, the other meets the one-open-round index (or the
      // number both drew), and is told what the room would tell it a moment later.
      if (isUniqueViolation(err)) throw roundAlreadyOpen();
      throw err;
    }
  }

  async closeRound(boardId: string, roundId: string, at: number): Promise<RoundRecord | undefined> {
    const { rows } = await this.db.query<RoundRow>(
      `WITH bump AS (${BUMP_BOARD})
       UPDATE rounds SET state = 'closed', closed_at = $3 FROM bump WHERE board_id = $1 AND id = $2 AND state = 'open'
       RETURNING ${ROUND_COLUMNS}`,
      [boardId, roundId, at],
    );
    return rows[0] && toRound(rows[0]);
  }

  async revealRound(boardId: string, roundId: string, at: number, tally: Tally): Promise<RoundRecord | undefined> {
    const { rows } = await this.db.query<RoundRow>(
      `WITH bump AS (${BUMP_BOARD})
       UPDATE rounds SET state = 'revealed', closed_at = COALESCE(closed_at, $3), revealed_at = $3, tally = $4
       FROM bump WHERE board_id = $1 AND id = $2 AND state <> 'revealed'
       RETURNING ${ROUND_COLUMNS}`,
      [boardId, roundId, at, JSON.stringify(tally)],
    );
    return rows[0] && toRound(rows[0]);
  }

  async getRound(boardId: string, roundId: string): Promise<RoundRecord | undefined> {
    const { rows } = await this.db.query<RoundRow>(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE board_id = $1 AND id = $2`, [boardId, roundId]);
    return rows[0] && toRound(rows[0]);
  }

  async listRounds(boardId: string): Promise<RoundRecord[]> {
    return (await this.db.query<RoundRow>(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE board_id = $1 ORDER BY number`, [boardId])).rows.map(toRound);
  }

  async putBallot(b: BallotRecord): Promise<boolean> {
    // xmax is 0 on a row this statement inserted, and set on one it updated: "first ballot" in the same step.
    const { rows } = await this.db.query<{ first: boolean }>(
      `WITH bump AS (${BUMP_BY_ROUND})
       INSERT INTO ballots (round_id, participant_id, group_id, allocations, updated_at) SELECT $1, $2, $3, $4, $5 FROM bump
       ON CONFLICT (round_id, participant_id) DO UPDATE SET allocations = excluded.allocations, updated_at = excluded.updated_at
       RETURNING (xmax = 0) AS first`,
      [b.roundId, b.participantId, b.group, JSON.stringify(b.allocations), b.updatedAt],
    );
    // No row: the round does not exist (its ballot cannot either).
    if (rows.length === 0) throw new Error(`no round ${b.roundId}`);
    return rows[0].first;
  }

  async getBallot(roundId: string, participantId: string): Promise<BallotRecord | undefined> {
    const { rows } = await this.db.query<BallotRow>(`SELECT ${BALLOT_COLUMNS} FROM ballots WHERE round_id = $1 AND participant_id = $2`, [roundId, participantId]);
    return rows[0] && toBallot(rows[0]);
  }

  async listBallots(roundId: string): Promise<BallotRecord[]> {
    return (await this.db.query<BallotRow>(`SELECT ${BALLOT_COLUMNS} FROM ballots WHERE round_id = $1 ORDER BY participant_id`, [roundId])).rows.map(toBallot);
  }

  async listBallotsOf(participantId: string): Promise<BallotRecord[]> {
    return (await this.db.query<BallotRow>(`SELECT ${BALLOT_COLUMNS} FROM ballots WHERE participant_id = $1 ORDER BY round_id`, [participantId])).rows.map(toBallot);
  }

  async deleteBallot(roundId: string, participantId: string): Promise<void> {
    await this.db.query(`WITH bump AS (${BUMP_BY_ROUND}) DELETE FROM ballots USING bump WHERE round_id = $1 AND participant_id = $2`, [roundId, participantId]);
  }

  async rollOf(roundId: string): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ participantId: string; group: string }>(
      'SELECT participant_id AS "participantId", group_id AS "group" FROM round_voters WHERE round_id = $1',
      [roundId],
    );
    return new Map(rows.map((row) => [row.participantId, row.group]));
  }

  async rolledGroup(roundId: string, participantId: string): Promise<string | undefined> {
    const { rows } = await this.db.query<{ group: string }>('SELECT group_id AS "group" FROM round_voters WHERE round_id = $1 AND participant_id = $2', [
      roundId,
      participantId,
    ]);
    return rows[0]?.group;
  }

  async countVoters(roundId: string): Promise<Record<string, number>> {
    const { rows } = await this.db.query<{ group: string; voters: number }>(
      'SELECT group_id AS "group", count(*)::int AS voters FROM ballots WHERE round_id = $1 GROUP BY group_id',
      [roundId],
    );
    return Object.fromEntries(rows.map((row) => [row.group, row.voters]));
  }
}

export function toRound(row: RoundRow): RoundRecord {
  return { ...row, settings: JSON.parse(row.settings), items: JSON.parse(row.items), tally: row.tally === null ? null : JSON.parse(row.tally) };
}

function toBallot(row: BallotRow): BallotRecord {
  return { ...row, allocations: JSON.parse(row.allocations) };
}
