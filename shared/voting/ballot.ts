import type { RefusalCode } from '../api.js';
import type { RoundItem, RoundSettings } from './types.js';

export type BallotCheck = { ok: true } | { ok: false; code: RefusalCode; error: string; field?: string };

/** Checks a ballot against the round before the server stores it. An empty ballot (no dots) is a valid abstention. */
export function validateBallot(
  allocations: Record<string, number>,
  items: readonly RoundItem[],
  settings: RoundSettings,
): BallotCheck {
  const itemIds = new Set(items.map((item) => item.id));
  let total = 0;
  for (const [itemId, dots] of Object.entries(allocations)) {
    const field = `allocations.${itemId}`;
    if (!itemIds.has(itemId)) return { ok: false, code: 'unknown-item', error: 'not an item of this round', field };
    if (!Number.isInteger(dots) || dots < 0) return { ok: false, code: 'not-whole-number', error: 'must be a whole number of dots, 0 or more', field };
    if (dots > settings.cap) return { ok: false, code: 'over-cap', error: `at most ${settings.cap} dots per item`, field };
    total += dots;
  }
  if (total > settings.budget) {
    return { ok: false, code: 'over-budget', error: `at most ${settings.budget} dots in total, this ballot has ${total}`, field: 'allocations' };
  }
  return { ok: true };
}
