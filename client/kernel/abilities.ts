import type { BoardSummary } from '../../shared/api';
import type { CardView } from '../../shared/boardDoc';
import { FACILITATOR_ID } from '../../shared/controlDoc';
import { accessRefusalOf, authorOfNewCards, isOwnCard, may, mayRemoveAtOnce, type Holder, type Removal, type Situation } from '../../shared/permissions';
import type { BoardSettings, Phase, Role } from '../../shared/phases';

/**
 * What this person may do now, from the permissions the server also judges by (shared/permissions.ts), so the UI
 * never offers a change the server would refuse (a refused change closes the connection with 1008 and is undone).
 */
export interface Abilities {
  role: Role;
  /** This person's id as an author (their private cards carry it); none while the workshop is closed. */
  authorId: string | null;
  /** The author a new card of theirs on the board carries: their card key while cards are anonymous. */
  newCardAuthor: string | null;
  ownCard: (card: CardView) => boolean;
  addCards: boolean;
  editCard: (card: CardView) => boolean;
  cluster: boolean;
  /** +1 cards and comment on them (not while cards are written silently). */
  react: boolean;
  /** Send questions to the plenary and +1 others' (while the questions round is open). */
  askQuestion: boolean;
  /** Whether a +1, comment or question carries one of this person's names (their id or card key). */
  isMe: (person: string) => boolean;
  runWorkshop: boolean;
  export: boolean;
  /** Whether one change may remove this much: merged or deleted cards, deleted themes holding cards. */
  removeAtOnce: (removal: Removal) => boolean;
  /** Mint observer and co-facilitator links, revoke co-facilitators: the creator's, not a co-facilitator's. */
  manageLinks: boolean;
  deleteWorkshop: boolean;
}

/**
 * `you`: who the board summary says this person is; `closed`: the facilitator closed the workshop, which leaves it
 * read-only for everyone until reopened.
 */
export function abilitiesOf(you: Holder & Pick<BoardSummary['you'], 'participantId' | 'cardKey'>, phase: Phase, settings: BoardSettings, closed = false): Abilities {
  const { role, participantId } = you;
  const now: Situation = { phase, settings, closed };
  const ownId = role === 'facilitator' ? FACILITATOR_ID : role === 'participant' ? participantId : null;
  const authorId = now.closed ? null : ownId;
  const self = authorId === null ? null : { authorId, cardKey: you.cardKey };
  const ownCard = (card: CardView) => self !== null && isOwnCard(card.author, self);
  return {
    role,
    authorId,
    newCardAuthor: self && authorOfNewCards(self, settings),
    ownCard,
    addCards: authorId !== null && may(role, 'add-card', now),
    editCard: (card) => authorId !== null && may(role, ownCard(card) ? 'edit-own-card' : 'edit-others-card', now),
    cluster: may(role, 'cluster', now),
    react: authorId !== null && may(role, 'react', now),
    askQuestion: authorId !== null && may(role, 'ask-question', now),
    isMe: (person) => self !== null && isOwnCard(person, self),
    runWorkshop: may(role, 'run-workshop', now),
    export: may(role, 'export', now),
    removeAtOnce: (removal) => mayRemoveAtOnce(role, removal),
    manageLinks: accessRefusalOf(you, 'mint-link') === null,
    deleteWorkshop: accessRefusalOf(you, 'delete-workshop') === null,
  };
}
