import { readDrawnRevision } from '../../shared/controlDoc.js';
import type { Logger } from '../log.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { DocRoom } from '../rooms/DocRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardFacts, FactsAtRevision } from '../storage/BoardFacts.js';
import { controlView } from './controlView.js';
import { drawControl } from './drawControl.js';

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
  private readonly drawn = new WeakMap<DocRoom, FactsAtRevision>();

  constructor(
    private readonly facts: BoardFacts,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
  ) {}

  /** Draws the board's control document from what is stored now; what a command awaits last. */
  show(boardId: string): Promise<void> {
    return this.rooms.withRoom(boardId, (room) => this.draw(room));
  }

  /** The drawing itself, for a room already held (one loading, or inside a command's `withRoom`). */
  async draw(room: BoardRoom): Promise<void> {
    const facts = await this.facts.read(room.boardId);
    if (!facts.board) return; // an unknown or deleted board: nothing to show
    const control = room.control;
    const newest = this.drawn.get(control);
    if (!newest || facts.revision > newest.revision) this.drawn.set(control, facts);
    await this.drawNewest(control);
  }

  /**
   * Another instance's update was applied to a document: when it is a control document drawn here and now shows
   * an older revision than drawn here (or a mix with an older drawing), draw the newest facts again.
   */
  otherInstanceChanged(room: DocRoom): void {
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
      if (view && readDrawnRevision(doc) <= view.revision) drawControl(doc, view);
    });
  }

}

/** What a RoomRegistry is given so the projection draws each board as it loads and hears of other instances' changes. */
export interface ProjectionHooks {
  onLoad: (room: BoardRoom) => Promise<void>;
  onRemoteChange: (room: DocRoom) => void;
}

/** A room registry (made by `open` with the hooks) and the projection that draws its control documents. */
export function projectedRooms(facts: BoardFacts, open: (hooks: ProjectionHooks) => RoomRegistry, log: Logger): { rooms: RoomRegistry; projection: ControlProjection } {
  let projection: ControlProjection | undefined;
  const rooms = open({
    onLoad: (room) => projection!.draw(room),
    onRemoteChange: (room) => projection!.otherInstanceChanged(room),
  });
  projection = new ControlProjection(facts, rooms, log);
  return { rooms, projection };
}
