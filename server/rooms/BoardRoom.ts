import * as Y from 'yjs';
import { cardBodyText, cardsOf, readCard } from '../../shared/boardDoc.js';
import { readMeta, readSeating } from '../../shared/controlDoc.js';
import { copyCard } from '../../shared/copyCard.js';
import { draftsOf, type DraftCard } from '../../shared/draftsDoc.js';
import { situationOf } from '../../shared/permissions.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import { pruneDeepRichText } from '../../shared/richText/pruneDeepRichText.js';
import { BOARD_DOC, CONTROL_DOC, DRAFTS_DOC, privateListDoc, tableBoardDoc } from '../../shared/rooms.js';
import type { Access } from '../auth/Access.js';
import type { Metrics } from '../metrics.js';
import type { DocumentLog } from '../storage/DocumentLog.js';
import type { ControlContext } from './boardPolicy.js';
import { DocRoom } from './DocRoom.js';
import type { DocRoomOptions } from './types.js';
import { DOCUMENT_KINDS, documentKindOf, type BoardContext } from './documentKinds.js';

export type RoomOptions = Omit<DocRoomOptions, 'derive'>;

/**
 * A board in memory: its documents, one per row of DOCUMENT_KINDS. Those loaded with the board (board,
 * control, drafts) are loaded and unloaded together because the board's policy reads the control state on
 * every update; the others (private lists) are loaded when first used. Open one with `BoardRoom.load`.
 */
export class BoardRoom {
  /** Every document opened so far, by name; each settles once loaded. */
  private readonly docs = new Map<string, Promise<DocRoom>>();
  /** The loaded ones, for peer counts and unloading. */
  private readonly loaded = new Map<string, DocRoom>();
  private readonly controlContexts = new WeakMap<Y.Doc, { context: ControlContext | null }>();
  private readonly context: BoardContext = {
    control: () => this.controlContext(),
    planDrafts: (participantId) => (doc) => this.planDrafts(participantId, doc),
    tableOf: (participantId) => readSeating(this.control.doc).seats[participantId],
    hostOf: (tableId) => readSeating(this.control.doc).tables.find((table) => table.id === tableId)?.hostId ?? null,
  };

  static async load(boardId: string, log: DocumentLog, metrics: Metrics, options: RoomOptions): Promise<BoardRoom> {
    const room = new BoardRoom(boardId, log, metrics, options);
    try {
      await Promise.all(DOCUMENT_KINDS.filter((kind) => kind.withBoard).map((kind) => room.doc(kind.kind)));
    } catch (err) {
      await room.unload();
      throw err;
    }
    return room;
  }

  private constructor(
    readonly boardId: string,
    private readonly log: DocumentLog,
    private readonly metrics: Metrics,
    private readonly options: RoomOptions,
  ) {}

  /** Cards, themes, notes. */
  get board(): DocRoom {
    return this.loadedDoc(BOARD_DOC);
  }

  /** Phase, settings, timer, participants, rounds, results. */
  get control(): DocRoom {
    return this.loadedDoc(CONTROL_DOC);
  }

  /** The facilitator's view of the silent cards. */
  get drafts(): DocRoom {
    return this.loadedDoc(DRAFTS_DOC);
  }

  /** The document a connection asks for, if its access allows it to sync that document at all. */
  async open(name: string, access: Access): Promise<DocRoom | null> {
    const found = documentKindOf(name);
    if (found === null || !found.kind.mayOpen(access, found.key, this.context)) return null;
    return this.doc(name);
  }

  privateList(participantId: string): Promise<DocRoom> {
    return this.doc(privateListDoc(participantId));
  }

  /** A breakout table's board. */
  table(tableId: string): Promise<DocRoom> {
    return this.doc(tableBoardDoc(tableId));
  }

  /**
   * Moves every participant's silent cards onto the board, authors and bodies intact. Each list moves in one
   * turn of its queue: the cards it holds are copied onto the board and then exactly those are removed, with
   * no change to the list in between, so a card stored meanwhile is either moved or still in the list. No Yjs
   * type is held across an await: the list's document is read afresh after each (undo may have replaced it).
   *
   * `authorOf` names each list's cards on the board (a card key while cards are anonymous), so no other name of
   * their author is ever sent. While the room sits at breakout tables, each list goes to its owner's table's board.
   */
  async revealPrivateCards(participantIds: string[], authorOf: (participantId: string) => string = (id) => id): Promise<number> {
    let moved = 0;
    for (const participantId of participantIds) {
      const list = await this.privateList(participantId);
      const tableId = this.context.tableOf(participantId);
      const destination = tableId === undefined ? this.board : await this.table(tableId);
      moved += await list.inOneTurn(async (transact) => {
        const ids = Array.from(cardsOf(list.doc).keys());
        if (ids.length === 0) return 0;
        await destination.serverTransact((doc) => {
          const cards = cardsOf(list.doc);
          for (const id of ids) copyCard(doc, id, cards.get(id)!, authorOf(participantId));
        });
        // Bodies nested deeper than the editor allows are pruned first, a step at a time (see pruneDeepRichText).
        for (let step = deepPruneStep(list.doc, ids); step !== null; step = deepPruneStep(list.doc, ids)) await transact(step);
        await transact((doc) => {
          const cards = cardsOf(doc);
          for (const id of ids) cards.delete(id);
        });
        return ids.length;
      });
    }
    return moved;
  }

