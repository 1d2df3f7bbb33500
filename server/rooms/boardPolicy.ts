import * as Y from 'yjs';
import { BOARD_ROOTS, cardsOf } from '../../shared/boardDoc.js';
import { LIMITS } from '../../shared/limits.js';
import type { BoardSettings, Phase } from '../../shared/phases.js';
import { participantsMayAddCards, participantsMayCluster, silentCollectActive } from '../../shared/phases.js';
import type { ChangePolicy, Writer } from './types.js';

export interface ControlContext {
  phase: Phase;
  settings: BoardSettings;
}

// Yjs types its generic parameter as the event type, which the policy never needs.
type AnyType = Y.AbstractType<any>;

interface Location {
  root: string | undefined;
  /** Keys from the root down to the changed type; for cards: [cardId, 'body', ...]. */
  path: Array<string | null>;
}

/**
 * Who may change what in the board document. Each client transaction is inspected after it was applied:
 * every changed type is traced up to its root and card, and judged by the writer's role, the card's author
 * (from an index of the accepted document, since a deleted card no longer says who wrote it) and the phase.
 */
export class BoardPolicy implements ChangePolicy {
  private readonly authors = new Map<string, string>();

  /**
   * @param privateOwner set for a participant's private list (silent collect): a document holding only that
   * participant's own unrevealed cards, which nobody else may write or read.
   */
  constructor(
    private readonly control: () => ControlContext,
    private readonly privateOwner: string | null = null,
  ) {}

  reset(doc: Y.Doc): void {
    this.authors.clear();
    cardsOf(doc).forEach((card, id) => this.authors.set(id, String(card.get('author'))));
  }

  accepted(tr: Y.Transaction, doc: Y.Doc): void {
    const cards = cardsOf(doc);
    const changedIds = tr.changed.get(cards as unknown as AnyType);
    if (!changedIds) return;
    for (const id of changedIds) {
      if (id === null) continue;
      const card = cards.get(id);
      if (card) this.authors.set(id, String(card.get('author')));
      else this.authors.delete(id);
    }
  }

  check(tr: Y.Transaction, doc: Y.Doc, writer: Writer): string | null {
    if (writer.role === 'observer' || writer.authorId === null) return 'observers cannot change the board';
    if (this.privateOwner !== null && writer.authorId !== this.privateOwner) return 'this private list is someone else\'s';
    const allowedRoots: readonly string[] = this.privateOwner !== null ? ['cards'] : BOARD_ROOTS;
    const roots = new Map<AnyType, string>();
    doc.share.forEach((type, name) => roots.set(type, name));
    const { phase, settings } = this.control();
    const isFacilitator = writer.role === 'facilitator';

    for (const [type, keys] of tr.changed) {
      const at = locate(type, roots);
      if (at.root === undefined || !allowedRoots.includes(at.root)) {
        return `unknown part of the board: ${at.root ?? '(detached)'}`;
      }
      if (at.root === 'notes' && !isFacilitator) return 'only the facilitator writes the notes';
      if (at.root === 'clusters' && !isFacilitator && !participantsMayCluster(phase, settings)) {
        return 'themes can be changed only while clustering is open';
      }
      if (at.root === 'clusters') {
        const refusal = checkClusterTitles(type, keys);
        if (refusal) return refusal;
      }
      if (at.root !== 'cards') continue;

      if (at.path.length === 0) {
        for (const cardId of keys) {
          const refusal = this.checkCardKey(doc, tr, cardId, writer, phase, settings);
          if (refusal) return refusal;
        }
        continue;
      }
      const cardId = at.path[0];
      if (cardId === null) return 'malformed card';
      const card = cardsOf(doc).get(cardId);
      if (card && card._item && isNewInTransaction(card._item, tr)) continue; // checked whole, as a new card
      const author = this.authors.get(cardId);
      const ownCard = isFacilitator || (author !== undefined && author === writer.authorId);
      if (at.path.length === 1) {
        for (const key of keys) {
          if (key === 'cluster') {
            if (this.privateOwner !== null) return 'private cards join themes after they are revealed';
            if (!isFacilitator && !participantsMayCluster(phase, settings)) return 'cards can be moved only while clustering is open';
            const cluster = card?.get('cluster');
            if (cluster !== null && typeof cluster !== 'string') return 'a card\'s theme must be a theme id or null';
          } else if (key === 'title') {
            if (!ownCard) return 'only the author can edit a card';
            const title = card?.get('title');
            if (typeof title !== 'string' || title.length > LIMITS.maxCardTitle) return 'card title too long or not text';
          } else {
            return `card field "${key}" cannot be changed`;
          }
        }
      } else if (!ownCard) {
        return 'only the author can edit a card';
      }
    }
    return null;
  }

  private checkCardKey(doc: Y.Doc, tr: Y.Transaction, cardId: string | null, writer: Writer, phase: Phase, settings: BoardSettings): string | null {
    if (cardId === null) return 'malformed card';
    const isFacilitator = writer.role === 'facilitator';
    const existing = this.authors.get(cardId);
    const card = cardsOf(doc).get(cardId);
    if (existing !== undefined) {
      if (!isFacilitator && existing !== writer.authorId) return 'only the author can delete a card';
      if (card === undefined) return null; // a deletion
      if (!isFacilitator) return 'a card cannot be replaced';
    }
    if (card === undefined) return null; // added and removed within one transaction
    if (!(card instanceof Y.Map) || !card._item || !isNewInTransaction(card._item, tr)) return 'malformed card';
    if (!isFacilitator && !participantsMayAddCards(phase, settings)) return 'cards can be added only while collecting';
    const silent = silentCollectActive(phase, settings);
    if (this.privateOwner === null && !isFacilitator && silent) return 'silent collect: cards go to your private list';
    if (this.privateOwner !== null && !silent) return 'private cards are only for silent collect';
    if (cardsOf(doc).size > LIMITS.maxCardsPerBoard) return `a board holds at most ${LIMITS.maxCardsPerBoard} cards`;
    const title = card.get('title');
    if (typeof title !== 'string' || title.length > LIMITS.maxCardTitle) return 'card title too long or not text';
    if (card.get('author') !== writer.authorId) return 'a card must carry its own author';
    if (!(card.get('body') instanceof Y.XmlFragment)) return 'a card needs a rich-text body';
    const cluster = card.get('cluster');
    if (cluster !== null && cluster !== undefined && (this.privateOwner !== null || (!isFacilitator && !participantsMayCluster(phase, settings)))) {
      return 'cards can be placed in themes only while clustering is open';
    }
    return null;
  }
}

function checkClusterTitles(type: AnyType, keys: Set<string | null>): string | null {
  if (!(type instanceof Y.Map)) return null;
  for (const key of keys) {
    if (key === 'title') {
      const title = type.get('title');
      if (typeof title !== 'string' || title.length > LIMITS.maxClusterTitle) return 'theme name too long or not text';
    }
  }
  return null;
}

function isNewInTransaction(item: Y.Item, tr: Y.Transaction): boolean {
  return item.id.clock >= (tr.beforeState.get(item.id.client) ?? 0);
}

function locate(type: AnyType, roots: Map<AnyType, string>): Location {
  const path: Array<string | null> = [];
  let current: AnyType = type;
  while (current._item !== null) {
    path.unshift(current._item.parentSub);
    const parent = current._item.parent;
    if (!(parent instanceof Y.AbstractType)) return { root: undefined, path };
    current = parent;
  }
  return { root: roots.get(current), path };
}
