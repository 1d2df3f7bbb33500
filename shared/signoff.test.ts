import { describe, expect, it } from 'vitest';
import { signoffOutcome, type SignoffDecision, type SignoffDecisionKind, type SignoffSetup } from './signoff.js';

const groups = [
  { id: 'company', name: 'Company' },
  { id: 'union', name: 'Trade union' },
  { id: 'region', name: 'Region' },
  { id: 'other', name: 'Other' },
];
const people = [
  { id: 'ann', group: 'company' },
  { id: 'bo', group: 'union' },
  { id: 'cai', group: 'union' },
  { id: 'dan', group: 'region' },
];
const setup = (rule: SignoffSetup['rule']): SignoffSetup => ({ rule, delegates: { company: ['ann'], union: ['bo', 'cai'], region: ['dan'] } });

function decided(participantId: string, decision: SignoffDecisionKind, version = 1): SignoffDecision {
  const group = people.find((p) => p.id === participantId)!.group;
  return { version, participantId, name: participantId, organisation: '', group, decision, reason: decision === 'object' ? 'why' : '', signedAt: 1 };
}

describe('signoffOutcome', () => {
  it('counts only groups with delegates, in the workshop order, each waiting until all its delegates decided', () => {
    const outcome = signoffOutcome(1, setup('every-group'), groups, people, [decided('ann', 'consent'), decided('bo', 'consent')]);
    expect(outcome.groups.map((g) => [g.group, g.standing])).toEqual([['company', 'consents'], ['union', 'pending'], ['region', 'pending']]);
    expect(outcome.met).toBe(false);
  });

  it('takes each delegate by their latest decision on this version only', () => {
    const decisions = [decided('ann', 'object'), decided('ann', 'consent'), decided('bo', 'consent', 2), decided('bo', 'abstain'), decided('cai', 'abstain'), decided('dan', 'consent')];
    const outcome = signoffOutcome(1, setup('every-group'), groups, people, decisions);
    expect(outcome.groups.map((g) => g.standing)).toEqual(['consents', 'abstains', 'consents']);
    expect(outcome.met).toBe(false);
  });

  it('"majority-no-objection" is met by more than half of the groups, and undone by any objection', () => {
    const two = [decided('ann', 'consent'), decided('dan', 'consent'), decided('bo', 'abstain'), decided('cai', 'abstain')];
    expect(signoffOutcome(1, setup('majority-no-objection'), groups, people, two).met).toBe(true);
    expect(signoffOutcome(1, setup('majority-no-objection'), groups, people, [...two, decided('cai', 'object')]).met).toBe(false);
    expect(signoffOutcome(1, setup('majority-no-objection'), groups, people, [decided('ann', 'consent')]).met).toBe(false);
  });

  it('drops a delegate who left the workshop or moved to another group, and is never met without delegates', () => {
    const moved = people.filter((p) => p.id !== 'cai').map((p) => (p.id === 'dan' ? { ...p, group: 'other' } : p));
    const outcome = signoffOutcome(1, setup('every-group'), groups, moved, [decided('ann', 'consent'), decided('bo', 'consent')]);
    expect(outcome.groups.map((g) => [g.group, g.delegates.map((d) => d.participantId)])).toEqual([['company', ['ann']], ['union', ['bo']]]);
    expect(outcome.met).toBe(true);
    expect(signoffOutcome(1, { rule: 'every-group', delegates: {} }, groups, people, []).met).toBe(false);
  });
});
