/** An instance as a lease names it: its id for this run and the internal address other instances relay to. */
export interface LeaseHolder {
  id: string;
  address: string;
}

/** Who owns a board now; the epoch grows by one each time the lease passes to another instance. */
export interface Lease {
  holder: LeaseHolder;
  epoch: number;
}

/**
 * Which instance owns each board: the one that applies its updates and serves its clients, the others relaying
 * their clients to it. Expiry is measured by the database's own clock, so instances' clocks need not agree.
 * Nothing stored depends on a lease: two instances briefly serving one board still meet in the document log.
 */
export interface BoardLeases {
  /**
   * Takes the board's lease for `holder` when it is free, expired or already its own (then renewed), or held by
   * `replacing` (an instance found gone); resolves to the lease as it is after.
   */
  claim(boardId: string, holder: LeaseHolder, ttlMs: number, replacing?: string): Promise<Lease>;
  /** Extends the leases `holderId` still holds among `boardIds`; resolves to the boards it no longer holds. */
  renew(boardIds: string[], holderId: string, ttlMs: number): Promise<string[]>;
  /** Lets the leases go at once, so the next instance asked takes them without waiting for them to expire. */
  release(boardIds: string[], holderId: string): Promise<void>;
}

/** Boards of `asked` missing from `held`: the leases renewal found gone. */
export function leasesLost(asked: string[], held: Iterable<string>): string[] {
  const kept = new Set(held);
  return asked.filter((boardId) => !kept.has(boardId));
}
