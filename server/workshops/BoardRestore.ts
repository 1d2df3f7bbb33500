import * as Y from 'yjs';
import { cardsOf, clustersOf } from '../../shared/boardDoc.js';
import type { HistoryPoint, HistoryResponse } from '../../shared/api.js';
import { copyRichText } from '../../shared/richText/copyRichText.js';
import { BOARD_DOC } from '../../shared/rooms.js';
import { DomainError } from '../DomainError.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { DocumentLog } from '../storage/DocumentLog.js';

/** The newest points listed: a screenful to choose from, and a bound on the answer whatever the log holds. */
export const MAX_HISTORY_POINTS = 100;

/**
 * The board's cards and themes as they were after any change still in its document log, and restoring them. A
 * restore is one server change everyone receives, itself a point in the history, so restoring the point before
 * it takes it back. The facilitator's notes stay as they are: only the facilitator writes them, so nobody else's
 * change is there to take back. The log reaches back to the document's last compaction (every COMPACT_EVERY
 * changes; not when the room unloads, see DocumentKind.keepsHistory); what came before is one point, the snapshot.
 */
export class BoardRestore {
  constructor(
    private readonly log: Pick<DocumentLog, 'load'>,
    private readonly rooms: RoomRegistry,
  ) {}

  /**
   * Newest first: each change that added, removed, moved or merged cards or added or removed themes; an edit of
   * text only belongs to the point before it. The log is replayed once and the counts follow each change
   * (O(change), not O(board)), so the cost is that of loading the document.
   */
  async history(boardId: string): Promise<HistoryResponse> {
    const stored = await this.log.load(boardId, BOARD_DOC);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    const counts = new BoardCounts(doc);
    const points: HistoryPoint[] = [];
    let moved = true;
    const note = (seq: number) => {
      const last = points.at(-1);
      if (moved || !last) points.push({ seq, ...counts.now() });
      else last.seq = seq;
      moved = false;
    };
    note(stored.snapshotSeq);
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      moved = counts.follow(tr) || moved;
    });
    for (const { seq, update } of stored.updates) {
      Y.applyUpdate(doc, update);
      note(seq);
    }
    doc.destroy();
    return { points: points.slice(-MAX_HISTORY_POINTS).reverse() };
  }

  /** Makes the live cards and themes what they were after change `seq`, in one change. */
  async restore(boardId: string, seq: number): Promise<{ restoredTo: number }> {
    const stored = await this.log.load(boardId, BOARD_DOC);
    if (seq < stored.snapshotSeq || seq > stored.lastSeq) {
      throw DomainError.refusal('conflict', 'history-point-gone', 'that point is no longer in the board history', 'seq');
    }
    const earlier = new Y.Doc();
    earlier.transact(() => {
      if (stored.snapshot) Y.applyUpdate(earlier, stored.snapshot);
      for (const entry of stored.updates) if (entry.seq <= seq) Y.applyUpdate(earlier, entry.update);
    });
    await this.rooms.withRoom(boardId, (room) =>
      room.board.serverTransact((doc) => {
        restoreEntries(cardsOf(doc), cardsOf(earlier));
        restoreEntries(clustersOf(doc), clustersOf(earlier));
      }),
    );
    earlier.destroy();
    return { restoredTo: seq };
  }
}

type Counts = Omit<HistoryPoint, 'seq'>;

/** The board's counts, kept up to date from each transaction's changed keys. */
class BoardCounts {
  private readonly cards = new Map<string, { merged: boolean; themed: boolean }>();
  private readonly themes = new Set<string>();
  private merged = 0;
  private themed = 0;

  constructor(private readonly doc: Y.Doc) {
    cardsOf(doc).forEach((_, id) => this.card(id));
    clustersOf(doc).forEach((_, id) => this.themes.add(id));
  }

  now(): Counts {
    return { cards: this.cards.size, merged: this.merged, themed: this.themed, themes: this.themes.size };
  }

  /** Takes in a transaction; says whether it added, removed, moved or merged a card, or added or removed a theme. */
  follow(tr: Y.Transaction): boolean {
    const cards = cardsOf(this.doc) as unknown as Y.AbstractType<unknown>;
    const clusters = clustersOf(this.doc);
    let moved = false;
    for (const [type, keys] of tr.changed) {
      if (type === cards) {
        keys.forEach((id) => id !== null && this.card(id));
        moved = true;
      } else if (type._item?.parent === cards && type._item.parentSub !== null && (keys.has('cluster') || keys.has('mergedInto'))) {
        this.card(type._item.parentSub);
        moved = true;
      } else if (type === (clusters as unknown as Y.AbstractType<unknown>)) {
        keys.forEach((id) => id !== null && (clusters.has(id) ? this.themes.add(id) : this.themes.delete(id)));
        moved = true;
      }
    }
    return moved;
  }

  private card(id: string): void {
    const before = this.cards.get(id);
    if (before) {
      this.merged -= Number(before.merged);
      this.themed -= Number(before.themed);
      this.cards.delete(id);
    }
    const card = cardsOf(this.doc).get(id);
    if (!card) return;
    const now = { merged: typeof card.get('mergedInto') === 'string', themed: typeof card.get('cluster') === 'string' };
    this.cards.set(id, now);
    this.merged += Number(now.merged);
    this.themed += Number(now.themed);
  }
}

/**
 * Makes each entry of `live` (cards, or themes) as it is in `past`: entries added since go, entries removed since
 * come back under their ids, and a changed field, rich text included, gets its earlier value. Only what differs
 * is written, so the change is as small as what happened since.
 */
function restoreEntries(live: Y.Map<Y.Map<unknown>>, past: Y.Map<Y.Map<unknown>>): void {
  for (const id of [...live.keys()]) if (!past.has(id)) live.delete(id);
  past.forEach((earlier, id) => {
    let entry = live.get(id);
    if (!entry) live.set(id, (entry = new Y.Map<unknown>()));
    for (const key of [...entry.keys()]) if (!earlier.has(key)) entry.delete(key);
    earlier.forEach((value, key) => {
      if (!(value instanceof Y.XmlFragment)) {
        if (entry.get(key) !== value) entry.set(key, value);
        return;
      }
      const current = entry.get(key);
      if (current instanceof Y.XmlFragment && current.toString() === value.toString()) return;
      const text = current instanceof Y.XmlFragment ? current : new Y.XmlFragment();
      if (text !== current) entry.set(key, text);
      text.delete(0, text.length);
      text.insert(0, copyRichText(value));
    });
  });
}
