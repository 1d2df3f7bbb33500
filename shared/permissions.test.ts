import { describe, expect, it } from 'vitest';
import { accessRefusalOf, authorOfNewCards, isOwnCard, may, mayRemoveAtOnce, mayRunTable, refusalOf, type AccessAction, type Action, type Situation } from './permissions.js';
import { DEFAULT_SETTINGS, PHASES, ROLES, type Phase } from './phases.js';

const at = (phase: Phase, settings: Partial<Situation['settings']> = {}, closed = false): Situation => ({ phase, settings: { ...DEFAULT_SETTINGS, ...settings }, closed });

const ACTIONS: Action[] = ['add-card', 'add-private-card', 'edit-own-card', 'edit-others-card', 'cluster', 'write-notes', 'react', 'ask-question', 'vote', 'export', 'run-workshop'];

describe('who may do what, now', () => {
  it('lets the facilitator do everything but write a private list or vote, in every phase', () => {
    for (const phase of PHASES) {
      expect(ACTIONS.filter((action) => may('facilitator', action, at(phase)))).toEqual(
        ['add-card', 'edit-own-card', 'edit-others-card', 'cluster', 'write-notes', 'react', 'export', 'run-workshop'],
      );
    }
  });

  it('lets an observer only download, and only what the room may see', () => {
    for (const phase of PHASES) expect(ACTIONS.filter((action) => may('observer', action, at(phase)))).toEqual(['export']);
  });

  it('lets participants add cards while collecting or when the facilitator reopened collect', () => {
    expect(PHASES.filter((phase) => may('participant', 'add-card', at(phase)))).toEqual(['collect']);
    expect(PHASES.filter((phase) => may('participant', 'add-card', at(phase, { collectReopened: true })))).toEqual([...PHASES]);
    expect(refusalOf('participant', 'add-card', at('cluster'))).toBe('phase');
  });

  it('sends participants\' cards to their private list during silent collect, and only then', () => {
    expect(refusalOf('participant', 'add-card', at('collect', { silentCollect: true }))).toBe('silent-collect');
    expect(may('participant', 'add-private-card', at('collect', { silentCollect: true }))).toBe(true);
    expect(refusalOf('participant', 'add-private-card', at('collect'))).toBe('not-silent-collect');
    expect(refusalOf('participant', 'add-private-card', at('vote', { silentCollect: true }))).toBe('phase');
    // Silent collect is a rule for participants; the facilitator's cards go onto the board.
    expect(may('facilitator', 'add-card', at('collect', { silentCollect: true }))).toBe(true);
  });

  it('lets participants cluster in the cluster phase unless the facilitator keeps it to themselves', () => {
    expect(PHASES.filter((phase) => may('participant', 'cluster', at(phase)))).toEqual(['cluster']);
    expect(refusalOf('participant', 'cluster', at('cluster', { participantsCluster: false }))).toBe('phase');
  });

  it('lets participants edit their own cards in any phase, and nobody else\'s', () => {
    for (const phase of PHASES) {
      expect(may('participant', 'edit-own-card', at(phase))).toBe(true);
      expect(refusalOf('participant', 'edit-others-card', at(phase))).toBe('role');
    }
  });

  it('lets participants download only once the facilitator shared the export', () => {
    expect(refusalOf('participant', 'export', at('agree'))).toBe('not-shared');
    expect(may('participant', 'export', at('agree', { participantsExport: true }))).toBe(true);
  });

  it('leaves a closed workshop read-only for everyone, the facilitator too, while its exports stay', () => {
    const closed = at('collect', { participantsExport: true }, true);
    for (const role of ROLES) {
      expect(ACTIONS.filter((action) => may(role, action, closed))).toEqual(role === 'projector' ? [] : ['export']);
    }
    expect(refusalOf('facilitator', 'run-workshop', closed)).toBe('closed');
    expect(refusalOf('observer', 'add-card', closed)).toBe('role');
  });

  it('takes +1s and comments from participants and the facilitator, never while cards are written silently', () => {
    for (const phase of PHASES) expect(may('participant', 'react', at(phase))).toBe(true);
    expect(refusalOf('participant', 'react', at('collect', { silentCollect: true }))).toBe('silent-collect');
    expect(refusalOf('facilitator', 'react', at('collect', { silentCollect: true }))).toBe('silent-collect');
    expect(refusalOf('observer', 'react', at('cluster'))).toBe('role');
  });

  it('takes questions for the plenary only while the questions round is open', () => {
    expect(refusalOf('participant', 'ask-question', at('cluster'))).toBe('phase');
    expect(PHASES.filter((phase) => may('participant', 'ask-question', at(phase, { questionsOpen: true })))).toEqual([...PHASES]);
    expect(refusalOf('projector', 'ask-question', at('cluster', { questionsOpen: true }))).toBe('role');
  });

  it('lets a projector do nothing but show the board: no change, no download', () => {
    for (const phase of PHASES) expect(ACTIONS.filter((action) => may('projector', action, at(phase, { participantsExport: true })))).toEqual([]);
  });
});

