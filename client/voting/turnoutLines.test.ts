import { describe, expect, it } from 'vitest';
import type { ParticipantInfo } from '../../shared/controlDoc';
import { OTHER_GROUPS } from '../../shared/voting/anonymity';
import type { RoundState } from '../../shared/voting/types';
import { turnoutLines } from './turnoutLines';

const groups = [
  { id: 'company', name: 'Företag' },
  { id: 'union', name: 'Fackförbund' },
  { id: 'region', name: 'Region' },
  { id: 'knowledge', name: 'Lärosäte' },
];
const people = new Map<string, ParticipantInfo>(
  [...['company', 'company', 'company', 'company'], 'union', 'region', 'region'].map((group, i) => [`p${i}`, { id: `p${i}`, name: `Person ${i}`, organisation: '', group, joinedAt: 0 }]),
);
const round = (anonymous: boolean, byGroup: Record<string, number>): RoundState => ({
  id: 'r1',
  number: 1,
  state: 'open',
  settings: { budget: 5, cap: 3, anonymous },
  items: [],
  openedAt: 0,
  voters: { total: Object.values(byGroup).reduce((a, b) => a + b, 0), byGroup },
});

describe('turnoutLines', () => {
  it('gives no group of fewer than 3 voters a line of its own in an anonymous round, and names the groups in the combined line', () => {
    expect(turnoutLines(round(true, { company: 3, [OTHER_GROUPS]: 2 }), groups, people)).toEqual([
      { id: 'company', name: 'Företag', voted: 3, members: 4 },
      { id: OTHER_GROUPS, name: 'Fackförbund + Region', voted: 2, members: 3 },
    ]);
    // Before anyone voted, everybody is in the combined line: not "Fackförbund: 0 of 1".
    expect(turnoutLines(round(true, {}), groups, people)).toEqual([{ id: OTHER_GROUPS, name: 'Företag + Fackförbund + Region', voted: 0, members: 7 }]);
  });

  it('lists every group with members in a named round', () => {
    expect(turnoutLines(round(false, { company: 1, union: 1 }), groups, people).map((line) => [line.name, line.voted, line.members])).toEqual([
      ['Företag', 1, 4],
      ['Fackförbund', 1, 1],
      ['Region', 0, 2],
    ]);
  });
});
