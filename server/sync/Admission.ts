import { TokenBuckets } from '../TokenBuckets.js';

export interface AdmissionSettings {
  /** WebSocket sessions the process holds at most. */
  maxConnections: number;
  /** Sessions one board holds at most. */
  maxConnectionsPerBoard: number;
  /** Sessions one client address holds at most, over all boards. */
  maxConnectionsPerAddress: number;
  /** New sessions per second for the whole process (a burst of as many); 0 admits all. */
  admitPerSecond: number;
}

/** Counts of held sessions by key; a key that holds none is forgotten. */
class Holdings {
  private readonly held = new Map<string, number>();

  count(key: string): number {
    return this.held.get(key) ?? 0;
  }

  add(key: string, delta: number): void {
    const next = this.count(key) + delta;
    if (next > 0) this.held.set(key, next);
    else this.held.delete(key);
  }
}

/**
 * Who may open a WebSocket session now. Fair shares beside the global cap and rate, so that one board or one
 * address cannot shut every other board out:
 *
 * - caps per board and per address (a venue's phones share one address, so its cap is venue-sized);
 * - the last tenth of the global cap is kept for boards and addresses that hold few sessions (fewer than a
 *   hundredth of the cap each), so a board or address holding many never takes the last slot from another;
 * - the admission rate (when a venue's Wi-Fi comes back, every phone reconnects in the same second and each
 *   costs a token lookup and a full sync) is shared out too: one board and one address may each use at most half
 *   of it, in bursts of a tenth, so someone opening and closing sessions as fast as they can leaves the other half
 *   to everyone else, and never makes the server take more than a tenth of a second's sessions at once.
 *
 * Past any of them a session is told 1013 "try again shortly" and its client backs off.
 */
export class Admission {
  private total = 0;
  private readonly boards = new Holdings();
  private readonly addresses = new Holdings();
  private readonly rate: TokenBuckets | null;
  private readonly shareRate: TokenBuckets | null;
  private readonly reserve: number;
  private readonly few: number;

  constructor(
    private readonly settings: AdmissionSettings,
    now?: () => number,
  ) {
    const perSecond = settings.admitPerSecond;
    this.rate = perSecond > 0 ? new TokenBuckets({ burst: perSecond, perSecond }, now) : null;
    this.shareRate = perSecond > 0 ? new TokenBuckets({ burst: Math.max(1, perSecond / 10), perSecond: perSecond / 2 }, now) : null;
    this.reserve = Math.floor(settings.maxConnections / 10);
    this.few = Math.max(1, Math.floor(settings.maxConnections / 100));
  }

  /** Sessions held now. */
  get held(): number {
    return this.total;
  }

  /** Admits a session of `boardId` from `address` and returns its release, or null when it must come back later. */
  admit(boardId: string, address: string): (() => void) | null {
    const board = `board:${boardId}`;
    const from = `address:${address}`;
    const onBoard = this.boards.count(boardId);
    const atAddress = this.addresses.count(address);
    if (this.total >= this.settings.maxConnections) return null;
    if (onBoard >= this.settings.maxConnectionsPerBoard || atAddress >= this.settings.maxConnectionsPerAddress) return null;
    const free = this.settings.maxConnections - this.total;
    if (free <= this.reserve && (onBoard >= this.few || atAddress >= this.few)) return null;
    if (!this.takeRate(board, from)) return null;
    this.hold(boardId, address, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.hold(boardId, address, -1);
    };
  }

  private takeRate(board: string, from: string): boolean {
    if (!this.rate || !this.shareRate) return true;
    if (this.shareRate.take(board) > 0) return false;
    if (this.shareRate.take(from) > 0) {
      this.shareRate.refund(board);
      return false;
    }
    if (this.rate.take('all') > 0) {
      this.shareRate.refund(board);
      this.shareRate.refund(from);
      return false;
    }
    return true;
  }

  private hold(boardId: string, address: string, delta: number): void {
    this.total += delta;
    this.boards.add(boardId, delta);
    this.addresses.add(address, delta);
  }
}
