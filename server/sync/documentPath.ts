import { BOARD_DOC } from '../../shared/rooms.js';
import { documentKindOf, ID_PATTERN } from '../rooms/documentKinds.js';

const WS_PATH = new RegExp(`^/ws/(${ID_PATTERN})(?:/(.+))?$`);

/**
 * The document a WebSocket path opens: `/ws/<boardId>` the board document, `/ws/<boardId>/<name>` another of
 * the board's documents (see DOCUMENT_KINDS); null for a path that names none.
 */
export function documentOfPath(pathname: string): { boardId: string; docName: string } | null {
  const match = WS_PATH.exec(pathname);
  if (!match) return null;
  // The board document has no name of its own in the path: `/ws/<boardId>/board` names nothing.
  if (match[2] === BOARD_DOC) return null;
  const docName = match[2] ?? BOARD_DOC;
  return documentKindOf(docName) === null ? null : { boardId: match[1], docName };
}
