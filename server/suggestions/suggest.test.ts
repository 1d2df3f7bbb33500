import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits.js';
import { suggest, type SuggestInput } from './suggest.js';

/** 2,000 cards saying the same thing: every pair is a duplicate, and every card joins one theme. */
const identical: SuggestInput = {
  language: 'en',
  cards: Array.from({ length: LIMITS.maxCardsPerBoard }, (_, i) => ({ id: `c${String(i).padStart(4, '0')}`, title: 'More parking near the station', body: '', themeId: null })),
  themes: [],
};

describe('the engine on a board of identical cards', () => {
  it('lists only the most alike pairs, best first, and answers in a couple of seconds of CPU', () => {
    const before = process.cpuUsage();
    const answer = suggest(identical);
    const cpu = process.cpuUsage(before);
    expect(answer.duplicates).toHaveLength(LIMITS.maxDuplicatePairs);
    // All pairs are equally alike, so the first cards' pairs come first, in card order.
    expect(answer.duplicates.slice(0, 2)).toEqual([
      { cardIds: ['c0000', 'c0001'], similarity: 1 },
      { cardIds: ['c0000', 'c0002'], similarity: 1 },
    ]);
    expect(answer.themes).toHaveLength(1);
    expect(answer.themes[0].cardIds).toHaveLength(LIMITS.maxCardsPerBoard);
    // The answer a browser downloads stays small: 200 pairs, 2,000 ids.
    expect(JSON.stringify(answer).length).toBeLessThan(100_000);
    // Measured 1.2 s; before the pairs were capped and clustering skipped rows it need not look through, 7 s.
    expect((cpu.user + cpu.system) / 1e6).toBeLessThan(4);
  }, 60_000);
});
