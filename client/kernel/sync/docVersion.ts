import type * as Y from 'yjs';

/**
 * How many updates each document has had, counted by a listener that stays for the document's life rather
 * than only while a view is subscribed. React reads a document while rendering and subscribes afterwards, in
 * an effect; an update landing in between was lost to a view that only counted while subscribed. That is how
 * the facilitator's vote screen, mounted by the phase change, missed the round opened right after it and
 * showed it only after a reload. With a lasting count the subscriber compares what it rendered with the
 * count after subscribing (useSyncExternalStore does) and catches up.
 */
const counts = new WeakMap<Y.Doc, { updates: number }>();

/** The document's update count; counting starts at the first call. */
export function docVersion(doc: Y.Doc): number {
  let count = counts.get(doc);
  if (!count) {
    const started = { updates: 0 };
    doc.on('update', () => started.updates++);
    counts.set(doc, started);
    count = started;
  }
  return count.updates;
}

/** Calls `onChange` after every update of the document, once the count already includes it. */
export function subscribeToDoc(doc: Y.Doc, onChange: () => void): () => void {
  // Registered first, the counting listener runs before onChange: Yjs calls listeners in the order they came.
  docVersion(doc);
  doc.on('update', onChange);
  return () => doc.off('update', onChange);
}
