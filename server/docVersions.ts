import type * as Y from 'yjs';

const versions = new WeakMap<Y.Doc, { version: number }>();

/**
 * A number that moves with every change of the document from the first time it is asked for, deletions too (a
 * state vector alone does not move when a card is deleted). Answers drawn from a document (suggestions,
 * exports) are kept under it and shared until it moves. Kept with the document, so it goes when the room unloads.
 */
export function versionOf(doc: Y.Doc): number {
  let counter = versions.get(doc);
  if (!counter) {
    const fresh = { version: 0 };
    doc.on('update', () => fresh.version++);
    versions.set(doc, (counter = fresh));
  }
  return counter.version;
}
