import type { Metrics } from '../metrics.js';
import type { DocumentLog } from '../storage/DocumentLog.js';
import { BoardRoom, type RoomOptions } from './BoardRoom.js';

/**
 * Loads a board's room on first use and unloads it a grace period after the last user let go of it.
 * Loading is asynchronous, so the registry keeps one Promise per board: concurrent acquirers await the same
 * load and nobody sees a room half-loaded. Every `acquire` is paired with a `release` (a connection's when it
 * closes); a room is unloaded only when none is outstanding, and a board unloading is loaded again only
 * after its unload finished, so load and unload cannot race.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<BoardRoom>>();
  /** Acquisitions not released yet, per board. */
  private readonly holds = new Map<string, number>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  private readonly unloading = new Map<string, Promise<void>>();

  constructor(
    private readonly log: DocumentLog,
    private readonly metrics: Metrics,
    private readonly options: RoomOptions & {
      graceMs: number;
      /** Runs once a board's room has loaded, before anyone uses it (the control document's drawing); a failure is logged. */
      onLoad?: (room: BoardRoom) => Promise<void>;
    },
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room, loading it if needed. Every call must be followed by one `release`, also when it rejects. */
  acquire(boardId: string): Promise<BoardRoom> {
    this.cancelUnload(boardId);
    this.holds.set(boardId, (this.holds.get(boardId) ?? 0) + 1);
    let room = this.rooms.get(boardId);
    if (!room) {
      const loading = this.load(boardId);
      // A failed load is forgotten: the next acquirer tries again rather than inherit the failure.
      loading.catch(() => {
        if (this.rooms.get(boardId) === loading) this.rooms.delete(boardId);
      });
      this.rooms.set(boardId, loading);
      room = loading;
    }
    return room;
  }

  /** Runs a server command against a board, whether or not anyone is connected. */
  async withRoom<T>(boardId: string, command: (room: BoardRoom) => T | Promise<T>): Promise<T> {
    try {
      return await command(await this.acquire(boardId));
    } finally {
      this.release(boardId);
    }
  }

  /** Lets go of one acquisition; the last one schedules the unload. */
  release(boardId: string): void {
    const holds = (this.holds.get(boardId) ?? 0) - 1;
    if (holds > 0) return void this.holds.set(boardId, holds);
    this.holds.delete(boardId);
    if (!this.rooms.has(boardId) || this.unloadTimers.has(boardId)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(boardId);
      if (!this.holds.has(boardId)) void this.unloadNow(boardId);
    }, this.options.graceMs);
    timer.unref();
    this.unloadTimers.set(boardId, timer);
  }

  /** Unloads every room now (shutdown): flushes pending broadcasts and compacts logs. */
  async unloadAll(): Promise<void> {
    await Promise.all([...this.rooms.keys()].map((boardId) => this.unloadNow(boardId)));
    await Promise.all(this.unloading.values());
  }

  /**
   * Unloads a board's room at once, connected or not: the board is being deleted and nothing may linger.
   * Without `writeBack` nothing is stored: another instance deleted the board's rows already.
   */
  unloadNow(boardId: string, writeBack = true): Promise<void> {
    this.cancelUnload(boardId);
    const room = this.rooms.get(boardId);
    if (!room) return this.unloading.get(boardId) ?? Promise.resolve();
    this.rooms.delete(boardId);
    const done = room
      .then((loaded) => loaded.unload(writeBack), () => undefined) // a room that never loaded has nothing to unload
      .finally(() => {
        if (this.unloading.get(boardId) === done) this.unloading.delete(boardId);
      });
    this.unloading.set(boardId, done);
    return done;
  }

  private async load(boardId: string): Promise<BoardRoom> {
    await this.unloading.get(boardId);
    const room = await BoardRoom.load(boardId, this.log, this.metrics, this.options);
    await this.options.onLoad?.(room).catch((err: unknown) => this.options.log.warn('a loaded room could not be brought up to date', { board: boardId, error: String(err) }));
    return room;
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(boardId);
    }
  }
}
