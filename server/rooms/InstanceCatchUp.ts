import type { Logger } from '../log.js';
import type { DocumentLog } from '../storage/DocumentLog.js';
import type { Fanout } from './Fanout.js';
import { SeqWatermark } from './SeqWatermark.js';

/** While the fan-out may lose messages, a room with peers reads the log this often. */
export const POLL_EVERY_MS = 500;

/** What catching up needs of its room. */
export interface CatchUpRoom {
  readonly boardId: string;
  readonly name: string;
  readonly unloaded: boolean;
  readonly hasPeers: boolean;
  /** Runs a job in the room's apply queue. */
  enqueue<T>(job: () => T | Promise<T>): Promise<T>;
  /** Applies an update another instance stored under `seq`; called in seq order, inside a job. */
  applyStored(seq: number, update: Uint8Array): void;
}

/**
 * Keeps a room in step with other instances writing the same document: which log seqs are applied here
 * (`applied`), the updates of other instances that arrived ahead of a missing one, and reading the log for
 * what the fan-out lost. Subscribed before the log is read, so nothing published between the read and the
 * subscription is missed.
 */
export class InstanceCatchUp {
  /** The seqs applied here, from storage, this instance and others: compaction goes up to its contiguous part. */
  readonly applied = new SeqWatermark();
  /** Updates of other instances that arrived ahead of one still missing, by seq. */
  private readonly early = new Map<number, Uint8Array>();
  private catchingUp = false;
  private readonly unsubscribe: (() => void) | null;
  private readonly poller: NodeJS.Timeout | null;

  constructor(
    private readonly room: CatchUpRoom,
    private readonly log: DocumentLog,
    private readonly logger: Logger,
    fanout: Fanout | undefined,
  ) {
    this.unsubscribe = fanout?.subscribe(room.boardId, room.name, (seq, update) => this.remote(seq, update)) ?? null;
    this.poller = fanout
      ? setInterval(() => {
          if (room.hasPeers && (!fanout.healthy || this.applied.hasGap || this.early.size > 0)) void this.catchUp();
        }, POLL_EVERY_MS)
      : null;
    this.poller?.unref();
  }

  /**
   * An update another instance stored under `seq` (from the fan-out). Applied in seq order: one that arrives
   * ahead of a missing one waits while the missing ones are read from the log.
   */
  remote(seq: number, update: Uint8Array): void {
    if (this.room.unloaded || this.applied.has(seq)) return;
    this.early.set(seq, update);
    this.room
      .enqueue(() => this.applyEarly())
      .then(() => (this.early.size > 0 ? this.catchUp() : undefined))
      .catch(() => {}); // only an unloaded room refuses the job, and it has nothing left to apply
  }

  /**
   * Reads what the log holds past the watermark and applies what this instance has not (a gap, lost
   * messages). When another instance compacted past the watermark meanwhile, the missing updates are in its
   * snapshot: that is read and applied instead. Never rejects; a failure is logged and the poll tries again.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp || this.room.unloaded) return Promise.resolve();
    this.catchingUp = true;
    const { boardId, name } = this.room;
    return this.room
      .enqueue(async () => {
        try {
          const after = this.applied.watermark;
          const missed = await this.log.readAfter(boardId, name, after);
          const compactedAway = missed.length > 0 ? missed[0].seq > after + 1 : this.early.size > 0 || this.applied.hasGap;
          if (compactedAway) await this.applySnapshot();
          for (const { seq, update } of missed) if (!this.applied.has(seq)) this.early.set(seq, update);
          this.applyEarly();
        } catch (err) {
          this.logger.warn('catching up from the log failed; trying again shortly', { board: boardId, doc: name, error: String(err) });
        } finally {
          this.catchingUp = false;
        }
      })
      .catch(() => {});
  }

  /** Applies, in seq order, the updates of other instances that follow the watermark (inside a job). */
  applyEarly(): void {
    for (const seq of [...this.early.keys()]) if (this.applied.has(seq)) this.early.delete(seq);
    for (let seq = this.applied.next; this.early.has(seq); seq = this.applied.next) {
      const update = this.early.get(seq)!;
      this.early.delete(seq);
      this.room.applyStored(seq, update);
    }
  }

  stop(): void {
    this.unsubscribe?.();
    if (this.poller !== null) clearInterval(this.poller);
  }

  /** The stored snapshot, applied as another instance's update covering every seq up to its own. */
  private async applySnapshot(): Promise<void> {
    const stored = await this.log.load(this.room.boardId, this.room.name);
    if (stored.snapshot === null || stored.snapshotSeq <= this.applied.watermark) return;
    this.applied.coverUpTo(stored.snapshotSeq - 1);
    this.room.applyStored(stored.snapshotSeq, stored.snapshot);
  }
}
