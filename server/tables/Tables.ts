import { randomUUID } from 'node:crypto';
import type { TimerCommand } from '../../shared/api.js';
import type { TimerState } from '../../shared/timer.js';
import { LIMITS } from '../../shared/limits.js';
import { mayRunTable } from '../../shared/permissions.js';
import type { EditTableBody, ProposeTablesBody } from '../../shared/tables/api.js';
import { bestTableFor, NO_SEATING, proposeSeating, tableCount, type Seating, type TableInfo } from '../../shared/tables/seating.js';
import { DomainError } from '../DomainError.js';
import type { LiveSessions } from '../access/LiveSessions.js';
import type { Access } from '../auth/Access.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { Identity } from '../storage/Identity.js';
import type { TableSeats } from '../storage/TableSeats.js';
import { nextTimer } from '../workshops/Workshops.js';

/**
 * The facilitator's seating commands: a proposed seating, moves, names and hosts, and late-comers seated where
 * they fit best. Each writes the seating in the store and has the projection draw it into the control document.
 */
export class Tables {
  constructor(
    private readonly identity: Pick<Identity, 'listParticipants' | 'getParticipant'>,
    private readonly seats: TableSeats,
    private readonly projection: Pick<ControlProjection, 'show'>,
    private readonly sessions: Pick<LiveSessions, 'close'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seats everyone here at new tables, mixing the stakeholder groups (see proposeSeating); the old seating goes. */
  async propose(boardId: string, ask: ProposeTablesBody): Promise<Seating> {
    const people = await this.identity.listParticipants(boardId);
    const count = Math.min(LIMITS.maxTablesPerBoard, tableCount(people.length, ask));
    const tables: TableInfo[] = Array.from({ length: count }, (_, i) => ({ id: randomUUID(), number: i + 1, name: '', hostId: null, timer: { status: 'idle' } }));
    const seating = proposeSeating(people, tables);
    const before = await this.seats.read(boardId);
    await this.seats.replace(boardId, seating);
    await this.projection.show(boardId);
    this.reseat(boardId, Object.keys(before.seats));
    return seating;
  }

  async move(boardId: string, participantId: string, tableId: string): Promise<void> {
    if (!(await this.seats.seat(boardId, participantId, tableId))) throw new DomainError('not-found', 'no such participant or table on this board');
    await this.projection.show(boardId);
    this.reseat(boardId, [participantId]);
  }

  async edit(boardId: string, tableId: string, patch: EditTableBody): Promise<void> {
    if (patch.hostId) {
      const seating = await this.seats.read(boardId);
      if (seating.seats[patch.hostId] !== tableId) throw new DomainError('invalid', 'a host sits at the table they host', 'hostId');
    }
    if (!(await this.seats.editTable(boardId, tableId, patch))) throw new DomainError('not-found', 'no such table on this board');
    await this.projection.show(boardId);
  }

  /** Starts, pauses, extends or stops a table's timer: the facilitator's, or the command of the host sitting at it. */
  async commandTimer(boardId: string, tableId: string, command: TimerCommand, by: Pick<Access, 'role' | 'participantId'>): Promise<TimerState> {
    const timer = await this.seats.changeTimer(boardId, tableId, (seating, table) => {
      if (!mayRunTable(by, seating, tableId)) throw DomainError.refusal('forbidden', 'not-table-host', "only the facilitator and the table's host may run its timer");
      return nextTimer(table.timer, command, this.now());
    });
    if (timer === null) throw new DomainError('not-found', 'no such table on this board');
    await this.projection.show(boardId);
    return timer;
  }

  /** Puts one table large on the projector, or (null) the mosaic of every table back. */
  async showOnWall(boardId: string, tableId: string | null): Promise<void> {
    if (!(await this.seats.showOnWall(boardId, tableId))) throw new DomainError('not-found', 'no such table on this board');
    await this.projection.show(boardId);
  }

  /** Ends the table round: the room is one plenary again, and silent cards are revealed onto its board. */
  async end(boardId: string): Promise<void> {
    const before = await this.seats.read(boardId);
    await this.seats.replace(boardId, NO_SEATING);
    await this.projection.show(boardId);
    this.reseat(boardId, Object.keys(before.seats));
  }

  /**
   * A table's board is checked against the seat only when it is opened: whoever left a table has their sessions
   * ended, here and on every instance, and their browser reconnects to the table it now shows.
   */
  private reseat(boardId: string, participantIds: readonly string[]): void {
    for (const participantId of participantIds) this.sessions.close({ match: { boardId, participantId }, cause: 'identity-changed' });
  }

  /** Seats someone who joined after the seating at the table where they fit best; nothing while there are no tables. */
  async seatLateComer(boardId: string, participantId: string): Promise<void> {
    if ((await this.seats.read(boardId)).tables.length === 0) return;
    const participant = await this.identity.getParticipant(participantId);
    if (!participant) return;
    const people = await this.identity.listParticipants(boardId);
    const groupOf = new Map(people.map((p) => [p.id, p.group]));
    const seated = await this.seats.seatLateComer(boardId, participantId, (seating) => bestTableFor(seating, (id) => groupOf.get(id), participant.group)?.id);
    if (seated !== null) await this.projection.show(boardId);
  }
}
