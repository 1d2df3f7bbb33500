import { describe, expect, it } from 'vitest';
import { OTHER_GROUPS } from '../voting/anonymity.js';
import { buildPriorityList } from './priorityList.js';
import { agreement, FROZEN_AT, HYPERLINK, sampleBoard } from '../../fixtures/exportBoards.js';

describe('buildPriorityList without an agreement', () => {
  const list = buildPriorityList(sampleBoard());

  it('takes the latest revealed round, in raw rank order', () => {
    expect(list).toMatchObject({ schemaVersion: 2, status: 'not-agreed', version: null, frozenAt: null, roundId: 'r1', roundNumber: 1 });
    expect(list.items.map((item) => [item.rank, item.itemId, item.votes?.total, item.votes?.balanced, item.votes?.balancedRank])).toEqual([
      [1, 'skills', 28, 43.6, 1],
      [2, 'energy', 15, 36.4, 2],
      [3, 'c-wind', 12, 13.3, 3],
      [4, 'formula', 3, 6.7, 4],
    ]);
    expect(list.items.every((item) => item.owner === '' && item.nextStep === '')).toBe(true);
  });

  it('shows the groups of the round, the small ones combined', () => {
    expect(list.votingGroups).toEqual(['company', 'region', OTHER_GROUPS]);
    expect(list.groups.at(-1)).toEqual({ id: OTHER_GROUPS, name: 'Fackförbund + Lärosäte' });
    expect(list.voters).toEqual({ total: 12, byGroup: { company: 6, region: 3, [OTHER_GROUPS]: 3 } });
    expect(list.items[0]!.votes!.byGroup).toEqual({ company: 18, region: 6, [OTHER_GROUPS]: 4 });
    expect(list.participantsPerGroup).toEqual({ company: 6, employers: 0, union: 2, region: 3, knowledge: 1, other: 0 });
  });

  it("lists each theme's cards with their author's group and counts them by group", () => {
    const skills = list.items[0]!;
    expect(skills.cards).toEqual([
      {
        title: 'Svårt att rekrytera svetsare och CNC-operatörer',
        body: 'Nio månaders väntan på en CNC-operatör.\nLärlingar hoppar av: "för tungt, för långt".',
        group: 'company',
      },
      { title: 'Få elever söker industriprogrammet', body: '', group: OTHER_GROUPS },
      { title: '+1 validering av yrkeskunnande tar för lång tid', body: '', group: 'facilitator' },
    ]);
    // The union has no figures of its own in this anonymous round, so its card counts under the bucket too.
    expect(skills.provenance).toEqual({ company: 1, [OTHER_GROUPS]: 1, facilitator: 1 });
    expect(list.items.flatMap((item) => [...Object.keys(item.provenance), ...item.cards.map((card) => card.group)])).not.toContain('union');
    expect(list.items[2]).toMatchObject({ kind: 'card', cards: [{ title: 'Skills gap in offshore wind maintenance' }], provenance: { company: 1 } });
  });

  it('never carries figures of a round that is not revealed', () => {
    // The closed run-off r2 has a tally (formula: 18 company dots) and a higher number than r1.
    expect(list.items.find((item) => item.itemId === 'formula')!.votes!.total).toBe(3);
    expect(JSON.stringify(list)).not.toContain('r2');

    const onlyUnrevealed = sampleBoard();
    onlyUnrevealed.rounds = onlyUnrevealed.rounds.filter((round) => round.id !== 'r1');
    const collected = buildPriorityList(onlyUnrevealed);
    expect(collected).toMatchObject({ status: 'no-results', roundId: null, roundNumber: null, voters: null, votingGroups: [] });
    expect(collected.items.map((item) => [item.rank, item.kind, item.itemId, item.votes])).toEqual([
      [null, 'theme', 'skills', null],
      [null, 'theme', 'energy', null],
      [null, 'theme', 'formula', null],
      [null, 'card', 'c-wind', null],
    ]);
  });

  it('carries no per-person data, even of a named round', () => {
    const named = sampleBoard('sv', { budget: 5, cap: 3, anonymous: false });
    const namedList = buildPriorityList(named);
    expect(namedList.votingGroups).toEqual(['company', 'union', 'region', 'knowledge']);
    for (const item of namedList.items) expect(item.votes).not.toHaveProperty('byPerson');
    expect(JSON.stringify(namedList)).not.toMatch(/p-(company|union|region)-\d/);
  });
});

describe('buildPriorityList with a frozen agreement', () => {
  const list = buildPriorityList({ ...sampleBoard(), agreement, exportedAt: FROZEN_AT + 60_000 });

  it('follows the agreed order and wording, with owner and next step', () => {
    expect(list).toMatchObject({ status: 'agreed', version: 2, frozenAt: FROZEN_AT, roundId: 'r1' });
    expect(list.board.exportedAt).toBe(FROZEN_AT + 60_000);
    expect(list.items.map((item) => [item.rank, item.itemId, item.title, item.owner])).toEqual([
      [1, 'energy', 'Energiomställning: nätkapacitet för industrin', 'Region Gävleborg, Maria Ek'],
      [2, 'skills', 'Kompetensförsörjning', HYPERLINK],
    ]);
    expect(list.items[0]!.votes).toMatchObject({ total: 15, rank: 2, balancedRank: 2 });
  });

  it('lists dropped items apart with their reason', () => {
    expect(list.dropped).toEqual([{ itemId: 'formula', title: '@SUM(A1:A9) | övrigt', reason: 'Dubblett | se punkt 2' }]);
  });

  it('adds the cards of a merged item to the priority it went into', () => {
    const skills = list.items[1]!;
    expect(skills.mergedFrom).toEqual([{ itemId: 'c-wind', title: 'Skills gap in offshore wind maintenance' }]);
    expect(skills.cards.map((card) => card.title).at(-1)).toBe('Skills gap in offshore wind maintenance');
    expect(skills.provenance).toEqual({ company: 2, [OTHER_GROUPS]: 1, facilitator: 1 });
  });

  it('shows no figures when the round of the agreement is not revealed', () => {
    const list = buildPriorityList({ ...sampleBoard(), agreement: { ...agreement, roundId: 'r2' } });
    expect(list).toMatchObject({ status: 'agreed', roundId: null, voters: null, votingGroups: [] });
    expect(list.items.map((item) => item.votes)).toEqual([null, null]);
  });
});
