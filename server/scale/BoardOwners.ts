import type { Logger } from '../log.js';
import type { BoardLeases, Lease, LeaseHolder } from '../storage/BoardLeases.js';

/**
 * A lease lives this long past its last renewal, renewed every LEASE_RENEW_MS: two renewals may fail (a slow
 * database) before it lapses, and a killed owner's boards are taken over this long after it died at most.
 */
export const LEASE_TTL_MS = 6_000;
export const LEASE_RENEW_MS = 2_000;

/**
 * Which boards this instance owns: it holds a board's lease while it serves clients of it, so that one instance
 * applies the board's updates and the others relay their clients to it (sync/ownerRelay.ts). The lease is
 * taken when a client comes and nobody live owns the board, renewed while clients stay, let go when the last
 * leaves or the instance shuts down. An owner that lost a lease (paused past its expiry, say) sends its clients
 * to the new owner through `moveOn`; until they are gone the log and the fan-out keep both in step.
 */
export class BoardOwners {
  /** Per board served here, how to send each of its clients away. */
  private readonly serving = new Map<string, Set<() => void>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly leases: BoardLeases,
    private readonly self: LeaseHolder,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.renew(), LEASE_RENEW_MS);
    this.timer.unref();
  }

  /** Boards whose clients this instance serves. */
  get owned(): number {
    return this.serving.size;
  }

  /** The live instance owning the board, or null when it is this one (having taken the free lease). */
  async ownerOf(boardId: string): Promise<LeaseHolder | null> {
    return this.othersOrNull(await this.leases.claim(boardId, this.self, LEASE_TTL_MS));
  }

  /**
   * Takes the board over from an owner found gone (nothing listens at its address: killed, or restarted under a
   * new id) without waiting for its lease to lapse; resolves as `ownerOf` does.
   */
  async takeOver(boardId: string, gone: LeaseHolder): Promise<LeaseHolder | null> {
    return this.othersOrNull(await this.leases.claim(boardId, this.self, LEASE_TTL_MS, gone.id));
  }

  private othersOrNull(lease: Lease): LeaseHolder | null {
    return lease.holder.id === this.self.id ? null : lease.holder;
  }

  /** Counts a client served here until the returned function is called; `moveOn` closes it if the lease is lost. */
  serve(boardId: string, moveOn: () => void): () => void {
    const clients = this.serving.get(boardId) ?? new Set();
    clients.add(moveOn);
    this.serving.set(boardId, clients);
    return () => {
      if (!clients.delete(moveOn) || clients.size > 0 || this.serving.get(boardId) !== clients) return;
      this.serving.delete(boardId);
      this.leases.release([boardId], this.self.id).catch((err: unknown) => this.log.warn('a board lease could not be let go', { board: boardId, error: String(err) }));
    };
  }

  /** Shutdown: lets every lease go at once, so the next instance asked owns the boards without waiting for expiry. */
  async releaseAll(): Promise<void> {
    clearInterval(this.timer);
    const boards = [...this.serving.keys()];
    if (boards.length > 0) await this.leases.release(boards, this.self.id);
  }

  private async renew(): Promise<void> {
    const boards = [...this.serving.keys()];
    if (boards.length === 0) return;
    try {
      for (const boardId of await this.leases.renew(boards, this.self.id, LEASE_TTL_MS)) {
        const clients = this.serving.get(boardId);
        if (!clients) continue;
        this.log.warn('another instance took a board over; its clients here are sent to it', { board: boardId });
        for (const moveOn of [...clients]) moveOn();
      }
    } catch (err) {
      this.log.warn('board leases could not be renewed', { boards: boards.length, error: String(err) });
    }
  }
}
