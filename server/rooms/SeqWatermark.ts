/**
 * Which of a document's log seqs a room has applied: all up to the watermark, and some beyond it (this
 * instance's own appends that came after another instance's not yet heard of). Compaction may cover the
 * watermark and no further; a seq past it that is missing is a gap to read from the log.
 */
export class SeqWatermark {
  private mark = 0;
  private readonly ahead = new Set<number>();

  get watermark(): number {
    return this.mark;
  }

  /** The first seq not applied yet. */
  get next(): number {
    return this.mark + 1;
  }

  /** Whether some seq past the watermark is applied while one before it is not. */
  get hasGap(): boolean {
    return this.ahead.size > 0;
  }

  has(seq: number): boolean {
    return seq <= this.mark || this.ahead.has(seq);
  }

  add(seq: number): void {
    if (seq <= this.mark) return;
    this.ahead.add(seq);
    this.advance();
  }

  /** Everything up to `seq` is applied (a loaded snapshot covers it). */
  coverUpTo(seq: number): void {
    if (seq <= this.mark) return;
    this.mark = seq;
    for (const s of this.ahead) if (s <= seq) this.ahead.delete(s);
    this.advance();
  }

  reset(seq: number): void {
    this.mark = seq;
    this.ahead.clear();
  }

  private advance(): void {
    while (this.ahead.delete(this.mark + 1)) this.mark++;
  }
}
