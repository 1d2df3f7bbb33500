import { describe, expect, it } from 'vitest';
import { balancedScore, consensus, groupShares, type GroupDots } from './groupBalance.js';

const dots = (entries: Record<string, Record<string, number>>): GroupDots => new Map(Object.entries(entries));

describe('groupShares and balancedScore', () => {
  it('gives each group that voted the same weight, and the scores add up to 100', () => {
    const shares = groupShares(
      dots({
        company: { skills: 18, energy: 0, circular: 12 },
        union: { skills: 4, energy: 6, circular: 0 },
        region: { skills: 0, energy: 9, circular: 6 },
        employers: { skills: 0, energy: 0, circular: 0 },
      }),
    );
    expect([...shares.keys()]).toEqual(['company', 'union', 'region']);
    const scores = ['skills', 'energy', 'circular'].map((id) => balancedScore(shares, id));
    expect(scores[0]).toBeCloseTo(100 / 3); // (0.6 + 0.4 + 0) / 3
    expect(scores[1]).toBeCloseTo(40); // (0 + 0.6 + 0.6) / 3
    expect(scores[2]).toBeCloseTo(80 / 3); // (0.4 + 0 + 0.4) / 3
    expect(scores.reduce((a, b) => a + b)).toBeCloseTo(100);
  });
});

describe('consensus', () => {
  it('is 1 when all groups split their dots identically, whatever their size', () => {
    const shares = groupShares(
      dots({
        company: { skills: 12, energy: 6 },
        union: { skills: 4, energy: 2 },
        region: { skills: 2, energy: 1 },
      }),
    );
    expect(consensus(shares, 'skills')).toBeCloseTo(1, 10);
    expect(consensus(shares, 'energy')).toBeCloseTo(1, 10);
  });

  it('is 0 when one group alone wants the item', () => {
    const shares = groupShares(dots({ company: { skills: 6, energy: 0 }, union: { skills: 0, energy: 6 }, region: { skills: 0, energy: 3 } }));
    expect(consensus(shares, 'skills')).toBeCloseTo(0, 10);
  });

  it('lies between, by the spread of the shares', () => {
    // shares 0, .6, .6: mean .4, standard deviation √.08 = .2828, over the mean .7071, over √2 = .5
    const shares = groupShares(
      dots({ company: { energy: 0, skills: 10 }, union: { energy: 6, skills: 4 }, region: { energy: 9, skills: 6 } }),
    );
    expect(consensus(shares, 'energy')).toBeCloseTo(0.5, 10);
  });

  it('is 1 for an item nobody voted for and null with fewer than two voting groups', () => {
    const two = groupShares(dots({ company: { skills: 3, welders: 0 }, union: { skills: 3, welders: 0 } }));
    expect(consensus(two, 'welders')).toBe(1);
    expect(consensus(groupShares(dots({ company: { skills: 3 } })), 'skills')).toBeNull();
    expect(consensus(groupShares(dots({})), 'skills')).toBeNull();
  });
});
