import { describe, expect, it } from 'vitest';
import { findDuplicates } from './duplicates';

const cards = (...titles: string[]) => titles.map((title, i) => ({ id: `c${i}`, title }));

describe('findDuplicates', () => {
  it('marks titles that are the same but for case, accents and punctuation as exact', () => {
    const found = findDuplicates(cards('Brist på underhållstekniker', 'brist pa underhallstekniker!', 'Energipriser'));
    expect(found.get('c0')).toBe('exact');
    expect(found.get('c1')).toBe('exact');
    expect(found.has('c2')).toBe(false);
  });

  it('marks the same words in another order, and a typo, as near', () => {
    const found = findDuplicates(cards('Skills shortage in welding', 'welding skills shortage in', 'Skils shortage in welding', 'Grid capacity'));
    expect(found.get('c1')).toBe('near');
    expect(found.get('c2')).toBe('near');
    expect(found.has('c3')).toBe(false);
  });

  it('does not call short different words near duplicates', () => {
    expect(findDuplicates(cards('Energy', 'Energi prices', 'Water')).size).toBe(0);
  });
});
