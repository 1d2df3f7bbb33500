import * as Y from 'yjs';
import { TokenBuckets } from '../TokenBuckets.js';
import { BOARD_ROOTS, cardsOf, clustersOf, notesOf } from '../../shared/boardDoc.js';
import { judgeCardField, judgeCardFields, judgeClusterFields } from '../../shared/boardSchema.js';
import { LIMITS } from '../../shared/limits.js';
import { asTableHost, authorOfNewCards, isOwnCard, MAX_CARDS_REMOVED_PER_CHANGE, MAX_CARDS_MERGED_PER_MINUTE, may, mayRemoveAtOnce, refusalOf, type CardAuthorship, type Removal, type Situation } from '../../shared/permissions.js';
import type { Writer } from '../auth/Access.js';
import { isNewInTransaction, locate, NOTES, type AnyType, type RichTextKey } from './changeLocation.js';
import { isReactionRoot, ReactionsPolicy } from './reactionsPolicy.js';
import { TextBudget } from './TextBudget.js';
import type { ChangePolicy } from './types.js';

/** What the policy reads of the control document: phase, settings and whether the workshop is closed. */
export type ControlContext = Situation;

/** A document's card limit, named in the close reason. */
export interface CardCap {
  max: number;
  name: keyof typeof LIMITS;
}

const PLENARY_CARDS: CardCap = { max: LIMITS.maxCardsPerBoard, name: 'maxCardsPerBoard' };

/**
 * Who may change what in the board document. Each client transaction is inspected after it was applied:
 * every changed type is traced up to its root and card, and judged by the writer's role, the card's author
 * (from an index of the accepted document, since a deleted card no longer says who wrote it) and the phase,
 * through the permissions the browser also asks (shared/permissions.ts); the policy adds the document's shape.
 */
export class BoardPolicy implements ChangePolicy {
  private readonly authors = new Map<string, string>();
  /** Each accepted card's theme, so a deleted theme's cards are known after the change moved them out. */
  private readonly themeOfCard = new Map<string, unknown>();
  /**
   * Each card's breakout table as the merge wrote it, kept after the card is deleted so that undoing the
   * deletion brings the card back with its table; no client may give a card a table of its own.
   */
  private readonly tableOfCard = new Map<string, string>();
  private readonly text = new TextBudget();
  private readonly reactions = new ReactionsPolicy();
  /** Other people's cards each writer merged lately; kept across rebuilds, since it is a pace and not the document. */
  private readonly removals = new TokenBuckets({ burst: MAX_CARDS_MERGED_PER_MINUTE, perSecond: MAX_CARDS_MERGED_PER_MINUTE / 60 });
  /** What the transaction being judged merges, spent from its writer's pace by `accepted` when it stands. */
  private removing: { tr: Y.Transaction; writer: string; cards: number } | null = null;

  /**
   * @param privateOwner set for a participant's private list (silent collect): a document holding only that
   * participant's own unrevealed cards, which nobody else may write or read.
   * @param table set for a breakout table's board: its card limit (fewer than the plenary's) and its host, who runs
   * its clustering (`asTableHost`).
   */
  constructor(
    private readonly control: () => ControlContext,
    private readonly privateOwner: string | null = null,
    private readonly table: { cardCap: CardCap; host: () => string | null } | null = null,
  ) {}

  reset(doc: Y.Doc): void {
    this.authors.clear();
    this.themeOfCard.clear();
    this.tableOfCard.clear();
    cardsOf(doc).forEach((card, id) => this.index(id, card));
    this.text.reset(doc);
    this.reactions.reset(doc);
  }

  /** With anonymous cards, which card someone is typing in would say who wrote it: that is never passed on. */
  presenceShown(state: Record<string, unknown>): Record<string, unknown> {
    if (!this.control().settings.anonymousCards) return state;
    const { typing: _, ...shown } = state;
    return shown;
  }

  accepted(tr: Y.Transaction, doc: Y.Doc): void {
    this.text.accepted(tr, doc);
    if (this.removing?.tr === tr) this.removals.take(this.removing.writer, this.removing.cards);
    this.removing = null;
    this.reactions.accepted(tr, doc);
    const cards = cardsOf(doc);
    for (const [type, keys] of tr.changed) {
      if (type === (cards as unknown as AnyType)) {
        for (const id of keys) if (id !== null) this.index(id, cards.get(id));
      } else if (type._item?.parent === (cards as unknown as AnyType) && type._item.parentSub !== null && keys.has('cluster')) {
        this.index(type._item.parentSub, cards.get(type._item.parentSub));
      }
    }
  }

  private index(id: string, card: Y.Map<unknown> | undefined): void {
    if (card) {
      this.authors.set(id, String(card.get('author')));
      this.themeOfCard.set(id, card.get('cluster'));
      if (card.has('table')) this.tableOfCard.set(id, JSON.stringify(card.get('table')));
    } else {
      this.authors.delete(id);
      this.themeOfCard.delete(id);
    }
  }

