import { readMeta } from '../../shared/controlDoc.js';
import { confirmsTitle } from '../../shared/peopleApi.js';
import type { LiveSessions } from '../access/LiveSessions.js';
import { DomainError } from '../DomainError.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { Identity } from '../storage/Identity.js';

/**
 * Deletes a board with everything stored for it. The order matters: connections are closed first (and send
 * nothing more, see ClientConnection), then the room is unloaded, which writes its last snapshot, and only
 * then are the rows deleted, so nothing is written back afterwards. The board then answers as unknown.
 */
export class BoardDeletion {
  constructor(
    private readonly identity: Identity,
    private readonly rooms: RoomRegistry,
    private readonly sessions: LiveSessions,
    private readonly projection: Pick<ControlProjection, 'showFollowUps'>,
  ) {}

  /** The facilitator's request: the board's title, typed, guards against deleting the wrong workshop. */
  async deleteConfirmed(boardId: string, confirmTitle: string): Promise<{ deleted: string }> {
    const title = (await this.rooms.withRoom(boardId, (room) => readMeta(room.control.doc)?.title)) ?? (await this.identity.getBoard(boardId))?.title;
    if (title === undefined || !confirmsTitle(confirmTitle, title)) {
      throw DomainError.refusal('invalid', 'confirmation-mismatch', "type the workshop's title to delete it", 'confirmTitle');
    }
    await this.delete(boardId);
    return { deleted: boardId };
  }

  async delete(boardId: string): Promise<void> {
    const ending = { match: { boardId, all: true as const }, cause: 'board-deleted' as const };
    this.sessions.closeHere(ending);
    await this.rooms.unloadNow(boardId);
    await this.identity.deleteBoard(boardId);
    // Only now are the other instances told: a client of theirs reconnecting any earlier would load the board again.
    this.sessions.relay(ending);
    // Its follow-up workshops now say that the workshop they follow up was deleted.
    await this.projection.showFollowUps(boardId);
  }
}
