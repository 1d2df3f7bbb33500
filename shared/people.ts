import { PHASES, type Phase } from './phases.js';

/** The author of a card whose writer the facilitator removed but whose cards were kept. */
export const REMOVED_PARTICIPANT = 'removed-participant';

/**
 * A participant may correct their own name, organisation and group only until voting starts (a round was
 * opened, or the board reached the vote phase): after that the group is part of the tallies. The facilitator
 * may correct anyone at any time.
 */
export function selfCorrectionOpen(phase: Phase, roundCount: number): boolean {
  return roundCount === 0 && PHASES.indexOf(phase) < PHASES.indexOf('vote');
}
