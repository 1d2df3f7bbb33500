import * as Y from 'yjs';
import { cardsOf, notesOf } from '../../shared/boardDoc.js';
import { judgeRichText } from '../../shared/richText/judgeRichText.js';

/**
 * Where a change to the board document lands and how large the rich text it touched is: what BoardPolicy reads of
 * a transaction before it judges it.
 */

// Yjs types its generic parameter as the event type, which the policy never needs.
export type AnyType = Y.AbstractType<any>;

export interface Location {
  root: string | undefined;
  /** Keys from the root down to the changed type; for cards: [cardId, 'body', ...]. */
  path: Array<string | null>;
}

/** The key of the notes among the rich-text sizes, which are otherwise keyed by card id. */
export const NOTES = Symbol('notes');
export type RichTextKey = string | typeof NOTES;

/** Sizes of the bodies and notes a transaction (the server's own: reveal, demo content) changed. */
export function measureChanges(tr: Y.Transaction, doc: Y.Doc): Map<RichTextKey, number | null> {
  const out = new Map<RichTextKey, number | null>();
  const roots = new Map<AnyType, string>();
  doc.share.forEach((type, name) => roots.set(type, name));
  const cards = cardsOf(doc);
  for (const [type, keys] of tr.changed) {
    const at = locate(type, roots);
    if (at.root === 'notes') out.set(NOTES, measure(notesOf(doc)));
    if (at.root !== 'cards') continue;
    const ids = at.path.length === 0 ? Array.from(keys) : [at.path[0]];
    for (const id of ids) {
      if (id === null) continue;
      const card = cards.get(id);
      out.set(id, card ? measureCard(card) : null);
    }
  }
  return out;
}

export function measureCard(card: Y.Map<unknown>): number {
  const body = card.get('body');
  return body instanceof Y.XmlFragment ? measure(body) : 0;
}

/** Size as the limits count it; content stored before the schema was judged counts as far as it is valid. */
export function measure(root: Y.XmlFragment): number {
  return judgeRichText(root, { maxSize: Infinity, limitName: '', touched: () => false }).size;
}

export function isNewInTransaction(item: Y.Item, tr: Y.Transaction): boolean {
  return item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}

export function locate(type: AnyType, roots: Map<AnyType, string>): Location {
  const path: Array<string | null> = [];
  let current: AnyType = type;
  while (current._item !== null) {
    path.push(current._item.parentSub);
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return { root: undefined, path: path.reverse() };
    current = parent;
  }
  return { root: roots.get(current), path: path.reverse() };
}
