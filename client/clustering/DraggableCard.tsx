import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEventHandler,
  type KeyboardEventHandler,
  type MouseEventHandler,
  type TouchEventHandler,
} from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useT } from '../app/i18n';
import { CardItem } from '../cards/CardItem';
import type { CardPropsOf } from '../cards/CardItem';
import type { DragCardData } from './dragData';

export type DraggableCardProps = ReturnType<CardPropsOf> & {
  canCluster: boolean;
  accent: string | undefined;
  /** The id of dnd-kit's instructions for screen readers, which every drag handle points to. */
  dragHintId: string;
};

/** The card's elements, and its registration with dnd-kit while it has one. */
interface CardNodes {
  card: HTMLElement | null;
  handle: HTMLElement | null;
  registration: Pick<ReturnType<typeof useDraggable>, 'listeners' | 'setNodeRef' | 'setActivatorNodeRef'> | null;
}

/** Handlers that pass an event on to dnd-kit while the card is registered, and keep their identity throughout. */
interface CardListeners {
  onMouseDown: MouseEventHandler<HTMLLIElement>;
  onTouchStart: TouchEventHandler<HTMLLIElement>;
  onKeyDown: KeyboardEventHandler<HTMLButtonElement>;
  onFocus: FocusEventHandler<HTMLLIElement>;
  onBlur: FocusEventHandler<HTMLLIElement>;
}

/** Browsers that tell when `content-visibility: auto` skips an element; elsewhere every card stays registered. */
const TELLS_SKIPPING = typeof HTMLElement !== 'undefined' && 'oncontentvisibilityautostatechange' in HTMLElement.prototype;

/**
 * A card in a theme, registered with dnd-kit only while the browser draws it (it is on or near the screen),
 * holds the focus, or is being dragged. dnd-kit re-renders every registered card when a drag starts, crosses a
 * theme or ends; with a thousand cards registered, picking one up took several frames.
 */
export const DraggableCard = memo(function DraggableCard(props: DraggableCardProps) {
  const { card, body, author, own, accent, canCluster } = props;
  // A new card starts registered, so that one just dropped by keyboard can take the focus back at once.
  const [skipped, setSkipped] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dragging, setDragging] = useState(false);
  const nodes = useRef<CardNodes>({ card: null, handle: null, registration: null }).current;
  // The same object while the card is unchanged: dnd-kit copies a new one into a ref after every render.
  const data = useMemo<DragCardData>(
    () => ({ title: card.title, cluster: card.cluster, body, author, own, accent }),
    [card, body, author, own, accent],
  );

  const cardRef = useCallback(
    (element: HTMLLIElement | null) => {
      if (!element) return;
      nodes.card = element;
      nodes.registration?.setNodeRef(element);
      const follow = (event: Event) => setSkipped((event as ContentVisibilityAutoStateChangeEvent).skipped);
      if (TELLS_SKIPPING) element.addEventListener('contentvisibilityautostatechange', follow);
      return () => {
        element.removeEventListener('contentvisibilityautostatechange', follow);
        nodes.card = null;
      };
    },
    [nodes],
  );
  const handleRef = useCallback(
    (element: HTMLButtonElement | null) => {
      nodes.handle = element;
      nodes.registration?.setActivatorNodeRef(element);
    },
    [nodes],
  );
  const listeners = useMemo<CardListeners>(
    () => ({
      onMouseDown: (event) => nodes.registration?.listeners?.onMouseDown?.(event),
      onTouchStart: (event) => nodes.registration?.listeners?.onTouchStart?.(event),
      onKeyDown: (event) => nodes.registration?.listeners?.onKeyDown?.(event),
      // Registered at once when the keyboard reaches a card off the screen, before its handle takes a key.
      onFocus: () => setFocused(true),
      onBlur: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      },
    }),
    [nodes],
  );

  return (
    <>
      {canCluster && (!skipped || focused || dragging) && <DragRegistration id={card.id} data={data} nodes={nodes} onDragging={setDragging} />}
      <ThemeCard {...props} dragging={dragging} cardRef={cardRef} handleRef={handleRef} listeners={listeners} />
    </>
  );
});

/** The card's useDraggable, in a component of its own so that registering and releasing it leave the card be. */
function DragRegistration({ id, data, nodes, onDragging }: { id: string; data: DragCardData; nodes: CardNodes; onDragging: (dragging: boolean) => void }) {
  const { listeners, isDragging, setNodeRef, setActivatorNodeRef } = useDraggable({ id, data });
  useLayoutEffect(() => {
    nodes.registration = { listeners, setNodeRef, setActivatorNodeRef };
    setNodeRef(nodes.card);
    setActivatorNodeRef(nodes.handle);
    return () => {
      nodes.registration = null;
    };
  }, [nodes, listeners, setNodeRef, setActivatorNodeRef]);
  useLayoutEffect(() => {
    onDragging(isDragging);
    return () => onDragging(false);
  }, [onDragging, isDragging]);
  return null;
}

const LIFTED = { opacity: 0.4 };

const ThemeCard = memo(function ThemeCard({
  canCluster,
  accent,
  dragHintId,
  dragging,
  cardRef,
  handleRef,
  listeners,
  ...cardProps
}: DraggableCardProps & {
  dragging: boolean;
  cardRef: (element: HTMLLIElement | null) => void;
  handleRef: (element: HTMLButtonElement | null) => void;
  listeners: CardListeners;
}) {
  const t = useT();
  const { card } = cardProps;
  const { onKeyDown, ...rootListeners } = listeners;
  return (
    <CardItem
      {...cardProps}
      headingLevel={4}
      accent={accent}
      rootRef={cardRef}
      // The card itself stays in place while its copy (CardInFlight) follows the pointer.
      rootStyle={dragging ? LIFTED : undefined}
      // Mouse and touch may grab the whole card; the keyboard picks it up by its handle, so keys typed in
      // the card's own buttons never start a drag.
      rootListeners={canCluster ? rootListeners : undefined}
      dragHandle={
        canCluster && (
          // The attributes dnd-kit's useDraggable gives a handle, also while the card is not registered.
          <button
            type="button"
            ref={handleRef}
            className={`drag-handle${dragging ? ' dragging' : ''}`}
            aria-roledescription="draggable"
            aria-describedby={dragHintId}
            aria-pressed={dragging || undefined}
            onKeyDown={onKeyDown}
            aria-label={t('cluster.dragHandle', { title: card.title })}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )
      }
    />
  );
});
