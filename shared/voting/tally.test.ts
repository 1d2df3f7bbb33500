import { describe, expect, it } from 'vitest';
import { OTHER_GROUPS } from './anonymity.js';
import { topItems } from './ranking.js';
import { dotsPerPerson, tallyRound } from './tally.js';
import type { CastBallot, RoundItem, RoundSettings } from './types.js';

const groups = [
  { id: 'company', name: 'Företag' },
  { id: 'employers', name: 'Arbetsgivarorganisation' },
  { id: 'union', name: 'Fackförbund' },
  { id: 'region', name: 'Region' },
  { id: 'knowledge', name: 'Lärosäte' },
];

const skills: RoundItem = { id: 'skills', kind: 'theme', title: 'Kompetensförsörjning' };
const energy: RoundItem = { id: 'energy', kind: 'theme', title: 'Energiomställning' };
const welders: RoundItem = { id: 'welders', kind: 'card', title: 'Svårt att rekrytera svetsare och CNC-operatörer' };
const items = [skills, energy, welders];

/** `count` voters of one group who all cast the same ballot. */
function voters(group: string, count: number, allocations: Record<string, number>): CastBallot[] {
  return Array.from({ length: count }, (_, i) => ({ participantId: `${group}-${i + 1}`, group, allocations }));
}

const named: RoundSettings = { budget: 5, cap: 3, anonymous: false };
const anonymous: RoundSettings = { budget: 5, cap: 3, anonymous: true };

