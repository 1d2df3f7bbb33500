import { memo } from 'react';
import { useDroppable } from '@dnd-kit/core';
import type * as Y from 'yjs';
import type { CardView, ClusterView } from '../../shared/boardDoc';
import { useT } from '../app/i18n';
import type { CardPropsOf } from '../cards/CardItem';
import type { DropThemeData } from './dragData';
import { DraggableCard } from './DraggableCard';
import type { Duplicate } from '../cards/CardItem';
import { ThemeOptions } from './ThemeOptions';
import { ThemeSwatch } from './ThemeSwatch';

/** The droppable id of the pile of cards that are in no theme. */
export const UNCLUSTERED = 'unclustered';

/** What a card can ask of the board; the same functions for the whole life of the board. */
export interface CardActions {
  requestMove: (cardId: string) => void;
  takeOut: (cardId: string) => void;
  toggleSelect: (cardId: string) => void;
}

interface Props {
  id: string;
  cluster: ClusterView | null;
  /** The theme's place in the board's order, shown on its colour; the pile has none. */
  number?: number;
  cards: CardView[];
  /** Under a filter, how many cards the theme holds (`cards` are those that match); null without one. */
  total: number | null;
  otherClusters: ClusterView[];
  boardDoc: Y.Doc;
  canCluster: boolean;
  /** Whether this person may merge the theme away or remove it. */
  mayRemove: boolean;
  cardProps: CardPropsOf;
  dragHintId: string;
  actions: CardActions;
  selected: ReadonlySet<string>;
  duplicates: ReadonlyMap<string, Duplicate>;
  /** Only the theme's name and count show; the pile never collapses. */
  collapsed: boolean;
  onToggleCollapsed: (id: string) => void;
}

export function ThemeColumn({ id, cluster, number, cards, total, otherClusters, boardDoc, canCluster, mayRemove, cardProps, dragHintId, actions, selected, duplicates, collapsed, onToggleCollapsed }: Props) {
  const t = useT();
  const name = cluster ? cluster.title : t('cluster.unclustered');
  const data: DropThemeData = { name };
  const { setNodeRef, isOver } = useDroppable({ id, data, disabled: !canCluster });
  const headingId = `theme-${id}`;
  const listId = `theme-cards-${id}`;

  return (
    <section
      ref={setNodeRef}
      id={`theme-section-${id}`}
      tabIndex={-1}
      className={`theme${cluster ? ' theme-tile' : ' theme-pile'}${isOver ? ' theme-over' : ''}${collapsed ? ' theme-collapsed' : ''}`}
      style={cluster ? { borderTopColor: cluster.color } : undefined}
      aria-labelledby={headingId}
    >
      <div className="theme-head">
        {cluster && number !== undefined && <ThemeSwatch color={cluster.color} number={number} />}
        <h3 id={headingId}>{name}</h3>
        <span className="count">
          {!total ? t('cluster.cardCount', { count: cards.length }) : t('cluster.cardCountFiltered', { shown: cards.length, count: total })}
        </span>
        {cluster && (
          <button
            type="button"
            className="theme-collapse"
            aria-expanded={!collapsed}
            aria-controls={collapsed || cards.length === 0 ? undefined : listId}
            aria-label={t(collapsed ? 'themes.showCards' : 'themes.hideCards', { name })}
            onClick={() => onToggleCollapsed(id)}
          >
            <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
          </button>
        )}
      </div>
      {cluster && canCluster && !collapsed && <ThemeOptions boardDoc={boardDoc} cluster={cluster} otherClusters={otherClusters} mayRemove={mayRemove} />}
      {collapsed ? null : cards.length === 0 ? (
        canCluster && <p className="muted theme-empty">{t('cluster.emptyTheme')}</p>
      ) : (
        <ThemeCards
          listId={listId}
          cards={cards}
          canCluster={canCluster}
          cardProps={cardProps}
          accent={cluster?.color}
          dragHintId={dragHintId}
          actions={actions}
          selected={selected}
          duplicates={duplicates}
        />
      )}
    </section>
  );
}

/** A component of its own: the column redraws whenever a drag moves over it or away, its cards need not. */
const ThemeCards = memo(function ThemeCards({
  listId,
  cards,
  canCluster,
  cardProps,
  accent,
  dragHintId,
  actions,
  selected,
  duplicates,
}: {
  listId: string;
  cards: CardView[];
  canCluster: boolean;
  cardProps: CardPropsOf;
  accent: string | undefined;
  dragHintId: string;
  actions: CardActions;
  selected: ReadonlySet<string>;
  duplicates: ReadonlyMap<string, Duplicate>;
}) {
  return (
    <ul className="theme-cards" id={listId}>
      {cards.map((card) => (
        <DraggableCard
          key={card.id}
          {...cardProps(card)}
          canCluster={canCluster}
          accent={accent}
          dragHintId={dragHintId}
          duplicate={duplicates.get(card.id)}
          selected={selected.has(card.id)}
          onMoveRequest={canCluster ? actions.requestMove : undefined}
          onTakeOut={canCluster ? actions.takeOut : undefined}
          onToggleSelect={canCluster ? actions.toggleSelect : undefined}
        />
      ))}
    </ul>
  );
});
