/**
 * How stakeholder groups weigh in on each item, whatever their head count.
 *
 * A group's share of an item is the dots the group put on it divided by all dots the group cast.
 * Only groups that cast at least one dot take part: a group of abstainers has no preference to weigh.
 * The groups are the groups as shown: in an anonymous round the merged small groups count as one group
 * (anonymity.ts), so no figure rests on a group of one or two voters.
 */

/** groupId → itemId → dots; every item of the round has an entry, zero included. */
export type GroupDots = Map<string, Record<string, number>>;
/** groupId → itemId → share of the group's own dots (0–1); only groups that cast dots. */
export type GroupShares = Map<string, Record<string, number>>;

export function groupShares(dots: GroupDots): GroupShares {
  const shares: GroupShares = new Map();
  for (const [group, counts] of dots) {
    const cast = Object.values(counts).reduce((sum, n) => sum + n, 0);
    if (cast === 0) continue;
    shares.set(group, Object.fromEntries(Object.entries(counts).map(([itemId, n]) => [itemId, n / cast])));
  }
  return shares;
}

/**
 * Balanced score = 100 × mean over participating groups g of (dots of g on the item / all dots of g).
 * Each group hands out 100 % however many people it sent, so the scores of a round add up to 100.
 */
export function balancedScore(shares: GroupShares, itemId: string): number {
  if (shares.size === 0) return 0;
  let sum = 0;
  for (const share of shares.values()) sum += share[itemId] ?? 0;
  return (100 * sum) / shares.size;
}

/**
 * Consensus = 1 − divergence, where divergence is the spread of the groups' shares of the item:
 * their (population) standard deviation over their mean, divided by √(n − 1), the largest value that
 * ratio takes for n groups (one group gives the item dots, no other does). So 0 means every group gives
 * the item the same share of its dots, 1 that a single group wants it. An item no group voted for has
 * divergence 0: the groups agree it is not a priority. Null when fewer than two groups cast dots.
 */
export function consensus(shares: GroupShares, itemId: string): number | null {
  const values = Array.from(shares.values(), (share) => share[itemId] ?? 0);
  const n = values.length;
  if (n < 2) return null;
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (mean === 0) return 1;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n;
  const divergence = Math.min(1, Math.sqrt(variance) / mean / Math.sqrt(n - 1));
  return 1 - divergence;
}

/** Competition ranking ("1, 2, 2, 4") of an already sorted list: tied neighbours share the better rank. */
export function competitionRanks<T>(sorted: readonly T[], tied: (a: T, b: T) => boolean): Map<T, number> {
  const ranks = new Map<T, number>();
  sorted.forEach((thing, index) => {
    const previous = sorted[index - 1];
    ranks.set(thing, previous !== undefined && tied(previous, thing) ? ranks.get(previous)! : index + 1);
  });
  return ranks;
}
