import type { Metrics } from '../metrics.js';
import type { Logger } from '../log.js';
import type { DocumentLog, LoadedDocument, RestorePoint } from '../storage/DocumentLog.js';
import type { StorageHealth } from '../storage/StorageHealth.js';
import type { KeepHistory } from './types.js';

/**
 * Merging a document's log into one snapshot: after `every` updates, and when the room unloads (unless the document
 * keeps its history: then only after `every` updates, keeping what its kind says of the part merged). Only up to the
 * room's watermark: updates of other instances this one has not applied yet stay in the log. The store compacts
 * on one instance at a time; on a storage failure, or while another instance compacts, the log stays as it is
 * and is merged later.
 */
export class Compaction {
  private since = 0;

  constructor(
    private readonly boardId: string,
    private readonly name: string,
    private readonly log: DocumentLog,
    private readonly metrics: Metrics,
    private readonly health: StorageHealth,
    private readonly every: number,
    private readonly keepsHistory: KeepHistory | undefined,
    private readonly logger: Logger,
  ) {}

  /** The room loaded this many updates past the snapshot. */
  loaded(updates: number): void {
    this.since = updates;
  }

  /** One more update applied. */
  count(): void {
    this.since++;
  }

  get due(): boolean {
    return this.since >= this.every;
  }

  get pending(): boolean {
    return this.since > 0;
  }

  /**
   * Writes the snapshot covering every seq up to `watermark`, with the points of the history it merges that the
   * document keeps (read back from the log); a failure is reported to health, not thrown.
   */
  async write(snapshot: Uint8Array, watermark: number): Promise<void> {
    try {
      const kept = this.keepsHistory ? await this.keptPoints(await this.log.load(this.boardId, this.name), watermark, this.keepsHistory) : [];
      await this.log.compact(this.boardId, this.name, snapshot, watermark, kept);
    } catch (err) {
      this.metrics.storageFailures.inc();
      this.health.failed(err, { board: this.boardId, doc: this.name, during: 'compaction' });
      return;
    }
    this.health.wrote();
    this.since = 0;
  }

  /**
   * Without them when they cannot be chosen (the thread busy or failing): the log must not grow without bound, so
   * the history loses the points of this part, and says so.
   */
  private async keptPoints(stored: LoadedDocument, watermark: number, keep: KeepHistory): Promise<RestorePoint[]> {
    try {
      return await keep(stored, watermark);
    } catch (err) {
      this.logger.error('a compaction keeps no points of the history it merges', { board: this.boardId, doc: this.name, upto: watermark, error: String(err) });
      return [];
    }
  }
}
