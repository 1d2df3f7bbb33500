import type * as Y from 'yjs';
import { readDrawnRevision } from '../../shared/controlDoc.js';
import type { Logger } from '../log.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { DocRoom } from '../rooms/DocRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { frozenContent } from '../../shared/agreement.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { BoardFacts } from '../storage/BoardFacts.js';
import type { RegisterStore } from '../storage/RegisterStore.js';
import type { Stores } from '../storage/Stores.js';
import { controlView, type ControlView, type DrawnFacts, type FrozenFacts } from './controlView.js';
import { drawControl, shownAs, shownIn } from './drawControl.js';

/**
 * The one writer of every board's control document. After every command, and whenever a board's room loads, it
 * reads the stored facts once and draws the whole document from them, stamped with their revision. A command
 * cut short between its store write and the drawing therefore heals at the next command or load.
 *
 * With several instances, two drawings of one key made at once are kept by Yjs by client id, not by age. So each
 * instance keeps the newest facts it has drawn per document, and when another instance's update leaves the
 * document showing an older revision (or its values mixed with an older drawing), draws those facts again: a
 * write made after seeing the other one wins, and the instance with the newest facts has the last word.
 */
export class ControlProjection {
  /** Per control document, the newest facts drawn into it here. Kept with the room, so it goes when it unloads. */
  private readonly drawn = new WeakMap<DocRoom, DrawnFacts>();
  /**
   * What this instance last drew into a document, while nobody else changed it since: the next drawing compares
   * with it instead of reading the whole document back. A document rebuilt after a failed write is another
   * object, so it starts without one; another instance's change forgets it.
   */
  private readonly views = new WeakMap<Y.Doc, ControlView>();
  /** Per board, the drawing that has not started reading yet: a command arriving meanwhile waits for it too. */
  private readonly waiting = new Map<string, Promise<void>>();
  /** Per board, the latest drawing asked for, so drawings of one board follow one another. */
  private readonly latest = new Map<string, Promise<void>>();

  constructor(
    private readonly facts: BoardFacts,
    private readonly registers: Pick<RegisterStore, 'read' | 'followUpsOf'>,
    private readonly archive: Pick<AgreementArchive, 'latest'>,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
  ) {}

  /**
   * Draws the board's control document from what is stored now; what a command awaits last. Commands arriving
   * while a drawing is waiting for its turn share it (it reads after all of their writes), so a burst of ballots
   * costs a few drawings, not one each.
   */
  show(boardId: string): Promise<void> {
    const waiting = this.waiting.get(boardId);
    if (waiting) return waiting;
    const next = (this.latest.get(boardId) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => {
        this.waiting.delete(boardId);
        return this.rooms.withRoom(boardId, (room) => this.draw(room));
      });
    this.waiting.set(boardId, next);
    this.latest.set(boardId, next);
    const forget = () => {
      if (this.latest.get(boardId) === next) this.latest.delete(boardId);
    };
    next.then(forget, forget);
    return next;
  }

  /**
   * Draws every follow-up workshop of a board: they show its title and register, whose every change (and the board's
   * deletion) moved their revision on in the store's transaction.
   */
  async showFollowUps(sourceBoardId: string): Promise<void> {
    await Promise.all((await this.registers.followUpsOf(sourceBoardId)).map((followUp) => this.show(followUp)));
  }

  /** The drawing itself, for a room already held (one loading, or inside a command's `withRoom`). */
  async draw(room: BoardRoom): Promise<void> {
    const control = room.control;
    const read = await this.facts.read(room.boardId, this.drawn.get(control)?.people);
    if (!read.board) return; // an unknown or deleted board: nothing to show
    const newest = this.drawn.get(control);
    const [agenda, frozen] = await Promise.all([
      this.agendaOf(read.board.state.followUp?.sourceBoardId),
      this.frozenOf(room.boardId, read.agreements.at(-1)?.version, newest?.frozen ?? null),
    ]);
    const facts: DrawnFacts = { ...read, agenda, frozen };
    if (!newest || facts.revision > newest.revision) this.drawn.set(control, facts);
    await this.drawNewest(control);
  }

  /**
   * A follow-up workshop's agenda: the source register as it is now, read live. Every change of the register moves
   * the follow-up's own revision on (RegisterStore.update), so instances still converge on the newest drawing.
   */
  private async agendaOf(sourceBoardId: string | undefined): Promise<DrawnFacts['agenda']> {
    if (sourceBoardId === undefined) return null;
    const [register, source] = await Promise.all([this.registers.read(sourceBoardId), this.facts.getState(sourceBoardId)]);
    return register && source ? { title: source.state.title, items: register.items } : null;
  }

  /**
   * The latest frozen version's content, which the draft is compared with: read from the archive only when a version
   * newer than the one drawn last appears, since a frozen version never changes.
   */
  private async frozenOf(boardId: string, version: number | undefined, drawn: FrozenFacts | null): Promise<FrozenFacts | null> {
    if (version === undefined) return null;
    if (drawn?.version === version) return drawn;
    const latest = await this.archive.latest(boardId);
    return latest ? { version: latest.version, frozenAt: latest.frozenAt, content: frozenContent(latest.list) } : null;
  }

  /**
   * Another instance's update was applied to a document: when it is a control document drawn here and now shows
   * an older revision than drawn here (or a mix with an older drawing), draw the newest facts again.
   */
  otherInstanceChanged(room: DocRoom): void {
    this.views.delete(room.doc);
    const newest = this.drawn.get(room);
    if (!newest || readDrawnRevision(room.doc) > newest.revision) return;
    this.drawNewest(room).catch((err: unknown) =>
      this.log.warn('the control document could not be drawn again; the next command or load draws it', { board: room.boardId, error: String(err) }),
    );
  }

  /** Draws the newest facts known when its turn in the document's queue comes, unless another instance drew newer ones. */
  private drawNewest(control: DocRoom): Promise<void> {
    return control.serverTransact((doc) => {
      const facts = this.drawn.get(control);
      const view = facts && controlView(facts);
      if (!view || readDrawnRevision(doc) > view.revision) return;
      const previous = this.views.get(doc);
      drawControl(doc, view, previous ? shownAs(previous) : shownIn(doc));
      this.views.set(doc, view);
    });
  }
}

/** What a RoomRegistry is given so the projection draws each board as it loads and hears of other instances' changes. */
export interface ProjectionHooks {
  onLoad: (room: BoardRoom) => Promise<void>;
  onRemoteChange: (room: DocRoom) => void;
}

/** A room registry (made by `open` with the hooks) and the projection that draws its control documents. */
export function projectedRooms(
  stores: Pick<Stores, 'facts' | 'register' | 'agreements'>,
  open: (hooks: ProjectionHooks) => RoomRegistry,
  log: Logger,
): { rooms: RoomRegistry; projection: ControlProjection } {
  let projection: ControlProjection | undefined;
  const rooms = open({
    onLoad: (room) => projection!.draw(room),
    onRemoteChange: (room) => projection!.otherInstanceChanged(room),
  });
  projection = new ControlProjection(stores.facts, stores.register, stores.agreements, rooms, log);
  return { rooms, projection };
}
