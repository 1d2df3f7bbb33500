import type Database from 'better-sqlite3';

/**
 * A board's revision bumped, by board or by one of its rounds: run in the transaction of every fact written (see
 * BoardFacts); a participant written bumps the people's revision too.
 */
export function revisionBumps(db: Database.Database) {
  return {
    ofBoard: db.prepare('UPDATE boards SET revision = revision + 1 WHERE id = ?'),
    ofPeople: db.prepare('UPDATE boards SET revision = revision + 1, people_revision = people_revision + 1 WHERE id = ?'),
    ofRound: db.prepare('UPDATE boards SET revision = revision + 1 WHERE id = (SELECT board_id FROM rounds WHERE id = ?)'),
  };
}
