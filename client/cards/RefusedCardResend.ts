import type * as Y from 'yjs';
import { addCard } from '../../shared/boardDoc';

/** How long after a card is added a rebuild of the board is still taken for its refusal. */
export const RESEND_WINDOW_MS = 5_000;

/**
 * Keeps the card a person just added until it is known not to have been refused for its author's name. A card added
 * as "anonymous cards" flips carries the name the server no longer takes (the participant id, or the card key): the
 * server refuses it, and the board document is rebuilt from the server's state without it. Once both the rebuilt
 * document and the new name for new cards are here (in either order), the card is added again under that name.
 */
export class RefusedCardResend {
  private last: { doc: Y.Doc; title: string; author: string; at: number } | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  add(doc: Y.Doc, title: string, author: string): void {
    addCard(doc, { title, author });
    this.last = { doc, title, author, at: this.now() };
  }

  /** Told of the board document and the author name for new cards whenever either changes. */
  settle(doc: Y.Doc, author: string): void {
    const last = this.last;
    if (!last || this.now() - last.at > RESEND_WINDOW_MS) {
      this.last = null;
      return;
    }
    if (last.doc === doc || last.author === author) return;
    this.add(doc, last.title, author);
    this.last = null;
  }
}
