import type { GroupShares } from './groupBalance.js';

/**
 * The contested flag marks an item the groups really split on: one group backs it, another passes it over.
 * The rule, as docs/export.md states it:
 *
 * - only groups (as shown) with at least MIN_GROUP_VOTERS voters take part: one person is not a group's view;
 * - the item got dots from at least MIN_ITEM_VOTERS voters: one or two people's pick is not a split;
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

export interface ContestInput {
  /** Shares of the groups as shown (groupShares). */
  shares: GroupShares;
  /** Voters per group as shown. */
  voters: Readonly<Record<string, number>>;
  /** itemId → how many voters gave the item at least one dot. */
  backers: Readonly<Record<string, number>>;
}

export function contestedItems({ shares, voters, backers }: ContestInput, itemIds: readonly string[]): Set<string> {
  const even = 1 / itemIds.length;
  const compared = [...shares].filter(([group]) => (voters[group] ?? 0) >= CONTESTED_RULE.MIN_GROUP_VOTERS).map(([, share]) => share);
  return new Set(
    itemIds.filter((itemId) => {
      if ((backers[itemId] ?? 0) < CONTESTED_RULE.MIN_ITEM_VOTERS) return false;
      const values = compared.map((share) => share[itemId] ?? 0);
      // No group can both back and pass over an item, so the two groups found are different ones.
      return values.some((value) => value >= CONTESTED_RULE.BACKING * even) && values.some((value) => value < CONTESTED_RULE.PASSING * even);
    }),
  );
}
