import { cardsOf } from '../../shared/boardDoc.js';
import type { BoardMeta } from '../../shared/controlDoc.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { BoardStore } from '../storage/BoardStore.js';

/**
 * When anything last happened on a board, for "My workshops": the newest of the moments the board records
 * anyway (created, closed, someone joined, a card written, a round opened, closed or revealed, a list frozen),
 * so no write path has to keep a timestamp up to date. A card's time comes from its author's browser, so it
 * is capped at `now`.
 */
export function lastActivityOf(store: BoardStore, room: BoardRoom, meta: BoardMeta, now: number): number {
  const moments = [meta.createdAt, meta.closedAt ?? 0];
  for (const p of store.listParticipants(room.boardId)) moments.push(p.joinedAt);
  for (const r of store.listRounds(room.boardId)) moments.push(r.openedAt, r.closedAt ?? 0, r.revealedAt ?? 0);
  for (const a of store.listAgreements(room.boardId)) moments.push(a.frozenAt);
  cardsOf(room.board.doc).forEach((card) => moments.push(Math.min(Number(card.get('createdAt') ?? 0), now)));
  return Math.max(...moments);
}
