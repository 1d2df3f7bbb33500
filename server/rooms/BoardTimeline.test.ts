import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addCluster, moveCard, readCards } from '../../shared/boardDoc.js';
import type { LoadedDocument } from '../storage/DocumentLog.js';
import { pointsToKeep } from './BoardTimeline.js';

/** A board document's log: an optional snapshot of what `before` built, then one update per change after it. */
function logOf(before: ((doc: Y.Doc) => void) | null, changes: Array<(doc: Y.Doc) => void>): LoadedDocument {
  const doc = new Y.Doc();
  before?.(doc);
  const snapshot = before ? Y.encodeStateAsUpdate(doc) : null;
  const snapshotSeq = before ? 10 : 0;
  const updates: LoadedDocument['updates'] = [];
  doc.on('update', (update: Uint8Array) => updates.push({ seq: snapshotSeq + updates.length + 1, update }));
  changes.forEach((change) => doc.transact(() => change(doc)));
  return { snapshot, snapshotSeq, updates, lastSeq: snapshotSeq + updates.length };
}

function clustered(doc: Y.Doc): string[] {
  const theme = addCluster(doc, { title: 'Kompetens' });
  return Array.from({ length: 4 }, (_, i) => {
    const id = addCard(doc, { title: `Kort ${i}`, author: 'facilitator' });
    moveCard(doc, id, theme);
    return id;
  });
}

describe('the points a compaction keeps', () => {
  it('keep the best-clustered board, not the vandalised one after it, and never the empty board', () => {
    let ids: string[] = [];
    const unthemed = (i: number) => (doc: Y.Doc) => moveCard(doc, ids[i], null);
    const stored = logOf(null, [(doc) => (ids = clustered(doc)), unthemed(0), unthemed(1), unthemed(2), unthemed(3)]);
    const kept = pointsToKeep(stored, stored.lastSeq);
    expect(kept.map(({ state: _, ...point }) => point)).toEqual([{ seq: 1, cards: 4, merged: 0, themed: 4, themes: 1 }]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, kept[0].state);
    expect(readCards(doc).every((card) => card.cluster !== null)).toBe(true);
  });

  it('keep the board the history showed before, and only what the compaction merges', () => {
    let ids: string[] = [];
    let theme = '';
    const before = (doc: Y.Doc) => {
      theme = addCluster(doc, { title: 'Kompetens' });
      ids = Array.from({ length: 4 }, (_, i) => addCard(doc, { title: `Kort ${i}`, author: 'facilitator' }));
    };
    const stored = logOf(before, [
      (doc) => ids.forEach((id) => moveCard(doc, id, theme)),
      (doc) => moveCard(doc, ids[0], null),
      (doc) => addCard(doc, { title: 'Ny', author: 'facilitator' }),
    ]);
    expect(pointsToKeep(stored, stored.lastSeq).map((point) => [point.seq, point.themed])).toEqual([
      [10, 0],
      [11, 4],
    ]);
    // Up to seq 11 the clustering is the compaction's last point: it stays in the history as the new snapshot.
    expect(pointsToKeep(stored, 11).map((point) => point.seq)).toEqual([10]);
  });
});