describe('tallyRound', () => {
  /*
   * company 6 × {skills 3, welders 2}: skills 18, welders 12 (30 dots)
   * union   2 × {energy 3, skills 2}:  energy 6, skills 4   (10 dots)
   * region  3 × {energy 3, welders 2}: energy 9, welders 6  (15 dots)
   * totals: skills 22, welders 18, energy 15 → raw ranks skills 1, welders 2, energy 3.
   * shares: company skills .6 welders .4; union energy .6 skills .4; region energy .6 welders .4
   * balanced: skills (.6+.4+0)/3 = 33.3, energy (0+.6+.6)/3 = 40.0, welders (.4+0+.4)/3 = 26.7
   * → balanced ranks energy 1, skills 2, welders 3.
   */
  const mixed = [
    ...voters('company', 6, { skills: 3, welders: 2 }),
    ...voters('union', 2, { energy: 3, skills: 2 }),
    ...voters('region', 3, { energy: 3, welders: 2 }),
  ];

  it('adds up the dots per item and per group, in raw rank order', () => {
    const tally = tallyRound({ roundId: 'r1', items, settings: named, ballots: mixed, groups });
    expect(tally.groups).toEqual(['company', 'union', 'region']);
    expect(tally.voters).toEqual({ total: 11, byGroup: { company: 6, union: 2, region: 3 } });
    expect(tally.items.map((i) => [i.id, i.total, i.rank, i.balanced, i.balancedRank])).toEqual([
      ['skills', 22, 1, 33.3, 2],
      ['welders', 18, 2, 26.7, 3],
      ['energy', 15, 3, 40, 1],
    ]);
    expect(tally.items[0]!.byGroup).toEqual({ company: 18, union: 4, region: 0 });
  });

  it('ranks the item of the small groups first when balanced, the large group\'s item first when raw', () => {
    // company 6 × 3 dots on skills = 18; union 2 × 3 + region 3 × 3 dots on energy = 15.
    // raw: skills 18 > energy 15. balanced: skills (1 + 0 + 0)/3 = 33.3, energy (0 + 1 + 1)/3 = 66.7.
    const ballots = [...voters('company', 6, { skills: 3 }), ...voters('union', 2, { energy: 3 }), ...voters('region', 3, { energy: 3 })];
    const tally = tallyRound({ roundId: 'r1', items: [skills, energy], settings: named, ballots, groups });
    const [first, second] = tally.items;
    expect([first!.id, first!.total, first!.rank, first!.balanced, first!.balancedRank]).toEqual(['skills', 18, 1, 33.3, 2]);
    expect([second!.id, second!.total, second!.rank, second!.balanced, second!.balancedRank]).toEqual(['energy', 15, 2, 66.7, 1]);

    // Anonymous, the union (2) cannot be shown alone, and a bucket of 2 would be its ballots: the region joins
    // it. The bucket weighs as one group: skills (1 + 0)/2 = 50, energy (0 + 1)/2 = 50, tied, ranked by dots.
    const hidden = tallyRound({ roundId: 'r1', items: [skills, energy], settings: anonymous, ballots, groups });
    expect(hidden.groups).toEqual(['company', OTHER_GROUPS]);
    expect(hidden.items.map((i) => [i.id, i.balanced, i.balancedRank, i.consensus])).toEqual([
      ['skills', 50, 1, 0],
      ['energy', 50, 2, 0],
    ]);
  });

  it('merges a group of fewer than three voters in an anonymous round, and the smallest shown group until the bucket holds three', () => {
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots: mixed, groups });
    // The union's 2 voters alone would be a bucket of 2: the region (3, smaller than the company's 6) joins them.
    expect(tally.groups).toEqual(['company', OTHER_GROUPS]);
    expect(tally.voters).toEqual({ total: 11, byGroup: { company: 6, [OTHER_GROUPS]: 5 } });
    const skillsResult = tally.items.find((i) => i.id === 'skills')!;
    expect(skillsResult.byGroup).toEqual({ company: 18, [OTHER_GROUPS]: 4 });
    // The bucket says which groups are in it, so the region's view does not silently disappear.
    expect(tally.merged).toEqual(['union', 'region']);
    // Every figure is over the groups as shown: the bucket (energy 15, skills 4, welders 6 of 25 dots) is one group.
    // skills (18/30 + 4/25)/2 = 38, energy (0 + 15/25)/2 = 30, welders (12/30 + 6/25)/2 = 32.
    expect(tally.items.map((i) => [i.id, i.balanced, i.balancedRank])).toEqual([
      ['skills', 38, 1],
      ['welders', 32, 2],
      ['energy', 30, 3],
    ]);
  });

  it('names the groups in the bucket and merges no more voters than needed (groups of 7, 5, 2 and 5)', () => {
    const ballots = [
      ...voters('company', 7, { skills: 3 }),
      ...voters('union', 5, { energy: 3 }),
      ...voters('region', 2, { welders: 3 }),
      ...voters('knowledge', 5, { skills: 1, energy: 2 }),
    ];
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots, groups });
    // The region's 2 need one more group: a 5-voter group, the later on a tie; the 7-voter company stays apart.
    expect(tally.groups).toEqual(['company', 'union', OTHER_GROUPS]);
    expect(tally.merged).toEqual(['region', 'knowledge']);
    expect(tally.voters.byGroup).toEqual({ company: 7, union: 5, [OTHER_GROUPS]: 7 });
  });

  it('counts only people on the round\'s roll who gave dots toward a group\'s threshold', () => {
    const lone = { participantId: 'union-1', group: 'union', allocations: { skills: 3, energy: 2 }, onRoll: true };
    // Two made-up people join the lone voter's group after the round opened and cast empty ballots.
    const puppets = [2, 3].map((n) => ({ participantId: `union-${n}`, group: 'union', allocations: {}, onRoll: false }));
    const others = [...voters('company', 3, { welders: 1 }), ...voters('region', 3, { energy: 1 })].map((b) => ({ ...b, onRoll: true }));
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots: [...others, lone, ...puppets], groups });
    expect(tally.groups).not.toContain('union');
    // Late joiners who do give dots count in the figures, never toward the threshold.
    const lateWithDots = puppets.map((b) => ({ ...b, allocations: { welders: 1 } }));
    const again = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots: [...others, lone, ...lateWithDots], groups });
    expect(again.groups).not.toContain('union');
    expect(again.items.find((i) => i.id === 'welders')!.total).toBe(5);
  });

  it('shows every group as it is in a named round', () => {
    const ballots = [...mixed, ...voters('knowledge', 1, { welders: 1 })];
    const tally = tallyRound({ roundId: 'r1', items, settings: named, ballots, groups });
    expect(tally.groups).toEqual(['company', 'union', 'region', 'knowledge']);
    expect(tally.voters.byGroup).toEqual({ company: 6, union: 2, region: 3, knowledge: 1 });
  });

  it('merges several small groups into one bucket of at least three voters', () => {
    const ballots = [...voters('region', 3, { energy: 2 }), ...voters('union', 2, { skills: 1 }), ...voters('knowledge', 1, { skills: 2 })];
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots, groups });
    expect(tally.groups).toEqual(['region', OTHER_GROUPS]);
    expect(tally.voters.byGroup).toEqual({ region: 3, [OTHER_GROUPS]: 3 });
    expect(tally.items.find((i) => i.id === 'skills')!.byGroup).toEqual({ region: 0, [OTHER_GROUPS]: 4 });
  });

  it('shows only the totals when a lone small group would be a bucket of one', () => {
    // region 3 and one union voter: a bucket of 1 is that person's ballot, and the totals minus the region's
    // figures would give it anyway. So the region joins the bucket and no group is shown apart.
    const ballots = [...voters('region', 3, { energy: 2 }), ...voters('union', 1, { skills: 1 })];
    const tally = tallyRound({ roundId: 'r2', items, settings: anonymous, ballots, groups });
    expect(tally.groups).toEqual([OTHER_GROUPS]);
    expect(tally.voters.byGroup).toEqual({ [OTHER_GROUPS]: 4 });
    expect(tally.items.map((i) => [i.id, i.total, i.byGroup, i.balanced, i.consensus, i.contested])).toEqual([
      ['energy', 6, { [OTHER_GROUPS]: 6 }, 85.7, null, false],
      ['skills', 1, { [OTHER_GROUPS]: 1 }, 14.3, null, false],
      ['welders', 0, { [OTHER_GROUPS]: 0 }, 0, null, false],
    ]);
  });

  it('publishes the same figures whether the lone union voter or a region voter backed skills', () => {
    // The one-person-group inference: groups of 1 (union) and 2 (region) beside a company of 3. Two worlds
    // that differ only in which of two bucket members cast which ballot must publish the very same figures,
    // or the figures say something about the union's one voter.
    const company = voters('company', 3, { skills: 1, energy: 2, welders: 2 });
    const world = (unionBallot: Record<string, number>, regionBallot: Record<string, number>) =>
      tallyRound({
        roundId: 'r1',
        items,
        settings: anonymous,
        ballots: [...company, ...voters('union', 1, unionBallot), { participantId: 'region-1', group: 'region', allocations: regionBallot }, ...voters('region', 1, { energy: 1 }).map((b) => ({ ...b, participantId: 'region-2' }))],
        groups,
      });
    const unionOnSkills = world({ skills: 3, welders: 2 }, { energy: 3, welders: 2 });
    const unionOnEnergy = world({ energy: 3, welders: 2 }, { skills: 3, welders: 2 });
    expect(unionOnSkills.groups).toEqual(['company', OTHER_GROUPS]);
    expect(unionOnSkills.voters.byGroup).toEqual({ company: 3, [OTHER_GROUPS]: 3 });
    expect(unionOnSkills).toEqual(unionOnEnergy);
  });

  it('never publishes who gave what, even of a named round: the per-person figures are their own answer', () => {
    for (const settings of [named, anonymous]) {
      const tally = tallyRound({ roundId: 'r1', items, settings, ballots: mixed, groups });
      expect(JSON.stringify(tally)).not.toMatch(/(company|union|region)-\d/);
    }
    const perPerson = dotsPerPerson(items, mixed);
    expect(perPerson.find((p) => p.participantId === 'union-1')).toEqual({ participantId: 'union-1', dots: [{ itemId: 'skills', dots: 2 }, { itemId: 'energy', dots: 3 }] });
    expect(perPerson).toHaveLength(11);
  });

  it('is plain JSON', () => {
    for (const settings of [named, anonymous]) {
      const tally = tallyRound({ roundId: 'r1', items, settings, ballots: mixed, groups });
      expect(JSON.parse(JSON.stringify(tally))).toStrictEqual(tally);
    }
  });

  it('counts empty ballots as voters but leaves abstaining groups out of the balanced score', () => {
    const ballots = [...voters('company', 3, { skills: 2, energy: 1 }), ...voters('union', 3, {})];
    const tally = tallyRound({ roundId: 'r1', items, settings: named, ballots, groups });
    expect(tally.voters).toEqual({ total: 6, byGroup: { company: 3, union: 3 } });
    expect(tally.items.map((i) => [i.id, i.balanced, i.consensus])).toEqual([
      ['skills', 66.7, null],
      ['energy', 33.3, null],
      ['welders', 0, null],
    ]);
  });

  it('gives items with the same total and balanced score the same rank (1, 1, 3), listed by title', () => {
    const ballots = voters('company', 3, { skills: 2, energy: 2, welders: 1 });
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots, groups });
    expect(tally.items.map((i) => [i.title, i.rank, i.balancedRank])).toEqual([
      ['Energiomställning', 1, 1],
      ['Kompetensförsörjning', 1, 1],
      ['Svårt att rekrytera svetsare och CNC-operatörer', 3, 3],
    ]);
  });

  it('breaks a tie in total dots by balanced score', () => {
    // total 9 each; balanced: skills (3/12 + 6/6)/2 = 62.5, energy (9/12 + 0)/2 = 37.5
    const ballots = [...voters('company', 3, { skills: 1, energy: 3 }), ...voters('union', 3, { skills: 2 })];
    const tally = tallyRound({ roundId: 'r1', items: [energy, skills], settings: anonymous, ballots, groups });
    expect(tally.items.map((i) => [i.id, i.total, i.balanced, i.rank])).toEqual([
      ['skills', 9, 62.5, 1],
      ['energy', 9, 37.5, 2],
    ]);
  });

  it('ranks everything first when nobody voted', () => {
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots: [], groups });
    expect(tally.voters).toEqual({ total: 0, byGroup: {} });
    expect(tally.items.map((i) => [i.rank, i.total, i.balanced, i.consensus, i.contested])).toEqual([
      [1, 0, 0, null, false],
      [1, 0, 0, null, false],
      [1, 0, 0, null, false],
    ]);
  });
});

describe('topItems', () => {
  it('takes the top n by raw rank, and an item tied with the n-th too', () => {
    const ballots = voters('company', 3, { skills: 2, energy: 2, welders: 1 });
    const tally = tallyRound({ roundId: 'r1', items, settings: anonymous, ballots, groups });
    expect(topItems(tally, 1)).toEqual([energy, skills]);
    expect(topItems(tally, 3)).toEqual([energy, skills, welders]);
  });
});
