import type { CardView } from '../../shared/boardDoc';
import type { DuplicatePair } from '../../shared/suggestions/api';
import { normaliseTitle, pairKey } from '../../shared/suggestions/titleDuplicates';
import type { Duplicate } from '../cards/CardItem';

/**
 * The one list of possible duplicates the cluster view shows: pairs whose titles repeat each other (known at
 * once, on every screen) and the pairs the last suggestions found, less those already merged. The ≈ marks, the
 * "show only possible duplicates" filter and the count in the suggestions all read it, so they cannot disagree.
 */
export interface PossibleDuplicates {
  /** How many pairs. */
  count: number;
  /** Each card in a pair, with the cards it may repeat. */
  partners: ReadonlyMap<string, CardView[]>;
  /** Each card in a pair: `exact` when another card has the same title, else `near`. */
  kinds: ReadonlyMap<string, Duplicate>;
}

export function possibleDuplicates(cards: readonly CardView[], titlePairs: readonly DuplicatePair[], suggested: readonly DuplicatePair[]): PossibleDuplicates {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const partners = new Map<string, CardView[]>();
  const kinds = new Map<string, Duplicate>();
  const seen = new Set<string>();
  for (const { cardIds } of [...titlePairs, ...suggested]) {
    const [a, b] = cardIds.map((id) => byId.get(id));
    // A pair already merged, either way or into a third card, is no longer news.
    if (!a || !b || a.mergedInto !== undefined || b.mergedInto !== undefined) continue;
    const key = pairKey(a.id, b.id);
    if (seen.has(key)) continue;
    seen.add(key);
    const kind: Duplicate = normaliseTitle(a.title) === normaliseTitle(b.title) ? 'exact' : 'near';
    for (const [card, other] of [
      [a, b],
      [b, a],
    ]) {
      partners.set(card.id, [...(partners.get(card.id) ?? []), other]);
      if (kinds.get(card.id) !== 'exact') kinds.set(card.id, kind);
    }
  }
  return { count: seen.size, partners, kinds };
}
