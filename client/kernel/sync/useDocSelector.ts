import { useCallback, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { awarenessVersion, subscribeToAwareness } from './awarenessVersion';
import { docVersion, subscribeToDoc } from './docVersion';
import { SelectionCache, type Equals } from './SelectionCache';

export type { Equals } from './SelectionCache';

function useSelection<S, T>(
  source: S,
  subscribe: (source: S, onChange: () => void) => () => void,
  version: (source: S) => number,
  select: (source: S) => T,
  equals?: Equals<T>,
): T {
  const [cache] = useState(() => new SelectionCache<S, T>());
  const subscribeToSource = useCallback((onChange: () => void) => subscribe(source, onChange), [source, subscribe]);
  return useSyncExternalStore(subscribeToSource, () => cache.read(source, version(source), select, equals));
}

/**
 * The one way views read a Yjs document: `select` reads the plain data the view shows, and the view re-renders
 * only when that data changed, not on every update of the document (see SelectionCache).
 */
export function useDocSelector<D extends Y.Doc | null, T>(doc: D, select: (doc: D) => T, equals?: Equals<T>): T {
  return useSelection(doc, subscribeToMaybeDoc, maybeDocVersion, select, equals);
}

// A document connected only at times (a private list, the drafts) is null meanwhile: nothing to follow then.
const subscribeToMaybeDoc = (doc: Y.Doc | null, onChange: () => void) => (doc ? subscribeToDoc(doc, onChange) : () => undefined);
const maybeDocVersion = (doc: Y.Doc | null) => (doc ? docVersion(doc) : 0);

/** The same for the awareness states (who is here, who is typing where). */
export function useAwarenessSelector<T>(awareness: Awareness, select: (awareness: Awareness) => T, equals?: Equals<T>): T {
  return useSelection(awareness, subscribeToAwareness, awarenessVersion, select, equals);
}
