import { LIMITS } from '../../shared/limits.js';
import { BOARD_DOC, CONTROL_DOC, DRAFTS_DOC, privateListDoc, tableBoardDoc } from '../../shared/rooms.js';
import type { Access } from '../auth/Access.js';
import { BoardPolicy, type ControlContext } from './boardPolicy.js';
import { pointsToKeepOffThread } from './keptPointsThread.js';
import type { Derivation, KeepHistory } from './types.js';
import { READ_ONLY, type ChangePolicy } from './types.js';

/** What a kind of document needs of its board: the control state its policy reads, and derived documents. */
export interface BoardContext {
  readonly control: () => ControlContext;
  /** Reads a participant's private list into the drafts it implies; see BoardRoom. */
  readonly planDrafts: (participantId: string) => Derivation;
  /** The breakout table a participant sits at now, as the control document shows it. */
  readonly tableOf: (participantId: string) => string | undefined;
  /** A breakout table's host, as the control document shows it; null for none. */
  readonly hostOf: (tableId: string) => string | null;
}

/**
 * One kind of a board's documents. A document's name (the path after `/ws/<boardId>/`; the board document
 * has none) matches exactly one kind, which says who may open it, which policy judges clients' changes to
 * it and what the server derives from it.
 */
export interface DocumentKind {
  readonly kind: string;
  /** Matches a document name of this kind; the capture, if any, is the document's key (a participant id). */
  readonly pattern: RegExp;
  /** Loaded and unloaded with the board, because others read it (the board policy reads the control state). */
  readonly withBoard: boolean;
  mayOpen(access: Access, key: string | undefined, board: BoardContext): boolean;
  policy(board: BoardContext, key: string | undefined): ChangePolicy;
  derive?(board: BoardContext, key: string | undefined): Derivation;
  /**
   * Its log is merged into the snapshot only every COMPACT_EVERY changes, not when the room unloads: the board's
   * history (BoardRestore) reaches back to the last merge, so a board everyone left, or a restart, keeps it; and
   * each merge keeps these points of what it merges, stored with the snapshot.
   */
  readonly keepsHistory?: KeepHistory;
}

/** Board and participant ids as they appear in document names and paths. */
export const ID_PATTERN = '[A-Za-z0-9_-]{1,64}';

/** A pattern matching the name as it is (names here hold no regex metacharacters but the key's group). */
function exactly(name: string): RegExp {
  return new RegExp(`^${name}$`);
}

/**
 * A board's documents. Routing (which document a WebSocket path opens), loading, unloading and peer counts
 * follow this table; a new kind (breakout tables, say) is one more row.
 */
export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  // Cards, themes, notes: written by clients under the board policy.
  { kind: BOARD_DOC, pattern: exactly(BOARD_DOC), withBoard: true, mayOpen: () => true, policy: (board) => new BoardPolicy(board.control), keepsHistory: pointsToKeepOffThread },
  // Phase, settings, timer, participants, rounds, results: written by the server only.
  { kind: CONTROL_DOC, pattern: exactly(CONTROL_DOC), withBoard: true, mayOpen: () => true, policy: () => READ_ONLY },
  // The facilitator's view of everyone's silent cards, derived by the server from the private lists.
  { kind: DRAFTS_DOC, pattern: exactly(DRAFTS_DOC), withBoard: true, mayOpen: (access) => access.role === 'facilitator', policy: () => READ_ONLY },
  // One participant's own silent cards, loaded when first used.
  {
    kind: 'private',
    pattern: exactly(privateListDoc(`(${ID_PATTERN})`)),
    withBoard: false,
    mayOpen: (access, owner) => access.participantId === owner,
    policy: (board, owner) => new BoardPolicy(board.control, owner),
    derive: (board, owner) => board.planDrafts(owner!),
  },
  // A breakout table's board: its participants' only, the facilitator's and the room's screens' (observer,
  // projector) to look into; judged as the board document is, with a cap of its own and its host clustering.
  {
    kind: 'table',
    pattern: exactly(tableBoardDoc(`(${ID_PATTERN})`)),
    withBoard: false,
    mayOpen: (access, tableId, board) => access.role !== 'participant' || (access.participantId !== null && board.tableOf(access.participantId) === tableId),
    policy: (board, tableId) =>
      new BoardPolicy(board.control, null, { cardCap: { max: LIMITS.maxCardsPerTable, name: 'maxCardsPerTable' }, host: () => board.hostOf(tableId!) }),
  },
];

/** The kind of a document name and its key, or null when no kind has such documents. */
export function documentKindOf(name: string): { kind: DocumentKind; key: string | undefined } | null {
  for (const kind of DOCUMENT_KINDS) {
    const match = kind.pattern.exec(name);
    if (match) return { kind, key: match[1] };
  }
  return null;
}
