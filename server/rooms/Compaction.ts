import type { Metrics } from '../metrics.js';
import type { DocumentLog } from '../storage/DocumentLog.js';
import type { StorageHealth } from '../storage/StorageHealth.js';

/**
 * Merging a document's log into one snapshot: after `every` updates, and when the room unloads. Only up to the
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

  /** Writes the snapshot covering every seq up to `watermark`; a failure is reported to health, not thrown. */
  async write(snapshot: Uint8Array, watermark: number): Promise<void> {
    try {
      await this.log.compact(this.boardId, this.name, snapshot, watermark);
    } catch (err) {
      this.metrics.storageFailures.inc();
      this.health.failed(err, { board: this.boardId, doc: this.name, during: 'compaction' });
      return;
    }
    this.health.wrote();
    this.since = 0;
  }
}
