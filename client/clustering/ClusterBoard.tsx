import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  DndContext,
  KeyboardSensor,
  MeasuringStrategy,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type * as Y from 'yjs';
import { moveCard, moveCards as moveCardsOnBoard, type CardView } from '../../shared/boardDoc';
import type { Phase } from '../../shared/phases';
import type { DuplicatePair } from '../../shared/suggestions/api';
import { titleDuplicatePairs } from '../../shared/suggestions/titleDuplicates';
import { useT } from '../app/i18n';
import type { CardPropsOf } from '../cards/CardItem';
import { useClusters } from '../kernel/useBoardData';
import { BoardHistory } from '../kernel/history/BoardHistory';
import { ThemeOverview } from './ThemeOverview';
import { UndoNotice, useUndoShortcut } from './UndoControls';
import type { Removal } from '../../shared/permissions';
import { CardInFlight } from './CardInFlight';
import type { DragCardData, DropThemeData } from './dragData';
import { ClusterToolbar, type CardFilter } from './ClusterToolbar';
import { MoveDialog } from './MoveDialog';
import { possibleDuplicates } from './possibleDuplicates';
import { SuggestThemes } from './suggest/SuggestThemes';
import { useCardMarks } from './suggest/useCardMarks';
import { ThemeColumn, UNCLUSTERED, type CardActions } from './ThemeColumn';
import './clustering.css';

interface Props {
  boardDoc: Y.Doc;
  cards: CardView[];
  bodies: ReadonlyMap<string, string>;
  canCluster: boolean;
  /** Whether this person may make a change that removes this much (themes holding cards need the facilitator). */
  removeAtOnce: (removal: Removal) => boolean;
  cardProps: CardPropsOf;
  /** The text "find" searches in for a card: title, body, author and group. */
  searchTextOf: (card: CardView) => string;
  language: string;
  phase: Phase;
}

/**
 * The pile of cards in no theme beside the themes, all in view together. A card moves by dragging (mouse,
 * touch, keyboard) or by its "Move to theme…" menu, alone or with other selected cards. A move writes only the
 * card's `cluster` key, so two people moving the same card at once converge instead of duplicating it.
 */
