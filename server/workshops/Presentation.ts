import { readTally } from '../../shared/controlDoc.js';
import { writePresentation, type PresentationStep } from '../../shared/presentation.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { DomainError } from '../DomainError.js';

/**
 * The facilitator steps through a revealed ranking on the projector. Only a revealed round can be shown, so
 * the projector can never be made to hint at a round that is still secret.
 */
export function stepPresentation(rooms: RoomRegistry, boardId: string, step: PresentationStep): Promise<PresentationStep> {
  return rooms.withRoom(boardId, async (room) => {
    const tally = readTally(room.control.doc, step.roundId);
    if (!tally) throw DomainError.refusal('conflict', 'round-not-revealed', 'only a revealed round can be presented', 'roundId');
    const shown = { roundId: step.roundId, revealed: Math.min(step.revealed, tally.items.length) };
    await room.control.serverTransact((doc) => writePresentation(doc, shown));
    return shown;
  });
}
