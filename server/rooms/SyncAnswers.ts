import * as Y from 'yjs';
import type { Metrics } from '../metrics.js';
import type { AcceptedState } from './AcceptedState.js';
import { encodeSyncStep2 } from './wire.js';

/** Distinct answers kept per document version: a join storm asks a few, an attacker asking many gets no more kept. */
const KEPT_PER_VERSION = 4;

/**
 * The sync step 2 a room answers a client's sync step 1 with, encoded once per document version and per
 * canonical state vector and shared by all who ask. The canonical vector keeps only what changes the answer:
 * for each client the document knows, how much of it the asker has (at most all of it); clients the document
 * does not know are dropped. So everyone opening the board at 09:00 with nothing, and a request naming made-up
 * clients, share one answer; a client reconnecting with a current document costs an encode of what it lacks.
 */
export class SyncAnswers {
  private version = -1;
  private readonly kept = new Map<string, Uint8Array>();

  constructor(
    private readonly state: AcceptedState,
    private readonly metrics: Metrics,
  ) {}

  /** What a client with this state vector lacks, as a sync step 2 message; throws on a malformed vector. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (this.version !== this.state.version) {
      this.version = this.state.version;
      this.kept.clear();
    }
    const { doc } = this.state;
    const canonical = canonicalStateVector(doc, Y.decodeStateVector(stateVector));
    const key = [...canonical].map(([client, clock]) => `${client}:${clock}`).join(',');
    let message = this.kept.get(key);
    if (message === undefined) {
      message = encodeSyncStep2(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(canonical)));
      this.metrics.syncAnswersEncoded.inc();
      if (this.kept.size >= KEPT_PER_VERSION) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, message);
    }
    return message;
  }
}

/** For each client of the document, sorted, what the asker has of it, capped at what the document has; zeros dropped. */
function canonicalStateVector(doc: Y.Doc, asked: Map<number, number>): Map<number, number> {
  const canonical = new Map<number, number>();
  const has = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const client of [...has.keys()].sort((a, b) => a - b)) {
    const clock = Math.min(asked.get(client) ?? 0, has.get(client)!);
    if (clock > 0) canonical.set(client, clock);
  }
  return canonical;
}
