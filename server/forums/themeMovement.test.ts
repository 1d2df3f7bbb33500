import { describe, expect, it } from 'vitest';
import { testWorkshops, type ThemedWorkshop } from '../../fixtures/suggestionScores.js';
import type { ThemeMovement } from '../../shared/forum.js';
import { themeMovement, themesByCardCount, type WorkshopPriorities } from './themeMovement.js';

const samples = new Map(testWorkshops().map(({ name, workshop }) => [name, workshop]));

/** A sample workshop's themes as its agreed priorities, in the order its facilitator listed them. */
function agreed(name: string, concepts: WorkshopPriorities['concepts'] = []): WorkshopPriorities {
  const workshop: ThemedWorkshop = samples.get(name)!;
  const priorities = workshop.themes.map((title) => ({ title, cardTitles: workshop.cards.filter((c) => c.theme === title).map((c) => c.title) }));
  return { language: workshop.language, concepts, source: 'agreed', priorities };
}

const path = (movement: ThemeMovement, key: string) => movement.concepts.find((c) => c.key === key);

describe('themeMovement', () => {
  it("meets a Swedish and a Dutch workshop's skills shortage at one concept, named in every language", () => {
    const movement = themeMovement([agreed('sv-livsmedel'), agreed('nl-brabant')]);
    expect(path(movement, 'recruitment')).toMatchObject({ ranks: [1, 1], movement: 'steady', label: { en: 'Recruitment and skills shortage' } });
    expect(path(movement, 'recruitment')!.label.sv).not.toBe(path(movement, 'recruitment')!.label.nl);
  });

  it('tells which themes rose, faded, are new and are gone between the latest two workshops', () => {
    // Skåne's food chain (sv) ranks energy 2nd and rules 3rd; Brabant's builders (nl) put permits 2nd, energy 3rd.
    const movement = themeMovement([agreed('sv-livsmedel'), agreed('nl-brabant')]);
    expect(path(movement, 'permits')).toMatchObject({ ranks: [3, 2], movement: 'rose' });
    expect(path(movement, 'energy')).toMatchObject({ ranks: [2, 3], movement: 'faded' });
    expect(path(movement, 'circular')).toMatchObject({ ranks: [null, 4], movement: 'new' });
    expect(path(movement, 'transport')).toMatchObject({ ranks: [4, null], movement: 'gone' });
    expect(path(movement, 'digital')).toMatchObject({ ranks: [5, 5], movement: 'steady' });
    // The latest workshop's order first, then what is gone.
    expect(movement.concepts.map((c) => c.key)).toEqual(['recruitment', 'permits', 'energy', 'circular', 'digital', 'transport', 'climate']);
  });

  it('compares the latest workshops that ranked anything: one just started changes no movement', () => {
    const started: WorkshopPriorities = { language: 'en', concepts: [], source: 'none', priorities: [] };
    const movement = themeMovement([agreed('sv-livsmedel'), agreed('nl-brabant'), started]);
    expect(movement.sources).toEqual(['agreed', 'agreed', 'none']);
    expect(path(movement, 'permits')).toMatchObject({ ranks: [3, 2, null], movement: 'rose' });
    expect(themeMovement([agreed('sv-skog')]).concepts.every((c) => c.movement === 'steady')).toBe(true);
  });

  it("meets two boards' own concepts of one name, and priorities that match no concept by their title", () => {
    const drones = { label: 'Drönare', words: ['drone', 'drönar'] };
    const dutch: WorkshopPriorities = { language: 'nl', concepts: [drones], source: 'agreed', priorities: [{ title: 'Dronevluchten', cardTitles: [] }, { title: 'Zeespiegel', cardTitles: [] }] };
    const swedish: WorkshopPriorities = { language: 'sv', concepts: [drones], source: 'votes', priorities: [{ title: 'Zeespiegel', cardTitles: [] }, { title: 'Drönarflyg', cardTitles: [] }] };
    const movement = themeMovement([dutch, swedish]);
    expect(path(movement, 'own:drönare')).toMatchObject({ ranks: [1, 2], movement: 'faded', label: { sv: 'Drönare' } });
    expect(path(movement, 'title:zeespiegel')).toMatchObject({ ranks: [2, 1], movement: 'rose', label: { en: 'Zeespiegel' } });
  });

  it('ranks the themes of a workshop before its first vote by their cards, leaving out merged duplicates and empty themes', () => {
    const themes = [
      { id: 't1', title: 'Energi' },
      { id: 't2', title: 'Kompetens' },
      { id: 't3', title: 'Tom' },
    ];
    const cards = [
      { title: 'Elpriset', cluster: 't1' },
      { title: 'Svetsare', cluster: 't2' },
      { title: 'Elektriker', cluster: 't2' },
      { title: 'Elpriset igen', cluster: 't1', mergedInto: 'c1' },
      { title: 'Lösa kort', cluster: null },
    ];
    expect(themesByCardCount(themes, cards)).toEqual([
      { title: 'Kompetens', cardTitles: ['Svetsare', 'Elektriker'] },
      { title: 'Energi', cardTitles: ['Elpriset'] },
    ]);
  });
});
