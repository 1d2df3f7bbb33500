import { describe, expect, it } from 'vitest';
import { contestedItems } from './contested.js';
import { groupShares, type GroupDots } from './groupBalance.js';

const dots = (entries: Record<string, Record<string, number>>): GroupDots => new Map(Object.entries(entries));
const items = ['skills', 'energy', 'circular', 'grid', 'rules', 'funding'];
const everyItemBackedBy = (voters: number) => Object.fromEntries(items.map((id) => [id, voters]));

describe('contestedItems', () => {
  it('flags an item one group backs and another passes over', () => {
    // Six items, an even share is 1/6: backing is at least 25 % of a group's dots, passing over under 4.2 %.
    const shares = groupShares(
      dots({
        company: { skills: 9, energy: 3, circular: 3, grid: 0, rules: 0, funding: 0 }, // skills 60 %
        union: { skills: 0, energy: 4, circular: 4, grid: 1, rules: 1, funding: 0 }, // skills 0 %, grid 10 %: not backed
      }),
    );
    const contested = contestedItems({ shares, voters: { company: 3, union: 3 }, backers: everyItemBackedBy(3) }, items);
    expect(contested).toEqual(new Set(['skills']));
  });

  it('does not flag an item every group backs, nor one a group merely ranks lower', () => {
    const shares = groupShares(
      dots({
        company: { skills: 6, energy: 4, circular: 3, grid: 1, rules: 1, funding: 0 },
        union: { skills: 4, energy: 6, circular: 1, grid: 2, rules: 1, funding: 1 },
      }),
    );
    // circular: 20 % and 6.7 %: the union likes it less, but it does not pass it over.
    expect(contestedItems({ shares, voters: { company: 3, union: 3 }, backers: everyItemBackedBy(6) }, items)).toEqual(new Set());
  });

  it('does not flag an item that fewer than three voters gave dots, however split the groups', () => {
    // The finding of 2026-12-01: one dot on circular economy made it contested.
    const shares = groupShares(dots({ company: { skills: 0, circular: 1, energy: 4 }, union: { skills: 5, circular: 0, energy: 0 } }));
    const itemIds = ['skills', 'circular', 'energy'];
    const voters = { company: 3, union: 3 };
    expect(contestedItems({ shares, voters, backers: { skills: 3, circular: 1, energy: 2 } }, itemIds)).toEqual(new Set(['skills']));
    expect(contestedItems({ shares, voters, backers: { skills: 2, circular: 1, energy: 2 } }, itemIds)).toEqual(new Set());
  });

  it('compares only groups of at least two voters: one person is not a group', () => {
    const shares = groupShares(
      dots({
        company: { skills: 5, energy: 0 },
        union: { skills: 0, energy: 5 },
        region: { skills: 2, energy: 3 },
      }),
    );
    const backers = { skills: 4, energy: 4 };
    // The union's one voter passes skills over; with the union compared skills would be contested (and energy too).
    expect(contestedItems({ shares, voters: { company: 3, union: 1, region: 3 }, backers }, ['skills', 'energy'])).toEqual(new Set());
    expect(contestedItems({ shares, voters: { company: 3, union: 2, region: 3 }, backers }, ['skills', 'energy'])).toEqual(new Set(['skills', 'energy']));
  });

  it('flags nothing when only one group voted, and never the single item of a one-item round', () => {
    const alone = groupShares(dots({ company: { skills: 6, energy: 0 } }));
    expect(contestedItems({ shares: alone, voters: { company: 5 }, backers: { skills: 5, energy: 0 } }, ['skills', 'energy'])).toEqual(new Set());
    const one = groupShares(dots({ company: { skills: 6 }, union: { skills: 1 } }));
    expect(contestedItems({ shares: one, voters: { company: 3, union: 3 }, backers: { skills: 6 } }, ['skills'])).toEqual(new Set());
  });
});
