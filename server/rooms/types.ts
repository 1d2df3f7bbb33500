import type * as Y from 'yjs';
import type { Role } from '../../shared/phases.js';

/** Who sent an update: the role and identity the server resolved from the connection's token. */
export interface Writer {
  role: Role;
  /** The participant id, or FACILITATOR_ID for the facilitator, or null for observers. */
  authorId: string | null;
}

/**
 * Decides whether one client transaction may stand. `check` runs after the update was applied to the
 * room's document and before anything is stored or sent; on a refusal the room reloads the document
 * from storage, so a refused update leaves no trace.
 */
export interface ChangePolicy {
  /** Returns null to accept, or the reason for refusing. */
  check(tr: Y.Transaction, doc: Y.Doc, writer: Writer): string | null;
  /** Called with every accepted transaction (clients' and the server's), to keep derived indexes current. */
  accepted(tr: Y.Transaction, doc: Y.Doc): void;
  /** Called after the document was (re)loaded from storage. */
  reset(doc: Y.Doc): void;
}

/** The policy of documents clients may only read: the control document, and everything for observers. */
export const READ_ONLY: ChangePolicy = {
  check: () => 'this document is read-only',
  accepted: () => {},
  reset: () => {},
};
