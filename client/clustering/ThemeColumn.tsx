import { memo, useEffect, useRef, useState, type FocusEvent } from 'react';
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
      {cluster?.registerItem && <p className="muted theme-origin">{t('followUp.themeFrom', { n: cluster.registerItem.position })}</p>}
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

/** How many cards a list draws at first, and adds each time its end comes near. */
const CARDS_PER_STEP = 100;
/** How far ahead of its end a list draws its next cards, so scrolling rarely meets the button. */
const AHEAD = '600px';

/**
 * A component of its own: the column redraws whenever a drag moves over it or away, its cards need not.
 *
 * A long list draws its first hundred cards and the next hundred when its end comes near (or its button is
 * pressed), never all thousand at once: every card drawn is work for React at each drop and for the browser at
 * every frame of a drag. A card that has the focus stays drawn when the list is filtered or reordered.
 */
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
  const [limit, setLimit] = useState(CARDS_PER_STEP);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where a press of "show more" sends the focus once drawn: the first of the new cards, not back to the top.
  const focusFrom = useRef<number | null>(null);
  const focusedAt = focusedId === null ? -1 : cards.findIndex((card) => card.id === focusedId);
  const shown = cards.slice(0, Math.max(limit, focusedAt + 1));

  useEffect(() => {
    if (focusFrom.current === null) return;
    list.current?.children[focusFrom.current]?.querySelector<HTMLElement>('input, button')?.focus();
    focusFrom.current = null;
  });

  const followFocus = (event: FocusEvent<HTMLUListElement>) => {
    const item = event.target.closest('li');
    const at = item ? Array.prototype.indexOf.call(event.currentTarget.children, item) : -1;
    setFocusedId(shown[at]?.id ?? null);
  };

  return (
    <ul
      ref={list}
      className="theme-cards"
      id={listId}
      onFocus={followFocus}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocusedId(null);
      }}
    >
      {shown.map((card) => (
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
      {shown.length < cards.length && (
        <ShowMore
          hidden={cards.length - shown.length}
          onNear={() => setLimit(shown.length + CARDS_PER_STEP)}
          onPress={() => {
            focusFrom.current = shown.length;
            setLimit(shown.length + CARDS_PER_STEP);
          }}
        />
      )}
    </ul>
  );
});

/**
 * The end of a list that is not all drawn: a button for the keyboard and screen readers, and more cards by
 * themselves when it comes near the visible part of its scrolling column (looked at again after each step).
 */
function ShowMore({ hidden, onNear, onPress }: { hidden: number; onNear: () => void; onPress: () => void }) {
  const t = useT();
  const ref = useRef<HTMLLIElement>(null);
  const near = useRef(onNear);
  near.current = onNear;
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && near.current(), {
      root: scrollingAncestor(element),
      rootMargin: AHEAD,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hidden]);
  return (
    // Not an item of the list: a screen reader counts the cards only.
    <li ref={ref} role="none" className="theme-more">
      <button type="button" onClick={onPress}>
        {t('cluster.showMore', { count: Math.min(hidden, CARDS_PER_STEP), hidden })}
      </button>
    </li>
  );
}

/** The column that scrolls the list (a theme's list itself, or the pile), whose edge hides the cards below. */
function scrollingAncestor(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}
