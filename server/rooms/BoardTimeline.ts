import * as Y from 'yjs';
import { cardsOf, clustersOf } from '../../shared/boardDoc.js';
import type { HistoryCounts, HistoryPoint } from '../../shared/api.js';
import type { LoadedDocument, RestorePoint } from '../storage/DocumentLog.js';

/**
 * The board document's history as its log holds it: a point after each change that added, removed, moved or
 * merged cards or added or removed themes (an edit of text only belongs to the point before it), the first
 * being the snapshot. The log is replayed once and the counts follow each change (O(change), not O(board)).
 */
export function boardHistory(stored: LoadedDocument, uptoSeq = stored.lastSeq): HistoryPoint[] {
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  const counts = new BoardCounts(doc);
  const points: HistoryPoint[] = [{ seq: stored.snapshotSeq, ...counts.now() }];
  let moved = false;
  doc.on('afterTransaction', (tr: Y.Transaction) => {
    moved = counts.follow(tr) || moved;
  });
  for (const { seq, update } of stored.updates) {
    if (seq > uptoSeq) break;
    Y.applyUpdate(doc, update);
    if (moved) points.push({ seq, ...counts.now() });
    else points.at(-1)!.seq = seq;
    moved = false;
  }
  doc.destroy();
  return points;
}

/** The board document as it was after change `seq` (at least the snapshot's), replayed from its log. */
export function boardAfter(stored: LoadedDocument, seq: number): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const entry of stored.updates) if (entry.seq <= seq) Y.applyUpdate(doc, entry.update);
  });
  return doc;
}

/**
 * What a compaction up to `uptoSeq` keeps of the part of the history it merges (the points before its last, which
 * stays in the history as the new snapshot): its landmarks, with the board as it was at each. Each compaction so
 * keeps the board every COMPACT_EVERY changes and at its most ordered; the store thins them (MAX_KEPT_POINTS).
 * Costs a replay of the log and one per point kept.
 */
export function pointsToKeep(stored: LoadedDocument, uptoSeq: number): RestorePoint[] {
  return landmarks(boardHistory(stored, uptoSeq).slice(0, -1)).map((point) => {
    const doc = boardAfter(stored, point.seq);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { ...point, state };
  });
}

/**
 * Of a stretch of the history, oldest first, the points worth keeping when the rest goes: the one it began with
 * (the board as the history showed it before) and its best-clustered (the most cards in themes, then the most
 * themes, the most cards, the fewest merged, the earliest of equals), which is what a participant's vandalism
 * takes apart and what the facilitator wants back. An empty board is not worth keeping.
 */
export function landmarks(points: readonly HistoryPoint[]): HistoryPoint[] {
  const best = points.reduce<HistoryPoint | undefined>((kept, point) => (kept && !moreOrdered(point, kept) ? kept : point), undefined);
  const chosen = new Map<number, HistoryPoint>();
  for (const point of [points[0], best]) if (point && (point.cards > 0 || point.themes > 0)) chosen.set(point.seq, point);
  return [...chosen.values()];
}

function moreOrdered(a: HistoryCounts, b: HistoryCounts): boolean {
  if (a.themed !== b.themed) return a.themed > b.themed;
  if (a.themes !== b.themes) return a.themes > b.themes;
  if (a.cards !== b.cards) return a.cards > b.cards;
  return a.merged < b.merged;
}

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

  now(): HistoryCounts {
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
