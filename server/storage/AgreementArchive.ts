import type { PriorityList } from '../../shared/export/index.js';
import type { SignoffDecision } from '../../shared/signoff.js';
import type { RecordEntry } from './recordChain.js';
import type { AgreementRecord } from './records.js';

/**
 * Frozen agreements, each version's priority list as it was built, byte-identical forever after; the delegates'
 * sign-offs of them; and the record that chains both by hash (recordChain.ts).
 */
export interface AgreementArchive {
  /**
   * Stores a new version. The store assigns the number (the board's next; a unique (board, version) decides
   * between two instances freezing at once) and calls `build` with it to get the list that carries it.
   */
  freeze(boardId: string, frozenAt: number, build: (version: number) => PriorityList): Promise<{ version: number; frozenAt: number }>;
  /** Oldest first. */
  list(boardId: string): Promise<AgreementRecord[]>;
  /** The latest version alone (one row, whatever came before it); undefined before the first freeze. */
  latest(boardId: string): Promise<AgreementRecord | undefined>;
  /**
   * Stores a delegate's decision on `decision.version`, sealed into the record, if that is still the board's latest
   * version (decided with the write, so a freeze on another instance cannot slip in between); else resolves to false.
   */
  sign(boardId: string, decision: SignoffDecision): Promise<boolean>;
  /** Every decision on every version of the board, oldest first. */
  signoffs(boardId: string): Promise<SignoffDecision[]>;
  /** The whole record of the board as stored, in the order written. */
  record(boardId: string): Promise<RecordEntry[]>;
}
