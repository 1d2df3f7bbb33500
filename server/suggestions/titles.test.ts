import { describe, expect, it } from 'vitest';
import { ConceptMatcher } from './concepts.js';
import { readCard } from './features.js';
import { titleFor } from './titles.js';

const noConcepts = new ConceptMatcher([]);
const card = (title: string, language: 'nl' | 'sv') => readCard({ id: title, title, text: title, language }, noConcepts);

describe('a suggested theme’s title when no concept names the group', () => {
  it('is a card title in the workshop’s language, never a word the other language’s cards share', () => {
    const group = [
      card('Gezamenlijke inkoop van stroom', 'nl'),
      card('Gezamenlijke opleidingen in de regio', 'nl'),
      card('Gezamenlijke stageplaatsen', 'nl'),
      card('Samordnade praktikplatser i regionen', 'sv'),
    ];
    expect(titleFor(group, noConcepts, 'sv')).toBe('Samordnade praktikplatser i regionen');
  });

  it('is the shortest card title when none is in the workshop’s language', () => {
    const group = [card('Gezamenlijke inkoop van stroom', 'nl'), card('Gezamenlijke stageplaatsen', 'nl')];
    expect(titleFor(group, noConcepts, 'sv')).toBe('Gezamenlijke stageplaatsen');
  });
});
