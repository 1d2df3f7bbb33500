import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardSummary } from '../../shared/api';
import { clustersOf, readClusters, type CardView, type ClusterView } from '../../shared/boardDoc';
import { readMeta, participantsOf, type BoardMeta, type ParticipantInfo } from '../../shared/controlDoc';
import { DEFAULT_SETTINGS, type Role } from '../../shared/phases';
import { LiveCards } from './cards/LiveCards';
import type { BoardConnection, ConnectionSnapshot } from './sync/BoardConnection';
import { docVersion, subscribeToDoc } from './sync/docVersion';

export function useConnection(connection: BoardConnection): ConnectionSnapshot {
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

/** A counter that moves on every change of `doc`: the dependency that makes derived views re-read it. */
export function useDocVersion(doc: Y.Doc | null): number {
  // Through useSyncExternalStore, so an update between this render and the subscription is not missed (see docVersion).
  const subscribe = useCallback((onChange: () => void) => (doc ? subscribeToDoc(doc, onChange) : () => undefined), [doc]);
  return useSyncExternalStore(subscribe, () => (doc ? docVersion(doc) : 0));
}

/** The board's meta from the control doc; until it has synced, what the REST summary said. */
export function useMeta(controlDoc: Y.Doc, summary: BoardSummary): BoardMeta {
  const version = useDocVersion(controlDoc);
  return useMemo(
    () =>
      readMeta(controlDoc) ?? {
        title: summary.title,
        question: summary.question,
        language: summary.language,
        groups: summary.groups,
        phase: summary.phase,
        settings: DEFAULT_SETTINGS,
        timer: { status: 'idle' },
        createdAt: 0,
        closedAt: summary.closedAt,
      },
    [controlDoc, version, summary],
  );
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

export function useClusters(boardDoc: Y.Doc): ClusterView[] {
  const clusters = clustersOf(boardDoc);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    // Only the themes: moving a card or typing in the notes leaves the themes' objects as they were.
    const bump = () => setVersion((v) => v + 1);
    clusters.observeDeep(bump);
    return () => clusters.unobserveDeep(bump);
  }, [clusters]);
  return useMemo(() => readClusters(boardDoc), [boardDoc, version]);
}

export function useParticipants(controlDoc: Y.Doc): ReadonlyMap<string, ParticipantInfo> {
  const version = useDocVersion(controlDoc);
  return useMemo(() => new Map(participantsOf(controlDoc).entries()), [controlDoc, version]);
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

export function usePresence(awareness: Awareness): PresenceEntry[] {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    awareness.on('change', bump);
    return () => awareness.off('change', bump);
  }, [awareness]);
  return useMemo(
    () =>
      Array.from(awareness.getStates().entries()).map(([clientId, state]) => ({
        clientId,
        self: clientId === awareness.clientID,
        user: isUser(state.user) ? state.user : null,
        typing: typeof state.typing === 'string' ? state.typing : null,
      })),
    [awareness, version],
  );
}

function isUser(value: unknown): value is AwarenessUser {
  const v = value as Partial<AwarenessUser> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.role === 'string';
}
