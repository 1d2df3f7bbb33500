import { describe, expect, it } from 'vitest';
import { isKept, mergedInto, validateDraft } from './agreement.js';
import type { AgreementItem } from './export/types.js';
import type { RoundState } from './voting/types.js';

const revealed: RoundState = {
  id: 'r1',
  number: 1,
  state: 'revealed',
  settings: { budget: 5, cap: 3, anonymous: false },
  items: ['a', 'b', 'c'].map((id) => ({ id, kind: 'theme' as const, title: id })),
  openedAt: 1,
  voters: { total: 3, byGroup: {} },
};

const item = (itemId: string, fate: Partial<AgreementItem> = {}): AgreementItem => ({ itemId, title: itemId, owner: '', nextStep: '', ...fate });

describe('an agreement item', () => {
  it('is kept unless dropped or merged', () => {
    expect([item('a'), item('b', { dropped: { reason: 'out of scope' } }), item('c', { mergedInto: 'a' })].map(isKept)).toEqual([true, false, false]);
  });

  it('counts as merged into a priority only while it is not dropped', () => {
    const items = [item('a'), item('b', { mergedInto: 'a' }), item('c', { mergedInto: 'a', dropped: { reason: 'covered' } })];
    expect(mergedInto(items, 'a').map((i) => i.itemId)).toEqual(['b']);
  });
});

describe('a draft', () => {
  it('passes when it lists items of a revealed round once, merging only into kept priorities', () => {
    expect(validateDraft({ roundId: 'r1', items: [item('b'), item('a', { mergedInto: 'b' }), item('c', { dropped: { reason: 'later' } })] }, revealed)).toEqual({ ok: true });
  });

  it('needs a revealed round', () => {
    expect(validateDraft({ roundId: 'r1', items: [item('a')] }, { ...revealed, state: 'closed' })).toMatchObject({ ok: false, code: 'agreement-needs-revealed-round', field: 'roundId' });
    expect(validateDraft({ roundId: 'r9', items: [item('a')] }, undefined)).toMatchObject({ ok: false, code: 'agreement-needs-revealed-round' });
  });

  it('names the item that is not of the round or listed twice', () => {
    expect(validateDraft({ roundId: 'r1', items: [item('a'), item('x')] }, revealed)).toMatchObject({ ok: false, code: 'unknown-item', field: 'items.1.itemId' });
    expect(validateDraft({ roundId: 'r1', items: [item('a'), item('b'), item('a')] }, revealed)).toMatchObject({ ok: false, code: 'listed-twice', field: 'items.2.itemId' });
  });

  it('refuses a merge into an item that is itself merged or dropped', () => {
    const chained = [item('a'), item('b', { mergedInto: 'a' }), item('c', { mergedInto: 'b' })];
    expect(validateDraft({ roundId: 'r1', items: chained }, revealed)).toMatchObject({ ok: false, code: 'merge-target-not-kept', field: 'items.2.mergedInto' });
    const intoDropped = [item('a', { dropped: { reason: 'no' } }), item('b', { mergedInto: 'a' })];
    expect(validateDraft({ roundId: 'r1', items: intoDropped }, revealed)).toMatchObject({ ok: false, code: 'merge-target-not-kept', field: 'items.1.mergedInto' });
  });
});
