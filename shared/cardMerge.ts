import type * as Y from 'yjs';
import { cardsOf, type CardView } from './boardDoc.js';

/** What merging reads of a card: the board's cards, or an export's. */
export type MergeableCard = Pick<CardView, 'id' | 'mergedInto'>;

/**
 * Merging two cards that say the same thing. Neither card is rewritten: the later one is linked to the earlier
 * (its `mergedInto`) and joins its theme, so both texts and both authors stay as their writers left them, the
 * server's rule that only an author edits a card still holds, an export still lists each card under its own
 * author, and separating them again is one key. Joining the texts into one card would have put one person's
 * words under another's name. Says which card leads the merge and which joined it.
 */
export function mergeCards(doc: Y.Doc, a: string, b: string): { lead: string; joined: string } | null {
  const cards = cardsOf(doc);
  const cardA = cards.get(a);
  const cardB = cards.get(b);
  if (!cardA || !cardB || a === b) return null;
  const [timeA, timeB] = [Number(cardA.get('createdAt') ?? 0), Number(cardB.get('createdAt') ?? 0)];
  // Cards written in the same millisecond are ordered by id, so everyone merging the pair picks the same lead.
  const aFirst = timeA < timeB || (timeA === timeB && a < b);
  const [keepId, keep, joinId] = aFirst ? [a, cardA, b] : [b, cardB, a];
  // A card already merged into another leads to that one: merges make one level, never a chain.
  const rootId = typeof keep.get('mergedInto') === 'string' && cards.has(keep.get('mergedInto') as string) ? (keep.get('mergedInto') as string) : keepId;
  const cluster = cards.get(rootId)?.get('cluster') ?? null;
  doc.transact(() => {
    cards.forEach((card, id) => {
      if (id !== rootId && (id === joinId || card.get('mergedInto') === joinId)) {
        card.set('mergedInto', rootId);
        if (card.get('cluster') !== cluster) card.set('cluster', cluster);
      }
    });
  });
  return { lead: rootId, joined: joinId };
}

/** Takes a merged card out of its merge; it stays in the theme it was in. */
export function separateCard(doc: Y.Doc, cardId: string): void {
  const card = cardsOf(doc).get(cardId);
  if (card && card.get('mergedInto') != null) card.set('mergedInto', null);
}

/**
 * The cards merged into each card that leads a merge. A card counts as merged only when the card it points to
 * exists and leads (is merged into no card that exists), so two people merging the same pair in opposite directions at once
 * leave both cards in view rather than hiding both.
 */
export function mergesOf<C extends MergeableCard>(cards: readonly C[]): Map<string, C[]> {
  const byId = new Map(cards.map((card) => [card.id, card]));
  const leads = (card: C) => card.mergedInto === undefined || !byId.has(card.mergedInto);
  const out = new Map<string, C[]>();
  for (const card of cards) {
    const lead = card.mergedInto === undefined ? undefined : byId.get(card.mergedInto);
    if (!lead || lead.id === card.id || !leads(lead)) continue;
    const group = out.get(lead.id);
    if (group) group.push(card);
    else out.set(lead.id, [card]);
  }
  return out;
}

/** The cards that joined another in a merge: shown inside it, and no vote item of their own. */
export function joinedCardIds(cards: readonly MergeableCard[]): Set<string> {
  return new Set(Array.from(mergesOf(cards).values()).flatMap((group) => group.map((card) => card.id)));
}

/**
 * The cards behind a vote item: a theme's cards, or a card and those merged into it. Item ids are card or theme
 * ids, never both: a theme's cards point to it, a card item is the card itself and the cards merged with it (in a
 * theme they share its theme already).
 */
export function itemCards<C extends MergeableCard & { cluster: string | null }>(cards: readonly C[]): (itemId: string) => C[] {
  const joined = joinedCardIds(cards);
  // Indexed once, in the cards' order: an export asks for every item of a 2,000-card board, once per round.
  const byItem = new Map<string, C[]>();
  const add = (itemId: string, card: C) => {
    const list = byItem.get(itemId);
    if (!list) byItem.set(itemId, [card]);
    else if (list.at(-1) !== card) list.push(card);
  };
  for (const card of cards) {
    if (card.cluster !== null) add(card.cluster, card);
    add(card.id, card);
    if (joined.has(card.id) && card.mergedInto !== undefined) add(card.mergedInto, card);
  }
  return (itemId) => byItem.get(itemId) ?? [];
}

/**
 * The cards that are items of their own (voted on and listed beside the themes): in no theme that exists, and
 * not merged into another card.
 */
export function looseCards<C extends MergeableCard & { cluster: string | null }>(cards: readonly C[], themeIds: ReadonlySet<string>): C[] {
  const joined = joinedCardIds(cards);
  return cards.filter((card) => !joined.has(card.id) && (card.cluster === null || !themeIds.has(card.cluster)));
}
