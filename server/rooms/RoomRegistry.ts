import type { Metrics } from '../metrics.js';
import type { BoardStore } from '../storage/BoardStore.js';
import { BoardRoom, type RoomOptions } from './BoardRoom.js';

/**
 * Loads a board's room on first use and unloads it a grace period after its last peer left.
 * Loading is synchronous (SQLite reads), so two connections arriving together always find the same
 * room, and the unload timer re-checks the peer count when it fires: load and unload cannot race.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, BoardRoom>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
    private readonly options: RoomOptions & { graceMs: number },
  ) {}

  get size(): number {
    return this.rooms.size;
  }

  /** The loaded room, loading it if needed. Callers that add no peer must call `release` afterwards. */
  acquire(boardId: string): BoardRoom {
    this.cancelUnload(boardId);
    let room = this.rooms.get(boardId);
    if (!room) {
      room = new BoardRoom(boardId, this.store, this.metrics, this.options);
      this.rooms.set(boardId, room);
    }
    return room;
  }

  /** Runs a server command against a board, whether or not anyone is connected. */
  withRoom<T>(boardId: string, command: (room: BoardRoom) => T): T {
    const room = this.acquire(boardId);
    try {
      return command(room);
    } finally {
      this.release(boardId);
    }
  }

  /** Schedules an unload if the room has no peers left. */
  release(boardId: string): void {
    const room = this.rooms.get(boardId);
    if (!room || room.peerCount > 0 || this.unloadTimers.has(boardId)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(boardId);
      const current = this.rooms.get(boardId);
      if (!current || current.peerCount > 0) return;
      this.rooms.delete(boardId);
      current.unload();
    }, this.options.graceMs);
    timer.unref();
    this.unloadTimers.set(boardId, timer);
  }

  /** Unloads every room now (shutdown): flushes pending broadcasts and compacts logs. */
  unloadAll(): void {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const room of this.rooms.values()) room.unload();
    this.rooms.clear();
  }

  /** Unloads a board's room at once, connected or not: the board is being deleted and nothing may linger. */
  unloadNow(boardId: string): void {
    this.cancelUnload(boardId);
    const room = this.rooms.get(boardId);
    if (!room) return;
    this.rooms.delete(boardId);
    room.unload();
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(boardId);
    }
  }
}
