import { describe, expect, it } from 'vitest';
import type { CardView } from '../../shared/boardDoc';
import { titleDuplicatePairs } from '../../shared/suggestions/titleDuplicates';
import { MAX_PARTNERS, possibleDuplicates } from './possibleDuplicates';

const card = (id: string, title: string, mergedInto?: string): CardView => ({ id, title, author: 'a', cluster: null, createdAt: 0, mergedInto });

describe('possibleDuplicates', () => {
  it('marks the cards of every pair, from titles and from the suggestions, counts those pairs, and offers the suggested ones for merging', () => {
    const cards = [card('a', 'Brist på svetsare'), card('b', 'Tekort aan lassers'), card('c', 'Höga elpriser'), card('d', 'Hoge energieprijzen'), card('e', 'Bostäder'), card('f', 'bostäder!'), card('g', 'Water')];
    const suggested = [
      { cardIds: ['a', 'b'] as [string, string], similarity: 1 },
      { cardIds: ['c', 'd'] as [string, string], similarity: 0.8 },
      { cardIds: ['f', 'e'] as [string, string], similarity: 1 },
    ];
    const possible = possibleDuplicates(cards, titleDuplicatePairs(cards), suggested);
    expect(possible.count).toBe(3);
    expect(Object.fromEntries(possible.kinds)).toEqual({ a: 'near', b: 'near', c: 'near', d: 'near', e: 'exact', f: 'exact' });
    expect(possible.offered.get('a')!.map((c) => c.id)).toEqual(['b']);
    expect([...possible.offered.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(possibleDuplicates(cards, titleDuplicatePairs(cards), []).offered.size).toBe(0);
  });

  it('leaves out pairs already merged, and gives no card more than a few partners', () => {
    const same = Array.from({ length: 8 }, (_, i) => card(`s${i}`, 'Same text'));
    const cards = [...same, card('m', 'Merged text', 'n'), card('n', 'Merged text')];
    const possible = possibleDuplicates(cards, titleDuplicatePairs(cards), []);
    expect(possible.kinds.has('m')).toBe(false);
    expect(possible.kinds.size).toBe(8);
    // Eight cards in at most three pairs each: four and four, each four paired every way.
    expect(possible.count).toBe((8 * MAX_PARTNERS) / 2);
  });
});
