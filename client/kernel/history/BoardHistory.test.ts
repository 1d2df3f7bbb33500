import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addCluster, cardsOf, mergeClusters, readCards, readClusters } from '../../../shared/boardDoc';
import { BoardHistory } from './BoardHistory';

/** Two people's copies of one board, kept in sync the way the server relays updates. */
function twoPeople() {
  const mine = new Y.Doc();
  const theirs = new Y.Doc();
  mine.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(theirs, update, 'relay'));
  theirs.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(mine, update, 'relay'));
  return { mine, theirs };
}

describe('BoardHistory', () => {
  it('undoes a merge of mine and keeps a move someone else made meanwhile', () => {
    const { mine, theirs } = twoPeople();
    const skills = addCluster(mine, { title: 'Skills' });
    const energy = addCluster(mine, { title: 'Energy' });
    const welders = addCard(mine, { title: 'Too few welders', author: 'p1', cluster: skills });
    const grid = addCard(mine, { title: 'Grid full', author: 'p2' });
    const history = BoardHistory.of(mine);

    history.change(() => mergeClusters(mine, skills, energy), 'merged');
    expect(history.getSnapshot()).toMatchObject({ canUndo: true, notice: { message: 'merged' } });
    theirs.getMap<Y.Map<unknown>>('cards').get(grid)!.set('cluster', energy);

    history.undo();
    const cards = new Map(readCards(theirs).map((c) => [c.id, c.cluster]));
    expect(readClusters(theirs).map((c) => c.title)).toEqual(['Skills', 'Energy']);
    expect(cards.get(welders)).toBe(skills);
    expect(cards.get(grid)).toBe(energy);
    expect(history.getSnapshot()).toMatchObject({ canUndo: false, canRedo: true, notice: null });

    history.redo();
    expect(readClusters(theirs).map((c) => c.title)).toEqual(['Energy']);
  });

  it('does not offer to undo what others did', () => {
    const { mine, theirs } = twoPeople();
    addCluster(theirs, { title: 'Housing' });
    BoardHistory.of(theirs).change(() => addCluster(theirs, { title: 'Transport' }));
    expect(BoardHistory.of(mine).getSnapshot().canUndo).toBe(false);
  });
});

describe('BoardHistory within what one may remove at once', () => {
  it('does not offer to undo a new theme that holds cards when the server would refuse it, and does an empty one', () => {
    const doc = new Y.Doc();
    const card = addCard(doc, { title: 'Too few welders', author: 'p1' });
    const history = BoardHistory.of(doc);
    history.limitRemovals((removal) => removal.themesWithCards === 0);

    history.change(() => {
      const theme = addCluster(doc, { title: 'Skills' });
      cardsOf(doc).get(card)!.set('cluster', theme);
    });
    expect(history.getSnapshot().canUndo).toBe(false);
    history.undo();
    expect(readClusters(doc).map((c) => c.title)).toEqual(['Skills']);

    history.change(() => addCluster(doc, { title: 'Energy' }));
    expect(history.getSnapshot().canUndo).toBe(true);
    history.undo();
    expect(readClusters(doc).map((c) => c.title)).toEqual(['Skills']);
  });
});
