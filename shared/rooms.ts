/**
 * The names of a board's documents. The server keys them by name within the board (server/rooms/documentKinds.ts
 * says who may open which); y-websocket rooms (`/ws/<room>`) are `<boardId>` for the board document and
 * `<boardId>/<name>` for the others.
 */
export const BOARD_DOC = 'board';
export const CONTROL_DOC = 'control';
export const DRAFTS_DOC = 'drafts';

export function privateListDoc(participantId: string): string {
  return `private/${participantId}`;
}

export function controlRoom(boardId: string): string {
  return `${boardId}/${CONTROL_DOC}`;
}

export function draftsRoom(boardId: string): string {
  return `${boardId}/${DRAFTS_DOC}`;
}

export function privateListRoom(boardId: string, participantId: string): string {
  return `${boardId}/${privateListDoc(participantId)}`;
}

/** A breakout table's own board (shared/tables/): the same cards and themes as the board document. */
export function tableBoardDoc(tableId: string): string {
  return `table/${tableId}`;
}

export function tableBoardRoom(boardId: string, tableId: string): string {
  return `${boardId}/${tableBoardDoc(tableId)}`;
}
