import { useMemo } from 'react';
import { joinedCardIds, looseCards, mergesOf } from '../../shared/cardMerge';
import { useT } from '../app/i18n';
import { useBoard } from '../kernel/BoardContext';
import { useCards, useClusters } from '../kernel/useBoardData';

/** As many card titles per theme as a wall of twelve themes can show in type read from the back of the room. */
const TITLES_PER_THEME = 4;

/**
 * While clustering: every theme with its cards' titles, and how many cards still wait on the pile. A card merged
 * into another is shown as the board shows it, inside the card it joined: a note on that card's line, neither a
 * line nor a count of its own.
 */
export function ClusterSlide() {
  const { boardDoc } = useBoard();
  const t = useT();
  const all = useCards(boardDoc);
  const { cards, mergedCount } = useMemo(() => {
    const merges = mergesOf(all);
    const joined = joinedCardIds(all);
    return { cards: all.filter((card) => !joined.has(card.id)), mergedCount: (id: string) => merges.get(id)?.length ?? 0 };
  }, [all]);
  const clusters = useClusters(boardDoc);
  const known = new Set(clusters.map((c) => c.id));
  // The pile as the board and the vote count it: the one rule of shared/cardMerge.ts.
  const unthemed = looseCards(all, known).length;
  return (
    <div className="slide cluster-slide">
      <p className="projector-hint">{t('present.unthemed', { count: unthemed })}</p>
      <ul className="projector-themes">
        {clusters.map((cluster) => {
          const inTheme = cards.filter((c) => c.cluster === cluster.id);
          return (
            <li key={cluster.id} className="projector-theme" style={{ borderTopColor: cluster.color }}>
              <h2>
                {cluster.title} <span className="projector-count">({inTheme.length})</span>
              </h2>
              <ul>
                {inTheme.slice(0, TITLES_PER_THEME).map((card) => (
                  <li key={card.id}>
                    {card.title}
                    {mergedCount(card.id) > 0 && <span className="projector-merged"> {t('present.merged', { count: mergedCount(card.id) })}</span>}
                  </li>
                ))}
                {inTheme.length > TITLES_PER_THEME && <li className="projector-count">{t('present.more', { count: inTheme.length - TITLES_PER_THEME })}</li>}
              </ul>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
