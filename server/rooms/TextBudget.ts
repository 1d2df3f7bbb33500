import type * as Y from 'yjs';
import { cardsOf, notesOf } from '../../shared/boardDoc.js';
import { RICH_TEXT_LIMITS } from '../../shared/boardSchema.js';
import { LIMITS } from '../../shared/limits.js';
import { judgeRichText } from '../../shared/richText/judgeRichText.js';
import { isNewInTransaction, measure, measureCard, measureChanges, NOTES, type AnyType, type RichTextKey } from './changeLocation.js';

/** What one transaction did to the rich text: the new size of each body it touched, null for a removed card. */
interface SizeChanges {
  tr: Y.Transaction;
  sizes: Map<RichTextKey, number | null>;
}

/**
 * The rich text of a board document as accepted: each card body and the notes judged against the editor's schema,
 * and the size of each and their sum, the board's stored size budget (`maxBoardContent`).
 */
export class TextBudget {
  private readonly sizes = new Map<RichTextKey, number>();
  private total = 0;
  /** Sizes measured while judging a transaction, taken over by `accepted` when that transaction stands. */
  private judged: SizeChanges | null = null;

  reset(doc: Y.Doc): void {
    this.sizes.clear();
    this.total = 0;
    this.judged = null;
    const all = new Map<RichTextKey, number | null>([[NOTES, measure(notesOf(doc))]]);
    cardsOf(doc).forEach((card, id) => all.set(id, measureCard(card)));
    this.take(all);
  }

  /**
   * Judges each rich-text root the transaction touched (null for a removed card) against the editor's schema,
   * and the board's new size against the budget: a refusal, or null.
   */
  judge(tr: Y.Transaction, touched: Map<RichTextKey, Y.XmlFragment | null>): string | null {
    const sizes = new Map<RichTextKey, number | null>();
    let total = this.total;
    const touchedType = (type: Y.XmlElement | Y.XmlText) => tr.changed.has(type as unknown as AnyType) || (type._item !== null && isNewInTransaction(type._item, tr));
    for (const [key, root] of touched) {
      let size: number | null = null;
      if (root !== null) {
        const verdict = judgeRichText(root, { ...(key === NOTES ? RICH_TEXT_LIMITS.notes : RICH_TEXT_LIMITS.body), touched: touchedType });
        if (verdict.refusal) return verdict.refusal;
        size = verdict.size;
      }
      total += (size ?? 0) - (this.sizes.get(key) ?? 0);
      sizes.set(key, size);
    }
    if (total > LIMITS.maxBoardContent && total > this.total) {
      return `board over its budget of ${LIMITS.maxBoardContent} characters of text (maxBoardContent)`;
    }
    this.judged = { tr, sizes };
    return null;
  }

  /** The transaction stands: its sizes, as judged (or measured, for a change nobody judged), become the accepted ones. */
  accepted(tr: Y.Transaction, doc: Y.Doc): void {
    this.take(this.judged?.tr === tr ? this.judged.sizes : measureChanges(tr, doc));
    this.judged = null;
  }

  private take(changes: Map<RichTextKey, number | null>): void {
    for (const [key, size] of changes) {
      this.total -= this.sizes.get(key) ?? 0;
      if (size === null) {
        this.sizes.delete(key);
      } else {
        this.sizes.set(key, size);
        this.total += size;
      }
    }
  }
}
