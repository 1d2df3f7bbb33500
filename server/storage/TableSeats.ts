import type { TimerState } from '../../shared/timer.js';
import type { NewTable, Seating } from '../../shared/tables/seating.js';

/** What a table's name or host becomes; a field left out stays. */
export interface TablePatch {
  name?: string;
  hostId?: string | null;
}

/**
 * The breakout tables of a board and who sits at which. Every write bumps the board's revision in its own
 * transaction (see BoardFacts), and `BoardFacts.read` reads the seating with every other fact.
 */
export interface TableSeats {
  read(boardId: string): Promise<Seating>;
  /** Replaces the board's tables and seats whole: a new seating, with the mosaic on the wall and every timer idle. */
  replace(boardId: string, seating: { tables: readonly NewTable[]; seats: Seating['seats'] }): Promise<void>;
  /** Seats a participant of the board at one of its tables; false, changing nothing, when either is not the board's. */
  seat(boardId: string, participantId: string, tableId: string): Promise<boolean>;
  /**
   * Seats a participant not seated yet at the table `choose` picks from the seating as stored now, in one
   * transaction, so late-comers joining at once each see the others. Resolves to the table, or null when there is
   * no table, they sit already or `choose` picked none.
   */
  seatLateComer(boardId: string, participantId: string, choose: (seating: Seating) => string | undefined): Promise<string | null>;
  /** False, changing nothing, when the board has no such table. */
  editTable(boardId: string, tableId: string, patch: TablePatch): Promise<boolean>;
  /**
   * Sets a table's timer to what `change` makes of the seating as stored now, in one transaction, so a host moved
   * away meanwhile is judged by where they sit. `change` may throw a refusal, which stores nothing. Resolves to
   * the timer stored, or null, changing nothing, when the board has no such table.
   */
  changeTimer(boardId: string, tableId: string, change: (seating: Seating, table: Seating['tables'][number]) => TimerState): Promise<TimerState | null>;
  /** Puts one table on the projector, or none (null) for the mosaic; false, changing nothing, when the board has no such table. */
  showOnWall(boardId: string, tableId: string | null): Promise<boolean>;
}
