import { describe, expect, it } from 'vitest';
import { labelledWorkshops, scoreDuplicates, summarise } from '../../fixtures/duplicateScores.js';
import { suggest } from './suggest.js';

/**
 * Duplicates people would call duplicates (fixtures/duplicates): on workshops the threshold was not tuned on,
 * at least half the labelled pairs are listed, within one language and across two, and most listed pairs are
 * labelled ones. The figures themselves are printed by `npm run bench -- duplicates` and in docs/suggestions.md.
 */
const workshops = labelledWorkshops();
const unseen = workshops.filter(({ workshop }) => workshop.split === 'unseen');

describe('suggested duplicates against people’s labels', () => {
  it('has unseen workshops in every language, with pairs across languages', () => {
    expect(new Set(unseen.map(({ workshop }) => workshop.language))).toEqual(new Set(['en', 'nl', 'sv']));
    const totals = summarise(unseen.map(({ workshop }) => scoreDuplicates(workshop)));
    expect(totals.labelled).toBeGreaterThanOrEqual(30);
  });

  it('lists at least half the labelled pairs of unseen workshops, within and across languages, and few others', () => {
    const totals = summarise(unseen.map(({ workshop }) => scoreDuplicates(workshop)));
    expect(totals.recallWithin).toBeGreaterThanOrEqual(0.5);
    expect(totals.recallAcross).toBeGreaterThanOrEqual(0.5);
    expect(totals.recall).toBeGreaterThanOrEqual(0.5);
    expect(totals.precision).toBeGreaterThanOrEqual(0.8);
  });

  it('calls "Brist på svetsare", "Tekort aan lassers" and "Shortage of welders" one another’s duplicates, and not a card on electricity prices', () => {
    const { duplicates } = suggest({
      language: 'sv',
      cards: [
        { id: 'sv', title: 'Brist på svetsare', body: '', themeId: null },
        { id: 'nl', title: 'Tekort aan lassers', body: '', themeId: null },
        { id: 'en', title: 'Shortage of welders', body: '', themeId: null },
        { id: 'price', title: 'Höga elpriser', body: '', themeId: null },
      ],
      themes: [],
    });
    expect(duplicates.map((pair) => [...pair.cardIds].sort().join(' ≈ ')).sort()).toEqual(['en ≈ nl', 'en ≈ sv', 'nl ≈ sv']);
  });
});
