import type { BoardMeta } from './controlDoc.js';
import { hostOf, type Seating } from './tables/seating.js';
import { participantsMayAddCards, participantsMayCluster, reactionsShown, silentCollectActive, type BoardSettings, type Phase, type Role } from './phases.js';

/**
 * Who may do what, now: the one answer the browser asks before it offers a change and the server asks before
 * it accepts one (the board's policy, the REST commands). A change the browser offers and the server refuses
 * closes the connection with 1008 and is undone, so the two must never disagree.
 */
export type Action =
  /** A card onto the shared board. */
  | 'add-card'
  /** A card onto one's own private list (silent collect). */
  | 'add-private-card'
  /** Retitle, rewrite or delete a card one wrote. */
  | 'edit-own-card'
  /** Retitle, rewrite or delete someone else's card. */
  | 'edit-others-card'
  /** Move cards between themes, merge duplicates, add, rename and remove themes. */
  | 'cluster'
  | 'write-notes'
  /** +1 a card, comment on it, take one's own +1 or comment back. */
  | 'react'
  /** Send a question to the plenary and +1 others' while the questions round is open. */
  | 'ask-question'
  | 'vote'
  /** Download the priority list (a frozen version, the draft or the latest results). */
  | 'export'
  /** Phase, timer, settings, rounds, agreement: running the workshop. */
  | 'run-workshop';

/** The workshop as it is now, as far as permissions go. */
export interface Situation {
  phase: Phase;
  settings: BoardSettings;
  /** A closed workshop is read-only for everyone, the facilitator included, until it is reopened; exports stay. */
  closed: boolean;
}

export function situationOf(meta: Pick<BoardMeta, 'phase' | 'settings' | 'closedAt'>): Situation {
  return { phase: meta.phase, settings: meta.settings, closed: meta.closedAt !== null };
}

/** Why not: the caller words it for its reader (a close reason, a refusal code, a hidden button). */
export type Refusal =
  /** This role never may. */
  | 'role'
  | 'closed'
  /** Not in this phase, or not with these settings. */
  | 'phase'
  /** Silent collect is on: new cards go to private lists. */
  | 'silent-collect'
  /** Private lists are for silent collect only. */
  | 'not-silent-collect'
  /** The facilitator has not shared the export with participants. */
  | 'not-shared';

const ROLES_OF: Record<Action, readonly Role[]> = {
  'add-card': ['facilitator', 'participant'],
  'add-private-card': ['participant'],
  'edit-own-card': ['facilitator', 'participant'],
  'edit-others-card': ['facilitator'],
  cluster: ['facilitator', 'participant'],
  'write-notes': ['facilitator'],
  react: ['facilitator', 'participant'],
  'ask-question': ['facilitator', 'participant'],
  vote: ['participant'],
  export: ['facilitator', 'participant', 'observer'],
  'run-workshop': ['facilitator'],
};

/** The roles that may ever do `action`, whatever the phase: what a REST route asks of a token before the rule itself. */
export function rolesThatMay(action: Action): readonly Role[] {
  return ROLES_OF[action];
}

/** Why `role` may not do `action` now, or null when it may. */
export function refusalOf(role: Role, action: Action, now: Situation): Refusal | null {
  if (!ROLES_OF[action].includes(role)) return 'role';
  if (action === 'export') return role === 'participant' && !now.settings.participantsExport ? 'not-shared' : null;
  if (now.closed) return 'closed';
  if (action === 'react' && !reactionsShown(now.phase, now.settings)) return 'silent-collect';
  if (action === 'ask-question' && !now.settings.questionsOpen) return 'phase';
  if (role === 'facilitator') return null;
  switch (action) {
    case 'add-card':
      if (!participantsMayAddCards(now.phase, now.settings)) return 'phase';
      return silentCollectActive(now.phase, now.settings) ? 'silent-collect' : null;
    case 'add-private-card':
      if (!participantsMayAddCards(now.phase, now.settings)) return 'phase';
      return silentCollectActive(now.phase, now.settings) ? null : 'not-silent-collect';
    case 'cluster':
      return participantsMayCluster(now.phase, now.settings) ? null : 'phase';
    default:
      return null;
  }
}

