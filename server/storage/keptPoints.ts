/**
 * At most this many points are kept per document through compactions: with a full board's state at about
 * 0.3–0.5 MB, a board keeps at most about 15 MB of them (docs/api.md).
 */
export const MAX_KEPT_POINTS = 30;

/**
 * The kept points to drop so that at most `max` remain, spread as evenly as they can be over the history: the
 * oldest and the newest always stay, and each point dropped is the one whose neighbours lie closest together
 * (the earlier of equals), so a stretch of many points is thinned before a lone one.
 */
export function keptPointsToDrop(seqs: readonly number[], max = MAX_KEPT_POINTS): number[] {
  const left = [...seqs].sort((a, b) => a - b);
  const dropped: number[] = [];
  while (left.length > Math.max(max, 2)) {
    let drop = 1;
    for (let i = 2; i < left.length - 1; i++) if (left[i + 1] - left[i - 1] < left[drop + 1] - left[drop - 1]) drop = i;
    dropped.push(...left.splice(drop, 1));
  }
  return dropped;
}
