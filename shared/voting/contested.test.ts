import { describe, expect, it } from 'vitest';
import { contestedItems } from './contested.js';
import type { GroupDots } from './groupBalance.js';
import { tallyRound } from './tally.js';
import type { CastBallot } from './types.js';

const dots = (entries: Record<string, Record<string, number>>): GroupDots => new Map(Object.entries(entries));
const items = ['skills', 'energy', 'circular', 'grid', 'rules', 'funding'];

describe('contestedItems', () => {
  it('flags an item one group backs and another passes over', () => {
    // Six items, an even share is 1/6: backing is at least 25 % of a group's dots, passing over under 4.2 %.
    const byGroup = dots({
      company: { skills: 9, energy: 3, circular: 3, grid: 0, rules: 0, funding: 0 }, // skills 60 %
      union: { skills: 0, energy: 4, circular: 4, grid: 1, rules: 1, funding: 0 }, // skills 0 %, grid 10 %: not backed
    });
    expect(contestedItems({ dots: byGroup, voters: { company: 3, union: 3 }, cap: 3 }, items)).toEqual(new Set(['skills']));
  });

  it('does not flag an item every group backs, nor one a group merely ranks lower', () => {
    const byGroup = dots({
      company: { skills: 6, energy: 4, circular: 3, grid: 1, rules: 1, funding: 0 },
      union: { skills: 4, energy: 6, circular: 1, grid: 2, rules: 1, funding: 1 },
    });
    // circular: 20 % and 6.7 %: the union likes it less, but it does not pass it over.
    expect(contestedItems({ dots: byGroup, voters: { company: 3, union: 3 }, cap: 1 }, items)).toEqual(new Set());
  });

  it('does not flag an item whose dots the figures show could come from fewer than three voters, however split the groups', () => {
    // The finding of 2026-12-01: one dot on circular economy made it contested.
    const byGroup = dots({ company: { skills: 0, circular: 1, energy: 4 }, union: { skills: 5, circular: 0, energy: 0 } });
    const itemIds = ['skills', 'circular', 'energy'];
    const voters = { company: 3, union: 3 };
    // Five dots on skills need three voters at two dots each, two voters at three.
    expect(contestedItems({ dots: byGroup, voters, cap: 2 }, itemIds)).toEqual(new Set(['skills']));
    expect(contestedItems({ dots: byGroup, voters, cap: 3 }, itemIds)).toEqual(new Set());
  });

  it('compares only groups of at least two voters: one person is not a group', () => {
    const byGroup = dots({
      company: { skills: 5, energy: 0 },
      union: { skills: 0, energy: 5 },
      region: { skills: 2, energy: 3 },
    });
    // The union's one voter passes skills over; with the union compared skills would be contested (and energy too).
    expect(contestedItems({ dots: byGroup, voters: { company: 3, union: 1, region: 3 }, cap: 2 }, ['skills', 'energy'])).toEqual(new Set());
    expect(contestedItems({ dots: byGroup, voters: { company: 3, union: 2, region: 3 }, cap: 2 }, ['skills', 'energy'])).toEqual(new Set(['skills', 'energy']));
  });

  it('flags nothing when only one group voted, and never the single item of a one-item round', () => {
    expect(contestedItems({ dots: dots({ company: { skills: 6, energy: 0 } }), voters: { company: 5 }, cap: 2 }, ['skills', 'energy'])).toEqual(new Set());
    expect(contestedItems({ dots: dots({ company: { skills: 6 }, union: { skills: 1 } }), voters: { company: 3, union: 3 }, cap: 1 }, ['skills'])).toEqual(new Set());
  });

  it('says nothing the published figures do not: two tallies with the same figures get the same flags', () => {
    const ballot = (participantId: string, group: string, allocations: Record<string, number>): CastBallot => ({ participantId, group, allocations, onRoll: true });
    const groups = [
      { id: 'company', name: 'Company' },
      { id: 'union', name: 'Union' },
    ];
    const roundItems = [
      { id: 'skills', kind: 'theme' as const, title: 'Skills' },
      { id: 'energy', kind: 'theme' as const, title: 'Energy' },
    ];
    const settings = { budget: 3, cap: 3, anonymous: false };
    const union = [ballot('u1', 'union', { energy: 3 }), ballot('u2', 'union', { energy: 3 }), ballot('u3', 'union', { energy: 3 })];
    // Skills has three dots from the company either way: from three people, or from one.
    const spread = tallyRound({ roundId: 'r', items: roundItems, settings, groups, ballots: [...union, ballot('c1', 'company', { skills: 1 }), ballot('c2', 'company', { skills: 1 }), ballot('c3', 'company', { skills: 1 })] });
    const one = tallyRound({ roundId: 'r', items: roundItems, settings, groups, ballots: [...union, ballot('c1', 'company', { skills: 3 }), ballot('c2', 'company', {}), ballot('c3', 'company', {})] });
    const figures = (tally: typeof spread) => tally.items.map(({ id, byGroup }) => ({ id, byGroup }));
    expect(figures(spread)).toEqual(figures(one));
    expect(spread.items.map(({ id, contested }) => ({ id, contested }))).toEqual(one.items.map(({ id, contested }) => ({ id, contested })));
  });
});
