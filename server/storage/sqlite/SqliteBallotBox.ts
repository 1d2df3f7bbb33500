import type Database from 'better-sqlite3';
import type { Tally } from '../../../shared/voting/index.js';
import { roundAlreadyOpen, type BallotBox, type NewRound } from '../BallotBox.js';
import type { BallotRecord, RoundRecord } from '../records.js';
import { revisionBumps } from './revision.js';

export const ROUND_COLUMNS =
  'id, board_id AS boardId, number, state, settings, items, opened_at AS openedAt, closed_at AS closedAt, revealed_at AS revealedAt, tally';

export type RoundRow = Omit<RoundRecord, 'settings' | 'items' | 'tally'> & { settings: string; items: string; tally: string | null };
type BallotRow = { roundId: string; participantId: string; group: string; allocations: string; updatedAt: number };

/** Rounds and ballots in SQLite; each method runs whole before it yields, so its checks and writes are one step. */
export class SqliteBallotBox implements BallotBox {
  private readonly stmt;
  private readonly bump;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    const ballotColumns = 'round_id AS roundId, participant_id AS participantId, group_id AS "group", allocations, updated_at AS updatedAt';
    this.stmt = {
      openRound: db.prepare(
        `INSERT INTO rounds (id, board_id, number, state, settings, items, opened_at)
         SELECT ?, ?, COALESCE(MAX(number), 0) + 1, 'open', ?, ?, ? FROM rounds WHERE board_id = ?
         RETURNING ${ROUND_COLUMNS}`,
      ),
      close: db.prepare(`UPDATE rounds SET state = 'closed', closed_at = @at WHERE board_id = @boardId AND id = @roundId AND state = 'open' RETURNING ${ROUND_COLUMNS}`),
      reveal: db.prepare(
        `UPDATE rounds SET state = 'revealed', closed_at = COALESCE(closed_at, @at), revealed_at = @at, tally = @tally
         WHERE board_id = @boardId AND id = @roundId AND state <> 'revealed'
         RETURNING ${ROUND_COLUMNS}`,
      ),
      getRound: db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE board_id = ? AND id = ?`),
      listRounds: db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE board_id = ? ORDER BY number`),
      hasBallot: db.prepare('SELECT 1 FROM ballots WHERE round_id = ? AND participant_id = ?'),
      putBallot: db.prepare(
        `INSERT INTO ballots (round_id, participant_id, group_id, allocations, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (round_id, participant_id) DO UPDATE SET allocations = excluded.allocations, updated_at = excluded.updated_at`,
      ),
      getBallot: db.prepare(`SELECT ${ballotColumns} FROM ballots WHERE round_id = ? AND participant_id = ?`),
      listBallots: db.prepare(`SELECT ${ballotColumns} FROM ballots WHERE round_id = ? ORDER BY participant_id`),
      listBallotsOf: db.prepare(`SELECT ${ballotColumns} FROM ballots WHERE participant_id = ? ORDER BY round_id`),
      deleteBallot: db.prepare('DELETE FROM ballots WHERE round_id = ? AND participant_id = ?'),
      enrol: db.prepare(
        'INSERT INTO round_voters (board_id, round_id, participant_id, group_id) SELECT board_id, ?, id, group_id FROM participants WHERE board_id = ? AND waiting_since IS NULL',
      ),
      roll: db.prepare('SELECT participant_id AS participantId, group_id AS "group" FROM round_voters WHERE round_id = ?'),
      rolledGroup: db.prepare('SELECT group_id FROM round_voters WHERE round_id = ? AND participant_id = ?').pluck(),
      countVoters: db.prepare('SELECT group_id AS "group", COUNT(*) AS voters FROM ballots WHERE round_id = ? GROUP BY group_id'),
    };
  }

  async openRound(round: NewRound): Promise<RoundRecord> {
    try {
      return this.db.transaction(() => {
        this.bump.ofBoard.run(round.boardId);
        const row = this.stmt.openRound.get(round.id, round.boardId, JSON.stringify(round.settings), JSON.stringify(round.items), round.openedAt, round.boardId);
        this.stmt.enrol.run(round.id, round.boardId);
        return toRound(row as RoundRow);
      })();
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw roundAlreadyOpen();
      throw err;
    }
  }

  async closeRound(boardId: string, roundId: string, at: number): Promise<RoundRecord | undefined> {
    return this.changeRound(boardId, () => this.stmt.close.get({ boardId, roundId, at }));
  }

  async revealRound(boardId: string, roundId: string, at: number, tally: Tally): Promise<RoundRecord | undefined> {
    return this.changeRound(boardId, () => this.stmt.reveal.get({ boardId, roundId, at, tally: JSON.stringify(tally) }));
  }

  private changeRound(boardId: string, change: () => unknown): RoundRecord | undefined {
    return this.db.transaction(() => {
      this.bump.ofBoard.run(boardId);
      const row = change() as RoundRow | undefined;
      return row && toRound(row);
    })();
  }

  async getRound(boardId: string, roundId: string): Promise<RoundRecord | undefined> {
    const row = this.stmt.getRound.get(boardId, roundId) as RoundRow | undefined;
    return row && toRound(row);
  }

  async listRounds(boardId: string): Promise<RoundRecord[]> {
    return (this.stmt.listRounds.all(boardId) as RoundRow[]).map(toRound);
  }

  async putBallot(b: BallotRecord): Promise<boolean> {
    return this.db.transaction(() => {
      this.bump.ofRound.run(b.roundId);
      const first = this.stmt.hasBallot.get(b.roundId, b.participantId) === undefined;
      this.stmt.putBallot.run(b.roundId, b.participantId, b.group, JSON.stringify(b.allocations), b.updatedAt);
      return first;
    })();
  }

  async getBallot(roundId: string, participantId: string): Promise<BallotRecord | undefined> {
    const row = this.stmt.getBallot.get(roundId, participantId) as BallotRow | undefined;
    return row && toBallot(row);
  }

  async listBallots(roundId: string): Promise<BallotRecord[]> {
    return (this.stmt.listBallots.all(roundId) as BallotRow[]).map(toBallot);
  }

  async listBallotsOf(participantId: string): Promise<BallotRecord[]> {
    return (this.stmt.listBallotsOf.all(participantId) as BallotRow[]).map(toBallot);
  }

  async deleteBallot(roundId: string, participantId: string): Promise<void> {
    this.db.transaction(() => {
      this.bump.ofRound.run(roundId);
      this.stmt.deleteBallot.run(roundId, participantId);
    })();
  }

  async rollOf(roundId: string): Promise<Map<string, string>> {
    return new Map((this.stmt.roll.all(roundId) as Array<{ participantId: string; group: string }>).map((row) => [row.participantId, row.group]));
  }

  async rolledGroup(roundId: string, participantId: string): Promise<string | undefined> {
    return this.stmt.rolledGroup.get(roundId, participantId) as string | undefined;
  }

  async countVoters(roundId: string): Promise<Record<string, number>> {
    const rows = this.stmt.countVoters.all(roundId) as Array<{ group: string; voters: number }>;
    return Object.fromEntries(rows.map((row) => [row.group, row.voters]));
  }
}

export function toRound(row: RoundRow): RoundRecord {
  return { ...row, settings: JSON.parse(row.settings), items: JSON.parse(row.items), tally: row.tally === null ? null : JSON.parse(row.tally) };
}

function toBallot(row: BallotRow): BallotRecord {
  return { ...row, allocations: JSON.parse(row.allocations) };
}
