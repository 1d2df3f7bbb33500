/**
 * A board's revision bumped, by board ($1) or by one of its rounds ($1), returning the board's id as `bumped`: the first
 * step of every fact written (see BoardFacts), so every writer locks the board's row before anything else.
 */
export const BUMP_BOARD = 'UPDATE boards SET revision = revision + 1 WHERE id = $1 RETURNING id AS bumped';
/** The same for a participant written, which bumps the people's revision too. */
export const BUMP_PEOPLE = 'UPDATE boards SET revision = revision + 1, people_revision = people_revision + 1 WHERE id = $1 RETURNING id AS bumped';
/**
 * The follow-ups of a source board ($1): they show its title and register, so every change of those, and its
 * deletion, moves their revision too.
 */
export const BUMP_FOLLOW_UPS = 'UPDATE boards SET revision = revision + 1 WHERE id IN (SELECT board_id FROM follow_ups WHERE source_board_id = $1)';
export const BUMP_BY_ROUND = 'UPDATE boards SET revision = revision + 1 WHERE id = (SELECT board_id FROM rounds WHERE id = $1) RETURNING id AS bumped';
