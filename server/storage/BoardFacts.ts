import { DomainError } from '../DomainError.js';
import { StorageFailure } from './StorageHealth.js';
import type { Language } from '../../shared/phases.js';
import type { SignoffDecision } from '../../shared/signoff.js';
import type { Seating } from '../../shared/tables/seating.js';
import type { Tally } from '../../shared/voting/index.js';
import type { BoardState, BoardStateRecord, ParticipantRecord, RoundRecord } from './records.js';

/** Everything the control document shows of a board, as stored at one revision. */
export interface FactsAtRevision {
  /**
   * One more with every write of any of these facts, in the same transaction as the write, so two reads of one
   * revision saw the same facts and a higher revision is newer: what an instance compares before drawing.
   */
  revision: number;
  /** Undefined for an unknown board (or one kept from before, until it is adopted: see BoardFacts.adopt). */
  board: BoardStateRecord | undefined;
  people: People;
  /** Oldest first, each revealed one with its tally. */
  rounds: RoundRecord[];
  /** Stored ballots per stakeholder group, for every round not yet revealed. */
  voters: Record<string, Record<string, number>>;
  /** The frozen versions of the agreement, oldest first. */
  agreements: Array<{ version: number; frozenAt: number }>;
  /** The delegates' decisions on the latest frozen version, oldest first (earlier versions' are AgreementArchive.signoffs). */
  signoffs: SignoffDecision[];
  /** The breakout tables and who sits at which (see TableSeats). */
  seating: Seating;
}

/** The board's participants, with a revision of their own that every change of a participant bumps. */
export interface People {
  revision: number;
  participants: ParticipantRecord[];
}

/** What the control document of a board kept before its state was stored showed. */
export interface ShownBefore {
  state: BoardState;
  tallies: Tally[];
  languages: Record<string, Language>;
}

/** The board's own state (details, phase, settings, timer, presentation, concepts, agreement draft) and one read of every fact. */
export interface BoardFacts {
  /**
   * Every fact of the board in one consistent read (one transaction), with the revision it stands for. Given the
   * people read last time, it hands them back unread (the same object) while their revision is unchanged: a
   * workshop of hundreds is not read again for every ballot.
   */
  read(boardId: string, known?: People): Promise<FactsAtRevision>;
  getState(boardId: string): Promise<BoardStateRecord | undefined>;
  /**
   * Takes over what a board kept before these facts were stored showed only in its control document: its state
   * (as version 1), the tallies of its revealed rounds and its participants' languages, each only where the store
   * has none. Resolves to false, changing nothing, when the board has a state already.
   */
  adopt(boardId: string, shown: ShownBefore): Promise<boolean>;
  /** Boards kept before their state was stored, which have none yet. */
  boardsWithoutState(): Promise<string[]>;
  /**
   * Replaces the state if it is still at `expectedVersion` (compare-and-set); resolves to the stored record, or
   * undefined, changing nothing, when another writer changed it first.
   */
  putState(boardId: string, state: BoardState, expectedVersion: number): Promise<BoardStateRecord | undefined>;
}

/** Attempts before a change that keeps meeting another writer's is refused: two facilitators clicking at once need two. */
const STATE_ATTEMPTS = 8;

/**
 * Reads the board's state, applies `change` to it and stores the result by compare-and-set; when another writer
 * changed the state in between, `change` runs again on the fresh state, so no change is lost. `change` may throw
 * a refusal, which stores nothing. Resolves to the stored state.
 */
export async function changeBoardState(facts: BoardFacts, boardId: string, change: (state: BoardState) => Partial<BoardState>): Promise<BoardState> {
  for (let attempt = 0; attempt < STATE_ATTEMPTS; attempt++) {
    const current = await facts.getState(boardId);
    if (!current) throw new DomainError('not-found', 'unknown board');
    const patch = change(current.state);
    if (Object.keys(patch).length === 0) return current.state;
    const stored = await facts.putState(boardId, { ...current.state, ...patch }, current.version).catch((err: unknown) => {
      // The database refused the write (a full disk): the server's fault, told as such (503), never a bug's 500.
      throw err instanceof DomainError ? err : new StorageFailure(err);
    });
    if (stored) return stored.state;
  }
  throw DomainError.refusal('conflict', 'try-again-later', 'the workshop changed too often at once; try again');
}