  check(tr: Y.Transaction, doc: Y.Doc, writer: Writer): string | null {
    const hosting = writer.authorId !== null && writer.authorId === this.table?.host();
    const now = hosting ? asTableHost(this.control()) : this.control();
    // Any change is at least a change to one's own cards: who may not even do that may not change the board.
    const anyChange = refusalOf(writer.role, 'edit-own-card', now);
    if (anyChange === 'role' || writer.authorId === null) return 'observers cannot change the board';
    if (this.privateOwner !== null && writer.authorId !== this.privateOwner) return 'this private list is someone else\'s';
    if (anyChange === 'closed') return 'the workshop is closed';
    const self: CardAuthorship = { authorId: writer.authorId, cardKey: writer.cardKey };
    const allowedRoots: readonly string[] = this.privateOwner !== null ? ['cards'] : BOARD_ROOTS;
    const roots = new Map<AnyType, string>();
    doc.share.forEach((type, name) => roots.set(type, name));
    /** The rich-text roots this transaction touched, judged once each after every change was traced. */
    const touched = new Map<RichTextKey, Y.XmlFragment | null>();
    const removal: Removal = { cards: 0, themesWithCards: 0 };
    /** Other people's cards this change merges: what the pace per minute counts (one's own cards are one's own). */
    let othersMerged = 0;

    for (const [type, keys] of tr.changed) {
      const at = locate(type, roots);
      if (at.root === undefined || !allowedRoots.includes(at.root)) {
        return `unknown part of the board: ${at.root ?? '(detached)'}`;
      }
      if (isReactionRoot(at.root)) {
        const refusal = this.reactions.check({ root: at.root, path: at.path }, type, keys, { tr, doc, writer, self, now });
        if (refusal) return refusal;
        continue;
      }
      if (at.root === 'notes' && !may(writer.role, 'write-notes', now)) return 'only the facilitator writes the notes';
      if (at.root === 'clusters' && !may(writer.role, 'cluster', now)) return 'themes can be changed only while clustering is open';
      if (at.root === 'clusters') {
        const refusal = checkClusterChange(doc, tr, type, at.path, keys);
        if (refusal) return refusal;
        if (at.path.length === 0) removal.themesWithCards += this.themesHoldingCards(keys, doc);
        continue;
      }
      if (at.root === 'notes') {
        if (hasFragmentKeys(type, keys)) return 'attributes on rich text';
        touched.set(NOTES, notesOf(doc));
        continue;
      }
      if (at.root !== 'cards') continue;

      if (at.path.length === 0) {
        for (const cardId of keys) {
          const refusal = this.checkCardKey(doc, tr, cardId, writer.role, self, now, touched);
          if (refusal) return refusal;
          if (cardId !== null && this.authors.has(cardId) && !cardsOf(doc).has(cardId)) removal.cards++;
        }
        // Counted once per transaction: Y.Map's size walks the whole map.
        const adds = Array.from(keys).some((id) => id !== null && !this.authors.has(id) && touched.get(id));
        const cap = this.table?.cardCap ?? PLENARY_CARDS;
        if (adds && cardsOf(doc).size > cap.max) return `a board holds at most ${cap.max} cards (${cap.name})`;
        continue;
      }
      const cardId = at.path[0];
      if (cardId === null) return 'malformed card';
      const card = cardsOf(doc).get(cardId);
      if (card && card._item && isNewInTransaction(card._item, tr)) continue; // checked whole, as a new card
      const mayEdit = may(writer.role, isOwnCard(this.authors.get(cardId), self) ? 'edit-own-card' : 'edit-others-card', now);
      if (at.path.length === 1) {
        for (const key of keys) {
          // Merging duplicates (shared/cardMerge.ts) is part of clustering: it changes no one's text.
          if (key === 'cluster' || key === 'mergedInto') {
            if (this.privateOwner !== null) return 'private cards join themes after they are revealed';
            if (!may(writer.role, 'cluster', now)) return 'cards can be moved only while clustering is open';
            const cluster = card?.get('cluster');
            if (cluster !== null && typeof cluster !== 'string') return 'a card\'s theme must be a theme id or null';
            if (key === 'mergedInto' && typeof card?.get('mergedInto') === 'string') {
              removal.cards++;
              if (!isOwnCard(this.authors.get(cardId), self)) othersMerged++;
            }
          } else if (key === 'title') {
            if (!mayEdit) return 'only the author can edit a card';
          } else {
            return `card field "${key}" cannot be changed`;
          }
        }
        for (const key of keys) {
          const refusal = card && key !== null ? judgeCardField(key, card.get(key)) : null;
          if (refusal) return refusal;
        }
      } else if (!mayEdit) {
        return 'only the author can edit a card';
      } else if (at.path[1] !== 'body' || !card) {
        return `card field "${at.path[1]}" cannot be changed`;
      } else {
        if (hasFragmentKeys(type, keys)) return 'attributes on rich text';
        touched.set(cardId, card.get('body') as Y.XmlFragment);
      }
    }
    if (!mayRemoveAtOnce(writer.role, removal)) {
      return `one change may merge or delete at most ${MAX_CARDS_REMOVED_PER_CHANGE} cards and no theme that holds cards; the facilitator may`;
    }
    if (writer.role !== 'facilitator' && othersMerged > 0) {
      if (this.removals.waitFor(writer.authorId, othersMerged) > 0) {
        return `one person may merge at most ${MAX_CARDS_MERGED_PER_MINUTE} other people's cards a minute; the facilitator may`;
      }
      this.removing = { tr, writer: writer.authorId, cards: othersMerged };
    }
    return this.text.judge(tr, touched);
  }

