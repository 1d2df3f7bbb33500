import type { TimerState } from '../../../shared/timer.js';
import type { NewTable, Seating, TableInfo } from '../../../shared/tables/seating.js';
import type { TablePatch, TableSeats } from '../TableSeats.js';
import type { PgDatabase, Queryable } from './PgDatabase.js';
import { BUMP_BOARD } from './revision.js';

/** The board's tables (in number order) and seats as JSON, for one statement: `$1` is the board. */
export const SEATING_JSON = {
  tables: `(SELECT COALESCE(json_agg(t), '[]') FROM (SELECT id, number, name, host_id AS "hostId", COALESCE(timer, '{"status":"idle"}') AS timer FROM breakout_tables WHERE board_id = $1 ORDER BY number) t)`,
  seats: `(SELECT COALESCE(json_object_agg(participant_id, table_id), '{}') FROM breakout_seats WHERE board_id = $1)`,
  wall: '(SELECT id FROM breakout_tables WHERE board_id = $1 AND on_wall)',
};

const SEAT = `INSERT INTO breakout_seats (board_id, participant_id, table_id)
  SELECT $1, p.id, t.id FROM participants p JOIN breakout_tables t ON t.board_id = p.board_id WHERE p.board_id = $1 AND p.id = $2 AND t.id = $3
  ON CONFLICT (board_id, participant_id) DO UPDATE SET table_id = excluded.table_id`;

/** The breakout tables in PostgreSQL: every write locks the board's row first (its revision bump), so writers take turns. */
export class PgTableSeats implements TableSeats {
  constructor(private readonly db: PgDatabase) {}

  async read(boardId: string): Promise<Seating> {
    return readSeating(this.db, boardId);
  }

  async replace(boardId: string, seating: { tables: readonly NewTable[]; seats: Seating['seats'] }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(BUMP_BOARD, [boardId]);
      await tx.query('DELETE FROM breakout_seats WHERE board_id = $1', [boardId]);
      await tx.query('DELETE FROM breakout_tables WHERE board_id = $1', [boardId]);
      for (const t of seating.tables) {
        await tx.query('INSERT INTO breakout_tables (board_id, id, number, name, host_id) VALUES ($1, $2, $3, $4, $5)', [boardId, t.id, t.number, t.name, t.hostId]);
      }
      const seats = Object.entries(seating.seats);
      await tx.query(
        `INSERT INTO breakout_seats (board_id, participant_id, table_id)
         SELECT $1, s.participant, s.tbl FROM unnest($2::text[], $3::text[]) AS s(participant, tbl)
         JOIN participants p ON p.id = s.participant AND p.board_id = $1`,
        [boardId, seats.map(([p]) => p), seats.map(([, t]) => t)],
      );
    });
  }

  async seat(boardId: string, participantId: string, tableId: string): Promise<boolean> {
    return this.db.transaction((tx) => seatNow(tx, boardId, participantId, tableId));
  }

  async seatLateComer(boardId: string, participantId: string, choose: (seating: Seating) => string | undefined): Promise<string | null> {
    return this.db.transaction(async (tx) => {
      // The bump locks the board's row: late-comers of one board are seated one after the other, each seeing the last.
      await tx.query(BUMP_BOARD, [boardId]);
      const seating = await readSeating(tx, boardId);
      if (seating.seats[participantId] !== undefined) return null;
      const tableId = choose(seating);
      return tableId !== undefined && (await seatNow(tx, boardId, participantId, tableId)) ? tableId : null;
    });
  }

  async editTable(boardId: string, tableId: string, patch: TablePatch): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(BUMP_BOARD, [boardId]);
      const { rowCount } = await tx.query(
        'UPDATE breakout_tables SET name = COALESCE($3, name), host_id = CASE WHEN $4 THEN $5 ELSE host_id END WHERE board_id = $1 AND id = $2',
        [boardId, tableId, patch.name ?? null, patch.hostId !== undefined, patch.hostId ?? null],
      );
      return (rowCount ?? 0) > 0;
    });
  }

  async changeTimer(boardId: string, tableId: string, change: (seating: Seating, table: TableInfo) => TimerState): Promise<TimerState | null> {
    return this.db.transaction(async (tx) => {
      await tx.query(BUMP_BOARD, [boardId]);
      const seating = await readSeating(tx, boardId);
      const table = seating.tables.find((t) => t.id === tableId);
      if (!table) return null;
      const timer = change(seating, table);
      await tx.query('UPDATE breakout_tables SET timer = $3 WHERE board_id = $1 AND id = $2', [boardId, tableId, JSON.stringify(timer)]);
      return timer;
    });
  }

  async showOnWall(boardId: string, tableId: string | null): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.query(BUMP_BOARD, [boardId]);
      if (tableId !== null && (await tx.query('SELECT 1 FROM breakout_tables WHERE board_id = $1 AND id = $2', [boardId, tableId])).rowCount === 0) return false;
      await tx.query('UPDATE breakout_tables SET on_wall = (id IS NOT DISTINCT FROM $2) WHERE board_id = $1', [boardId, tableId]);
      return true;
    });
  }
}

async function seatNow(q: Queryable, boardId: string, participantId: string, tableId: string): Promise<boolean> {
  await q.query(BUMP_BOARD, [boardId]);
  return ((await q.query(SEAT, [boardId, participantId, tableId])).rowCount ?? 0) > 0;
}

async function readSeating(q: Queryable, boardId: string): Promise<Seating> {
  const { rows } = await q.query<Seating>(`SELECT ${SEATING_JSON.tables} AS tables, ${SEATING_JSON.seats} AS seats, ${SEATING_JSON.wall} AS wall`, [boardId]);
  return rows[0]!;
}
