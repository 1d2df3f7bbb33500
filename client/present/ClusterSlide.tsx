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
 * the room backs most. `doc` is another board to show so, a breakout table's.
 */
export function ClusterSlide({ doc }: { doc?: Y.Doc }) {
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
  const unthemed = looseCards(all, known).length;
  const { columns, titles } = wallLayout(clusters.length);
  const rows = Math.max(1, Math.ceil(clusters.length / columns));
  return (
    <div className="slide cluster-slide">
      <p className="projector-hint">{t('present.unthemed', { count: unthemed })}</p>
      <ul className="projector-themes" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${rows}, minmax(0, 1fr))` }}>
        {clusters.map((cluster) => {
          const inTheme = byPlusOnes(cards.filter((c) => c.cluster === cluster.id), count);
          return (
            <li key={cluster.id} className="projector-theme" style={{ borderTopColor: cluster.color }}>
              <h2>
                {cluster.title} <span className="projector-count">({inTheme.length})</span>
              </h2>
              <ul>
                {inTheme.slice(0, titles).map((card) => (
                  <li key={card.id}>
                    {card.title}
                    <PlusOnes count={count[card.id]} />
                    {mergedCount(card.id) > 0 && <span className="projector-merged"> {t('present.merged', { count: mergedCount(card.id) })}</span>}
                  </li>
                ))}
                {titles > 0 && inTheme.length > titles && <li className="projector-count">{t('present.more', { count: inTheme.length - titles })}</li>}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
