/**
 * The names of a board's documents as y-websocket rooms (`/ws/<room>`): `<boardId>` is the board document,
 * the others follow. Which role may open which is decided in server/rooms/BoardRoom.ts.
 */
export function controlRoom(boardId: string): string {
  return `${boardId}/control`;
}

export function draftsRoom(boardId: string): string {
  return `${boardId}/drafts`;
}

export function privateListRoom(boardId: string, participantId: string): string {
  return `${boardId}/private/${participantId}`;
}
