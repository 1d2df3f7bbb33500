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
    const same = Array.from({ length: 8 }, (_, i) => card(`s${i}`, `Same text ${i}`));
    const cards = [...same, card('m', 'Merged text', 'n'), card('n', 'Merged text')];
    const everyWay = same.flatMap((a, i) => same.slice(i + 1).map((b) => ({ cardIds: [a.id, b.id] as [string, string], similarity: 0.9 })));
    const possible = possibleDuplicates(cards, titleDuplicatePairs(cards), everyWay);
    expect(possible.kinds.has('m')).toBe(false);
    for (const partners of possible.offered.values()) expect(partners.length).toBeLessThanOrEqual(MAX_PARTNERS);
    expect(possible.count + possible.more).toBe(everyWay.length);
  });

  it('marks only the most alike pairs of a large board, one for every ten cards, and counts the rest', () => {
    // 150 cards, each like the next three: 444 pairs, most alike at the start of the board.
    const cards = Array.from({ length: 150 }, (_, i) => card(`c${String(i).padStart(3, '0')}`, `Card ${i}`));
    const pairs = cards.flatMap((a, i) => cards.slice(i + 1, i + 4).map((b) => ({ cardIds: [a.id, b.id] as [string, string], similarity: 1 - i / 1000 })));
    const possible = possibleDuplicates(cards, [], pairs);
    expect(possible.count).toBe(15);
    expect(possible.more).toBe(pairs.length - 15);
    expect(possible.kinds.size).toBeLessThanOrEqual(30);
    expect([...possible.kinds.keys()].every((id) => Number(id.slice(1)) < 20)).toBe(true);
  });
});
