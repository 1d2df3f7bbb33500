import { describe, expect, it } from 'vitest';
import { authorGroupAsShown, countsTowardThreshold, groupsAsShown, OTHER_GROUPS, turnoutAsShown } from './anonymity.js';

const voters = (entries: Array<[string, number]>) => new Map(entries);

describe('groupsAsShown', () => {
  it('shows every group as it is in a named round', () => {
    expect(groupsAsShown(voters([['company', 1], ['union', 2]]), false)).toEqual(new Map([['company', 'company'], ['union', 'union']]));
  });

  it('merges groups of fewer than three voters into one bucket', () => {
    const shown = groupsAsShown(voters([['company', 4], ['union', 2], ['region', 3], ['knowledge', 1]]), true);
    expect(shown).toEqual(new Map([['company', 'company'], ['union', OTHER_GROUPS], ['region', 'region'], ['knowledge', OTHER_GROUPS]]));
  });

  it('adds the smallest shown group (the later on a tie) to a bucket of one or two voters', () => {
    const shown = groupsAsShown(voters([['company', 3], ['union', 1], ['region', 3], ['employers', 5]]), true);
    expect(shown).toEqual(new Map([['company', 'company'], ['union', OTHER_GROUPS], ['region', OTHER_GROUPS], ['employers', 'employers']]));
  });

  it('puts everyone in the bucket when no split keeps three voters on each side', () => {
    expect([...groupsAsShown(voters([['company', 3], ['union', 1]]), true).values()]).toEqual([OTHER_GROUPS, OTHER_GROUPS]);
    expect([...groupsAsShown(voters([['union', 1], ['region', 1]]), true).values()]).toEqual([OTHER_GROUPS, OTHER_GROUPS]);
  });

  it('leaves groups of three or more alone when nothing is small', () => {
    expect([...groupsAsShown(voters([['company', 3], ['union', 3]]), true).values()]).toEqual(['company', 'union']);
  });
});

describe('turnoutAsShown', () => {
  it('groups the voters exactly as the tally will, and every group apart in a named round', () => {
    expect(turnoutAsShown({ company: 4, union: 1, region: 2 }, true)).toEqual({ company: 4, [OTHER_GROUPS]: 3 });
    // A bucket of one would tell whether that person voted apart from the others: the company joins it.
    expect(turnoutAsShown({ company: 4, union: 1 }, true)).toEqual({ [OTHER_GROUPS]: 5 });
    expect(turnoutAsShown({ company: 4, union: 1 }, false)).toEqual({ company: 4, union: 1 });
  });
});

describe('countsTowardThreshold', () => {
  it('counts a person on the round\'s roll who gave at least one dot', () => {
    expect(countsTowardThreshold({ allocations: { a: 1 }, onRoll: true })).toBe(true);
    expect(countsTowardThreshold({ allocations: { a: 0 }, onRoll: true })).toBe(false);
    expect(countsTowardThreshold({ allocations: { a: 2 }, onRoll: false })).toBe(false);
  });
});

describe('authorGroupAsShown', () => {
  it('counts the authors of groups without figures of their own under the bucket, the facilitator apart', () => {
    const asShown = authorGroupAsShown({ anonymous: true, groups: ['company', OTHER_GROUPS] });
    expect(['company', 'union', 'region', 'facilitator'].map(asShown)).toEqual(['company', OTHER_GROUPS, OTHER_GROUPS, 'facilitator']);
    const named = authorGroupAsShown({ anonymous: false, groups: ['company'] });
    expect(named('union')).toBe('union');
  });
});
