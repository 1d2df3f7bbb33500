import { DragOverlay, useDndContext } from '@dnd-kit/core';
import type { DragCardData } from './dragData';

/**
 * A copy of the card being dragged, following the pointer above the page while the card itself stays in its
 * column: moving the card redrew it at every step, in the middle of a column of hundreds. The copy is for the
 * eyes only; announcements tell screen-reader users where the card is.
 */
export function CardInFlight() {
  const { active } = useDndContext();
  const card = active?.data.current as DragCardData | undefined;
  return (
    <DragOverlay dropAnimation={null}>
      {card && (
        <div
          className={`card card-in-flight${card.own ? ' card-own' : ''}`}
          style={card.accent ? { borderTopColor: card.accent } : undefined}
          aria-hidden="true"
        >
          <p className="card-in-flight-title">{card.title}</p>
          {card.body && <p className="card-body">{card.body}</p>}
          <p className="card-meta">{card.author}</p>
        </div>
      )}
    </DragOverlay>
  );
}
