import type { PriorityList } from '../../shared/export/index.js';
import type { AgreementRecord } from './records.js';

/** Frozen agreements: each version's priority list as it was built, byte-identical forever after. */
export interface AgreementArchive {
  /**
   * Stores a new version. The store assigns the number (the board's next; a unique (board, version) decides
   * between two instances freezing at once) and calls `build` with it to get the list that carries it.
   */
  freeze(boardId: string, frozenAt: number, build: (version: number) => PriorityList): Promise<{ version: number; frozenAt: number }>;
  /** Oldest first. */
  list(boardId: string): Promise<AgreementRecord[]>;
}
