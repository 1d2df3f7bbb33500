import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addAgreementVersion,
  phaseChange,
  readAgreementDraft,
  readAgreementVersions,
  readRevealedRounds,
  readRound,
  readRounds,
  readTally,
  setAgreementDraft,
  setRoundState,
  setTally,
  type BoardMeta,
} from './controlDoc.js';
import { DEFAULT_SETTINGS } from './phases.js';
import type { RoundState, Tally } from './voting/types.js';

describe('a phase change', () => {
  const meta: BoardMeta = {
    title: 'Industriforum',
    question: '',
    language: 'sv',
    groups: [],
    phase: 'cluster',
    settings: { ...DEFAULT_SETTINGS, collectReopened: true },
    timer: { status: 'running', durationMs: 60_000, endsAt: 1 },
    createdAt: 0,
    closedAt: null,
  };

  it('stops the timer and ends a reopened collect', () => {
    expect(phaseChange(meta, 'vote')).toEqual({ phase: 'vote', timer: { status: 'idle' }, settings: { ...DEFAULT_SETTINGS, collectReopened: false } });
  });

  it('changes nothing when the phase stays', () => {
    expect(phaseChange(meta, 'cluster')).toEqual({});
  });
});

function round(id: string, number: number, state: RoundState['state']): RoundState {
  return {
    id,
    number,
    state,
    settings: { budget: 5, cap: 3, anonymous: true },
    items: [{ id: 'a', kind: 'card', title: 'Apprenticeships' }],
    openedAt: 1,
    voters: { total: 4, byGroup: { union: 4 } },
  };
}

function tally(roundId: string): Tally {
  return {
    roundId,
    anonymous: true,
    groups: ['union'],
    voters: { total: 4, byGroup: { union: 4 } },
    items: [{ id: 'a', kind: 'card', title: 'Apprenticeships', total: 9, byGroup: { union: 9 }, balanced: 100, consensus: null, contested: false, rank: 1, balancedRank: 1 }],
  };
}

describe('the control document read through its typed readers', () => {
  it('gives back what the server wrote, rounds oldest first', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      setRoundState(doc, round('r2', 2, 'open'));
      setRoundState(doc, round('r1', 1, 'revealed'));
      setTally(doc, tally('r1'));
    });
    expect(readRounds(doc).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(readRound(doc, 'r2')).toEqual(round('r2', 2, 'open'));
    expect(readTally(doc, 'r1')).toEqual(tally('r1'));
  });

  it('leaves out an entry that is not what its key promises, instead of handing it on as if it were', () => {
    const doc = new Y.Doc();
    setRoundState(doc, round('r1', 1, 'open'));
    doc.getMap('rounds').set('r2', { id: 'r2', state: 'open' });
    doc.getMap('results').set('r1', { roundId: 'r1', items: 'none' });
    doc.getMap('agreement').set('draft', { roundId: 'r1', items: [] });
    doc.getMap('agreement').set('versions', 'v1');
    expect(readRounds(doc).map((r) => r.id)).toEqual(['r1']);
    expect(readRound(doc, 'r2')).toBeUndefined();
    expect(readTally(doc, 'r1')).toBeUndefined();
    expect(readAgreementDraft(doc)).toBeUndefined();
    expect(readAgreementVersions(doc)).toEqual([]);
  });

  it('counts a round as revealed only when its state says so and its tally is there', () => {
    const doc = new Y.Doc();
    setRoundState(doc, round('closed', 1, 'closed'));
    setTally(doc, tally('closed'));
    setRoundState(doc, round('waiting', 2, 'revealed'));
    setRoundState(doc, round('shown', 3, 'revealed'));
    setTally(doc, tally('shown'));
    expect(readRevealedRounds(doc).map(({ round }) => round.id)).toEqual(['shown']);
  });

  it('keeps the agreement draft and adds frozen versions in order', () => {
    const doc = new Y.Doc();
    const draft = { roundId: 'r1', items: [{ itemId: 'a', title: 'Apprenticeships', owner: 'Region', nextStep: 'Plan' }] };
    setAgreementDraft(doc, draft);
    addAgreementVersion(doc, { version: 1, frozenAt: 10 });
    addAgreementVersion(doc, { version: 2, frozenAt: 20 });
    expect(readAgreementDraft(doc)).toEqual(draft);
    expect(readAgreementVersions(doc)).toEqual([
      { version: 1, frozenAt: 10 },
      { version: 2, frozenAt: 20 },
    ]);
  });
});
