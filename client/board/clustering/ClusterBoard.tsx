import { useId, useMemo, useRef } from 'react';
import {
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type * as Y from 'yjs';
import { addCluster, moveCard, type CardView } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../app/i18n';
import type { CardPropsOf } from '../cards/CardsSection';
import { useClusters } from '../useBoardData';
import { SingleLineAddForm } from '../SingleLineAddForm';
import { CardInFlight } from './CardInFlight';
import { ThemeColumn, UNCLUSTERED } from './ThemeColumn';

interface Props {
  boardDoc: Y.Doc;
  cards: CardView[];
  canCluster: boolean;
  cardProps: CardPropsOf;
}

/** Data each draggable card and droppable theme carries, for announcements, drops and the card in flight. */
export interface DragCardData {
  title: string;
  cluster: string | null;
  body: string;
  author: string;
  own: boolean;
  accent: string | undefined;
}
export interface DropThemeData {
  name: string;
}

/**
 * Themes with their cards. A drop writes only the card's `cluster` key, so two people moving the same card
 * at once converge (Yjs keeps one of the two writes everywhere) instead of duplicating it.
 */
export default function ClusterBoard({ boardDoc, cards, canCluster, cardProps }: Props) {
  const t = useT();
  // dnd-kit's id for its screen-reader instructions, which every drag handle points to.
  const dragHintId = useId();
  const clusters = useClusters(boardDoc);
  const order = useRef<string[]>([]);
  order.current = [UNCLUSTERED, ...clusters.map((c) => c.id)];

  const byCluster = useMemo(() => {
    const known = new Set(clusters.map((c) => c.id));
    const groups = new Map<string, CardView[]>();
    for (const card of cards) {
      // A card whose theme was deleted by someone else meanwhile shows on the pile rather than vanishing.
      const key = card.cluster && known.has(card.cluster) ? card.cluster : UNCLUSTERED;
      const group = groups.get(key);
      if (group) group.push(card);
      else groups.set(key, [card]);
    }
    return groups;
  }, [cards, clusters]);

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
    moveCard(boardDoc, String(active.id), over.id === UNCLUSTERED ? null : String(over.id));
  };

  const columns = (
    <div className="themes">
      <ThemeColumn
        id={UNCLUSTERED}
        cluster={null}
        cards={byCluster.get(UNCLUSTERED) ?? []}
        otherClusters={clusters}
        boardDoc={boardDoc}
        canCluster={canCluster}
        cardProps={cardProps}
        dragHintId={dragHintId}
      />
      {clusters.map((cluster) => (
        <ThemeColumn
          key={cluster.id}
          id={cluster.id}
          cluster={cluster}
          cards={byCluster.get(cluster.id) ?? []}
          otherClusters={clusters.filter((c) => c.id !== cluster.id)}
          boardDoc={boardDoc}
          canCluster={canCluster}
          cardProps={cardProps}
          dragHintId={dragHintId}
        />
      ))}
    </div>
  );

  return (
    <div className="cluster-board">
      <h2 className="visually-hidden">{t('cluster.heading')}</h2>
      {canCluster ? (
        <>
          <SingleLineAddForm
            label={t('cluster.addLabel')}
            placeholder={t('cluster.addPlaceholder')}
            submitLabel={t('cluster.add')}
            maxLength={LIMITS.maxClusterTitle}
            fullMessage={clusters.length >= LIMITS.maxClustersPerBoard ? t('cluster.full') : null}
            onAdd={(title) => addCluster(boardDoc, { title })}
          />
          <p className="hint">{t('cluster.hint')}</p>
        </>
      ) : (
        <p className="muted">{t('cluster.readOnly')}</p>
      )}
      <DndContext
        id={dragHintId}
        sensors={canCluster ? sensors : NO_SENSORS}
        collisionDetection={rectIntersection}
        onDragEnd={drop}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('dnd.instructions') } }}
      >
        {columns}
        <CardInFlight />
      </DndContext>
    </div>
  );
}

const NO_SENSORS: ReturnType<typeof useSensors> = [];
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
 * Arrow keys move a picked-up card to the next or previous theme (in reading order) rather than by a few
 * pixels: themes are the only places a card can land, so that is every step a keyboard user needs.
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
