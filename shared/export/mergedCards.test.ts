import { describe, expect, it } from 'vitest';
import { buildPriorityList } from './priorityList.js';
import { sampleBoard } from '../../fixtures/exportBoards.js';
import type { PriorityListInput } from './types.js';

/** The sample board with a second card on offshore wind, merged into the first as its duplicate. */
function withMergedCard(input: PriorityListInput): PriorityListInput {
  const duplicate = { id: 'c-wind-2', title: 'Too few wind turbine technicians', author: 'p-region-2', cluster: null, bodyText: 'Turbines stand still.', mergedInto: 'c-wind' };
  return { ...input, cards: [...input.cards, duplicate] };
}

describe('a card merged with its duplicate, in the priority list', () => {
  it('is listed with the card it joined, under its own author, and counted in its provenance', () => {
    const list = buildPriorityList(withMergedCard(sampleBoard()));
    const wind = list.items.find((item) => item.itemId === 'c-wind')!;
    expect(wind.cards).toEqual([
      { title: 'Skills gap in offshore wind maintenance', body: '\t-2 technicians per turbine', group: 'company' },
      { title: 'Too few wind turbine technicians', body: 'Turbines stand still.', group: 'region' },
    ]);
    expect(wind.provenance).toEqual({ company: 1, region: 1 });
  });

  it('is no item of its own before any round', () => {
    const list = buildPriorityList(withMergedCard({ ...sampleBoard(), rounds: [], tallies: {} }));
    expect(list.items.map((item) => item.itemId)).not.toContain('c-wind-2');
    expect(list.items.find((item) => item.itemId === 'c-wind')!.cards.map((card) => card.title)).toEqual([
      'Skills gap in offshore wind maintenance',
      'Too few wind turbine technicians',
    ]);
  });
});
