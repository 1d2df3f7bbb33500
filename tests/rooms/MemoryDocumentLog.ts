import type { DocumentLog, KeptPoint, LoadedDocument, RestorePoint, StoredUpdate } from '../../server/storage/DocumentLog.js';
import { keptPointsToDrop } from '../../server/storage/keptPoints.js';

interface Entry {
  snapshot: Uint8Array | null;
  snapshotSeq: number;
  updates: StoredUpdate[];
  lastSeq: number;
  kept: RestorePoint[];
}

/**
 * A document log in memory, shared by the rooms of "several instances" in one test, with hooks a test uses
 * to see the order of events (an append resolving) or to make the database fail. The real logs (SQLite,
 * PostgreSQL) are tested against the same contract in tests/integration/store-contract.test.ts.
 */
export class MemoryDocumentLog implements DocumentLog {
  private readonly docs = new Map<string, Entry>();
  /** Called when an append is stored, before it resolves. */
  onAppended: (seq: number) => void = () => {};
  /** Set to an error to make every append reject with it. */
  failAppends: Error | null = null;
  /** Held appends resolve only when `release()` is called: a slow database. */
  private held: Array<() => void> | null = null;
  /** Documents read whole (rooms loading), by `<board>/<doc>`. */
  readonly loads: string[] = [];
  /** Set to make loads wait for it; set to an error to make them fail. */
  loadGate: Promise<void> | Error | null = null;

  private entry(boardId: string, docName: string): Entry {
    const key = `${boardId}/${docName}`;
    let entry = this.docs.get(key);
    if (!entry) {
      entry = { snapshot: null, snapshotSeq: 0, updates: [], lastSeq: 0, kept: [] };
      this.docs.set(key, entry);
    }
    return entry;
  }

  async load(boardId: string, docName: string): Promise<LoadedDocument> {
    this.loads.push(`${boardId}/${docName}`);
    if (this.loadGate instanceof Error) throw this.loadGate;
    await this.loadGate;
    const { snapshot, snapshotSeq, updates, lastSeq } = this.entry(boardId, docName);
    return { snapshot, snapshotSeq, updates: [...updates], lastSeq };
  }

  async append(boardId: string, docName: string, update: Uint8Array): Promise<number> {
    if (this.held) await new Promise<void>((resolve) => this.held!.push(resolve));
    if (this.failAppends) throw this.failAppends;
    const entry = this.entry(boardId, docName);
    const seq = ++entry.lastSeq;
    entry.updates.push({ seq, update });
    this.onAppended(seq);
    return seq;
  }

  async readAfter(boardId: string, docName: string, afterSeq: number): Promise<StoredUpdate[]> {
    return this.entry(boardId, docName).updates.filter((u) => u.seq > afterSeq);
  }

  async compact(boardId: string, docName: string, snapshot: Uint8Array, uptoSeq: number, kept: readonly RestorePoint[] = []): Promise<boolean> {
    const entry = this.entry(boardId, docName);
    if (uptoSeq <= entry.snapshotSeq) return false;
    entry.snapshot = snapshot;
    entry.snapshotSeq = uptoSeq;
    entry.updates = entry.updates.filter((u) => u.seq > uptoSeq);
    const added = kept.filter((p) => !entry.kept.some((k) => k.seq === p.seq));
    const all = [...entry.kept, ...added].sort((a, b) => a.seq - b.seq);
    const drop = new Set(keptPointsToDrop(all.map((p) => p.seq)));
    entry.kept = all.filter((p) => !drop.has(p.seq));
    return true;
  }

  async keptPoints(boardId: string, docName: string): Promise<KeptPoint[]> {
    return this.entry(boardId, docName).kept.map(({ state: _, ...counts }) => counts);
  }

  async keptState(boardId: string, docName: string, seq: number): Promise<Uint8Array | null> {
    return this.entry(boardId, docName).kept.find((p) => p.seq === seq)?.state ?? null;
  }

  /** The seqs still in the log (not compacted). */
  seqs(boardId: string, docName: string): number[] {
    return this.entry(boardId, docName).updates.map((u) => u.seq);
  }

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const waiting = this.held ?? [];
    this.held = null;
    waiting.forEach((resolve) => resolve());
  }
}
