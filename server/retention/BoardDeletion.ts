import { readMeta } from '../../shared/controlDoc.js';
import type { LiveSessions } from '../access/LiveSessions.js';
import { DomainError } from '../DomainError.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { CLOSE } from '../../shared/closeCodes.js';

/**
 * Deletes a board with everything stored for it. The order matters: connections are closed first (and send
 * nothing more, see ClientConnection), then the room is unloaded, which writes its last snapshot, and only
 * then are the rows deleted, so nothing is written back afterwards. The board then answers as unknown.
 */
export class BoardDeletion {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    private readonly sessions: LiveSessions,
  ) {}

  /** The facilitator's request: the board's title, typed, guards against deleting the wrong workshop. */
  deleteConfirmed(boardId: string, confirmTitle: string): { deleted: string } {
    const title = this.rooms.withRoom(boardId, (room) => readMeta(room.control.doc)?.title) ?? this.store.getBoard(boardId)?.title;
    if (title === undefined || confirmTitle.trim() !== title.trim()) {
      throw DomainError.refusal('invalid', 'confirmation-mismatch', "type the workshop's title exactly to delete it", 'confirmTitle');
    }
    this.delete(boardId);
    return { deleted: boardId };
  }

  delete(boardId: string): void {
    this.sessions.close(boardId, () => true, CLOSE.boardDeleted, 'this workshop was deleted');
    this.rooms.unloadNow(boardId);
    this.store.deleteBoard(boardId);
  }
}