export default function ClusterBoard({ boardDoc, cards, bodies, canCluster, removeAtOnce, cardProps, searchTextOf, language, phase }: Props) {
  const t = useT();
  // dnd-kit's id for its screen-reader instructions, which every drag handle points to.
  const dragHintId = useId();
  const clusters = useClusters(boardDoc);
  const history = BoardHistory.of(boardDoc);
  const order = useRef<string[]>([]);
  order.current = [UNCLUSTERED, ...clusters.map((c) => c.id)];

  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [moving, setMoving] = useState<string[] | null>(null);
  const [compact, setCompact] = useState(false);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(() => new Set());
  const [filter, setFilter] = useState<CardFilter>({ query: '', duplicatesOnly: false });
  const shownFilter = useDeferredValue(filter);
  const [announcement, setAnnouncement] = useState('');
  const [suggestedDuplicates, setSuggestedDuplicates] = useState<DuplicatePair[]>([]);
  // Titles and merges only: a card moving between themes does not change which cards repeat each other.
  const titles = cards.map((c) => `${c.id}\u0000${c.title}`).join('\u0001');
  const merged = cards.map((c) => c.mergedInto ?? '').join('\u0001');
  const titlePairs = useMemo(() => titleDuplicatePairs(cards), [titles]);
  const duplicates = useMemo(() => possibleDuplicates(cards, titlePairs, suggestedDuplicates), [titlePairs, merged, suggestedDuplicates]);
  const marks = useCardMarks(boardDoc, cards, duplicates.offered, cardProps, canCluster);
  useUndoShortcut(boardDoc, canCluster);

  const searchText = useRef(searchTextOf);
  searchText.current = searchTextOf;
  const visible = useMemo(() => {
    const words = shownFilter.query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0 && !shownFilter.duplicatesOnly) return null;
    return new Set(
      cards
        .filter((card) => !shownFilter.duplicatesOnly || duplicates.kinds.has(card.id))
        .filter((card) => {
          const text = searchText.current(card).toLocaleLowerCase();
          return words.every((word) => text.includes(word));
        })
        .map((card) => card.id),
    );
  }, [cards, shownFilter, duplicates]);

  // The cards each theme shows, and how many it holds, so under a filter a theme says "0 of 3", never "0 cards".
  const { byCluster, held, totals } = useMemo(() => {
    const known = new Set(clusters.map((c) => c.id));
    const groups = new Map<string, CardView[]>();
    const held = new Map<string, number>();
    for (const card of cards) {
      if (marks.hidden.has(card.id)) continue;
      // A card whose theme was deleted by someone else meanwhile shows on the pile rather than vanishing.
      const key = card.cluster && known.has(card.cluster) ? card.cluster : UNCLUSTERED;
      held.set(key, (held.get(key) ?? 0) + 1);
      if (visible && !visible.has(card.id)) continue;
      const group = groups.get(key);
      if (group) group.push(card);
      else groups.set(key, [card]);
    }
    return { byCluster: groups, held, totals: visible ? held : null };
  }, [cards, clusters, visible, marks.hidden]);
  // Every card counts here, hidden by a search or a merge or not: removing a theme that holds any needs the right.
  const heldThemes = useMemo(() => new Set(cards.map((card) => card.cluster)), [cards]);
  useEffect(() => BoardHistory.of(boardDoc).limitRemovals(removeAtOnce), [boardDoc, removeAtOnce, cards]);

  const titleOfTarget = (target: string | null) => (target === null ? t('cluster.unclustered') : (clusters.find((c) => c.id === target)?.title ?? ''));

  const moveCards = (ids: string[], target: string | null, targetName = titleOfTarget(target)) => {
    history.change(() => moveCardsOnBoard(boardDoc, ids, target));
    setAnnouncement(t('move.done', { count: ids.length, target: targetName }));
    setSelected((current) => (ids.some((id) => current.has(id)) ? new Set() : current));
    setMoving(null);
    // The moved cards leave the list they were in; the keyboard continues where they went.
    requestAnimationFrame(() => document.getElementById(`theme-section-${target ?? UNCLUSTERED}`)?.focus());
  };

  // Callbacks every card receives; the same functions throughout, so memoised cards are not redrawn by them.
  const actions = useRef<CardActions | null>(null);
  const latest = useRef({ moveCards });
  latest.current = { moveCards };
  actions.current ??= {
    requestMove: (id) => setMoving([id]),
    takeOut: (id) => latest.current.moveCards([id], null),
    toggleSelect: (id) =>
      setSelected((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
  };

  const toggleCollapsed = useCallback(
    (id: string) =>
      setToggled((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  // Sensors that keep their identity: new ones would change dnd-kit's context and redraw every registered card.
  const sensors = useSensors(
    useSensor(MouseSensor, MOUSE),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, useMemo(() => ({ coordinateGetter: jumpBetweenThemes(() => order.current) }), [])),
  );

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('dnd.pickedUp', { title: titleOf(active.data.current) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('dnd.over', { title: titleOf(active.data.current), target: nameOf(over.data.current) })
        : t('dnd.notOver', { title: titleOf(active.data.current) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('dnd.dropped', { title: titleOf(active.data.current), target: nameOf(over.data.current) })
        : t('dnd.cancelled', { title: titleOf(active.data.current) }),
    onDragCancel: ({ active }) => t('dnd.cancelled', { title: titleOf(active.data.current) }),
  };

  const drop = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    history.change(() => moveCard(boardDoc, String(active.id), over.id === UNCLUSTERED ? null : String(over.id)));
  };

  const themeProps = {
    boardDoc,
    canCluster,
    cardProps: marks.cardProps,
    dragHintId,
    actions: actions.current,
    selected,
    duplicates: duplicates.kinds,
    onToggleCollapsed: toggleCollapsed,
  };

  return (
    <div className="cluster-board">
      <h2 className="visually-hidden">{t('cluster.heading')}</h2>
      <ClusterToolbar
        boardDoc={boardDoc}
        canCluster={canCluster}
        filter={filter}
        onFilter={setFilter}
        matches={visible?.size ?? null}
        compact={compact}
        onCompact={(on) => {
          setCompact(on);
          setToggled(new Set());
        }}
        selectedCount={selected.size}
        onMoveSelected={() => setMoving(Array.from(selected))}
        onClearSelection={() => setSelected(new Set())}
        suggest={canCluster && <SuggestThemes boardDoc={boardDoc} cards={cards} bodies={bodies} clusters={clusters} duplicatePairs={duplicates.count} moreDuplicatePairs={duplicates.more} onDuplicates={setSuggestedDuplicates} />}
      />
      {canCluster && <p className="hint">{t('cluster.hint')}</p>}
      {clusters.length > 0 && <ThemeOverview clusters={clusters} held={held} />}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <DndContext
        id={dragHintId}
        sensors={canCluster ? sensors : NO_SENSORS}
        collisionDetection={landOnTarget}
        // No scrolling of the page under a dragged card: the pile is sticky, and dnd-kit's scroll compensation
        // then moved the card's position away from the pointer, so drops missed their theme (and arrow keys,
        // which jump from theme to theme, never need it). The themes stay within a screen of the pile instead.
        autoScroll={false}
        measuring={MEASURING}
        onDragEnd={drop}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      >
        {/* Cards and themes are in the workshop's language; the controls around them in the reader's. */}
        <div className="cluster-layout" lang={language}>
          <ThemeColumn id={UNCLUSTERED} cluster={null} cards={byCluster.get(UNCLUSTERED) ?? []} total={totals && (totals.get(UNCLUSTERED) ?? 0)} otherClusters={clusters} mayRemove={false} collapsed={false} {...themeProps} />
          <div className={`theme-tiles${compact ? ' theme-tiles-compact' : ''}`}>
            {clusters.map((cluster, index) => (
              <ThemeColumn
                key={cluster.id}
                id={cluster.id}
                cluster={cluster}
                number={index + 1}
                cards={byCluster.get(cluster.id) ?? []}
                total={totals && (totals.get(cluster.id) ?? 0)}
                otherClusters={clusters.filter((c) => c.id !== cluster.id)}
                mayRemove={removeAtOnce({ cards: 0, themesWithCards: heldThemes.has(cluster.id) ? 1 : 0 })}
                collapsed={compact !== toggled.has(cluster.id)}
                {...themeProps}
              />
            ))}
          </div>
        </div>
        <CardInFlight />
      </DndContext>
      {moving && (
        <MoveDialog
          boardDoc={boardDoc}
          cards={cards.filter((c) => moving.includes(c.id))}
          clusters={clusters}
          onMove={(target, name) => moveCards(moving, target, name)}
          onCancel={() => setMoving(null)}
        />
      )}
      <UndoNotice boardDoc={boardDoc} phase={phase} />
    </div>
  );
}

const NO_SENSORS: ReturnType<typeof useSensors> = [];
// The droppables are the pile and a dozen themes, cheap to measure; measured once, their rects went stale when
// the page scrolled under the sticky pile during a drag, and no drop landed.
const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };
const MOUSE = { activationConstraint: { distance: 6 } };
// A short press before a drag, so a finger can still scroll the page on a phone.
const TOUCH = { activationConstraint: { delay: 200, tolerance: 8 } };

function titleOf(data: unknown): string {
  return (data as DragCardData | undefined)?.title ?? '';
}

function nameOf(data: unknown): string {
  return (data as DropThemeData | undefined)?.name ?? '';
}

/**
 * The theme under the pointer; for the keyboard, which has no pointer, the theme holding the card's corner
 * (jumpBetweenThemes puts it just inside the chosen theme). Overlap alone picked the pile when a small card
 * overlapped a tall pile more than a low theme tile, so arrow keys never reached some themes.
 */
const landOnTarget: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const within = pointerWithin(args);
    return within.length > 0 ? within : rectIntersection(args);
  }
  const { left, top } = args.collisionRect;
  return args.droppableContainers
    .filter((container) => {
      const rect = args.droppableRects.get(container.id);
      return rect && left >= rect.left && left <= rect.right && top >= rect.top && top <= rect.bottom;
    })
    .map((container) => ({ id: container.id, data: { droppableContainer: container, value: 0 } }));
};

/**
 * Arrow keys move a picked-up card to the next or previous theme (the pile first, then the themes in the order
 * they were made) rather than by a few pixels: themes are the only places a card can land, and this order
 * reaches every one of them whatever the layout.
 */
function jumpBetweenThemes(order: () => string[]): KeyboardCoordinateGetter {
  const steps: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  return (event, { context }) => {
    const step = steps[event.code];
    if (step === undefined) return undefined;
    event.preventDefault();
    const ids = order();
    const current = String(context.over?.id ?? (context.active?.data.current as DragCardData | undefined)?.cluster ?? UNCLUSTERED);
    const at = Math.max(0, ids.indexOf(current));
    const target = ids[(at + step + ids.length) % ids.length];
    const rect = context.droppableRects.get(target);
    return rect ? { x: rect.left + 8, y: rect.top + 8 } : undefined;
  };
}
