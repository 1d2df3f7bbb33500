import { competitionRanks } from './groupBalance.js';
import type { RoundItem, Tally } from './types.js';

export interface ItemScore {
  id: string;
  title: string;
  total: number;
  balanced: number;
}

/**
 * Adds the raw and the balanced rank and returns the items in raw order.
 * Raw order: total dots, then balanced score, then title; balanced order: balanced score, then total, then
 * title. Ranks are competition ranks ("1, 2, 2, 4"): items share a rank when total and balanced score are
 * both equal; the title (and id, for equal titles) only fixes the order in which tied items are listed.
 * Scores are compared as published (rounded), so the ties are the ties people see.
 */
export function rankItems<T extends ItemScore>(items: readonly T[]): Array<T & { rank: number; balancedRank: number }> {
  const byTitle = (a: T, b: T) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const tied = (a: T, b: T) => a.total === b.total && a.balanced === b.balanced;
  const rawOrder = [...items].sort((a, b) => b.total - a.total || b.balanced - a.balanced || byTitle(a, b));
  const balancedOrder = [...items].sort((a, b) => b.balanced - a.balanced || b.total - a.total || byTitle(a, b));
  const rawRanks = competitionRanks(rawOrder, tied);
  const balancedRanks = competitionRanks(balancedOrder, tied);
  return rawOrder.map((item) => ({ ...item, rank: rawRanks.get(item)!, balancedRank: balancedRanks.get(item)! }));
}

/** The items of a run-off on the top n: every item ranked n or better, so an item tied with the n-th is not left out. */
export function topItems(tally: Tally, n: number): RoundItem[] {
  return tally.items.filter((item) => item.rank <= n).map(({ id, kind, title }) => ({ id, kind, title }));
}

/**
 * Whether a run-off placed its items otherwise than the round it was held on: some pair of items that was ahead,
 * tied or behind there is not so in the run-off. Items of the run-off only; O(n²) in the run-off's few items.
 */
export function runoffChangedOrder(runoff: Pick<Tally, 'items'>, from: Pick<Tally, 'items'>): boolean {
  const before = new Map(from.items.map((item) => [item.id, item.rank]));
  const items = runoff.items.filter((item) => before.has(item.id));
  return items.some((a, i) => items.slice(i + 1).some((b) => Math.sign(a.rank - b.rank) !== Math.sign(before.get(a.id)! - before.get(b.id)!)));
}
