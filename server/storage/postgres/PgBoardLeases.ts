import { leasesLost, type BoardLeases, type Lease, type LeaseHolder } from '../BoardLeases.js';
import type { PgDatabase } from './PgDatabase.js';

const TTL = `now() + $3 * interval '1 millisecond'`;

/**
 * Board leases in PostgreSQL, expiring by the database's clock. A claim is one statement: the row's lock makes
 * instances claiming a board at once take turns, and the one that finds it taken reads who has it in the same
 * statement (the CTE's snapshot predates the upsert, so the old row is read only when the upsert changed nothing).
 */
export class PgBoardLeases implements BoardLeases {
  constructor(private readonly db: PgDatabase) {}

  async claim(boardId: string, holder: LeaseHolder, ttlMs: number, replacing?: string): Promise<Lease> {
    // A first claim that lost to another's insert committed during it finds no row in its snapshot: asked again, it does.
    for (;;) {
      const lease = await this.tryClaim(boardId, holder, ttlMs, replacing ?? null);
      if (lease) return lease;
    }
  }

  private async tryClaim(boardId: string, holder: LeaseHolder, ttlMs: number, replacing: string | null): Promise<Lease | null> {
    const { rows } = await this.db.query<{ holder: string; address: string; epoch: number }>(
      `WITH taken AS (
         INSERT INTO board_leases (board_id, holder, address, epoch, expires_at) VALUES ($1, $2, $4, 1, ${TTL})
         ON CONFLICT (board_id) DO UPDATE SET holder = excluded.holder, address = excluded.address, expires_at = excluded.expires_at,
           epoch = board_leases.epoch + CASE WHEN board_leases.holder = excluded.holder THEN 0 ELSE 1 END
         WHERE board_leases.holder = excluded.holder OR board_leases.expires_at <= now() OR board_leases.holder = $5
         RETURNING holder, address, epoch
       )
       SELECT holder, address, epoch FROM taken
       UNION ALL SELECT holder, address, epoch FROM board_leases WHERE board_id = $1 AND NOT EXISTS (SELECT 1 FROM taken)`,
      [boardId, holder.id, ttlMs, holder.address, replacing],
    );
    const row = rows[0];
    if (!row) return null;
    return { holder: { id: row.holder, address: row.address }, epoch: row.epoch };
  }

  async renew(boardIds: string[], holderId: string, ttlMs: number): Promise<string[]> {
    const { rows } = await this.db.query<{ board_id: string }>(
      `UPDATE board_leases SET expires_at = ${TTL} WHERE board_id = ANY($1) AND holder = $2 RETURNING board_id`,
      [boardIds, holderId, ttlMs],
    );
    return leasesLost(boardIds, rows.map((row) => row.board_id));
  }

  async release(boardIds: string[], holderId: string): Promise<void> {
    await this.db.query(`UPDATE board_leases SET expires_at = '-infinity' WHERE board_id = ANY($1) AND holder = $2`, [boardIds, holderId]);
  }
}
