import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, addCluster, readCards, readClusters, setCardTitle, moveCard } from '../../../shared/boardDoc';
import { BoardHistory } from '../../kernel/history/BoardHistory';
import { applyPlan, planSuggestions, takeFingerprints, type Accepted } from './applySuggestions';

function accept(doc: Y.Doc, accepted: Accepted[], fetched: Map<string, string>) {
  const plan = planSuggestions(doc, accepted, fetched);
  BoardHistory.of(doc).change(() => applyPlan(doc, plan));
  return { moved: plan.moved, skipped: plan.skipped };
}

function board() {
  const doc = new Y.Doc();
  const ids = ['Welders are hard to find', 'Skills shortage', 'Grid capacity', 'Energy prices'].map((title) => addCard(doc, { title, author: 'p1' }));
  return { doc, ids };
}

const themeOf = (doc: Y.Doc, cardId: string) => {
  const card = readCards(doc).find((c) => c.id === cardId);
  return readClusters(doc).find((c) => c.id === card?.cluster)?.title ?? null;
};

describe('accepting suggestions', () => {
  it('creates the accepted themes and moves their cards as one undoable step', () => {
    const { doc, ids } = board();
    const fetched = takeFingerprints(doc, ids);
    const outcome = accept(
      doc,
      [
        { suggestion: { title: 'skills', cardIds: [ids[0], ids[1]] }, title: 'Skills and training' },
        { suggestion: { title: 'energy', cardIds: [ids[2], ids[3]] }, title: 'energy' },
      ],
      fetched,
    );
    expect(outcome).toEqual({ moved: 4, skipped: 0 });
    expect(ids.map((id) => themeOf(doc, id))).toEqual(['Skills and training', 'Skills and training', 'energy', 'energy']);

    BoardHistory.of(doc).undo();
    expect(readClusters(doc)).toEqual([]);
    expect(ids.map((id) => themeOf(doc, id))).toEqual([null, null, null, null]);
  });

  it('leaves a card edited or moved since the fetch where it is, and keeps an existing theme\'s name', () => {
    const { doc, ids } = board();
    const named = addCluster(doc, { title: 'Energy (as the room called it)' });
    const elsewhere = addCluster(doc, { title: 'Elsewhere' });
    const fetched = takeFingerprints(doc, ids);
    setCardTitle(doc, ids[1], 'Skills shortage in welding');
    moveCard(doc, ids[3], elsewhere);

    const outcome = accept(
      doc,
      [
        { suggestion: { title: 'skills', cardIds: [ids[0], ids[1]] }, title: 'Skills' },
        { suggestion: { title: 'energy', cardIds: [ids[2], ids[3]], themeId: named }, title: 'energy' },
      ],
      fetched,
    );
    expect(outcome).toEqual({ moved: 2, skipped: 2 });
    expect(ids.map((id) => themeOf(doc, id))).toEqual(['Skills', null, 'Energy (as the room called it)', 'Elsewhere']);
  });

  it('makes no empty theme when every card of a suggestion changed, nor fills a theme removed meanwhile', () => {
    const { doc, ids } = board();
    const gone = addCluster(doc, { title: 'Gone soon' });
    const fetched = takeFingerprints(doc, ids);
    setCardTitle(doc, ids[0], 'Welders');
    setCardTitle(doc, ids[1], 'Skills');
    doc.transact(() => doc.getMap('clusters').delete(gone));

    const outcome = accept(
      doc,
      [
        { suggestion: { title: 'skills', cardIds: [ids[0], ids[1]] }, title: 'Skills' },
        { suggestion: { title: 'energy', cardIds: [ids[2], ids[3]], themeId: gone }, title: 'energy' },
      ],
      fetched,
    );
    expect(outcome).toEqual({ moved: 0, skipped: 4 });
    expect(readClusters(doc)).toEqual([]);
  });
});
