import * as Y from 'yjs';
import { cardBodyText, cardsOf, readCard } from '../../shared/boardDoc.js';
import { readMeta } from '../../shared/controlDoc.js';
import { draftsOf, type DraftCard } from '../../shared/draftsDoc.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import { copyRichText } from '../../shared/richText/copyRichText.js';
import { pruneDeepRichText } from '../../shared/richText/pruneDeepRichText.js';
import type { Access } from '../auth/Access.js';
import type { Metrics } from '../metrics.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { BoardPolicy, type ControlContext } from './boardPolicy.js';
import { DocRoom, type DocRoomOptions } from './DocRoom.js';
import { READ_ONLY } from './types.js';

export type RoomOptions = Omit<DocRoomOptions, 'derive'>;

/**
 * A board in memory, with its documents, loaded and unloaded together because the board's policy reads
 * the control state on every update:
 * - `board`: cards, themes, notes; written by clients under BoardPolicy;
 * - `control`: phase, settings, timer, participants, rounds, results; written by the server only;
 * - `drafts`: the facilitator's view of silent cards, derived by the server from
 * - `private/<participantId>`: each participant's own silent cards, loaded when first used.
 */
export class BoardRoom {
  readonly control: DocRoom;
  readonly board: DocRoom;
  readonly drafts: DocRoom;
  private readonly privateLists = new Map<string, DocRoom>();

  constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
    private readonly options: RoomOptions,
  ) {
    this.control = new DocRoom(boardId, 'control', store, READ_ONLY, metrics, options);
    this.board = new DocRoom(boardId, 'board', store, new BoardPolicy(this.controlContext), metrics, options);
    this.drafts = new DocRoom(boardId, 'drafts', store, READ_ONLY, metrics, options);
  }

  /** The document a connection asks for, if its access allows it to sync that document at all. */
  docFor(name: string, access: Access): DocRoom | null {
    if (name === 'board') return this.board;
    if (name === 'control') return this.control;
    if (name === 'drafts') return access.role === 'facilitator' ? this.drafts : null;
    const owner = /^private\/(.+)$/.exec(name)?.[1];
    if (owner !== undefined && access.participantId === owner) return this.privateList(owner);
    return null;
  }

  privateList(participantId: string): DocRoom {
    let room = this.privateLists.get(participantId);
    if (!room) {
      room = new DocRoom(this.boardId, `private/${participantId}`, this.store, new BoardPolicy(this.controlContext, participantId), this.metrics, {
        ...this.options,
        derive: (doc) => this.planDrafts(participantId, doc),
      });
      this.privateLists.set(participantId, room);
    }
    return room;
  }

  /** Moves every participant's silent cards onto the board, authors and bodies intact, and empties the lists. */
  revealPrivateCards(participantIds: string[]): number {
    let moved = 0;
    for (const participantId of participantIds) {
      const list = this.privateList(participantId);
      const cards = cardsOf(list.doc);
      if (cards.size === 0) continue;
      this.board.serverTransact((doc) => {
        cards.forEach((source, id) => {
          const card = new Y.Map<unknown>();
          for (const key of ['title', 'author', 'createdAt'] as const) card.set(key, source.get(key));
          card.set('cluster', null);
          const body = new Y.XmlFragment();
          const sourceBody = source.get('body');
          if (sourceBody instanceof Y.XmlFragment) body.insert(0, copyRichText(sourceBody));
          card.set('body', body);
          cardsOf(doc).set(id, card);
          moved++;
        });
      });
      cards.forEach((card) => {
        const body = card.get('body');
        if (body instanceof Y.XmlFragment) pruneDeepRichText(body, (change) => list.serverTransact(change));
      });
      list.serverTransact((doc) => cardsOf(doc).clear());
    }
    return moved;
  }

  get peerCount(): number {
    let count = this.board.peers.size + this.control.peers.size + this.drafts.peers.size;
    for (const list of this.privateLists.values()) count += list.peers.size;
    return count;
  }

  unload(): void {
    this.board.unload();
    this.control.unload();
    this.drafts.unload();
    for (const list of this.privateLists.values()) list.unload();
  }

  private readonly controlContext = (): ControlContext => {
    const meta = readMeta(this.control.doc);
    return { phase: meta?.phase ?? 'setup', settings: meta?.settings ?? DEFAULT_SETTINGS, closed: (meta?.closedAt ?? null) !== null };
  };

  /** Reads a private list into the drafts it implies (this may throw, refusing the change); writes them later. */
  private planDrafts(participantId: string, list: Y.Doc): (() => void) | null {
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
