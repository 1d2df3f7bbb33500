import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  phaseChange,
  readAgreementDraft,
  readAgreementVersions,
  readRevealedRounds,
  readRound,
  readRounds,
  readMeta,
  readTally,
  setAgreementDraft,
  setAgreementVersions,
  setRoundState,
  setTally,
  writeMeta,
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
    setAgreementVersions(doc, [{ version: 1, frozenAt: 10 }, { version: 2, frozenAt: 20 }]);
    expect(readAgreementDraft(doc)).toEqual(draft);
    expect(readAgreementVersions(doc)).toEqual([
      { version: 1, frozenAt: 10 },
      { version: 2, frozenAt: 20 },
    ]);
  });
});

describe('the workshop details read from the control document', () => {
  it('are what the server wrote', () => {
    const doc = new Y.Doc();
    const meta: BoardMeta = {
      title: 'Industriforum',
      question: 'Vad hindrar tillväxten?',
      language: 'sv',
      groups: [{ id: 'union', name: 'Fack' }],
      phase: 'collect',
      settings: { ...DEFAULT_SETTINGS, silentCollect: true },
      timer: { status: 'paused', durationMs: 300_000, remainingMs: 120_000 },
      createdAt: 5,
      closedAt: null,
    };
    writeMeta(doc, meta);
    expect(readMeta(doc)).toEqual(meta);
  });

  it('fall back field by field, so one odd value does not hide the board', () => {
    const doc = new Y.Doc();
    writeMeta(doc, { title: 'Industriforum', phase: 'vote' });
    doc.getMap('meta').set('language', 'de');
    doc.getMap('meta').set('settings', { participantsExport: true, silentCollect: 'yes' });
    doc.getMap('meta').set('timer', { status: 'running' });
    expect(readMeta(doc)).toEqual({
      title: 'Industriforum',
      question: '',
      language: 'en',
      groups: [],
      phase: 'vote',
      settings: { ...DEFAULT_SETTINGS, participantsExport: true },
      timer: { status: 'idle' },
      createdAt: 0,
      closedAt: null,
    });
  });

  it('are not there before the board was created', () => {
    expect(readMeta(new Y.Doc())).toBeUndefined();
  });
});
