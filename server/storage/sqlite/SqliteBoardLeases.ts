import type Database from 'better-sqlite3';
import { leasesLost, type BoardLeases, type Lease, type LeaseHolder } from '../BoardLeases.js';

interface LeaseRow {
  holder: string;
  address: string;
  epoch: number;
}

/** Board leases in SQLite, by this process's clock: one instance owns the file, so it is the only clock. */
export class SqliteBoardLeases implements BoardLeases {
  private readonly stmt;

  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.stmt = {
      claim: db.prepare(
        `INSERT INTO board_leases (board_id, holder, address, epoch, expires_at) VALUES (@board, @holder, @address, 1, @expires)
         ON CONFLICT (board_id) DO UPDATE SET holder = excluded.holder, address = excluded.address, expires_at = excluded.expires_at,
           epoch = epoch + (holder <> excluded.holder)
         WHERE holder = excluded.holder OR expires_at <= @now OR holder = @replacing`,
      ),
      read: db.prepare('SELECT holder, address, epoch FROM board_leases WHERE board_id = ?'),
      renew: db.prepare('UPDATE board_leases SET expires_at = ? WHERE board_id = ? AND holder = ?'),
      release: db.prepare('UPDATE board_leases SET expires_at = 0 WHERE board_id = ? AND holder = ?'),
    };
  }

  async claim(boardId: string, holder: LeaseHolder, ttlMs: number, replacing?: string): Promise<Lease> {
    const now = this.now();
    return this.db.transaction(() => {
      this.stmt.claim.run({ board: boardId, holder: holder.id, address: holder.address, expires: now + ttlMs, now, replacing: replacing ?? null });
      const row = this.stmt.read.get(boardId) as LeaseRow;
      return { holder: { id: row.holder, address: row.address }, epoch: row.epoch };
    })();
  }

  async renew(boardIds: string[], holderId: string, ttlMs: number): Promise<string[]> {
    const expires = this.now() + ttlMs;
    return this.db.transaction(() => leasesLost(boardIds, boardIds.filter((boardId) => this.stmt.renew.run(expires, boardId, holderId).changes > 0)))();
  }

  async release(boardIds: string[], holderId: string): Promise<void> {
    this.db.transaction(() => boardIds.forEach((boardId) => this.stmt.release.run(boardId, holderId)))();
  }
}
