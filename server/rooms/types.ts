import type * as Y from 'yjs';
import type { Writer } from '../auth/Access.js';

/**
 * Decides whether one client transaction may stand. `check` runs after the update was applied to the
 * room's document and before anything is derived, stored or sent; on a refusal the room rebuilds the
 * document from the accepted state it keeps in memory, so a refused update leaves no trace. `check` may
 * also throw: the room then undoes the change too and tells the client it was the server's failure (1011).
 */
export interface ChangePolicy {
  /**
   * Refuses a writer before its update touches the document, when no content could make it acceptable
   * (an observer, a read-only document). Optional; it spares the room the rebuild that a refusal by
   * `check` costs, which grows with the document.
   */
  refuseWriter?(writer: Writer): string | null;
  /** Returns null to accept, or the reason for refusing. */
  check(tr: Y.Transaction, doc: Y.Doc, writer: Writer): string | null;
  /** Called with every accepted transaction (clients' and the server's), to keep derived indexes current. */
  accepted(tr: Y.Transaction, doc: Y.Doc): void;
  /** Called after the document was (re)loaded from storage. */
  reset(doc: Y.Doc): void;
}

/** The policy of documents clients may only read: the control document, and everything for observers. */
export const READ_ONLY: ChangePolicy = {
  refuseWriter: () => 'this document is read-only',
  check: () => 'this document is read-only',
  accepted: () => {},
  reset: () => {},
};
