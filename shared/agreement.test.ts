import { describe, expect, it } from 'vitest';
import { agreementStanding, frozenContent, isKept, mergedInto, validateDraft } from './agreement.js';
import { buildPriorityList } from './export/index.js';
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

describe("a draft's standing against the latest frozen version", () => {
  const draft = {
    roundId: 'r1',
    items: [item('a', { owner: 'Port' }), item('c', { mergedInto: 'a' }), item('b', { dropped: { reason: 'covered' } })],
  };
  const frozen = (frozenDraft: typeof draft) => {
    const list = buildPriorityList({
      board: { title: 'Kick-off', question: '', language: 'en', groups: [] },
      cards: [],
      clusters: ['a', 'b', 'c'].map((id) => ({ id, title: id })),
      participants: [],
      rounds: [revealed],
      tallies: { r1: { roundId: 'r1', anonymous: false, groups: [], voters: revealed.voters, items: [] } },
      agreement: { version: 4, frozenAt: 9, ...frozenDraft },
    });
    return { version: 4, frozenAt: 9, content: frozenContent(list) };
  };

  it('is that version while the draft says what the frozen list says, merged and dropped items included', () => {
    expect(agreementStanding(draft, frozen(draft))).toEqual({ state: 'frozen', version: 4, frozenAt: 9 });
    // Where a dropped item stood among the others is not in the frozen list, so it does not count.
    const moved = { ...draft, items: [draft.items[2]!, draft.items[0]!, draft.items[1]!] };
    expect(agreementStanding(moved, frozen(draft)).state).toBe('frozen');
  });

  it('is a draft changed since that version after a change of what the list says, and not frozen before any version', () => {
    const unmerged = { ...draft, items: [draft.items[0]!, item('c'), draft.items[2]!] };
    const reason = { ...draft, items: [draft.items[0]!, draft.items[1]!, item('b', { dropped: { reason: 'later' } })] };
    for (const changed of [unmerged, reason]) expect(agreementStanding(changed, frozen(draft))).toEqual({ state: 'changed', version: 4, frozenAt: 9 });
    expect(agreementStanding(draft, null)).toEqual({ state: 'not-frozen' });
  });
});
