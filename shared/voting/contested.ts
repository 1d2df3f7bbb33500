import { groupShares, type GroupDots, type GroupShares } from './groupBalance.js';

/**
 * The contested flag marks an item the groups really split on: one group backs it, another passes it over.
 * The rule, as docs/export.md states it:
 *
 * - only groups (as shown) with at least MIN_GROUP_VOTERS voters take part: one person is not a group's view;
 * - the item's dots come from at least MIN_ITEM_VOTERS voters, as far as the published figures tell: each group's
 *   dots on it need at least dots ÷ cap voters. One or two people's pick is not a split, and a count of voters
 *   the figures do not contain would tell something about the people inside a group (an anonymous round's
 *   bucket above all);
 * - one such group gives the item at least BACKING × an even share of its dots (an even share is
 *   1 / number of items), and another such group gives it less than PASSING × an even share (with the dot
 *   budgets of a workshop, that is no dots at all).
 *
 * A one-item round is never contested: every group gives its only item 100 %, less than 1.5 × an even share.
 */
const CONTESTED_RULE = {
  MIN_GROUP_VOTERS: 2,
  MIN_ITEM_VOTERS: 3,
  BACKING: 1.5,
  PASSING: 0.25,
} as const;

/** The published figures the flag is drawn from, and nothing else. */
export interface ContestInput {
  /** Dots of the groups as shown, by item. */
  dots: GroupDots;
  /** Voters per group as shown. */
  voters: Readonly<Record<string, number>>;
  /** Dots one voter may place on one item (the round's setting). */
  cap: number;
}

export function contestedItems({ dots, voters, cap }: ContestInput, itemIds: readonly string[]): Set<string> {
  const shares: GroupShares = groupShares(dots);
  const even = 1 / itemIds.length;
  const compared = [...shares].filter(([group]) => (voters[group] ?? 0) >= CONTESTED_RULE.MIN_GROUP_VOTERS).map(([, share]) => share);
  const fewestVoters = (itemId: string) => [...dots.values()].reduce((sum, counts) => sum + Math.ceil((counts[itemId] ?? 0) / cap), 0);
  return new Set(
    itemIds.filter((itemId) => {
      if (fewestVoters(itemId) < CONTESTED_RULE.MIN_ITEM_VOTERS) return false;
      const values = compared.map((share) => share[itemId] ?? 0);
      // No group can both back and pass over an item, so the two groups found are different ones.
      return values.some((value) => value >= CONTESTED_RULE.BACKING * even) && values.some((value) => value < CONTESTED_RULE.PASSING * even);
    }),
  );
}
