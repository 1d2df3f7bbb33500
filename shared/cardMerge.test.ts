import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addCard, addCluster, cardsOf, moveCard, readCards } from './boardDoc';
import { judgeCardFields } from './boardSchema';
import { mergeCards, mergesOf, separateCard } from './cardMerge';

function board() {
  const doc = new Y.Doc();
  const theme = addCluster(doc, { title: 'Skills' });
  const first = addCard(doc, { title: 'Welders are hard to find', author: 'anna', cluster: theme });
  const second = addCard(doc, { title: 'Hard to find welders', author: 'bo' });
  // The second card is written later, whatever the clock says.
  cardsOf(doc).get(second)!.set('createdAt', Number(cardsOf(doc).get(first)!.get('createdAt')) + 1);
  return { doc, theme, first, second };
}

describe('merging duplicate cards', () => {
  it('links the later card to the earlier, into its theme, leaving both texts and authors as written', () => {
    const { doc, theme, first, second } = board();
    mergeCards(doc, second, first);
    const cards = readCards(doc);
    expect(cards.map((c) => [c.title, c.author, c.cluster, c.mergedInto])).toEqual([
      ['Welders are hard to find', 'anna', theme, undefined],
      ['Hard to find welders', 'bo', theme, first],
    ]);
    expect(mergesOf(cards).get(first)?.map((c) => c.id)).toEqual([second]);
    expect(cards.map((c) => judgeCardFields(cardsOf(doc).get(c.id)!))).toEqual([null, null]);
  });

  it('moves merged cards with the card they were merged into, and separates them again', () => {
    const { doc, first, second } = board();
    mergeCards(doc, first, second);
    const energy = addCluster(doc, { title: 'Energy' });
    moveCard(doc, first, energy);
    expect(readCards(doc).map((c) => c.cluster)).toEqual([energy, energy]);

    separateCard(doc, second);
    expect(mergesOf(readCards(doc)).size).toBe(0);
    expect(judgeCardFields(cardsOf(doc).get(second)!)).toBeNull();
  });

  it('makes one level of merges, and hides neither card of a pair merged both ways at once', () => {
    const { doc, first, second } = board();
    const third = addCard(doc, { title: 'Welders wanted', author: 'cy' });
    cardsOf(doc).get(third)!.set('createdAt', Number(cardsOf(doc).get(second)!.get('createdAt')) + 1);
    mergeCards(doc, first, second);
    mergeCards(doc, third, second);
    expect(mergesOf(readCards(doc)).get(first)?.map((c) => c.id)).toEqual([second, third]);

    cardsOf(doc).get(first)!.set('mergedInto', second);
    expect(mergesOf(readCards(doc)).size).toBe(0);
  });
});
