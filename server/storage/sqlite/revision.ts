import type Database from 'better-sqlite3';

/**
 * A board's revision bumped, by board or by one of its rounds: run in the transaction of every fact written (see
 * BoardFacts); a participant written bumps the people's revision too. A follow-up workshop shows its source's title
 * and register, so every change of those, and the source's deletion, bumps the follow-ups of the source too.
 */
export function revisionBumps(db: Database.Database) {
  return {
    ofBoard: db.prepare('UPDATE boards SET revision = revision + 1 WHERE id = ?'),
    ofPeople: db.prepare('UPDATE boards SET revision = revision + 1, people_revision = people_revision + 1 WHERE id = ?'),
    ofFollowUps: db.prepare('UPDATE boards SET revision = revision + 1 WHERE id IN (SELECT board_id FROM follow_ups WHERE source_board_id = ?)'),
    ofRound: db.prepare('UPDATE boards SET revision = revision + 1 WHERE id = (SELECT board_id FROM rounds WHERE id = ?)'),
  };
}
