import type { CardView } from '../../shared/boardDoc';
import type { DuplicatePair } from '../../shared/suggestions/api';
import { normaliseTitle, pairKey } from '../../shared/suggestions/titleDuplicates';
import type { Duplicate } from '../cards/CardItem';

/**
 * The one list of possible duplicates the cluster view shows: pairs whose titles repeat each other (known at
 * once, on every screen) and the pairs the last suggestions found, most alike first, less those already merged
 * and those past a card's `MAX_PARTNERS`. The ≈ marks, the "show only possible duplicates" filter and the count
 * in the suggestions all read it, so they cannot disagree.
 */
export interface PossibleDuplicates {
  /** How many pairs. */
  count: number;
  /** Each card in a pair, with the cards it may repeat. */
  partners: ReadonlyMap<string, CardView[]>;
  /** Each card in a pair: `exact` when another card has the same title, else `near`. */
  kinds: ReadonlyMap<string, Duplicate>;
}

/**
 * A card shows at most this many cards it may repeat, the most alike first (pairs come most alike first): on a
 * board of templated titles every card is like dozens of others, and a mark for each buried the board.
 */
export const MAX_PARTNERS = 3;

export function possibleDuplicates(cards: readonly CardView[], titlePairs: readonly DuplicatePair[], suggested: readonly DuplicatePair[]): PossibleDuplicates {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const partners = new Map<string, CardView[]>();
  const kinds = new Map<string, Duplicate>();
  const seen = new Set<string>();
  for (const { cardIds } of [...titlePairs, ...suggested].sort((x, y) => y.similarity - x.similarity)) {
    const [a, b] = cardIds.map((id) => byId.get(id));
    // A pair already merged, either way or into a third card, is no longer news.
    if (!a || !b || a.mergedInto !== undefined || b.mergedInto !== undefined) continue;
    const key = pairKey(a.id, b.id);
    if (seen.has(key) || (partners.get(a.id)?.length ?? 0) >= MAX_PARTNERS || (partners.get(b.id)?.length ?? 0) >= MAX_PARTNERS) continue;
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
