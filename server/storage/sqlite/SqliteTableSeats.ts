import type Database from 'better-sqlite3';
import type { TimerState } from '../../../shared/timer.js';
import type { NewTable, Seating, TableInfo } from '../../../shared/tables/seating.js';
import type { TablePatch, TableSeats } from '../TableSeats.js';
import { revisionBumps } from './revision.js';

const IDLE: TimerState = { status: 'idle' };

/** The seating read by statements on one connection; call inside a transaction for one consistent read. */
export function seatingReader(db: Database.Database): (boardId: string) => Seating {
  const tables = db.prepare('SELECT id, number, name, host_id AS hostId, timer FROM breakout_tables WHERE board_id = ? ORDER BY number');
  const seats = db.prepare('SELECT participant_id AS participantId, table_id AS tableId FROM breakout_seats WHERE board_id = ? ORDER BY rowid');
  const wall = db.prepare('SELECT id FROM breakout_tables WHERE board_id = ? AND on_wall = 1').pluck();
  return (boardId) => ({
    tables: (tables.all(boardId) as Array<Omit<TableInfo, 'timer'> & { timer: string | null }>).map((t) => ({ ...t, timer: t.timer === null ? IDLE : (JSON.parse(t.timer) as TimerState) })),
    seats: Object.fromEntries((seats.all(boardId) as Array<{ participantId: string; tableId: string }>).map((s) => [s.participantId, s.tableId])),
    wall: (wall.get(boardId) as string | undefined) ?? null,
  });
}

/** The breakout tables in SQLite: each method runs whole, as one transaction. */
export class SqliteTableSeats implements TableSeats {
  private readonly stmt;
  private readonly bump;
  private readonly seating;

  constructor(private readonly db: Database.Database) {
    this.bump = revisionBumps(db);
    this.seating = seatingReader(db);
    this.stmt = {
      clearTables: db.prepare('DELETE FROM breakout_tables WHERE board_id = ?'),
      clearSeats: db.prepare('DELETE FROM breakout_seats WHERE board_id = ?'),
      insertTable: db.prepare('INSERT INTO breakout_tables (board_id, id, number, name, host_id) VALUES (?, ?, ?, ?, ?)'),
      seat: db.prepare(
        `INSERT INTO breakout_seats (board_id, participant_id, table_id)
         SELECT @board, p.id, t.id FROM participants p JOIN breakout_tables t ON t.board_id = p.board_id WHERE p.board_id = @board AND p.id = @participant AND t.id = @table
         ON CONFLICT (board_id, participant_id) DO UPDATE SET table_id = excluded.table_id`,
      ),
      showOnWall: db.prepare('UPDATE breakout_tables SET on_wall = (id IS ?) WHERE board_id = ?'),
      hasTable: db.prepare('SELECT 1 FROM breakout_tables WHERE board_id = ? AND id = ?'),
      setTimer: db.prepare('UPDATE breakout_tables SET timer = ? WHERE board_id = ? AND id = ?'),
      editTable: db.prepare('UPDATE breakout_tables SET name = COALESCE(?, name), host_id = CASE WHEN ? THEN ? ELSE host_id END WHERE board_id = ? AND id = ?'),
    };
  }

  async read(boardId: string): Promise<Seating> {
    return this.db.transaction(() => this.seating(boardId))();
  }

  async replace(boardId: string, seating: { tables: readonly NewTable[]; seats: Seating['seats'] }): Promise<void> {
    this.db.transaction(() => {
      this.stmt.clearSeats.run(boardId);
      this.stmt.clearTables.run(boardId);
      for (const t of seating.tables) this.stmt.insertTable.run(boardId, t.id, t.number, t.name, t.hostId);
      for (const [participantId, tableId] of Object.entries(seating.seats)) this.stmt.seat.run({ board: boardId, participant: participantId, table: tableId });
      this.bump.ofBoard.run(boardId);
    })();
  }

  async seat(boardId: string, participantId: string, tableId: string): Promise<boolean> {
    return this.db.transaction(() => this.seatNow(boardId, participantId, tableId))();
  }

  async seatLateComer(boardId: string, participantId: string, choose: (seating: Seating) => string | undefined): Promise<string | null> {
    return this.db.transaction(() => {
      const seating = this.seating(boardId);
      if (seating.seats[participantId] !== undefined) return null;
      const tableId = choose(seating);
      return tableId !== undefined && this.seatNow(boardId, participantId, tableId) ? tableId : null;
    })();
  }

  async editTable(boardId: string, tableId: string, patch: TablePatch): Promise<boolean> {
    return this.db.transaction(() => {
      const changed = this.stmt.editTable.run(patch.name ?? null, patch.hostId !== undefined ? 1 : 0, patch.hostId ?? null, boardId, tableId).changes > 0;
      if (changed) this.bump.ofBoard.run(boardId);
      return changed;
    })();
  }

  async changeTimer(boardId: string, tableId: string, change: (seating: Seating, table: TableInfo) => TimerState): Promise<TimerState | null> {
    return this.db.transaction(() => {
      const seating = this.seating(boardId);
      const table = seating.tables.find((t) => t.id === tableId);
      if (!table) return null;
      const timer = change(seating, table);
      this.stmt.setTimer.run(JSON.stringify(timer), boardId, tableId);
      this.bump.ofBoard.run(boardId);
      return timer;
    })();
  }

  async showOnWall(boardId: string, tableId: string | null): Promise<boolean> {
    return this.db.transaction(() => {
      if (tableId !== null && this.stmt.hasTable.get(boardId, tableId) === undefined) return false;
      this.stmt.showOnWall.run(tableId, boardId);
      this.bump.ofBoard.run(boardId);
      return true;
    })();
  }

  private seatNow(boardId: string, participantId: string, tableId: string): boolean {
    const seated = this.stmt.seat.run({ board: boardId, participant: participantId, table: tableId }).changes > 0;
    if (seated) this.bump.ofBoard.run(boardId);
    return seated;
  }
}
