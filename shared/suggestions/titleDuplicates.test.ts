import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { titleDuplicatePairs } from './titleDuplicates';

const cards = (...titles: string[]) => titles.map((title, i) => ({ id: `c${i}`, title }));
const pairsOf = (titles: string[]) => titleDuplicatePairs(cards(...titles)).map(({ cardIds, similarity }) => `${cardIds.join('+')} ${similarity}`);

describe('titleDuplicatePairs', () => {
  it('pairs titles that are the same but for case, accents and punctuation, with similarity 1', () => {
    expect(pairsOf(['Brist på underhållstekniker', 'brist pa underhallstekniker!', 'Energipriser'])).toEqual(['c0+c1 1']);
  });

  it('pairs the same words in another order, and a typo, as near', () => {
    expect(pairsOf(['Skills shortage in welding', 'welding skills shortage in', 'Skils shortage in welding', 'Grid capacity'])).toEqual(['c0+c1 0.9', 'c0+c2 0.9']);
  });

  it('does not call short different words near duplicates', () => {
    expect(pairsOf(['Energy', 'Energi prices', 'Water'])).toEqual([]);
  });

  it('lists at most the cap of pairs for a board of identical cards', () => {
    expect(titleDuplicatePairs(cards(...Array.from({ length: 2000 }, () => 'Same card')))).toHaveLength(LIMITS.maxDuplicatePairs);
  });
});
