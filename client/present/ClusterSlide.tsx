import { useMemo } from 'react';
import type * as Y from 'yjs';
import { joinedCardIds, looseCards, mergesOf } from '../../shared/cardMerge';
import { byPlusOnes } from '../../shared/reactions';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCards, useClusters, useReactions } from '../kernel/useBoardData';
import { PlusOnes } from './PlusOnes';

/**
 * How the wall of themes fits one 1080p screen in type read from the back of the room: the more themes, the more
 * columns and the fewer card titles per theme (each title one line); past sixteen themes, names and counts only.
 * The count beside each name always tells how many cards the theme holds.
 */
export function wallLayout(themes: number): { columns: number; titles: number } {
  if (themes <= 3) return { columns: 3, titles: 6 };
  if (themes <= 6) return { columns: 3, titles: 3 };
  if (themes <= 8) return { columns: 4, titles: 3 };
  if (themes <= 12) return { columns: 4, titles: 1 };
  if (themes <= 16) return { columns: 4, titles: 0 };
  return { columns: 5, titles: 0 };
}

/**
 * While clustering: every theme with its cards' titles, and how many cards still wait on the pile. A card merged
 * into another is shown as the board shows it, inside the card it joined: a note on that card's line, neither a
 * line nor a count of its own. Within a theme the cards with most +1s come first, so the titles shown are those
 * the room backs most. `doc` is another board to show so, a breakout table's; `withPile` shows the cards not in a
 * theme as a tile of their own, for a board of few cards.
 */
export function ClusterSlide({ doc, withPile = false }: { doc?: Y.Doc; withPile?: boolean }) {
  const board = useBoard().boardDoc;
  const boardDoc = doc ?? board;
  const t = useT();
  const all = useCards(boardDoc);
  const { cards, mergedCount } = useMemo(() => {
    const merges = mergesOf(all);
    const joined = joinedCardIds(all);
    return { cards: all.filter((card) => !joined.has(card.id)), mergedCount: (id: string) => merges.get(id)?.length ?? 0 };
  }, [all]);
  const clusters = useClusters(boardDoc);
  const { count } = useReactions(boardDoc);
  const known = new Set(clusters.map((c) => c.id));
  // The pile as the board and the vote count it: the one rule of shared/cardMerge.ts.
  const pile = looseCards(all, known);
  const pileTile = withPile && pile.length > 0;
  const tiles = [
    ...clusters.map((cluster) => ({ id: cluster.id, title: cluster.title, color: cluster.color, counted: true, cards: byPlusOnes(cards.filter((c) => c.cluster === cluster.id), count) })),
    ...(pileTile ? [{ id: 'pile', title: t('present.unthemed', { count: pile.length }), color: undefined, counted: false, cards: byPlusOnes(pile, count) }] : []),
  ];
  const { columns, titles } = wallLayout(tiles.length);
  const rows = Math.max(1, Math.ceil(tiles.length / columns));
  return (
    <div className="slide cluster-slide">
      {!pileTile && <p className="projector-hint">{t('present.unthemed', { count: pile.length })}</p>}
      <ul className="projector-themes" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}>
        {tiles.map((tile) => (
          <li key={tile.id} className="projector-theme" style={{ borderTopColor: tile.color }}>
            <h2>
              {tile.title} {tile.counted && <span className="projector-count">({tile.cards.length})</span>}
            </h2>
            <ul>
              {tile.cards.slice(0, titles).map((card) => (
                <li key={card.id}>
                  <span className="projector-card-title">{card.title}</span>
                  <PlusOnes count={count[card.id]} />
                  {mergedCount(card.id) > 0 && <span className="projector-merged"> {t('present.merged', { count: mergedCount(card.id) })}</span>}
                </li>
              ))}
              {titles > 0 && tile.cards.length > titles && <li className="projector-count">{t('present.more', { count: tile.cards.length - titles })}</li>}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
