import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDrawnRevision, readMeta, readParticipants, readRound, readTally } from '../../shared/controlDoc.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import { NO_SEATING } from '../../shared/tables/seating.js';
import type { Tally } from '../../shared/voting/index.js';
import { controlView, type DrawnFacts } from './controlView.js';
import { drawControl } from './drawControl.js';

const tally: Tally = {
  roundId: 'r1',
  anonymous: false,
  groups: ['industry'],
  voters: { total: 2, byGroup: { industry: 2 } },
  items: [{ id: 'c1', kind: 'card', title: 'Skills', total: 3, byGroup: { industry: 3 }, balanced: 100, consensus: null, contested: false, rank: 1, balancedRank: 1 }],
};
/** The same tally as an earlier version stored it, with each person's dots of the named round. */
const storedEarlier = { ...tally, items: tally.items.map((item) => ({ ...item, byPerson: { p1: 2, p2: 1 } })) } as Tally;

function facts(revision: number, change: Partial<DrawnFacts> = {}): DrawnFacts {
  return {
    revision,
    board: {
      version: 1,
      state: {
        title: 'Kick-off',
        question: 'What first?',
        language: 'en',
        groups: [{ id: 'industry', name: 'Industry' }],
        phase: 'results',
        settings: DEFAULT_SETTINGS,
        timer: { status: 'idle' },
        createdAt: 1,
        closedAt: null,
        presentation: { roundId: 'r1', revealed: 1 },
        concepts: [],
        agreementDraft: null,
      },
    },
    people: {
      revision: 2,
      participants: [
        { id: 'p1', boardId: 'b1', name: 'Ada', organisation: '', group: 'industry', joinedAt: 2, language: 'sv' },
        { id: 'p2', boardId: 'b1', name: 'Bo', organisation: '', group: 'industry', joinedAt: 3, language: null },
      ],
    },
    rounds: [
      { id: 'r1', boardId: 'b1', number: 1, state: 'revealed', settings: { budget: 3, cap: 3, anonymous: false }, items: [], openedAt: 4, closedAt: 5, revealedAt: 5, tally: storedEarlier },
      { id: 'r2', boardId: 'b1', number: 2, state: 'open', settings: { budget: 3, cap: 3, anonymous: true }, items: [], openedAt: 6, closedAt: null, revealedAt: null, tally: null },
    ],
    voters: { r2: { industry: 1 } },
    agreements: [],
    signoffs: [],
    seating: NO_SEATING,
    agenda: null,
    frozen: null,
    ...change,
  };
}

/** Counts the updates a drawing makes. */
function draw(doc: Y.Doc, input: DrawnFacts): number {
  let updates = 0;
  const count = () => updates++;
  doc.on('update', count);
  doc.transact(() => drawControl(doc, controlView(input)!));
  doc.off('update', count);
  return updates;
}

describe('drawing the control document from the facts', () => {
  it('shows the facts and, drawn again from the same facts, writes nothing', () => {
    const doc = new Y.Doc();
    expect(draw(doc, facts(7))).toBe(1);
    expect(readMeta(doc)?.phase).toBe('results');
    expect(readParticipants(doc).map((p) => p.language)).toEqual(['sv', undefined]);
    // Before reveal an anonymous round shows no group of fewer than 3 voters apart.
    expect(readRound(doc, 'r2')?.voters.total).toBe(1);
    // A tally stored with per-person figures (by an earlier version) is drawn without them: every link reads it.
    expect(readTally(doc, 'r1')).toEqual(tally);
    expect(JSON.stringify(doc.getMap('results').toJSON())).not.toContain('p2');
    expect(readDrawnRevision(doc)).toBe(7);
    expect(draw(doc, facts(7))).toBe(0);
  });

  it("removes a participant who is gone, keeping a revealed tally's totals", () => {
    const doc = new Y.Doc();
    draw(doc, facts(7));
    draw(doc, facts(8, { people: { revision: 3, participants: facts(8).people.participants.slice(0, 1) } }));
    expect(readParticipants(doc).map((p) => p.id)).toEqual(['p1']);
    expect(readTally(doc, 'r1')?.items[0]).toMatchObject({ total: 3 });
    expect(readDrawnRevision(doc)).toBe(8);
  });
});
