import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { CardView } from '../../../shared/boardDoc';
import { joinedCardIds, mergesOf } from '../../../shared/cardMerge';
import type { DuplicatePair } from '../../../shared/suggestions/api';
import type { CardPropsOf } from '../../cards/CardItem';
import { CardMarks } from './CardMarks';

export interface CardMarksResult {
  /** Cards shown inside the card they were merged with, not on their own. */
  hidden: ReadonlySet<string>;
  /** The board's card props, with the merged cards and suggested duplicates added to the cards that have them. */
  cardProps: CardPropsOf;
}

/** What the clustering help marks on the cards: the cards merged into each, and the suggested duplicate pairs. */
export function useCardMarks(boardDoc: Y.Doc, cards: CardView[], pairs: readonly DuplicatePair[], cardProps: CardPropsOf, canCluster: boolean): CardMarksResult {
  const merges = useMemo(() => mergesOf(cards), [cards]);
  const partners = useMemo(() => {
    const byId = new Map(cards.map((card) => [card.id, card]));
    const out = new Map<string, CardView[]>();
    const add = (card: CardView, other: CardView) => out.set(card.id, [...(out.get(card.id) ?? []), other]);
    for (const { cardIds } of pairs) {
      const [a, b] = cardIds.map((id) => byId.get(id));
      // A pair already merged, either way or into a third card, is no longer news.
      if (!a || !b || a.mergedInto !== undefined || b.mergedInto !== undefined) continue;
      add(a, b);
      add(b, a);
    }
    return out;
  }, [cards, pairs]);
  const hidden = useMemo(() => joinedCardIds(cards), [cards]);

  const markedProps: CardPropsOf = (card) => {
    const props = cardProps(card);
    const merged = merges.get(card.id);
    const like = partners.get(card.id);
    if (!merged && !like) return props;
    return {
      ...props,
      addOn: <CardMarks boardDoc={boardDoc} card={card} merged={(merged ?? []).map(cardProps)} partners={like ?? []} canCluster={canCluster} />,
    };
  };
  return { hidden, cardProps: markedProps };
}
