import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type * as Y from 'yjs';
import type { CardView, ClusterView } from '../../../shared/boardDoc';
import { useT } from '../../app/i18n';
import type { CardPropsOf } from '../cards/CardsSection';
import type { DropThemeData } from './ClusterBoard';
import { DraggableCard } from './DraggableCard';
import { ThemeOptions } from './ThemeOptions';

/** The droppable id of the pile of cards that are in no theme. */
export const UNCLUSTERED = 'unclustered';

interface Props {
  id: string;
  cluster: ClusterView | null;
  cards: CardView[];
  otherClusters: ClusterView[];
  boardDoc: Y.Doc;
  canCluster: boolean;
  cardProps: CardPropsOf;
  dragHintId: string;
}

export function ThemeColumn({ id, cluster, cards, otherClusters, boardDoc, canCluster, cardProps, dragHintId }: Props) {
  const t = useT();
  const name = cluster ? cluster.title : t('cluster.unclustered');
  const data: DropThemeData = { name };
  const { setNodeRef, isOver } = useDroppable({ id, data, disabled: !canCluster });
  const headingId = `theme-${id}`;

  return (
    <section
      ref={setNodeRef}
      className={`theme${cluster ? '' : ' theme-pile'}${isOver ? ' theme-over' : ''}`}
      style={cluster ? { borderTopColor: cluster.color } : undefined}
      aria-labelledby={headingId}
    >
      <div className="theme-head">
        {cluster && <span className="swatch" style={{ background: cluster.color }} aria-hidden="true" />}
        <h3 id={headingId}>{name}</h3>
        <span className="count">{t('cluster.cardCount', { count: cards.length })}</span>
      </div>
      {cluster && canCluster && <ThemeOptions boardDoc={boardDoc} cluster={cluster} otherClusters={otherClusters} />}
      {cards.length === 0 ? (
        canCluster && <p className="muted theme-empty">{t('cluster.emptyTheme')}</p>
      ) : (
        <ThemeCards cards={cards} canCluster={canCluster} cardProps={cardProps} accent={cluster?.color} dragHintId={dragHintId} />
      )}
    </section>
  );
}

/** A component of its own: the column redraws whenever a drag moves over it or away, its cards need not. */
const ThemeCards = memo(function ThemeCards({
  cards,
  canCluster,
  cardProps,
  accent,
  dragHintId,
}: {
  cards: CardView[];
  canCluster: boolean;
  cardProps: CardPropsOf;
  accent: string | undefined;
  dragHintId: string;
}) {
  return (
    <ul className="theme-cards">
      {cards.map((card) => (
        <DraggableCard key={card.id} {...cardProps(card)} canCluster={canCluster} accent={accent} dragHintId={dragHintId} />
      ))}
    </ul>
  );
});
