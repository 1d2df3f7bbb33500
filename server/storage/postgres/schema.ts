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
