import type { CardView } from '../../shared/boardDoc';
import { FACILITATOR_ID } from '../../shared/controlDoc';
import { participantsMayAddCards, participantsMayCluster, silentCollectActive, type BoardSettings, type Phase, type Role } from '../../shared/phases';

/**
 * What this person may do now. Mirrors the server's rules so the UI never offers a change the server would
 * refuse (a refused change closes the connection with 1008 and is undone).
 */
export interface Abilities {
  role: Role;
  /** The author id this person's cards carry. */
  authorId: string | null;
  addCards: boolean;
  editCard: (card: CardView) => boolean;
  cluster: boolean;
  runWorkshop: boolean;
}

/** `closed`: the facilitator closed the workshop, which leaves it read-only for everyone until reopened. */
export function abilitiesOf(role: Role, participantId: string | null, phase: Phase, settings: BoardSettings, closed = false): Abilities {
  if (closed) return { role, authorId: null, addCards: false, editCard: () => false, cluster: false, runWorkshop: false };
  if (role === 'facilitator') {
    return { role, authorId: FACILITATOR_ID, addCards: true, editCard: () => true, cluster: true, runWorkshop: true };
  }
  if (role === 'participant' && participantId) {
    // During silent collection a participant's cards go to a private list, not to the shared board.
    const silent = silentCollectActive(phase, settings);
    return {
      role,
      authorId: participantId,
      addCards: participantsMayAddCards(phase, settings) && !silent,
      editCard: (card) => card.author === participantId,
      cluster: participantsMayCluster(phase, settings),
      runWorkshop: false,
    };
  }
  return { role, authorId: null, addCards: false, editCard: () => false, cluster: false, runWorkshop: false };
}
