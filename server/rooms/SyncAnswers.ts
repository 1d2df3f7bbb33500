import * as Y from 'yjs';
import type { AcceptedState } from './AcceptedState.js';
import { encodeSyncStep2 } from './wire.js';

/**
 * The sync step 2 a room answers a client's sync step 1 with. Everyone opening the board at the start of a
 * workshop asks for the whole document: that is encoded once per document version and shared.
 */
export class SyncAnswers {
  private whole: { version: number; message: Uint8Array } | null = null;

  constructor(private readonly state: AcceptedState) {}

  /** What a client with this state vector lacks, as a sync step 2 message. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (!isEmptyStateVector(stateVector)) return encodeSyncStep2(Y.encodeStateAsUpdate(this.state.doc, stateVector));
    if (this.whole?.version !== this.state.version) {
      this.whole = { version: this.state.version, message: encodeSyncStep2(Y.encodeStateAsUpdate(this.state.doc)) };
    }
    return this.whole.message;
  }
}

/** A state vector of no clients: the encoding of an empty document's, `[0]`. */
function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
