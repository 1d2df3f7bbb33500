import * as Y from 'yjs';
import { cardBodyText, cardsOf, inWritingOrder, readCard, type CardView } from '../../shared/boardDoc';

const perDoc = new WeakMap<Y.Doc, LiveCards>();

/**
 * The board's cards, in order, as views that keep their object until the card changes, and each card's body as
 * plain text. Only the cards a transaction touched are read again: on a board of 1,000 cards a drop or a
 * keystroke in one card re-reads that card, and a keystroke in the notes reads none.
 */
export class LiveCards {
  /** One per document, observing it from the first use for as long as the document lives. */
  static of(doc: Y.Doc): LiveCards {
    let live = perDoc.get(doc);
    if (!live) {
      live = new LiveCards(doc);
      perDoc.set(doc, live);
    }
    return live;
  }

  private readonly views = new Map<string, CardView>();
  private cards: CardView[] = [];
  private bodies: ReadonlyMap<string, string> = new Map();
  /** Cards changed since the last read; null before the first. */
  private stale: Set<string> | null = null;
  private readonly listeners = new Set<() => void>();

  private constructor(private readonly doc: Y.Doc) {
    cardsOf(doc).observeDeep((events) => {
      const stale = this.stale;
      if (stale) {
        for (const event of events) {
          // The path starts at the card for a change inside it (title, cluster, body); it is empty when cards
          // were added or removed.
          if (event.path.length > 0) stale.add(String(event.path[0]));
          else if (event instanceof Y.YMapEvent) event.keysChanged.forEach((id) => stale.add(id));
        }
      }
      this.listeners.forEach((listener) => listener());
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getCards = (): CardView[] => {
    this.refresh();
    return this.cards;
  };

  getBodies = (): ReadonlyMap<string, string> => {
    this.refresh();
    return this.bodies;
  };

  private refresh(): void {
    if (this.stale === null) {
      this.stale = new Set();
      this.read(cardsOf(this.doc).keys());
    } else if (this.stale.size > 0) {
      const ids = [...this.stale];
      this.stale.clear();
      this.read(ids);
    }
  }

  private read(ids: Iterable<string>): void {
    const map = cardsOf(this.doc);
    const bodies = new Map(this.bodies);
    let bodiesChanged = false;
    let viewsChanged = false;
    let orderChanged = false;
    for (const id of ids) {
      const entry = map.get(id);
      if (!entry) {
        if (this.views.delete(id)) orderChanged = true;
        if (bodies.delete(id)) bodiesChanged = true;
        continue;
      }
      const before = this.views.get(id);
      const view = readCard(id, entry);
      if (!before || !sameCard(before, view)) {
        this.views.set(id, view);
        viewsChanged = true;
        if (before?.createdAt !== view.createdAt) orderChanged = true;
      }
      const body = cardBodyText(entry);
      if (bodies.get(id) !== body) {
        bodies.set(id, body);
        bodiesChanged = true;
      }
    }
    // The order of readCards: by creation, then by id.
    if (orderChanged) this.cards = [...this.views.values()].sort(inWritingOrder);
    else if (viewsChanged) this.cards = this.cards.map((card) => this.views.get(card.id) ?? card);
    if (bodiesChanged) this.bodies = bodies;
  }
}

/** Every field, so a field added to CardView (as `mergedInto` was) is never read as "unchanged". */
function sameCard(a: CardView, b: CardView): boolean {
  const keys = Object.keys(a) as Array<keyof CardView>;
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
