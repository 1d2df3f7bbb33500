import { DomainError } from '../DomainError.js';
import type { BallotRecord, RoundRecord, RoundStateName } from './records.js';

export type NewRound = Omit<RoundRecord, 'number' | 'state' | 'closedAt' | 'revealedAt'>;

/**
 * Vote rounds and ballots. Every check that guards a write is made by the database in the same step as the
 * write, so several server instances sharing a board cannot both open a round or lose a ballot.
 */
export interface BallotBox {
  /**
   * Opens a round with the next number of its board. Throws DomainError conflict `round-already-open` when the
   * board has an open round (a unique constraint decides, not a read before the insert).
   */
  openRound(round: NewRound): Promise<RoundRecord>;
  /**
   * Moves a round on to `state`, setting closedAt (if not yet set) and revealedAt for 'revealed' to `at`.
   * Resolves to the round as stored, or undefined when it is not in a state that may move there
   * (closing needs 'open', revealing needs not 'revealed').
   */
  advanceRound(boardId: string, roundId: string, state: Exclude<RoundStateName, 'open'>, at: number): Promise<RoundRecord | undefined>;
  getRound(boardId: string, roundId: string): Promise<RoundRecord | undefined>;
  /** Oldest first. */
  listRounds(boardId: string): Promise<RoundRecord[]>;

  /** Inserts or replaces the voter's ballot; resolves to true when it is the voter's first in the round. */
  putBallot(ballot: BallotRecord): Promise<boolean>;
  getBallot(roundId: string, participantId: string): Promise<BallotRecord | undefined>;
  listBallots(roundId: string): Promise<BallotRecord[]>;
  listBallotsOf(participantId: string): Promise<BallotRecord[]>;
  deleteBallot(roundId: string, participantId: string): Promise<void>;
  setBallotGroup(roundId: string, participantId: string, group: string): Promise<void>;
  /** Stored ballots of the round per stakeholder group: a count of rows, never a counter kept beside them. */
  countVoters(roundId: string): Promise<Record<string, number>>;
}

/** What either store throws when a board already has an open round. */
export function roundAlreadyOpen(): DomainError {
  return DomainError.refusal('conflict', 'round-already-open', 'close the open round first');
}
