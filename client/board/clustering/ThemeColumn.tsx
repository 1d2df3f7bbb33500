import type { KeyboardEventHandler, MouseEventHandler, TouchEventHandler } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type * as Y from 'yjs';
import { moveCard, type CardView, type ClusterView } from '../../../shared/boardDoc';
import { useT } from '../../app/i18n';
import { CardItem } from '../cards/CardItem';
import type { CardPropsOf } from '../cards/CardsSection';
import type { DragCardData, DropThemeData } from './ClusterBoard';
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
}

export function ThemeColumn({ id, cluster, cards, otherClusters, boardDoc, canCluster, cardProps }: Props) {
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
        <ul className="theme-cards">
          {cards.map((card) => (
            <DraggableCard key={card.id} card={card} boardDoc={boardDoc} canCluster={canCluster} cardProps={cardProps} accent={cluster?.color} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DraggableCard({
  card,
  boardDoc,
  canCluster,
  cardProps,
  accent,
}: {
  card: CardView;
  boardDoc: Y.Doc;
  canCluster: boolean;
  cardProps: CardPropsOf;
  accent: string | undefined;
}) {
  const t = useT();
  const data: DragCardData = { title: card.title, cluster: card.cluster };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useDraggable({
    id: card.id,
    data,
    disabled: !canCluster,
  });
  // dnd-kit types its listeners loosely (one per sensor's activator event).
  const onMouseDown = listeners?.onMouseDown as MouseEventHandler<HTMLLIElement> | undefined;
  const onTouchStart = listeners?.onTouchStart as TouchEventHandler<HTMLLIElement> | undefined;
  const onKeyDown = listeners?.onKeyDown as KeyboardEventHandler<HTMLButtonElement> | undefined;
  return (
    <CardItem
      {...cardProps(card)}
      headingLevel={4}
      accent={accent}
      rootRef={setNodeRef}
      rootStyle={
        transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 20, position: 'relative' } : undefined
      }
      // Mouse and touch may grab the whole card; the keyboard picks it up by its handle, so keys typed in
      // the card's own buttons never start a drag.
      rootListeners={canCluster ? { onMouseDown, onTouchStart } : undefined}
      dragHandle={
        canCluster && (
          <button
            type="button"
            ref={setActivatorNodeRef}
            className={`drag-handle${isDragging ? ' dragging' : ''}`}
            {...attributes}
            onKeyDown={onKeyDown}
            aria-label={t('cluster.dragHandle', { title: card.title })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )
      }
      extraActions={
        canCluster &&
        card.cluster && (
          <button type="button" onClick={() => moveCard(boardDoc, card.id, null)} aria-label={t('cluster.splitOutLabel', { title: card.title })}>
            {t('cluster.splitOut')}
          </button>
        )
      }
    />
  );
}
