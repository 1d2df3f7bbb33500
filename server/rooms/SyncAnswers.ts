import * as Y from 'yjs';
import type { Metrics } from '../metrics.js';
import { TokenBucket } from '../TokenBucket.js';
import type { AcceptedState } from './AcceptedState.js';
import { encodeSyncStep2 } from './wire.js';

/** Distinct answers kept per document version: a join storm asks a few, an attacker asking many gets no more kept. */
const KEPT_PER_VERSION = 4;
/**
 * Answers a document encodes for vectors it has not kept, at once and per second. Vectors naming the document's own
 * clients at ever other clocks each need an encode of their own, and connections are cheap to open; past this an
 * asker gets the whole state, kept once per version, which holds whatever it lacks.
 */
const FRESH_ENCODES_BURST = 8;
const FRESH_ENCODES_PER_SECOND = 1;

/**
 * The sync step 2 a room answers a client's sync step 1 with, encoded once per document version and per
 * canonical state vector and shared by all who ask. The canonical vector keeps only what changes the answer:
 * for each client the document knows, how much of it the asker has (at most all of it); clients the document
 * does not know are dropped. So everyone opening the board at 09:00 with nothing, and a request naming made-up
 * clients, share one answer; a client reconnecting with a current document costs an encode of what it lacks,
 * while the document's allowance of fresh encodes lasts, and the whole state after.
 */
export class SyncAnswers {
  private version = -1;
  private readonly kept = new Map<string, Uint8Array>();
  private whole: Uint8Array | null = null;
  private readonly fresh = new TokenBucket(FRESH_ENCODES_BURST, FRESH_ENCODES_PER_SECOND);

  constructor(
    private readonly state: AcceptedState,
    private readonly metrics: Metrics,
  ) {}

  /** What a client with this state vector lacks, as a sync step 2 message; throws on a malformed vector. */
  answer(stateVector: Uint8Array): Uint8Array {
    if (this.version !== this.state.version) {
      this.version = this.state.version;
      this.kept.clear();
      this.whole = null;
    }
    const canonical = canonicalStateVector(this.state.doc, Y.decodeStateVector(stateVector));
    if (canonical.size === 0) return this.wholeState();
    const key = [...canonical].map(([client, clock]) => `${client}:${clock}`).join(',');
    let message = this.kept.get(key);
    if (message === undefined) {
      if (!this.fresh.take()) return this.wholeState();
      message = this.encode(canonical);
      if (this.kept.size >= KEPT_PER_VERSION) this.kept.delete(this.kept.keys().next().value!);
      this.kept.set(key, message);
    }
    return message;
  }

  private wholeState(): Uint8Array {
    this.whole ??= this.encode(new Map());
    return this.whole;
  }

  private encode(canonical: Map<number, number>): Uint8Array {
    this.metrics.syncAnswersEncoded.inc();
    return encodeSyncStep2(Y.encodeStateAsUpdate(this.state.doc, Y.encodeStateVector(canonical)));
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
