import { DomainError } from '../DomainError.js';
import type { Tally } from '../../shared/voting/index.js';
import type { BallotRecord, RoundRecord } from './records.js';

export type NewRound = Omit<RoundRecord, 'number' | 'state' | 'closedAt' | 'revealedAt' | 'tally'>;

/**
 * Vote rounds and ballots. Every check that guards a write is made by the database in the same step as the
 * write, so several server instances sharing a board cannot both open a round or lose a ballot.
 */
export interface BallotBox {
  /**
   * Opens a round with the next number of its board and, in the same write, its roll: every participant not waiting
   * to be let in, with their group as it is now. Throws DomainError conflict `round-already-open` when the board has
   * an open round (a unique constraint decides, not a read before the insert).
   */
  openRound(round: NewRound): Promise<RoundRecord>;
  /** Closes an open round at `at`; resolves to the round as stored, or undefined when it was not open. */
  closeRound(boardId: string, roundId: string, at: number): Promise<RoundRecord | undefined>;
  /**
   * Marks the round revealed with its tally in one write (closedAt set too, if not yet); resolves to the round as
   * stored, or undefined when it was revealed already.
   */
  revealRound(boardId: string, roundId: string, at: number, tally: Tally): Promise<RoundRecord | undefined>;
  getRound(boardId: string, roundId: string): Promise<RoundRecord | undefined>;
  /** Oldest first. */
  listRounds(boardId: string): Promise<RoundRecord[]>;

  /** Inserts or replaces the voter's ballot; resolves to true when it is the voter's first in the round. */
  putBallot(ballot: BallotRecord): Promise<boolean>;
  getBallot(roundId: string, participantId: string): Promise<BallotRecord | undefined>;
  listBallots(roundId: string): Promise<BallotRecord[]>;
  listBallotsOf(participantId: string): Promise<BallotRecord[]>;
  deleteBallot(roundId: string, participantId: string): Promise<void>;
  /** The round's roll: participant id → the group they had when it opened. */
  rollOf(roundId: string): Promise<Map<string, string>>;
  /** The voter's group on the round's roll; undefined for someone who was not a voter when it opened. */
  rolledGroup(roundId: string, participantId: string): Promise<string | undefined>;
  /** Stored ballots of the round per stakeholder group: a count of rows, never a counter kept beside them. */
  countVoters(roundId: string): Promise<Record<string, number>>;
}

/** What either store throws when a board already has an open round. */
export function roundAlreadyOpen(): DomainError {
  return DomainError.refusal('conflict', 'round-already-open', 'close the open round first');
}
