import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type SqliteSynchronous = 'NORMAL' | 'FULL';

/**
 * The tables as the first released versions created them. Kept verbatim so that a database of any age is first
 * brought to this shape, then carried forward by MIGRATIONS one step at a time.
 */
const BASE_SCHEMA = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  join_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  hash TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')),
  participant_id TEXT
);
CREATE TABLE IF NOT EXISTS participants (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  group_id TEXT NOT NULL,
  joined_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS participants_board ON participants(board_id);
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates(board_id, doc, seq);
CREATE TABLE IF NOT EXISTS doc_snapshots (
  board_id TEXT NOT NULL,
  doc TEXT NOT NULL,
  data BLOB NOT NULL,
  upto_seq INTEGER NOT NULL,
  PRIMARY KEY (board_id, doc)
);
CREATE TABLE IF NOT EXISTS rounds (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  number INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'revealed')),
  settings TEXT NOT NULL,
  items TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  closed_at INTEGER,
  revealed_at INTEGER
);
CREATE INDEX IF NOT EXISTS rounds_board ON rounds(board_id, number);
CREATE TABLE IF NOT EXISTS ballots (
  round_id TEXT NOT NULL REFERENCES rounds(id),
  participant_id TEXT NOT NULL REFERENCES participants(id),
  group_id TEXT NOT NULL,
  allocations TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (round_id, participant_id)
);
CREATE TABLE IF NOT EXISTS agreements (
  board_id TEXT NOT NULL REFERENCES boards(id),
  version INTEGER NOT NULL,
  frozen_at INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (board_id, version)
);
CREATE TABLE IF NOT EXISTS link_names (
  hash TEXT PRIMARY KEY REFERENCES tokens(hash) ON DELETE CASCADE,
  board_id TEXT NOT NULL REFERENCES boards(id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS board_activity (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  last_active_at INTEGER NOT NULL
);
`;

/**
 * Steps from one schema version to the next (PRAGMA user_version counts the steps taken). Each runs once, in
 * a transaction with the version bump, so a database is never left between two versions.
 */
export const MIGRATIONS: string[] = [
  // 1: each document's log numbered on its own, 1, 2, 3 … with its head in doc_heads, so sequence numbers are
  // contiguous per document (an instance that sees n + 2 after n knows it missed one). Older databases
  // numbered all documents together: their remaining updates are renumbered after their snapshot's number.
  `
  CREATE TABLE doc_log (
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    seq INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (board_id, doc, seq)
  ) WITHOUT ROWID;
  CREATE TABLE doc_heads (
    board_id TEXT NOT NULL,
    doc TEXT NOT NULL,
    last_seq INTEGER NOT NULL,
    PRIMARY KEY (board_id, doc)
  ) WITHOUT ROWID;
  INSERT INTO doc_log (board_id, doc, seq, data)
    SELECT u.board_id, u.doc,
           COALESCE(s.upto_seq, 0) + ROW_NUMBER() OVER (PARTITION BY u.board_id, u.doc ORDER BY u.seq), u.data
    FROM doc_updates u LEFT JOIN doc_snapshots s ON s.board_id = u.board_id AND s.doc = u.doc
    WHERE u.seq > COALESCE(s.upto_seq, 0);
  INSERT INTO doc_heads (board_id, doc, last_seq)
    SELECT board_id, doc, MAX(seq) FROM doc_log GROUP BY board_id, doc;
  INSERT INTO doc_heads (board_id, doc, last_seq)
    SELECT board_id, doc, upto_seq FROM doc_snapshots WHERE true
    ON CONFLICT (board_id, doc) DO NOTHING;
  DROP TABLE doc_updates;
  CREATE UNIQUE INDEX rounds_one_open ON rounds(board_id) WHERE state = 'open';
  CREATE UNIQUE INDEX rounds_number ON rounds(board_id, number);
  `,
  // 2: the facts the control document used to be the only home of. The board's state is one versioned record;
  // a revealed round keeps its tally; a participant their language; the board a revision bumped with every
  // fact written. A board kept before this step is taken over from its control document when it next loads.
  `
  ALTER TABLE boards ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE boards ADD COLUMN people_revision INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE rounds ADD COLUMN tally TEXT;
  ALTER TABLE participants ADD COLUMN language TEXT;
  CREATE TABLE board_state (
    board_id TEXT PRIMARY KEY REFERENCES boards(id),
    version INTEGER NOT NULL,
    state TEXT NOT NULL
  );
  `,
  // 3: projector links (their own role, so the tokens table is rebuilt: SQLite cannot change a CHECK), and who
  // minted each link, so revoking a link ends every link minted through it. Row ids are kept: lists order by them.
  `
  CREATE TABLE tokens_next (
    hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id),
    role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer', 'projector')),
    participant_id TEXT
  );
  INSERT INTO tokens_next (rowid, hash, board_id, role, participant_id) SELECT rowid, hash, board_id, role, participant_id FROM tokens;
  CREATE TABLE link_names_next (
    hash TEXT PRIMARY KEY REFERENCES tokens_next(hash) ON DELETE CASCADE,
    board_id TEXT NOT NULL REFERENCES boards(id),
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    minted_by TEXT
  );
  INSERT INTO link_names_next (rowid, hash, board_id, name, created_at) SELECT rowid, hash, board_id, name, created_at FROM link_names;
  DROP TABLE link_names;
  DROP TABLE tokens;
  ALTER TABLE tokens_next RENAME TO tokens;
  ALTER TABLE link_names_next RENAME TO link_names;
  CREATE INDEX tokens_board ON tokens(board_id);
  CREATE INDEX link_names_minted_by ON link_names(minted_by);
  `,
  // The follow-through register: started once per board from a frozen version, its items, their dated log,
  // and the owners' and steering group's links into it (hashed, as every token is).
  `
  CREATE TABLE IF NOT EXISTS registers (
    board_id TEXT PRIMARY KEY REFERENCES boards(id),
    from_version INTEGER NOT NULL,
    frozen_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS register_items (
    board_id TEXT NOT NULL REFERENCES boards(id),
    item_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    state TEXT NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (board_id, item_id)
  );
  CREATE TABLE IF NOT EXISTS register_log (
    board_id TEXT NOT NULL REFERENCES boards(id),
    seq INTEGER NOT NULL,
    item_id TEXT NOT NULL,
    entry TEXT NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  CREATE TABLE IF NOT EXISTS register_links (
    hash TEXT PRIMARY KEY,
    board_id TEXT NOT NULL REFERENCES boards(id),
    kind TEXT NOT NULL CHECK (kind IN ('owner', 'progress')),
    owner TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS register_links_board ON register_links(board_id);
  `,
  // Each round's roll: who could vote when it opened, in the group they had then, so regrouping during a round changes
  // neither its figures nor its turnout. Rounds not yet revealed take the voters who had joined when they opened.
  // A participant who joins a strictly anonymous workshop after its first round waits (waiting_since) until let in.
  `
  CREATE TABLE IF NOT EXISTS round_voters (
    board_id TEXT NOT NULL REFERENCES boards(id),
    round_id TEXT NOT NULL REFERENCES rounds(id),
    participant_id TEXT NOT NULL,
    group_id TEXT NOT NULL,
    PRIMARY KEY (round_id, participant_id)
  ) WITHOUT ROWID;
  INSERT INTO round_voters (board_id, round_id, participant_id, group_id)
    SELECT r.board_id, r.id, p.id, p.group_id FROM rounds r JOIN participants p ON p.board_id = r.board_id
    WHERE r.state <> 'revealed' AND p.joined_at <= r.opened_at;
  ALTER TABLE participants ADD COLUMN waiting_since INTEGER;
  `,
  // Sign-offs: delegates' decisions, and the board's record: versions and sign-offs numbered together per board, each sealed by
  // hash (storage/recordChain.ts). Versions frozen before keep their order and stay unsealed.
  `
  ALTER TABLE agreements ADD COLUMN record_seq INTEGER;
  ALTER TABLE agreements ADD COLUMN prev_hash TEXT;
  ALTER TABLE agreements ADD COLUMN hash TEXT;
  UPDATE agreements SET record_seq = version;
  CREATE TABLE IF NOT EXISTS signoffs (
    board_id TEXT NOT NULL REFERENCES boards(id),
    seq INTEGER NOT NULL,
    version INTEGER NOT NULL,
    participant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    group_id TEXT NOT NULL,
    decision TEXT NOT NULL,
    reason TEXT NOT NULL,
    signed_at INTEGER NOT NULL,
    prev_hash TEXT,
    hash TEXT NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
  `,
  // Breakout tables (shared/tables/): a board's tables and who sits at which; a seat goes with its participant.
  `
  CREATE TABLE IF NOT EXISTS breakout_tables (
    board_id TEXT NOT NULL REFERENCES boards(id),
    id TEXT NOT NULL,
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    host_id TEXT,
    PRIMARY KEY (board_id, id)
  );
  CREATE TABLE IF NOT EXISTS breakout_seats (
    board_id TEXT NOT NULL REFERENCES boards(id),
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    table_id TEXT NOT NULL,
    PRIMARY KEY (board_id, participant_id)
  );
  `,
  // The breakout table the projector shows large instead of the mosaic; a new seating starts with none.
  'ALTER TABLE breakout_tables ADD COLUMN on_wall INTEGER NOT NULL DEFAULT 0',
  // Forums of workshops: a workshop's row is keyed by its board, so it is in one forum at most and leaves it
  // with the board's other rows; the forum's links (its facilitator's and the steering group's) are hashed.
  `
  CREATE TABLE IF NOT EXISTS forums (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS forum_workshops (
    board_id TEXT PRIMARY KEY REFERENCES boards(id),
    forum_id TEXT NOT NULL REFERENCES forums(id)
  );
  CREATE INDEX IF NOT EXISTS forum_workshops_forum ON forum_workshops(forum_id);
  CREATE TABLE IF NOT EXISTS forum_links (
    hash TEXT PRIMARY KEY,
    forum_id TEXT NOT NULL REFERENCES forums(id),
    kind TEXT NOT NULL CHECK (kind IN ('facilitator', 'read')),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS forum_links_forum ON forum_links(forum_id);
  `,
  // A breakout table's own timer (JSON of shared/controlDoc.ts TimerState), run by its host; none is idle.
  'ALTER TABLE breakout_tables ADD COLUMN timer TEXT',
  // Which instance owns a board (BoardLeases): a single instance on SQLite takes each lease it asks for.
  `
  CREATE TABLE IF NOT EXISTS board_leases (
    board_id TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    address TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  `,
  // A follow-up workshop and the register it follows up, found from either side, with the hash of the source's
  // facilitator token that created it: each report checks that token still opens the source.
  `
  CREATE TABLE IF NOT EXISTS follow_ups (
    board_id TEXT PRIMARY KEY REFERENCES boards(id),
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
    seq INTEGER NOT NULL,
    cards INTEGER NOT NULL,
    merged INTEGER NOT NULL,
    themed INTEGER NOT NULL,
    themes INTEGER NOT NULL,
    state BLOB NOT NULL,
    PRIMARY KEY (board_id, doc, seq)
  );
  `,
];

/** Opens (creating when missing) the SQLite file in WAL mode and brings its schema up to date. */
export function openSqliteDatabase(file: string, synchronous: SqliteSynchronous): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit is in the WAL before it returns, so a killed process loses nothing;
  // only a power cut can lose the last commits, which FULL would protect at twice the fsyncs.
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version === 0) db.exec(BASE_SCHEMA);
  for (let step = version; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
}

/** Tables holding a board's rows (every table with a board_id column), read from the schema itself. */
export function boardTables(db: Database.Database): string[] {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  return tables
    .map((t) => t.name)
    .filter((name) => (db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as Array<{ name: string }>).some((c) => c.name === 'board_id'));
}
