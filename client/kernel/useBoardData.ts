import { useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSummary } from '../../shared/api';
import { readClusters, type CardView, type ClusterView } from '../../shared/boardDoc';
import { readComments, type CommentView } from '../../shared/comments';
import { readQuestions, type PlenaryQuestionView } from '../../shared/plenaryQuestions';
import { readReactions, type ReactionCounts } from '../../shared/reactions';
import { readMeta, readParticipants, readProgressCheck, type BoardMeta, type ParticipantInfo } from '../../shared/controlDoc';
import type { ProgressCheckShown } from '../../shared/followUp';
import { DEFAULT_SETTINGS, type Role } from '../../shared/phases';
import { LiveCards } from './LiveCards';
import type { BoardConnection, ConnectionSnapshot } from './sync/BoardConnection';
import { keepUnchanged } from './sync/keepUnchanged';
import { useAwarenessSelector, useDocSelector } from './sync/useDocSelector';

export function useConnection(connection: BoardConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

/** What the REST summary said about the board, shown until the control doc has synced. */
function metaFromSummary(summary: BoardSummary): BoardMeta {
  return {
    title: summary.title,
    question: summary.question,
    language: summary.language,
    groups: summary.groups,
    phase: summary.phase,
    settings: DEFAULT_SETTINGS,
    timer: { status: 'idle' },
    createdAt: 0,
    closedAt: summary.closedAt,
  };
}

/**
 * The board's meta from the control doc; until it has synced, what the REST summary said. A new object only
 * when the meta changed (a round's turnout or a participant joining leaves it as it was), and its unchanged
 * parts (settings, groups, timer) keep their objects.
 */
export function useMeta(controlDoc: Y.Doc, summary: BoardSummary): BoardMeta {
  return useDocSelector(controlDoc, (doc) => readMeta(doc) ?? metaFromSummary(summary));
}

/** A follow-up workshop's progress check (its agenda, current item, who reports); null on every other workshop. */
export function useProgressCheck(controlDoc: Y.Doc): ProgressCheckShown | null {
  return useDocSelector(controlDoc, readProgressCheck);
}

/**
 * The cards, in order. A card that did not change keeps its object, so memoised card views skip re-rendering:
 * on a board of hundreds of cards, a keystroke in one card then re-renders that card only.
 */
export function useCards(boardDoc: Y.Doc): CardView[] {
  const live = LiveCards.of(boardDoc);
  return useSyncExternalStore(live.subscribe, live.getCards);
}

/** Each card's body as plain text, by card id; a new map only when a body changed. */
export function useCardBodies(boardDoc: Y.Doc): ReadonlyMap<string, string> {
  const live = LiveCards.of(boardDoc);
  return useSyncExternalStore(live.subscribe, live.getBodies);
}

/** +1s by card or question, and which are this person's: `isMe` should say the same for the life of the view. */
export function useReactions(boardDoc: Y.Doc, isMe: (person: string) => boolean = nobody): ReactionCounts {
  return useDocSelector(boardDoc, (doc) => readReactions(doc, isMe));
}

const nobody = () => false;

export function useComments(boardDoc: Y.Doc): CommentView[] {
  return useDocSelector(boardDoc, readComments);
}

export function usePlenaryQuestions(boardDoc: Y.Doc): PlenaryQuestionView[] {
  return useDocSelector(boardDoc, readQuestions);
}

/** The themes; moving a card or typing in the notes leaves them, and each unchanged theme, as they were. */
export function useClusters(boardDoc: Y.Doc): ClusterView[] {
  return useDocSelector(boardDoc, readClusters);
}

const readParticipantMap = (controlDoc: Y.Doc): ReadonlyMap<string, ParticipantInfo> =>
  new Map(readParticipants(controlDoc).map((participant) => [participant.id, participant]));
/** Maps are compared by their entries: a new map only when someone joined, left or changed their details. */
const sameParticipants = (a: ReadonlyMap<string, ParticipantInfo>, b: ReadonlyMap<string, ParticipantInfo>) =>
  a.size === b.size && [...b].every(([id, info]) => keepUnchanged(a.get(id), info) === a.get(id));

export function useParticipants(controlDoc: Y.Doc): ReadonlyMap<string, ParticipantInfo> {
  return useDocSelector(controlDoc, readParticipantMap, sameParticipants);
}

/**
 * Whether this person waits to be let in to vote (strict anonymity). The summary read when the page opened says so;
 * once a facilitator lets them in, the control document lists them among the participants, which ends it at once.
 */
export function useWaitingToVote(you: BoardSummary['you'], controlDoc: Y.Doc): boolean {
  const listed = useDocSelector(controlDoc, (doc) => you.participantId !== null && readParticipants(doc).some((p) => p.id === you.participantId));
  return you.waiting && !listed;
}

/** The identity the server stamps on every awareness state, from the token; a client's own claim is overwritten. */
export interface AwarenessUser {
  id: string;
  /** Null for the facilitator and observers, who join by link, not by name. */
  name: string | null;
  group: string | null;
  organisation: string | null;
  role: Role;
}

export interface PresenceEntry {
  clientId: number;
  self: boolean;
  user: AwarenessUser | null;
  typing: string | null;
}

function readPresence(awareness: Awareness): PresenceEntry[] {
  return Array.from(awareness.getStates().entries()).map(([clientId, state]) => ({
    clientId,
    self: clientId === awareness.clientID,
    user: isUser(state.user) ? state.user : null,
    typing: typeof state.typing === 'string' ? state.typing : null,
  }));
}

export function usePresence(awareness: Awareness): PresenceEntry[] {
  return useAwarenessSelector(awareness, readPresence);
}

function isUser(value: unknown): value is AwarenessUser {
  const v = value as Partial<AwarenessUser> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.role === 'string';
}