  /** How many of the themes removed among `keys` held cards before this change. */
  private themesHoldingCards(keys: Set<string | null>, doc: Y.Doc): number {
    const clusters = clustersOf(doc);
    const removed = [...keys].filter((key): key is string => key !== null && !clusters.has(key));
    if (removed.length === 0) return 0;
    const held = new Set(this.themeOfCard.values());
    return removed.filter((id) => held.has(id)).length;
  }

  private checkCardKey(
    doc: Y.Doc,
    tr: Y.Transaction,
    cardId: string | null,
    role: Writer['role'],
    self: CardAuthorship,
    now: Situation,
    touched: Map<RichTextKey, Y.XmlFragment | null>,
  ): string | null {
    if (cardId === null) return 'malformed card';
    const existing = this.authors.get(cardId);
    const card = cardsOf(doc).get(cardId);
    if (existing !== undefined) {
      if (!may(role, isOwnCard(existing, self) ? 'edit-own-card' : 'edit-others-card', now)) return 'only the author can delete a card';
      if (card === undefined) {
        touched.set(cardId, null);
        return null; // a deletion
      }
      // Replacing a card rewrites it whole, its author too: only who may edit anyone's card may.
      if (!may(role, 'edit-others-card', now)) return 'a card cannot be replaced';
    }
    if (card === undefined) return null; // added and removed within one transaction
    if (!(card instanceof Y.Map) || !card._item || !isNewInTransaction(card._item, tr)) return 'malformed card';
    const adding = refusalOf(role, this.privateOwner !== null ? 'add-private-card' : 'add-card', now);
    if (adding === 'phase' || adding === 'role') return 'cards can be added only while collecting';
    if (adding === 'silent-collect') return 'silent collect: cards go to your private list';
    if (adding === 'not-silent-collect') return 'private cards are only for silent collect';
    const refusal = judgeCardFields(card);
    if (refusal) return refusal;
    if (card.has('table') && JSON.stringify(card.get('table')) !== this.tableOfCard.get(cardId)) {
      return 'only the merge of the tables gives a card its table';
    }
    // A private list is its owner's alone: its cards carry the owner's id until they are revealed.
    const author = this.privateOwner !== null ? self.authorId : authorOfNewCards(self, now.settings);
    if (card.get('author') !== author) return 'a card must carry its own author';
    const cluster = card.get('cluster');
    if (cluster !== null && (this.privateOwner !== null || !may(role, 'cluster', now))) {
      return 'cards can be placed in themes only while clustering is open';
    }
    touched.set(cardId, card.get('body') as Y.XmlFragment);
    return null;
  }
}

/** A theme is a map of plain fields (shared/boardSchema.ts); the board holds at most so many. */
function checkClusterChange(doc: Y.Doc, tr: Y.Transaction, type: AnyType, path: Array<string | null>, keys: Set<string | null>): string | null {
  if (path.length > 1) return 'themes hold no nested data';
  if (path.length === 1) return type instanceof Y.Map ? judgeClusterFields(type) : 'malformed theme';
  const clusters = clustersOf(doc);
  let added = false;
  for (const key of keys) {
    const cluster = key === null ? null : clusters.get(key);
    if (cluster === undefined) continue; // a removal
    if (!(cluster instanceof Y.Map) || cluster._item === null || !isNewInTransaction(cluster._item, tr)) return 'malformed theme';
    const refusal = judgeClusterFields(cluster);
    if (refusal) return refusal;
    added = true;
  }
  if (added && clusters.size > LIMITS.maxClustersPerBoard) return `a board holds at most ${LIMITS.maxClustersPerBoard} themes (maxClustersPerBoard)`;
  return null;
}

/** Rich text keeps its attributes on nodes only: keys on the fragment itself or on a text are crafted. */
function hasFragmentKeys(type: AnyType, keys: Set<string | null>): boolean {
  if (type instanceof Y.XmlElement) return false;
  for (const key of keys) if (key !== null) return true;
  return false;
}
