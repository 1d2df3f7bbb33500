import { useMemo, useRef, type ReactNode } from 'react';
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

  // The marks drawn for each card, kept while what they show is the same, so a memoised card is not redrawn
  // for a new but equal mark on every change of the board (a card dropped, a title typed).
  const drawn = useRef(new Map<string, { shown: readonly unknown[]; node: ReactNode }>()).current;
  const markedProps: CardPropsOf = (card) => {
    const props = cardProps(card);
    const merged = (merges.get(card.id) ?? []).map(cardProps);
    const like = partners.get(card.id);
    if (merged.length === 0 && !like) return props;
    const shown = [card, like, canCluster, boardDoc, ...merged.flatMap((m) => [m.card, m.body, m.author])];
    const kept = drawn.get(card.id);
    if (kept && kept.shown.length === shown.length && kept.shown.every((x, i) => x === shown[i])) return { ...props, addOn: kept.node };
    const node = <CardMarks boardDoc={boardDoc} card={card} merged={merged} partners={like ?? []} canCluster={canCluster} />;
    drawn.set(card.id, { shown, node });
    return { ...props, addOn: node };
  };
  return { hidden, cardProps: markedProps };
}