  /**
   * The participants whose private list is loaded here and holds cards, each list read in its turn: after any card
   * it was storing when asked. A list not loaded here took no card through this instance.
   */
  async loadedListsHoldingCards(): Promise<string[]> {
    const lists = Array.from(this.loaded, ([name, list]) => ({ found: documentKindOf(name), list })).filter(({ found }) => found?.kind.kind === 'private');
    const holding = await Promise.all(lists.map(({ found, list }) => list.inOneTurn(async () => (cardsOf(list.doc).size > 0 ? found!.key! : null))));
    return holding.filter((owner) => owner !== null);
  }

  get peerCount(): number {
    let count = 0;
    for (const doc of this.loaded.values()) count += doc.peers.size;
    return count;
  }

  /** Unloads every document, once each is loaded (or failed to); without `writeBack`, storing nothing. */
  async unload(writeBack = true): Promise<void> {
    const docs = await Promise.allSettled(this.docs.values());
    this.docs.clear();
    this.loaded.clear();
    await Promise.all(docs.map((doc) => (doc.status === 'fulfilled' ? doc.value.unload(writeBack) : undefined)));
  }

  /** A document by name, loading it on first use; concurrent callers share one load. */
  private doc(name: string): Promise<DocRoom> {
    let doc = this.docs.get(name);
    if (doc) return doc;
    const { kind, key } = documentKindOf(name)!;
    doc = DocRoom.open(this.boardId, name, this.log, kind.policy(this.context, key), this.metrics, {
      ...this.options,
      derive: kind.derive?.(this.context, key),
      keepsHistory: kind.keepsHistory,
    }).then(
      (room) => {
        this.loaded.set(name, room);
        return room;
      },
      (err: unknown) => {
        this.docs.delete(name); // the next use tries again
        throw err;
      },
    );
    this.docs.set(name, doc);
    return doc;
  }

  private loadedDoc(name: string): DocRoom {
    const doc = this.loaded.get(name);
    if (!doc) throw new Error(`${name} of board ${this.boardId} is not loaded`);
    return doc;
  }

  /**
   * The control state as the policy reads it on every update and every presence change: read (and validated)
   * again only after a transaction on the control document, per document object (undo replaces it).
   */
  private controlContext(): ControlContext {
    const { doc } = this.control;
    if (doc._transaction !== null) return readControlContext(doc);
    let cached = this.controlContexts.get(doc);
    if (!cached) {
      const entry: { context: ControlContext | null } = { context: null };
      doc.on('afterTransaction', () => (entry.context = null));
      this.controlContexts.set(doc, (cached = entry));
    }
    return (cached.context ??= readControlContext(doc));
  }

  /** Reads a private list into the drafts it implies (this may throw, refusing the change); writes them later. */
  private planDrafts(participantId: string, list: Y.Doc): (() => Promise<void>) | null {
    const current = new Map<string, DraftCard>();
    cardsOf(list).forEach((entry, id) => {
      const { title, author, createdAt } = readCard(id, entry);
      current.set(id, { id, title, author, bodyText: cardBodyText(entry), createdAt });
    });
    const drafts = draftsOf(this.drafts.doc);
    const stale = Array.from(drafts.entries()).filter(([id, d]) => d.author === participantId && !current.has(id));
    const changed = Array.from(current.values()).filter((d) => JSON.stringify(drafts.get(d.id)) !== JSON.stringify(d));
    if (stale.length === 0 && changed.length === 0) return null;
    return () =>
      this.drafts.serverTransact((doc) => {
        for (const [id] of stale) draftsOf(doc).delete(id);
        for (const d of changed) draftsOf(doc).set(d.id, d);
      });
  }
}

/** The next step of pruning the deep parts of these cards' bodies, or null when none is left. */
function deepPruneStep(list: Y.Doc, ids: string[]): (() => void) | null {
  let first: (() => void) | null = null;
  const cards = cardsOf(list);
  for (const id of ids) {
    const body = cards.get(id)?.get('body');
    if (first === null && body instanceof Y.XmlFragment) pruneDeepRichText(body, (step) => (first ??= step));
  }
  return first;
}

function readControlContext(control: Y.Doc): ControlContext {
  const meta = readMeta(control);
  return meta ? situationOf(meta) : { phase: 'setup', settings: DEFAULT_SETTINGS, closed: false };
}