describe('who may change who gets in', () => {
  const ACCESS_ACTIONS: AccessAction[] = ['mint-link', 'mint-projector-link', 'revoke-link', 'revoke-facilitator-link', 'delete-workshop'];

  it('lets the creator do all of it and a co-facilitator only open the projector and revoke observer and projector links', () => {
    expect(ACCESS_ACTIONS.filter((action) => accessRefusalOf({ role: 'facilitator', coFacilitator: false }, action) === null)).toEqual(ACCESS_ACTIONS);
    expect(ACCESS_ACTIONS.filter((action) => accessRefusalOf({ role: 'facilitator', coFacilitator: true }, action) === null)).toEqual(['mint-projector-link', 'revoke-link']);
    expect(accessRefusalOf({ role: 'facilitator', coFacilitator: true }, 'delete-workshop')).toBe('creator-only');
    for (const role of ['participant', 'observer', 'projector'] as const) {
      for (const action of ACCESS_ACTIONS) expect(accessRefusalOf({ role, coFacilitator: false }, action)).toBe('role');
    }
  });

  it('refuses a participant a change that merges or deletes more than five cards or deletes a theme holding cards; never the facilitator', () => {
    expect(mayRemoveAtOnce('participant', { cards: 5, themesWithCards: 0 })).toBe(true);
    expect(mayRemoveAtOnce('participant', { cards: 6, themesWithCards: 0 })).toBe(false);
    expect(mayRemoveAtOnce('participant', { cards: 0, themesWithCards: 1 })).toBe(false);
    expect(mayRemoveAtOnce('facilitator', { cards: 1999, themesWithCards: 200 })).toBe(true);
  });
});

describe('whose card is whose', () => {
  const anna = { authorId: 'p_anna', cardKey: 'k_anna' };
  const facilitator = { authorId: 'facilitator', cardKey: null };

  it('names a new card by the card key while cards are anonymous, by the participant id otherwise', () => {
    expect(authorOfNewCards(anna, { ...DEFAULT_SETTINGS, anonymousCards: true })).toBe('k_anna');
    expect(authorOfNewCards(anna, DEFAULT_SETTINGS)).toBe('p_anna');
    expect(authorOfNewCards(facilitator, { ...DEFAULT_SETTINGS, anonymousCards: true })).toBe('facilitator');
  });

  it('knows one\'s own card under either name, and nobody else\'s', () => {
    expect(isOwnCard('k_anna', anna)).toBe(true);
    expect(isOwnCard('p_anna', anna)).toBe(true);
    expect(isOwnCard('k_bo', anna)).toBe(false);
    expect(isOwnCard(undefined, anna)).toBe(false);
    expect(isOwnCard('k_anna', facilitator)).toBe(false);
  });
});

describe("who runs a breakout table's timer", () => {
  const idle = { status: 'idle' } as const;
  const seating = {
    tables: [
      { id: 't1', number: 1, name: '', hostId: 'ada', timer: idle },
      { id: 't2', number: 2, name: '', hostId: null, timer: idle },
    ],
    seats: { ada: 't1', bo: 't1', cy: 't2' },
  };
  const participant = (participantId: string) => ({ role: 'participant' as const, participantId });

  it('is the facilitator at every table, and the host at theirs only', () => {
    expect(['t1', 't2'].map((table) => mayRunTable({ role: 'facilitator', participantId: null }, seating, table))).toEqual([true, true]);
    expect(mayRunTable(participant('ada'), seating, 't1')).toBe(true);
    expect(mayRunTable(participant('ada'), seating, 't2')).toBe(false);
    expect(mayRunTable(participant('bo'), seating, 't1')).toBe(false);
    expect(mayRunTable({ role: 'observer', participantId: null }, seating, 't1')).toBe(false);
  });

  it('is no longer a host moved to another table, at once', () => {
    expect(mayRunTable(participant('ada'), { ...seating, seats: { ...seating.seats, ada: 't2' } }, 't1')).toBe(false);
  });
});
