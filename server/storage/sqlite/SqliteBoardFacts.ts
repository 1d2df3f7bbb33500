import type Database from 'better-sqlite3';
import type { BoardFacts, FactsAtRevision, People, ShownBefore } from '../BoardFacts.js';
import type { BoardState, BoardStateRecord, ParticipantRecord } from '../records.js';
import { revisionBumps } from './revision.js';
import { SIGNOFF_COLUMNS } from './SqliteAgreementArchive.js';
import { ROUND_COLUMNS, toRound, type RoundRow } from './SqliteBallotBox.js';
import { PARTICIPANT_COLUMNS } from './SqliteIdentity.js';
import { seatingReader } from './SqliteTableSeats.js';

/** The board's state and the one read of all its facts, in SQLite: each method runs whole, as one transaction. */
export class SqliteBoardFacts implements BoardFacts {
  private readonly stmt;
  private readonly bump;
  private readonly seating;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    this.seating = seatingReader(db);
    this.stmt = {
      revisions: db.prepare('SELECT revision, people_revision AS people FROM boards WHERE id = ?'),
      state: db.prepare('SELECT version, state FROM board_state WHERE board_id = ?'),
      participants: db.prepare(`SELECT ${PARTICIPANT_COLUMNS} FROM participants WHERE board_id = ? ORDER BY joined_at, rowid`),
      rounds: db.prepare(`SELECT ${ROUND_COLUMNS} FROM rounds WHERE board_id = ? ORDER BY number`),
      voters: db.prepare(
        `SELECT b.round_id AS roundId, b.group_id AS "group", COUNT(*) AS voters FROM ballots b JOIN rounds r ON r.id = b.round_id
         WHERE r.board_id = ? AND r.state <> 'revealed' GROUP BY b.round_id, b.group_id`,
      ),
      agreements: db.prepare('SELECT version, frozen_at AS frozenAt FROM agreements WHERE board_id = ? ORDER BY version'),
      signoffs: db.prepare(
        `SELECT ${SIGNOFF_COLUMNS} FROM signoffs WHERE board_id = ? AND version = (SELECT MAX(version) FROM agreements WHERE board_id = ?) ORDER BY seq`,
      ),
      insertState: db.prepare('INSERT INTO board_state (board_id, version, state) VALUES (?, 1, ?) ON CONFLICT (board_id) DO NOTHING'),
      putState: db.prepare('UPDATE board_state SET version = version + 1, state = ? WHERE board_id = ? AND version = ? RETURNING version').pluck(),
      adoptTally: db.prepare("UPDATE rounds SET tally = ? WHERE board_id = ? AND id = ? AND state = 'revealed' AND tally IS NULL"),
      withoutState: db.prepare('SELECT id FROM boards WHERE id NOT IN (SELECT board_id FROM board_state) ORDER BY rowid').pluck(),
      adoptLanguage: db.prepare('UPDATE participants SET language = ? WHERE board_id = ? AND id = ? AND language IS NULL'),
    };
  }

  async read(boardId: string, known?: People): Promise<FactsAtRevision> {
    return this.db.transaction(() => {
      const revisions = (this.stmt.revisions.get(boardId) as { revision: number; people: number } | undefined) ?? { revision: 0, people: 0 };
      const voters: FactsAtRevision['voters'] = {};
      for (const row of this.stmt.voters.all(boardId) as Array<{ roundId: string; group: string; voters: number }>) {
        (voters[row.roundId] ??= {})[row.group] = row.voters;
      }
      return {
        revision: revisions.revision,
        board: this.stateOf(boardId),
        people:
          known?.revision === revisions.people ? known : { revision: revisions.people, participants: this.stmt.participants.all(boardId) as ParticipantRecord[] },
        rounds: (this.stmt.rounds.all(boardId) as RoundRow[]).map(toRound),
        voters,
        agreements: this.stmt.agreements.all(boardId) as FactsAtRevision['agreements'],
        signoffs: this.stmt.signoffs.all(boardId, boardId) as FactsAtRevision['signoffs'],
        seating: this.seating(boardId),
      };
    })();
  }

  async getState(boardId: string): Promise<BoardStateRecord | undefined> {
    return this.stateOf(boardId);
  }

  async adopt(boardId: string, shown: ShownBefore): Promise<boolean> {
    return this.db.transaction(() => {
      if (this.stmt.insertState.run(boardId, JSON.stringify(shown.state)).changes === 0) return false;
      for (const tally of shown.tallies) this.stmt.adoptTally.run(JSON.stringify(tally), boardId, tally.roundId);
      for (const [participantId, language] of Object.entries(shown.languages)) this.stmt.adoptLanguage.run(language, boardId, participantId);
      this.bump.ofPeople.run(boardId);
      return true;
    })();
  }

  async boardsWithoutState(): Promise<string[]> {
    return this.stmt.withoutState.all() as string[];
  }

  async putState(boardId: string, state: BoardState, expectedVersion: number): Promise<BoardStateRecord | undefined> {
    return this.db.transaction(() => {
      const version = this.stmt.putState.get(JSON.stringify(state), boardId, expectedVersion) as number | undefined;
      if (version === undefined) return undefined;
      this.bump.ofBoard.run(boardId);
      this.bump.ofFollowUps.run(boardId);
      return { version, state };
    })();
  }

  private stateOf(boardId: string): BoardStateRecord | undefined {
    const row = this.stmt.state.get(boardId) as { version: number; state: string } | undefined;
    return row && { version: row.version, state: JSON.parse(row.state) as BoardState };
  }
}
