import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { CardView } from '../../../shared/boardDoc';
import { joinedCardIds, mergesOf } from '../../../shared/cardMerge';
import type { CardPropsOf } from '../../cards/CardItem';
import { CardMarks } from './CardMarks';

export interface CardMarksResult {
  /** Cards shown inside the card they were merged with, not on their own. */
  hidden: ReadonlySet<string>;
  /** The board's card props, with the merged cards and suggested duplicates added to the cards that have them. */
  cardProps: CardPropsOf;
}

/** What the clustering help marks on the cards: the cards merged into each, and the cards each may repeat. */
export function useCardMarks(boardDoc: Y.Doc, cards: CardView[], partners: ReadonlyMap<string, CardView[]>, cardProps: CardPropsOf, canCluster: boolean): CardMarksResult {
  const merges = useMemo(() => mergesOf(cards), [cards]);
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
