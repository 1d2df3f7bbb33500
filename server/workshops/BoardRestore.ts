import * as Y from 'yjs';
import { cardsOf, clustersOf } from '../../shared/boardDoc.js';
import type { HistoryResponse } from '../../shared/api.js';
import { copyRichText } from '../../shared/richText/copyRichText.js';
import { BOARD_DOC } from '../../shared/rooms.js';
import { DomainError } from '../DomainError.js';
import { boardAfter, boardHistory, landmarks } from '../rooms/BoardTimeline.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { cardKeysOf } from '../auth/cardKeys.js';
import type { BoardFacts } from '../storage/BoardFacts.js';
import type { DocumentLog } from '../storage/DocumentLog.js';
import type { Identity } from '../storage/Identity.js';

/** The newest points of the log listed: a screenful to choose from, and a bound on the answer whatever the log holds. */
export const MAX_HISTORY_POINTS = 100;

/**
 * The board's cards and themes as they were after any change still in its document log, or at a point kept when
 * the log was compacted, and restoring them. A restore is one server change everyone receives, itself a point in
 * the history, so restoring the point before it takes it back. The facilitator's notes stay as they are: only the
 * facilitator writes them, so nobody else's change is there to take back. The log reaches back to the document's
 * last compaction (every COMPACT_EVERY changes; not when the room unloads, see DocumentKind.keepsHistory); before
 * it, the history holds what each compaction kept (pointsToKeep, at most MAX_KEPT_POINTS).
 */
export class BoardRestore {
  constructor(
    private readonly log: Pick<DocumentLog, 'load' | 'keptPoints' | 'keptState'>,
    private readonly rooms: RoomRegistry,
    private readonly identity: Pick<Identity, 'listTokenHashes' | 'findToken'>,
    private readonly facts: Pick<BoardFacts, 'getState'>,
  ) {}

  /**
   * Newest first: the log's newest points (see boardHistory) and, when it holds more, the landmarks of the rest (so
   * a burst of small changes cannot push the board before it off the list), then the kept points before them.
   * Costs one load of the document.
   */
  async history(boardId: string): Promise<HistoryResponse> {
    const [stored, kept] = await Promise.all([this.log.load(boardId, BOARD_DOC), this.log.keptPoints(boardId, BOARD_DOC)]);
    const all = boardHistory(stored);
    const points = [...landmarks(all.slice(0, -MAX_HISTORY_POINTS)), ...all.slice(-MAX_HISTORY_POINTS)].reverse();
    const older = kept.filter((point) => point.seq < stored.snapshotSeq).reverse();
    return { points: [...points, ...older.map((point) => ({ ...point, kept: true as const }))] };
  }

  /** Makes the live cards and themes what they were after change `seq`, in one change. */
  async restore(boardId: string, seq: number): Promise<{ restoredTo: number }> {
    const [earlier, authorNow] = await Promise.all([this.pastBoard(boardId, seq), this.authorsNow(boardId)]);
    await this.rooms.withRoom(boardId, (room) =>
      room.board.serverTransact((doc) => {
        restoreEntries(cardsOf(doc), cardsOf(earlier), authorNow);
        restoreEntries(clustersOf(doc), clustersOf(earlier));
      }),
    );
    earlier.destroy();
    return { restoredTo: seq };
  }

  /**
   * What a card brought back from the past is authored as now: its writer's card key or id as the settings name them
   * today, or null when its writer has since been removed (their cards deleted with them, or kept under
   * "removed participant", which the live board already shows). A restore never undoes a removal or an anonymity
   * setting: one read of the board's tokens and one of its state.
   */
  private async authorsNow(boardId: string): Promise<(past: unknown) => string | null> {
    const [keys, state] = await Promise.all([cardKeysOf(this.identity, boardId), this.facts.getState(boardId)]);
    const byKey = new Map(Array.from(keys, ([participantId, key]) => [key, participantId]));
    const anonymous = state?.state.settings.anonymousCards ?? false;
    return (past) => {
      const author = String(past);
      const participantId = keys.has(author) ? author : byKey.get(author);
      if (participantId !== undefined) return anonymous ? keys.get(participantId)! : participantId;
      return isParticipantOrKey(author) ? null : author;
    };
  }

  private async pastBoard(boardId: string, seq: number): Promise<Y.Doc> {
    const stored = await this.log.load(boardId, BOARD_DOC);
    if (seq >= stored.snapshotSeq && seq <= stored.lastSeq) return boardAfter(stored, seq);
    const state = seq < stored.snapshotSeq ? await this.log.keptState(boardId, BOARD_DOC, seq) : null;
    if (!state) throw DomainError.refusal('conflict', 'history-point-gone', 'that point is no longer in the board history', 'seq');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    return doc;
  }
}

/**
 * Makes each entry of `live` (cards, or themes) as it is in `past`: entries added since go, entries removed since
 * come back under their ids, and a changed field, rich text included, gets its earlier value. Only what differs
 * is written, so the change is as small as what happened since.
 */
function restoreEntries(live: Y.Map<Y.Map<unknown>>, past: Y.Map<Y.Map<unknown>>, authorNow?: (past: unknown) => string | null): void {
  for (const id of [...live.keys()]) if (!past.has(id)) live.delete(id);
  past.forEach((earlier, id) => {
    let entry = live.get(id);
    // A card on the board keeps the author it has now; one that comes back takes its writer's name of today.
    const author = entry || !authorNow ? undefined : authorNow(earlier.get('author'));
    if (author === null) return;
    if (!entry) live.set(id, (entry = new Y.Map<unknown>()));
    for (const key of [...entry.keys()]) if (!earlier.has(key)) entry.delete(key);
    earlier.forEach((value, key) => {
      if (authorNow && key === 'author') {
        if (author !== undefined) entry.set(key, author);
        return;
      }
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

/** A participant's id or card key (newParticipantId, cardKeyOf), as opposed to the facilitator or "removed participant". */
function isParticipantOrKey(author: string): boolean {
  return author.startsWith('p_') || author.startsWith('k_');
}