export function may(role: Role, action: Action, now: Situation): boolean {
  return refusalOf(role, action, now) === null;
}

/** Who a writer is as the author of cards: their id, and a participant's card key (the author while cards are anonymous). */
export interface CardAuthorship {
  authorId: string;
  cardKey: string | null;
}

/**
 * The author a new card carries: with anonymous cards a participant's card key, which nobody else can tie to
 * them, so no other browser learns who wrote it; else the participant id. The facilitator's cards say so.
 */
export function authorOfNewCards(self: CardAuthorship, settings: BoardSettings): string {
  return settings.anonymousCards && self.cardKey !== null ? self.cardKey : self.authorId;
}

/** A card is one's own under either name: the setting may change while a card is open for editing. */
export function isOwnCard(author: string | undefined, self: CardAuthorship): boolean {
  return author !== undefined && (author === self.authorId || (self.cardKey !== null && author === self.cardKey));
}

/**
 * Who can get in and whether the workshop exists. A co-facilitator (a facilitator link the creator minted) runs
 * the workshop but holds nothing that outlives or outranks the creator: a projector link it mints ends when it is
 * revoked, while a co-facilitator or observer link would be a copy of its access that survives it.
 */
export type AccessAction =
  /** Mint an observer or a co-facilitator link. */
  | 'mint-link'
  | 'mint-projector-link'
  /** Revoke an observer or a projector link. */
  | 'revoke-link'
  | 'revoke-facilitator-link'
  | 'delete-workshop';

/** Whose token: its role, and for a facilitator token whether a co-facilitator holds it rather than the creator. */
export interface Holder {
  role: Role;
  coFacilitator: boolean;
}

const CREATOR_ONLY: ReadonlySet<AccessAction> = new Set(['mint-link', 'revoke-facilitator-link', 'delete-workshop']);

/** Why `holder` may not do `action`, or null when they may: 'role' for anyone but a facilitator. */
export function accessRefusalOf(holder: Holder, action: AccessAction): 'role' | 'creator-only' | null {
  if (holder.role !== 'facilitator') return 'role';
  return holder.coFacilitator && CREATOR_ONLY.has(action) ? 'creator-only' : null;
}

/**
 * How much one change may destroy when not the facilitator's: merging or deleting more than this many cards, or
 * deleting a theme that holds cards, is refused, so one participant cannot wipe the clustering in one message.
 * An empty theme may go (nothing is lost with it, and undoing one's own new theme deletes it).
 */
export const MAX_CARDS_REMOVED_PER_CHANGE = 5;
/**
 * Other people's cards one person but the facilitator may merge in a minute, over all their changes (a burst of as
 * many, flowing back evenly): five a change in a loop would otherwise merge a whole board in seconds, faster than a
 * facilitator notices and before the history that restores it is compacted away. One's own cards are not counted.
 */
export const MAX_CARDS_MERGED_PER_MINUTE = 30;

/** What one change removes from view: cards deleted or newly merged into another, themes holding cards deleted. */
export interface Removal {
  cards: number;
  themesWithCards: number;
}

/** Whether `role` may make a change that removes this much at once. */
export function mayRemoveAtOnce(role: Role, removal: Removal): boolean {
  return role === 'facilitator' || (removal.cards <= MAX_CARDS_REMOVED_PER_CHANGE && removal.themesWithCards === 0);
}

/**
 * What a breakout table's host may do on their table's board (shared/tables/): run its clustering, as if the
 * facilitator had opened clustering to participants. The one rule the board policy judges by and the host's
 * browser offers.
 */
export function asTableHost(now: Situation): Situation {
  return { ...now, settings: { ...now.settings, participantsCluster: true } };
}

/**
 * Whether someone may run a breakout table's timer: the facilitator, or the participant hosting that table while
 * they sit at it (a host moved to another table loses it at once). The rule the timer's route and the browser ask.
 */
export function mayRunTable(who: { role: Role; participantId: string | null }, seating: Pick<Seating, 'tables' | 'seats'>, tableId: string): boolean {
  return who.role === 'facilitator' || (who.participantId !== null && hostOf(seating, tableId) === who.participantId);
}
