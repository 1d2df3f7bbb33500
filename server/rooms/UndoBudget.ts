import { TokenBucket } from '../TokenBucket.js';

/** Undos one writer may cause in a burst, and how fast the allowance comes back. */
const WRITER_BURST = 5;
const WRITER_PER_SECOND = 0.5;
/**
 * How fast a document's allowance of undos (all its writers together, REFUSALS_PER_BOARD in a burst) comes back:
 * a rebuild of a full board takes 100–150 ms of the one thread every board shares.
 */
const DOCUMENT_PER_SECOND = 0.2;

/**
 * What a writer's next update may cost: `judge` (apply it, and undo it if refused), `spent` (refused before it
 * touches the document: this writer was refused too often lately) or `busy` (the document is spending its
 * allowance on refusals; a writer it has not accepted anything from yet is told to come back shortly).
 */
export type Allowance = 'judge' | 'spent' | 'busy';

/**
 * Undoing a change rebuilds the room's document, which costs time in proportion to the board. An honest
 * browser is refused once in a while and then backs off; a client that keeps sending refused changes would
 * keep the server rebuilding. So each writer has an allowance of undos (a token bucket), and so has the
 * document as a whole: once the document's is spent, writers refused lately are refused upfront, and writers it
 * has accepted nothing from (puppets joined for the purpose) wait, so a crowd of made-up participants costs no
 * more rebuilds than one. Writers whose changes it accepted before keep being judged as usual.
 */
export class UndoBudget {
  private readonly writers = new Map<string, TokenBucket>();
  /** Null when the document's allowance is lifted: only the writers' own count. */
  private readonly document: TokenBucket | null;
  private readonly accepted = new Set<string>();

  constructor(
    documentBurst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.document = documentBurst === 0 ? null : new TokenBucket(documentBurst, DOCUMENT_PER_SECOND, now);
  }

  allowance(writer: string): Allowance {
    const own = this.writers.get(writer);
    if (own?.full) this.writers.delete(writer); // a full allowance needs no entry
    if (own && !own.available) return 'spent';
    if (this.document === null || this.document.available) return 'judge';
    if (own?.full === false) return 'spent';
    return this.accepted.has(writer) ? 'judge' : 'busy';
  }

  /** A change of this writer was refused and undone. */
  spend(writer: string): void {
    let own = this.writers.get(writer);
    if (!own) this.writers.set(writer, (own = new TokenBucket(WRITER_BURST, WRITER_PER_SECOND, this.now)));
    own.take();
    this.document?.take();
  }

  /** A change of this writer was accepted: it is judged as usual while the document's allowance is spent. */
  acceptedFrom(writer: string): void {
    this.accepted.add(writer);
  }
}
