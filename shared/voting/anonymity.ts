import { FACILITATOR_ID } from '../controlDoc.js';

/**
 * What an anonymous round shows of its groups. The presence list tells the room who is in which group, so
 * any figure of a group of one or two voters is all but their ballot. Every figure of an anonymous round
 * (dots per group, balanced score, consensus, contested flag, heat map, provenance, turnout) is therefore
 * computed over the groups as shown here, never over the real groups behind them. docs/privacy.md has the model.
 */

/** Stands for the groups an anonymous round does not show on their own. Ids from groupsFromNames never contain "_". */
export const OTHER_GROUPS = '__other';

/** The fewest voters whose figures an anonymous round shows as one group. */
export const MIN_SHOWN_GROUP_SIZE = 3;

/**
 * Whether a voter counts toward their group's threshold: a person on the round's roll (a voter of the workshop when
 * the round opened, in the group they had then) who gave at least one dot. Accounts made up during the round, people
 * let in from the waiting list meanwhile, or empty ballots cannot lift a group of one or two over the threshold and
 * so expose its ballots; their dots still count in the figures.
 */
export function countsTowardThreshold(ballot: { allocations: Readonly<Record<string, number>>; onRoll?: boolean }): boolean {
  return ballot.onRoll !== false && Object.values(ballot.allocations).some((dots) => dots > 0);
}

/**
 * Real group → the group it is shown as, for every group that voted (in `voters`: the voters counting toward each
 * group's threshold, in board order).
 *
 * A group with fewer than MIN_SHOWN_GROUP_SIZE voters joins OTHER_GROUPS. A bucket of fewer than three
 * would be those people's ballots (and the totals minus the shown groups give it away even if it were
 * hidden), so while the bucket is not empty and too small, the smallest shown group joins it too (the
 * later in board order on a tie). In the end every shown group, the bucket included, has at least
 * MIN_SHOWN_GROUP_SIZE voters, or everything is one bucket: then only the round's totals are published.
 */
export function groupsAsShown(voters: ReadonlyMap<string, number>, anonymous: boolean): Map<string, string> {
  const shownAs = new Map([...voters.keys()].map((group) => [group, group]));
  if (!anonymous) return shownAs;
  let bucket: number | null = null;
  for (const [group, count] of voters) {
    if (count < MIN_SHOWN_GROUP_SIZE) {
      shownAs.set(group, OTHER_GROUPS);
      bucket = (bucket ?? 0) + count;
    }
  }
  // A bucket whose groups have no counted voter still holds ballots (empty ones, late joiners'): it must not stand alone.
  while (bucket !== null && bucket < MIN_SHOWN_GROUP_SIZE) {
    const ownGroups = [...voters].filter(([group]) => shownAs.get(group) === group);
    if (ownGroups.length === 0) break;
    const [smallest, count] = ownGroups.reduce((min, entry) => (entry[1] <= min[1] ? entry : min));
    shownAs.set(smallest, OTHER_GROUPS);
    bucket += count;
  }
  return shownAs;
}

/**
 * The bucket as people read it: the groups inside it joined ("University + Region"), which is safe because the
 * bucket as a whole has enough voters; the reader's word for it (`unnamed`) when nobody says which groups are in it.
 */
export function bucketName(merged: readonly string[] | undefined, nameOf: (groupId: string) => string, unnamed: string): string {
  return merged !== undefined && merged.length > 0 ? merged.map(nameOf).join(' + ') : unnamed;
}

/** The real groups shown as OTHER_GROUPS, in the order given; empty when nothing is merged. */
export function mergedGroups(shownAs: ReadonlyMap<string, string>): string[] {
  return [...shownAs].filter(([, as]) => as === OTHER_GROUPS).map(([group]) => group);
}

/**
 * Voters per group as the room sees them while an anonymous round is open or closed, grouped exactly as the tally
 * groups them (groupsAsShown), so turnout and results never show two different buckets. `byGroup` is in board order.
 * The bucket's groups are not published here: which groups have voted in it would say who voted; the screen names
 * the bucket by the groups of the people it counts.
 */
export function turnoutAsShown(byGroup: Readonly<Record<string, number>>, anonymous: boolean): Record<string, number> {
  if (!anonymous) return { ...byGroup };
  const shownAs = groupsAsShown(new Map(Object.entries(byGroup)), true);
  const shown: Record<string, number> = {};
  for (const [group, count] of Object.entries(byGroup)) {
    const as = shownAs.get(group)!;
    shown[as] = (shown[as] ?? 0) + count;
  }
  return shown;
}

/**
 * The group a card's author is counted under next to a round's figures. In an anonymous round, a group
 * without figures of its own (merged, or it did not vote) is counted under OTHER_GROUPS: naming it apart
 * would tell whether its members voted. The facilitator stays the facilitator.
 */
export function authorGroupAsShown(tally: { anonymous: boolean; groups: readonly string[] }): (group: string) => string {
  return (group) => (!tally.anonymous || group === FACILITATOR_ID || tally.groups.includes(group) ? group : OTHER_GROUPS);
}
