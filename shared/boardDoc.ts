import * as Y from 'yjs';
import { cardTableSchema, type CardTable } from './tables/seating.js';

/**
 * The board document: what participants write (cards, themes) and the facilitator's notes.
 * Every client may hold a copy; the server checks each update against the writer's role
 * (server/rooms/boardPolicy.ts) before it is stored or passed on.
 */
/** Reactions, comments and plenary questions: shared/reactions.ts, shared/comments.ts, shared/plenaryQuestions.ts. */
export const BOARD_ROOTS = ['cards', 'clusters', 'notes', 'reactions', 'comments', 'questions'] as const;

export type CardMap = Y.Map<unknown>;
export type ClusterMap = Y.Map<unknown>;

export interface CardView {
  id: string;
  title: string;
  author: string;
  cluster: string | null;
  createdAt: number;
  /** Set when the card was merged with another as its duplicate (shared/cardMerge.ts). */
  mergedInto?: string;
  /** The breakout table it was written at, when it came to the plenary with the tables' merge. */
  table?: CardTable;
}

export interface ClusterView {
  id: string;
  title: string;
  color: string;
  createdAt: number;
  /** Set on a theme a follow-up workshop carried over from the register it follows up: which priority it was. */
  registerItem?: RegisterItemLink;
}

/** A theme's link back to the register item it was carried from (shared/followUp.ts). */
export interface RegisterItemLink {
  boardId: string;
  itemId: string;
  position: number;
}

/** Theme colours: readable with dark text, distinguishable for the common colour-vision deficiencies. */
export const CLUSTER_COLORS = ['#ffd166', '#8ecae6', '#b5e48c', '#f4a3c0', '#cdb4db', '#ffb703', '#a8dadc', '#e9c46a'] as const;
/** What each theme colour is called, for a screen reader and for anyone who tells colours apart by name. */
export const CLUSTER_COLOR_NAMES = {
  '#ffd166': 'yellow',
  '#8ecae6': 'blue',
  '#b5e48c': 'green',
  '#f4a3c0': 'pink',
  '#cdb4db': 'lilac',
  '#ffb703': 'orange',
  '#a8dadc': 'turquoise',
  '#e9c46a': 'sand',
} as const satisfies Record<(typeof CLUSTER_COLORS)[number], string>;

export function cardsOf(doc: Y.Doc): Y.Map<CardMap> {
  return doc.getMap<CardMap>('cards');
}

export function clustersOf(doc: Y.Doc): Y.Map<ClusterMap> {
  return doc.getMap<ClusterMap>('clusters');
}

export function notesOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment('notes');
}

/**
 * The board's order of cards, themes and drafts: as they were written, ties (one millisecond, or the server
 * writing many at once) by id, compared by code unit so every browser and the server agree whatever their locale.
 */
export function inWritingOrder(a: { createdAt: number; id: string }, b: { createdAt: number; id: string }): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function newId(): string {
  return globalThis.crypto.randomUUID();
}

export interface NewCard {
  title: string;
  author: string;
  id?: string;
  cluster?: string | null;
  /** Kept when a card moves between documents (silent cards revealed), so the board's order stays the writing order. */
  createdAt?: number;
  /** The body's first content; empty by default. */
  body?: Array<Y.XmlElement | Y.XmlText>;
  table?: CardTable;
}

/**
 * Adds a card with its rich-text body in one transaction, so no client ever sees a card without a body. The one
 * place a card is built: by a browser, the demo and the reveal of silent cards (copyCard).
 */
export function addCard(doc: Y.Doc, input: NewCard): string {
  const id = input.id ?? newId();
  doc.transact(() => {
    const card = new Y.Map<unknown>();
    card.set('title', input.title);
    card.set('author', input.author);
    card.set('cluster', input.cluster ?? null);
    card.set('createdAt', input.createdAt ?? Date.now());
    const body = new Y.XmlFragment();
    if (input.body?.length) body.insert(0, input.body);
    card.set('body', body);
    if (input.table) card.set('table', input.table);
    cardsOf(doc).set(id, card);
  });
  return id;
}

export function readCard(id: string, card: CardMap): CardView {
  const view: CardView = {
    id,
    title: String(card.get('title') ?? ''),
    author: String(card.get('author') ?? ''),
    cluster: (card.get('cluster') as string | null | undefined) ?? null,
    createdAt: Number(card.get('createdAt') ?? 0),
  };
  const mergedInto = card.get('mergedInto');
  if (typeof mergedInto === 'string') view.mergedInto = mergedInto;
  const table = cardTableSchema.safeParse(card.get('table'));
  if (table.success) view.table = table.data;
  return view;
}

export function readCards(doc: Y.Doc): CardView[] {
  const out: CardView[] = [];
  cardsOf(doc).forEach((card, id) => out.push(readCard(id, card)));
  return out.sort(inWritingOrder);
}

/**
 * Gives every card written under one of `names`' keys the name it maps to, in one transaction: participant ids
 * to card keys when cards become anonymous, back when they stop being.
 */
export function renameCardAuthors(doc: Y.Doc, names: ReadonlyMap<string, string>): void {
  renameAuthorsIn(cardsOf(doc), names);
}

/** The same renaming for any map of authored entries (cards, comments, plenary questions). */
export function renameAuthorsIn(entries: Y.Map<Y.Map<unknown>>, names: ReadonlyMap<string, string>): void {
  const rename = () =>
    entries.forEach((entry) => {
      const renamed = names.get(String(entry.get('author')));
      if (renamed !== undefined) entry.set('author', renamed);
    });
  if (entries.doc) entries.doc.transact(rename);
  else rename();
}

