import type { Queryable } from './PgDatabase.js';

/** pg_advisory_lock key held while the schema is migrated, so instances starting together take turns. */
const MIGRATION_LOCK = 7_281_913_001;

/**
 * Steps from one schema version to the next; schema_version records the steps taken. Foreign keys are
 * deferrable so that a board's rows can be deleted in any order within one transaction.
 */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE boards (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    join_code TEXT NOT NULL CONSTRAINT boards_join_code_key UNIQUE,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
    participant_id TEXT,
    added BIGSERIAL NOT NULL
  );
  CREATE INDEX tokens_board ON tokens(board_id);
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    group_id TEXT NOT NULL,
    joined_at BIGINT NOT NULL,
    added BIGSERIAL NOT NULL
  );
  CREATE INDEX participants_board ON participants(board_id);
  CREATE TABLE doc_heads (
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    last_seq BIGINT NOT NULL,
    PRIMARY KEY (board_id, doc)
  );
  CREATE TABLE doc_log (
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (board_id, doc, seq)
  );
  CREATE TABLE doc_snapshots (
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    data BYTEA NOT NULL,
    upto_seq BIGINT NOT NULL,
    PRIMARY KEY (board_id, doc)
  );
  CREATE TABLE rounds (
    id TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    number INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'revealed')),
    settings TEXT NOT NULL,
    items TEXT NOT NULL,
    opened_at BIGINT NOT NULL,
    closed_at BIGINT,
    revealed_at BIGINT,
    CONSTRAINT rounds_number UNIQUE (board_id, number)
  );
  CREATE UNIQUE INDEX rounds_one_open ON rounds(board_id) WHERE state = 'open';
  CREATE TABLE ballots (
    round_id TEXT NOT NULL REFERENCES rounds(id) DEFERRABLE INITIALLY DEFERRED,
    participant_id TEXT NOT NULL REFERENCES participants(id) DEFERRABLE INITIALLY DEFERRED,
    group_id TEXT NOT NULL,
    allocations TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (round_id, participant_id)
  );
  CREATE INDEX ballots_participant ON ballots(participant_id);
  CREATE TABLE agreements (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    version INTEGER NOT NULL,
    frozen_at BIGINT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (board_id, version)
  );
  CREATE TABLE link_names (
    hash TEXT PRIMARY KEY REFERENCES tokens(hash) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE board_activity (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    last_active_at BIGINT NOT NULL
  );
  `,
  // The facts the control document used to be the only home of (see the SQLite schema's step 2).
  `
  ALTER TABLE boards ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE boards ADD COLUMN people_revision BIGINT NOT NULL DEFAULT 0;
  ALTER TABLE rounds ADD COLUMN tally TEXT;
  ALTER TABLE participants ADD COLUMN language TEXT;
  CREATE TABLE board_state (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    version INTEGER NOT NULL,
    state TEXT NOT NULL
  );
  `,
  // Projector links, their own role; and who minted each link, so revoking a link ends every link minted through it.
  `
  ALTER TABLE tokens DROP CONSTRAINT tokens_role_check;
  ALTER TABLE tokens ADD CONSTRAINT tokens_role_check CHECK (role IN ('facilitator', 'participant', 'observer', 'projector'));
  ALTER TABLE link_names ADD COLUMN minted_by TEXT;
  CREATE INDEX link_names_minted_by ON link_names(minted_by);
  `,
  // The follow-through register (see the SQLite schema's step of the same name).
  `
  CREATE TABLE IF NOT EXISTS registers (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    from_version INTEGER NOT NULL,
    frozen_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS register_items (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    item_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (board_id, item_id)
  );
  CREATE TABLE IF NOT EXISTS register_log (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE TABLE IF NOT EXISTS register_links (
    hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('owner', 'progress')),
    owner TEXT,
    created_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS register_links_board ON register_links(board_id);
  `,
  // Each round's roll and the waiting list of strict anonymity (see the SQLite schema's step 4).
  `
  CREATE TABLE IF NOT EXISTS round_voters (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    round_id TEXT NOT NULL REFERENCES rounds(id) DEFERRABLE INITIALLY DEFERRED,
    participant_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    PRIMARY KEY (round_id, participant_id)
  );
  INSERT INTO round_voters (board_id, round_id, participant_id, group_id)
    SELECT r.board_id, r.id, p.id, p.group_id FROM rounds r JOIN participants p ON p.board_id = r.board_id
    WHERE r.state <> 'revealed' AND p.joined_at <= r.opened_at
    ON CONFLICT DO NOTHING;
  ALTER TABLE participants ADD COLUMN IF NOT EXISTS waiting_since BIGINT;
  `,
  // Delegates' sign-offs and the board's record (see the SQLite schema's step "Sign-offs").
  `
  ALTER TABLE agreements ADD COLUMN IF NOT EXISTS record_seq INTEGER;
  ALTER TABLE agreements ADD COLUMN IF NOT EXISTS prev_hash TEXT;
  ALTER TABLE agreements ADD COLUMN IF NOT EXISTS hash TEXT;
  UPDATE agreements SET record_seq = version WHERE record_seq IS NULL;
  CREATE TABLE IF NOT EXISTS signoffs (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    participant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    group_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NOT NULL,
    signed_at BIGINT NOT NULL,
    prev_hash TEXT,
    hash TEXT NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  `,
  // Breakout tables: a board's tables and who sits at which; a seat goes with its participant.
  `
  CREATE TABLE IF NOT EXISTS breakout_tables (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    id TEXT NOT NULL,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    host_id TEXT,
    PRIMARY KEY (board_id, id)
  );
  CREATE TABLE IF NOT EXISTS breakout_seats (
    board_id TEXT NOT NULL REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    table_id TEXT NOT NULL,
    PRIMARY KEY (board_id, participant_id)
  );
  `,
  // The breakout table the projector shows large instead of the mosaic; a new seating starts with none.
  'ALTER TABLE breakout_tables ADD COLUMN IF NOT EXISTS on_wall BOOLEAN NOT NULL DEFAULT false',
  // Forums of workshops (see the SQLite schema's step of the same name).
  `
  CREATE TABLE IF NOT EXISTS forums (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS forum_workshops (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    forum_id TEXT NOT NULL REFERENCES forums(id) DEFERRABLE INITIALLY DEFERRED
  );
  CREATE INDEX IF NOT EXISTS forum_workshops_forum ON forum_workshops(forum_id);
  CREATE TABLE IF NOT EXISTS forum_links (
    hash TEXT PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'read')),
    created_at BIGINT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS forum_links_forum ON forum_links(forum_id);
  `,
  // A breakout table's own timer (shared/controlDoc.ts TimerState), run by its host; none is idle.
  'ALTER TABLE breakout_tables ADD COLUMN IF NOT EXISTS timer JSONB',
  // Which instance owns a board (BoardLeases), expiring by the database's clock.
  `
  CREATE TABLE IF NOT EXISTS board_leases (
    board_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    address TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
  );
  `,
  // A follow-up workshop and the register it follows up (see the SQLite schema's step of the same name).
  `
  CREATE TABLE IF NOT EXISTS follow_ups (
    board_id TEXT PRIMARY KEY REFERENCES boards(id) DEFERRABLE INITIALLY DEFERRED,
    source_board_id TEXT NOT NULL,
    granted_by TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS follow_ups_source ON follow_ups(source_board_id);
  `,
  // Points of a document's history kept when its log is compacted, so the board can still be restored to them
  // (at most MAX_KEPT_POINTS per document, thinned in the compaction's transaction).
  `
  CREATE TABLE IF NOT EXISTS doc_kept_points (
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    seq BIGINT NOT NULL,
    cards INTEGER NOT NULL,
    merged INTEGER NOT NULL,
    themed INTEGER NOT NULL,
    themes INTEGER NOT NULL,
    state BYTEA NOT NULL,
    PRIMARY KEY (board_id, doc, seq)
  );
  `,
];

/**
 * Creates or migrates the schema. Safe when several instances start at once: an advisory lock
 * lets one migrate while the others wait, then find nothing left to do.
 */
export async function migrateSchema(db: { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> }): Promise<void> {
  await db.transaction(async (tx) => {
    // Transaction-level, so a crash mid-migration cannot leave the lock held.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_version');
    let version = rows[0]?.version ?? 0;
    if (rows.length === 0) await tx.query('INSERT INTO schema_version (version) VALUES (0)');
    for (; version < MIGRATIONS.length; version++) await tx.query(MIGRATIONS[version]);
    await tx.query('UPDATE schema_version SET version = $1', [version]);
  });
}
