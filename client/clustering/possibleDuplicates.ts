import type { CardView } from '../../shared/boardDoc';
import type { DuplicatePair } from '../../shared/suggestions/api';
import { normaliseTitle, pairKey } from '../../shared/suggestions/titleDuplicates';
import type { Duplicate } from '../cards/CardItem';

/**
 * The one list of possible duplicates the cluster view shows: pairs whose titles repeat each other (known at
 * once, on every screen) and the pairs the last suggestions found, most alike first, less those already merged
 * and those past a card's `MAX_PARTNERS` or the board's `markedPairsCap`. Every card in a pair carries the "Duplicate"/"Near duplicate" badge
 * and passes the "show only possible duplicates" filter, and the suggestions count its pairs, so they cannot
 * disagree; the suggestions' pairs also say which card each is like, with "Merge these cards".
 */
export interface PossibleDuplicates {
  /** How many pairs. */
  count: number;
  /** How many more pairs, less alike, were found and not marked. */
  more: number;
  /** Each card in a pair: `exact` when another card has the same title, else `near`. */
  kinds: ReadonlyMap<string, Duplicate>;
  /** Each card in a pair the suggestions found, with the cards it may repeat. */
  offered: ReadonlyMap<string, CardView[]>;
}

/**
 * A card is in at most this many pairs, the most alike first: on a board of templated titles every card is like
 * dozens of others, and a mark for each buried the board.
 */
export const MAX_PARTNERS = 3;

/**
 * The board marks at most this many pairs, the most alike first: one for every ten cards, and five on a small
 * board. A board of 150 templated cards had 217 pairs, and marks on most cards told the facilitator nothing.
 */
export function markedPairsCap(cardCount: number): number {
  return Math.max(5, Math.ceil(cardCount / 10));
}

export function possibleDuplicates(cards: readonly CardView[], titlePairs: readonly DuplicatePair[], suggested: readonly DuplicatePair[]): PossibleDuplicates {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const partners = new Map<string, number>();
  const kinds = new Map<string, Duplicate>();
  const offered = new Map<string, CardView[]>();
  const fromSuggestions = new Set(suggested.map(({ cardIds: [a, b] }) => pairKey(a, b)));
  const seen = new Set<string>();
  const marked = new Set<string>();
  const cap = markedPairsCap(cards.filter((card) => card.mergedInto === undefined).length);
  let more = 0;
  for (const { cardIds } of [...titlePairs, ...suggested].sort((x, y) => y.similarity - x.similarity)) {
    const [a, b] = cardIds.map((id) => byId.get(id));
    // A pair already merged, either way or into a third card, is no longer news.
    if (!a || !b || a.mergedInto !== undefined || b.mergedInto !== undefined) continue;
    const key = pairKey(a.id, b.id);
    if (seen.has(key)) continue;
    seen.add(key);
    if (marked.size >= cap || (partners.get(a.id) ?? 0) >= MAX_PARTNERS || (partners.get(b.id) ?? 0) >= MAX_PARTNERS) {
      more++;
      continue;
    }
    marked.add(key);
    const kind: Duplicate = normaliseTitle(a.title) === normaliseTitle(b.title) ? 'exact' : 'near';
    for (const [card, other] of [
      [a, b],
      [b, a],
    ]) {
      partners.set(card.id, (partners.get(card.id) ?? 0) + 1);
      if (kinds.get(card.id) !== 'exact') kinds.set(card.id, kind);
      if (fromSuggestions.has(key)) offered.set(card.id, [...(offered.get(card.id) ?? []), other]);
    }
  }
  return { count: marked.size, more, kinds, offered };
}