export function cardBody(doc: Y.Doc, cardId: string): Y.XmlFragment | undefined {
  const body = cardsOf(doc).get(cardId)?.get('body');
  return body instanceof Y.XmlFragment ? body : undefined;
}

/** A card's rich-text body as plain text, '' when it has none: what exports, drafts and previews show. */
export function cardBodyText(card: CardMap): string {
  const body = card.get('body');
  return body instanceof Y.XmlFragment ? plainText(body) : '';
}

export function setCardTitle(doc: Y.Doc, cardId: string, title: string): void {
  cardsOf(doc).get(cardId)?.set('title', title);
}

export function deleteCard(doc: Y.Doc, cardId: string): void {
  cardsOf(doc).delete(cardId);
}

export function moveCard(doc: Y.Doc, cardId: string, clusterId: string | null): void {
  moveCards(doc, [cardId], clusterId);
}

/**
 * Moves cards, and the cards merged with them, which stay in their theme (shared/cardMerge.ts). One pass over
 * the board however many cards move: a card at a time, moving 150 of 2,000 cards took 50-80 ms.
 */
export function moveCards(doc: Y.Doc, cardIds: readonly string[], clusterId: string | null): void {
  const cards = cardsOf(doc);
  const moving = new Set(cardIds.filter((id) => cards.has(id) && cards.get(id)!.get('cluster') !== clusterId));
  if (moving.size === 0) return;
  doc.transact(() => {
    for (const id of moving) cards.get(id)!.set('cluster', clusterId);
    cards.forEach((other) => {
      const lead = other.get('mergedInto');
      if (typeof lead === 'string' && moving.has(lead) && other.get('cluster') !== clusterId) other.set('cluster', clusterId);
    });
  });
}

export function addCluster(doc: Y.Doc, input: { title: string; color?: string; id?: string; registerItem?: RegisterItemLink }): string {
  const id = input.id ?? newId();
  doc.transact(() => {
    const count = clustersOf(doc).size;
    const cluster = new Y.Map<unknown>();
    cluster.set('title', input.title);
    cluster.set('color', input.color ?? CLUSTER_COLORS[count % CLUSTER_COLORS.length]);
    cluster.set('createdAt', Date.now());
    if (input.registerItem) cluster.set('registerItem', input.registerItem);
    clustersOf(doc).set(id, cluster);
  });
  return id;
}

export function readClusters(doc: Y.Doc): ClusterView[] {
  const out: ClusterView[] = [];
  clustersOf(doc).forEach((c, id) =>
    out.push({
      id,
      title: String(c.get('title') ?? ''),
      color: String(c.get('color') ?? CLUSTER_COLORS[0]),
      createdAt: Number(c.get('createdAt') ?? 0),
      ...registerItemOf(c.get('registerItem')),
    }),
  );
  return out.sort(inWritingOrder);
}

function registerItemOf(value: unknown): { registerItem?: RegisterItemLink } {
  if (typeof value !== 'object' || value === null) return {};
  const { boardId, itemId, position } = value as Record<string, unknown>;
  return typeof boardId === 'string' && typeof itemId === 'string' && typeof position === 'number' ? { registerItem: { boardId, itemId, position } } : {};
}

export function renameCluster(doc: Y.Doc, clusterId: string, title: string): void {
  clustersOf(doc).get(clusterId)?.set('title', title);
}

export function setClusterColor(doc: Y.Doc, clusterId: string, color: string): void {
  clustersOf(doc).get(clusterId)?.set('color', color);
}

/** Moves every card of `fromId` into `intoId` and removes `fromId`, in one transaction. */
export function mergeClusters(doc: Y.Doc, fromId: string, intoId: string): void {
  if (fromId === intoId) return;
  doc.transact(() => {
    cardsOf(doc).forEach((card) => {
      if (card.get('cluster') === fromId) card.set('cluster', intoId);
    });
    clustersOf(doc).delete(fromId);
  });
}

/** Removes a theme; its cards go back to the unclustered pile. */
export function deleteCluster(doc: Y.Doc, clusterId: string): void {
  doc.transact(() => {
    cardsOf(doc).forEach((card) => {
      if (card.get('cluster') === clusterId) card.set('cluster', null);
    });
    clustersOf(doc).delete(clusterId);
  });
}

/**
 * Plain text of a rich-text fragment: paragraphs and list items on their own lines. One loop over an explicit
 * stack, never recursion: a body stored before the server judged depth can be thousands of levels deep, and
 * exports, drafts and reveal read every card.
 */
export function plainText(fragment: Y.XmlFragment | Y.XmlElement): string {
  type Step = { node: Y.XmlFragment | Y.XmlElement | Y.XmlText; line: string[] | null } | { endOf: string[] };
  const lines: string[] = [];
  const stack: Step[] = [{ node: fragment, line: null }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('endOf' in step) {
      lines.push(step.endOf.join(''));
      continue;
    }
    const { node, line } = step;
    if (node instanceof Y.XmlText) {
      line?.push(textOf(node));
      continue;
    }
    const children = (node.toArray() as unknown[]).filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
    // A node with text of its own is a block: it and everything inside it make one line.
    const isBlock = node instanceof Y.XmlElement && children.some((c) => c instanceof Y.XmlText);
    const target = isBlock ? [] : line;
    if (target !== null && isBlock) stack.push({ endOf: target });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], line: target });
  }
  return lines.filter((l) => l.trim().length > 0).join('\n');
}

function textOf(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as Array<{ insert: unknown }>) if (typeof op.insert === 'string') out += op.insert;
  return out;
}
