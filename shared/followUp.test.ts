import { describe, expect, it } from 'vitest';
import { itemsToCarry, mayReport, type AgendaItem } from './followUp.js';
import type { RegisterStatus } from './register.js';

const item = (itemId: string, status: RegisterStatus): AgendaItem => ({
  itemId,
  position: 1,
  title: itemId,
  owner: 'Port',
  status,
  dropReason: status === 'dropped' ? 'No money' : null,
  progress: null,
  nextReview: null,
  source: { version: 1, rank: 1, kind: 'theme', cards: [], mergedFrom: [], votes: null },
  lastUpdate: null,
});

describe('a follow-up workshop', () => {
  it('carries only the items still open and not carried before', () => {
    const items = [item('a', 'not-started'), item('b', 'under-way'), item('c', 'done'), item('d', 'dropped'), item('e', 'under-way')];
    expect(itemsToCarry({ items, carried: ['e'] }).map((i) => i.itemId)).toEqual(['a', 'b']);
  });

  it('lets the facilitator report on any item and a participant only on the current item they were asked about', () => {
    const check = { currentItemId: 'a', reporterId: 'p1' };
    expect(mayReport(check, { facilitator: true }, 'b')).toBe(true);
    expect(mayReport(check, { participantId: 'p1' }, 'a')).toBe(true);
    expect(mayReport(check, { participantId: 'p1' }, 'b')).toBe(false);
    expect(mayReport(check, { participantId: 'p2' }, 'a')).toBe(false);
    expect(mayReport({ currentItemId: 'a', reporterId: null }, { participantId: 'p1' }, 'a')).toBe(false);
  });
});
