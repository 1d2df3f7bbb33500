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
 * Real group → the group it is shown as, for every group that voted (in `voters`, in board order).
 *
 * A group with fewer than MIN_SHOWN_GROUP_SIZE voters joins OTHER_GROUPS. A bucket of one or two voters
 * would be those people's ballots (and the totals minus the shown groups give it away even if it were
 * hidden), so while the bucket is not empty and too small, the smallest shown group joins it too (the
 * later in board order on a tie). In the end every shown group, the bucket included, has at least
 * MIN_SHOWN_GROUP_SIZE voters, or everything is one bucket: then only the round's totals are published.
 */
export function groupsAsShown(voters: ReadonlyMap<string, number>, anonymous: boolean): Map<string, string> {
  const shownAs = new Map([...voters.keys()].map((group) => [group, group]));
  if (!anonymous) return shownAs;
  let bucket = 0;
  for (const [group, count] of voters) {
    if (count < MIN_SHOWN_GROUP_SIZE) {
      shownAs.set(group, OTHER_GROUPS);
      bucket += count;
    }
  }
  while (bucket > 0 && bucket < MIN_SHOWN_GROUP_SIZE) {
    const ownGroups = [...voters].filter(([group]) => shownAs.get(group) === group);
    if (ownGroups.length === 0) break;
    const [smallest, count] = ownGroups.reduce((min, entry) => (entry[1] <= min[1] ? entry : min));
    shownAs.set(smallest, OTHER_GROUPS);
    bucket += count;
  }
  return shownAs;
}

/**
 * Voters per group as the room sees them while an anonymous round is open or closed: a group with fewer
 * than MIN_SHOWN_GROUP_SIZE voters is counted under OTHER_GROUPS. Turnout says who voted, never what, so the
 * bucket may be small here; on reveal the round shows the tally's own turnout (groupsAsShown).
 */
export function turnoutAsShown(byGroup: Readonly<Record<string, number>>, anonymous: boolean): Record<string, number> {
  if (!anonymous) return { ...byGroup };
  const shown: Record<string, number> = {};
  for (const [group, count] of Object.entries(byGroup)) {
    const as = count < MIN_SHOWN_GROUP_SIZE ? OTHER_GROUPS : group;
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
