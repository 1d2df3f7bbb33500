import { describe, expect, it } from 'vitest';
import { applyRegisterUpdate, registerAtAGlance, registerUpdateBody, type Register, type RegisterItem, type RegisterItemState } from './register.js';

const state: RegisterItemState = { title: 'Skills', owner: 'Port', status: 'not-started', dropReason: null, progress: null, nextReview: null };

function item(position: number, owner: string, change: Partial<RegisterItemState> = {}): RegisterItem {
  return {
    ...state,
    ...change,
    owner,
    itemId: `i${position}`,
    position,
    title: `Priority ${position}`,
    source: { version: 1, rank: position, kind: 'theme', cards: [], mergedFrom: [], votes: null },
    log: [],
  };
}

describe('an update of a register item', () => {
  it('says what changed, field by field, and clears the reason when a dropped item is taken up again', () => {
    const dropped = applyRegisterUpdate(state, registerUpdateBody.parse({ status: 'dropped', dropReason: 'No budget', progress: 10 }));
    expect(dropped.next).toMatchObject({ status: 'dropped', dropReason: 'No budget', progress: 10 });
    expect(dropped.changes.map((c) => c.field)).toEqual(['status', 'dropReason', 'progress']);
    const again = applyRegisterUpdate(dropped.next, registerUpdateBody.parse({ status: 'under-way' }));
    expect(again.next.dropReason).toBeNull();
    expect(again.changes).toEqual([
      { field: 'status', from: 'dropped', to: 'under-way' },
      { field: 'dropReason', from: 'No budget', to: null },
    ]);
    expect(applyRegisterUpdate(state, registerUpdateBody.parse({ note: 'Still waiting' })).changes).toEqual([]);
  });
});

describe('the register at a glance', () => {
  it('puts overdue reviews first, the longest overdue first, and counts every status by owner', () => {
    const register = {
      items: [
        item(1, 'Port', { nextReview: '2026-12-01', status: 'under-way' }),
        item(2, 'Region', { nextReview: '2026-11-20' }),
        item(3, ' port ', { nextReview: '2026-11-01', status: 'done' }),
        item(4, 'Region', { nextReview: '2027-01-10', status: 'dropped', dropReason: 'Covered elsewhere' }),
      ],
    } as Register;
    const glance = registerAtAGlance(register, '2026-12-07');
    expect(glance.overdue.map((i) => i.position)).toEqual([2, 1]);
    expect(glance.counts).toEqual({ 'not-started': 1, 'under-way': 1, done: 1, dropped: 1 });
    expect(glance.owners.map((o) => [o.owner, o.items.map((i) => i.position), o.counts.done])).toEqual([
      ['Port', [1, 3], 1],
      ['Region', [2, 4], 0],
    ]);
  });
});
