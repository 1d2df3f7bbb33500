import { defaultGroupNames, groupsFromNames } from '../groups.js';
import type { Language } from '../phases.js';
import { tallyRound } from '../voting/tally.js';
import type { CastBallot, RoundItem, RoundSettings, RoundState } from '../voting/types.js';
import type { FrozenAgreement, PriorityListInput } from './types.js';

/** A Swedish kick-off workshop with a revealed round, a closed run-off and hostile text, for the export tests. */

export const HYPERLINK = '=HYPERLINK("http://evil.example/?q=1,2","Klicka här")';

const items: RoundItem[] = [
  { id: 'skills', kind: 'theme', title: 'Kompetensförsörjning' },
  { id: 'energy', kind: 'theme', title: 'Energiomställning' },
  { id: 'c-wind', kind: 'card', title: 'Skills gap in offshore wind maintenance' },
  { id: 'formula', kind: 'theme', title: '@SUM(A1:A9) | övrigt' },
];

const participants = [
  ...['Anna Lindqvist', 'Erik Johansson', 'Sofia Nilsson', 'Johan Berg', 'Karin Ström', 'Mikael Holm'].map((name, i) => ({
    id: `p-company-${i + 1}`,
    name,
    organisation: i < 3 ? 'Sandvik' : 'Stålfabriken i Gävle AB',
    group: 'company',
  })),
  { id: 'p-union-1', name: 'Lena Åberg', organisation: 'IF Metall', group: 'union' },
  { id: 'p-union-2', name: 'Ömer Yilmaz', organisation: 'Unionen', group: 'union' },
  ...[1, 2, 3].map((i) => ({ id: `p-region-${i}`, name: `Regionutvecklare ${i}`, organisation: 'Region Gävleborg', group: 'region' })),
  { id: 'p-knowledge-1', name: 'Pieter van der Meij', organisation: 'Högskolan i Gävle', group: 'knowledge' },
];

const cards: PriorityListInput['cards'] = [
  {
    id: 'c-welders',
    title: 'Svårt att rekrytera svetsare och CNC-operatörer',
    author: 'p-company-1',
    cluster: 'skills',
    bodyText: 'Nio månaders väntan på en CNC-operatör.\nLärlingar hoppar av: "för tungt, för långt".',
  },
  { id: 'c-programme', title: 'Få elever söker industriprogrammet', author: 'p-union-1', cluster: 'skills', bodyText: '' },
  { id: 'c-validation', title: '+1 validering av yrkeskunnande tar för lång tid', author: 'facilitator', cluster: 'skills', bodyText: '' },
  {
    id: 'c-grid',
    title: 'Netcongestie remt elektrificatie van de procesindustrie',
    author: 'p-knowledge-1',
    cluster: 'energy',
    bodyText: '# Kapacitetsbrist i regionnätet\n- anslutning tidigast 2029, ij-test: vrijwillig',
  },
  { id: 'c-wind', title: 'Skills gap in offshore wind maintenance', author: 'p-company-2', cluster: null, bodyText: '\t-2 technicians per turbine' },
  { id: 'c-sum', title: '-2 kronor, @SUM(A1)', author: 'p-region-1', cluster: 'formula', bodyText: '' },
];

const groups = groupsFromNames(defaultGroupNames('sv'));

function voters(group: string, count: number, allocations: Record<string, number>): CastBallot[] {
  return Array.from({ length: count }, (_, i) => ({ participantId: `p-${group}-${i + 1}`, group, allocations }));
}

/*
 * company 6 × {skills 3, c-wind 2}, union 2 × {energy 3, skills 2}, region 3 × {energy 2, formula 1, skills 2},
 * knowledge 1 × {energy 3}: totals skills 28, energy 15, wind 12, formula 3; balanced 35, 50, 10, 5.
 * Anonymous, so union (2) and knowledge (1) are shown together as "__other".
 */
const ballots = [
  ...voters('company', 6, { skills: 3, 'c-wind': 2 }),
  ...voters('union', 2, { energy: 3, skills: 2 }),
  ...voters('region', 3, { energy: 2, formula: 1, skills: 2 }),
  ...voters('knowledge', 1, { energy: 3 }),
];

const anonymous: RoundSettings = { budget: 5, cap: 3, anonymous: true };

function round(id: string, number: number, state: RoundState['state'], settings = anonymous): RoundState {
  return { id, number, state, settings, items, openedAt: Date.UTC(2025, 2, 14, 9, 0), voters: { total: ballots.length, byGroup: {} } };
}

export const FROZEN_AT = Date.UTC(2025, 2, 14, 10, 32);

export const agreement: FrozenAgreement = {
  version: 2,
  frozenAt: FROZEN_AT,
  roundId: 'r1',
  items: [
    {
      itemId: 'energy',
      title: 'Energiomställning: nätkapacitet för industrin',
      owner: 'Region Gävleborg, Maria Ek',
      nextStep: 'Kartlägg nätkapaciteten med Svenska kraftnät, "snarast", före juni',
    },
    { itemId: 'formula', title: '@SUM(A1:A9) | övrigt', owner: '', nextStep: '', dropped: { reason: 'Dubblett | se punkt 2' } },
    { itemId: 'skills', title: 'Kompetensförsörjning', owner: HYPERLINK, nextStep: '-2 veckor: kartlägg lärlingsplatser' },
    { itemId: 'c-wind', title: 'Skills gap in offshore wind maintenance', owner: '', nextStep: '', mergedInto: 'skills' },
  ],
};

/**
 * The workshop after round 1 was revealed. Round 2 (a run-off) is closed but not revealed, and a tally for it
 * is passed all the same, with figures no export may show.
 */
export function sampleBoard(language: Language = 'sv', settings: RoundSettings = anonymous): PriorityListInput {
  const tallyInput = { items, settings, ballots, groups };
  const unrevealed = tallyRound({ ...tallyInput, roundId: 'r2', ballots: voters('company', 6, { formula: 3 }) });
  return {
    board: {
      title: 'Industriforum Gävleborg – kick-off',
      question: 'Vilka utmaningar ska forumet prioritera 2025–2027?',
      language,
      groups: language === 'sv' ? groups : groupsFromNames(defaultGroupNames(language)),
    },
    cards,
    clusters: [
      { id: 'skills', title: 'Kompetensförsörjning' },
      { id: 'energy', title: 'Energiomställning' },
      { id: 'formula', title: '@SUM(A1:A9) | övrigt' },
    ],
    participants,
    rounds: [round('r1', 1, 'revealed', settings), round('r2', 2, 'closed'), round('r3', 3, 'open')],
    tallies: { r1: tallyRound({ ...tallyInput, roundId: 'r1' }), r2: unrevealed },
  };
}
