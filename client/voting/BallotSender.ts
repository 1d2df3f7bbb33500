import { ApiFailure, castBallot, fetchOwnBallot } from '../api/serverApi';

export type Allocations = Record<string, number>;

export type BallotStatus =
  | { kind: 'loading' }
  | { kind: 'empty' }
  | { kind: 'sending' }
  | { kind: 'stored'; at: number }
  /** Not stored yet: the server could not be reached; the ballot waits in localStorage. */
  | { kind: 'waiting' }
  | { kind: 'refused'; failure: ApiFailure };

export interface BallotSnapshot {
  allocations: Allocations;
  status: BallotStatus;
}

export interface BallotAddress {
  boardId: string;
  token: string;
  roundId: string;
  participantId: string;
}

/** Waits between sends, so tapping three dots in a row costs one request, not three. */
const DEBOUNCE_MS = 300;
const FIRST_RETRY_MS = 3_000;
const MAX_RETRY_MS = 30_000;

/**
 * Keeps one voter's ballot for one round and gets it to the server. Each change replaces the whole ballot
 * (the server's PUT is idempotent), so after a lost answer the same ballot is simply sent again. Until the
 * server has answered, the ballot waits in localStorage: a phone that loses Wi-Fi, or is reloaded, sends it
 * when it is back.
 */
export class BallotSender {
  private snapshot: BallotSnapshot = { allocations: {}, status: { kind: 'loading' } };
  private readonly listeners = new Set<() => void>();
  /** A change the server has not stored yet. */
  private unsent = false;
  private inFlight = false;
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay = FIRST_RETRY_MS;
  private destroyed = false;

  constructor(private readonly address: BallotAddress) {
    window.addEventListener('online', this.retryNow);
    const pending = this.readPending();
    if (pending) {
      this.unsent = true;
      this.set({ allocations: pending, status: { kind: 'waiting' } });
      this.send();
    } else {
      void this.loadStored();
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): BallotSnapshot => this.snapshot;

  change(allocations: Allocations): void {
    this.unsent = true;
    this.writePending(allocations);
    this.set({ allocations, status: this.snapshot.status.kind === 'waiting' ? this.snapshot.status : { kind: 'sending' } });
    clearTimeout(this.sendTimer);
    this.sendTimer = setTimeout(this.send, DEBOUNCE_MS);
  }

  /** Sends a waiting ballot at once: the browser is back online or the board reconnected. */
  retryNow = (): void => {
    if (this.snapshot.status.kind === 'loading') void this.loadStored();
    else if (this.unsent) this.send();
  };

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.sendTimer);
    clearTimeout(this.retryTimer);
    window.removeEventListener('online', this.retryNow);
    this.listeners.clear();
  }

  private async loadStored(): Promise<void> {
    const { boardId, token, roundId } = this.address;
    try {
      const stored = await fetchOwnBallot(boardId, token, roundId);
      if (this.unsent) return;
      if (stored.updatedAt === null) this.set({ allocations: {}, status: { kind: 'empty' } });
      else this.set({ allocations: stored.allocations, status: { kind: 'stored', at: stored.updatedAt } });
    } catch (error) {
      if (this.unsent) return;
      // Refused (the round or the person is gone): nothing to restore. Unreachable: try again.
      const refused = error instanceof ApiFailure && error.status >= 400 && error.status < 500;
      if (refused) this.set({ allocations: {}, status: { kind: 'empty' } });
      else this.scheduleRetry();
    }
  }

  private send = async (): Promise<void> => {
    clearTimeout(this.sendTimer);
    clearTimeout(this.retryTimer);
    if (this.inFlight || !this.unsent || this.destroyed) return;
    const { boardId, token, roundId } = this.address;
    const sent = this.snapshot.allocations;
    this.inFlight = true;
    this.unsent = false;
    if (this.snapshot.status.kind !== 'waiting') this.set({ ...this.snapshot, status: { kind: 'sending' } });
    try {
      const stored = await castBallot(boardId, token, roundId, sent);
      this.retryDelay = FIRST_RETRY_MS;
      if (!this.unsent) {
        this.clearPending();
        this.set({ ...this.snapshot, status: { kind: 'stored', at: stored.updatedAt } });
      }
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      if (failure.status === 0 || failure.status >= 500) {
        this.unsent = true;
        this.set({ ...this.snapshot, status: { kind: 'waiting' } });
        this.scheduleRetry();
      } else if (!this.unsent) {
        // Sending it again would be refused again: the round closed, or the ballot breaks a rule.
        this.clearPending();
        this.set({ ...this.snapshot, status: { kind: 'refused', failure } });
      }
    } finally {
      this.inFlight = false;
    }
    if (this.unsent && this.snapshot.status.kind !== 'waiting') this.send();
  };

  private scheduleRetry(): void {
    if (this.destroyed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(this.retryNow, this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS);
  }

  private set(next: BallotSnapshot): void {
    if (this.destroyed) return;
    this.snapshot = next;
    this.listeners.forEach((listener) => listener());
  }

  private get storageKey(): string {
    const { boardId, roundId, participantId } = this.address;
    return `forumboard:ballot:${boardId}:${roundId}:${participantId}`;
  }

  private readPending(): Allocations | null {
    try {
      const raw = localStorage.getItem(this.storageKey);
      return raw ? (JSON.parse(raw) as Allocations) : null;
    } catch {
      return null;
    }
  }

  private writePending(allocations: Allocations): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(allocations));
    } catch {
      // Storage refused (private mode): the ballot then waits in memory only, until this page closes.
    }
  }

  private clearPending(): void {
    try {
      localStorage.removeItem(this.storageKey);
    } catch {
      // Nothing was stored.
    }
  }
}
