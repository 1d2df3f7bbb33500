import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  AgreementRecord,
  BallotRecord,
  BoardRecord,
  BoardStore,
  ParticipantRecord,
  RoundRecord,
  LinkRecord,
  StoredDoc,
  TokenRecord,
} from './BoardStore.js';

const SCHEMA = `
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
`;

/** Names of shared links and each board's latest activity (people, access and retention). */
const ACCESS_SCHEMA = `
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

/** The default store: one SQLite file in WAL mode. */
export class SqliteBoardStore implements BoardStore {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit is in the WAL before it returns, so a killed process loses nothing;
    // only a power cut can lose the last commits, which FULL would protect at twice the fsyncs.
    this.db.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
    this.db.exec(ACCESS_SCHEMA);
    const db = this.db;
    this.stmt = {
      insertBoard: db.prepare('INSERT INTO boards (id, title, join_code, created_at) VALUES (?, ?, ?, ?)'),
      insertToken: db.prepare('INSERT INTO tokens (hash, board_id, role, participant_id) VALUES (?, ?, ?, ?)'),
      getBoard: db.prepare('SELECT id, title, join_code AS joinCode, created_at AS createdAt FROM boards WHERE id = ?'),
      boardByCode: db.prepare('SELECT id, title, join_code AS joinCode, created_at AS createdAt FROM boards WHERE join_code = ?'),
      findToken: db.prepare('SELECT board_id AS boardId, role, participant_id AS participantId FROM tokens WHERE hash = ?'),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, board_id, name, organisation, group_id, joined_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      getParticipant: db.prepare(
        'SELECT id, board_id AS boardId, name, organisation, group_id AS "group", joined_at AS joinedAt FROM participants WHERE id = ?',
      ),
      listParticipants: db.prepare(
        'SELECT id, board_id AS boardId, name, organisation, group_id AS "group", joined_at AS joinedAt FROM participants WHERE board_id = ? ORDER BY joined_at',
      ),
      countParticipants: db.prepare('SELECT count(*) AS n FROM participants WHERE board_id = ?'),
      snapshot: db.prepare('SELECT data, upto_seq AS uptoSeq FROM doc_snapshots WHERE board_id = ? AND doc = ?'),
      updatesAfter: db.prepare('SELECT seq, data FROM doc_updates WHERE board_id = ? AND doc = ? AND seq > ? ORDER BY seq'),
      append: db.prepare('INSERT INTO doc_updates (board_id, doc, data) VALUES (?, ?, ?)'),
      upsertSnapshot: db.prepare(
        `INSERT INTO doc_snapshots (board_id, doc, data, upto_seq) VALUES (?, ?, ?, ?)
         ON CONFLICT (board_id, doc) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq`,
      ),
      dropUpdates: db.prepare('DELETE FROM doc_updates WHERE board_id = ? AND doc = ? AND seq <= ?'),
      insertRound: db.prepare(
        `INSERT INTO rounds (id, board_id, number, state, settings, items, opened_at, closed_at, revealed_at)
         VALUES (@id, @boardId, @number, @state, @settingsJson, @itemsJson, @openedAt, @closedAt, @revealedAt)`,
      ),
      updateRound: db.prepare(
        'UPDATE rounds SET state = @state, closed_at = @closedAt, revealed_at = @revealedAt WHERE id = @id AND board_id = @boardId',
      ),
      getRound: db.prepare(
        `SELECT id, board_id AS boardId, number, state, settings AS settingsJson, items AS itemsJson, opened_at AS openedAt,
         closed_at AS closedAt, revealed_at AS revealedAt FROM rounds WHERE board_id = ? AND id = ?`,
      ),
      listRounds: db.prepare(
        `SELECT id, board_id AS boardId, number, state, settings AS settingsJson, items AS itemsJson, opened_at AS openedAt,
         closed_at AS closedAt, revealed_at AS revealedAt FROM rounds WHERE board_id = ? ORDER BY number`,
      ),
      putBallot: db.prepare(
        `INSERT INTO ballots (round_id, participant_id, group_id, allocations, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (round_id, participant_id) DO UPDATE SET allocations = excluded.allocations, updated_at = excluded.updated_at`,
      ),
      getBallot: db.prepare(
        'SELECT group_id AS "group", allocations, updated_at AS updatedAt FROM ballots WHERE round_id = ? AND participant_id = ?',
      ),
      listBallots: db.prepare(
        'SELECT participant_id AS participantId, group_id AS "group", allocations, updated_at AS updatedAt FROM ballots WHERE round_id = ?',
      ),
      countVoters: db.prepare('SELECT group_id AS "group", COUNT(*) AS voters FROM ballots WHERE round_id = ? GROUP BY group_id'),
      insertAgreement: db.prepare('INSERT INTO agreements (board_id, version, frozen_at, data) VALUES (?, ?, ?, ?)'),
      listAgreements: db.prepare(
        'SELECT board_id AS boardId, version, frozen_at AS frozenAt, data AS json FROM agreements WHERE board_id = ? ORDER BY version',
      ),
    };
  }

  createBoard(board: BoardRecord, tokens: Array<{ hash: string } & TokenRecord>): void {
    this.db.transaction(() => {
      this.stmt.insertBoard.run(board.id, board.title, board.joinCode, board.createdAt);
      for (const t of tokens) this.stmt.insertToken.run(t.hash, t.boardId, t.role, t.participantId);
    })();
  }

  getBoard(id: string): BoardRecord | undefined {
    return this.stmt.getBoard.get(id) as BoardRecord | undefined;
  }

  findBoardByJoinCode(code: string): BoardRecord | undefined {
    return this.stmt.boardByCode.get(code) as BoardRecord | undefined;
  }

  findToken(hash: string): TokenRecord | undefined {
    return this.stmt.findToken.get(hash) as TokenRecord | undefined;
  }

  addToken(t: { hash: string } & TokenRecord): void {
    this.stmt.insertToken.run(t.hash, t.boardId, t.role, t.participantId);
  }

  addParticipant(p: ParticipantRecord, tokenHash: string): void {
    this.db.transaction(() => {
      this.stmt.insertParticipant.run(p.id, p.boardId, p.name, p.organisation, p.group, p.joinedAt);
      this.stmt.insertToken.run(tokenHash, p.boardId, 'participant', p.id);
    })();
  }

  getParticipant(id: string): ParticipantRecord | undefined {
    return this.stmt.getParticipant.get(id) as ParticipantRecord | undefined;
  }

  listParticipants(boardId: string): ParticipantRecord[] {
    return this.stmt.listParticipants.all(boardId) as ParticipantRecord[];
  }

  countParticipants(boardId: string): number {
    return (this.stmt.countParticipants.get(boardId) as { n: number }).n;
  }

  loadDoc(boardId: string, doc: string): StoredDoc {
    return this.db.transaction(() => {
      const snap = this.stmt.snapshot.get(boardId, doc) as { data: Buffer; uptoSeq: number } | undefined;
      const rows = this.stmt.updatesAfter.all(boardId, doc, snap?.uptoSeq ?? 0) as Array<{ seq: number; data: Buffer }>;
      return {
        snapshot: snap ? new Uint8Array(snap.data) : null,
        updates: rows.map((r) => new Uint8Array(r.data)),
        lastSeq: rows.length > 0 ? rows[rows.length - 1].seq : (snap?.uptoSeq ?? 0),
      };
    })();
  }

  appendUpdate(boardId: string, doc: string, update: Uint8Array): number {
    return Number(this.stmt.append.run(boardId, doc, update).lastInsertRowid);
  }

  compact(boardId: string, doc: string, snapshot: Uint8Array, uptoSeq: number): void {
    this.db.transaction(() => {
      this.stmt.upsertSnapshot.run(boardId, doc, snapshot, uptoSeq);
      this.stmt.dropUpdates.run(boardId, doc, uptoSeq);
    })();
  }

  insertRound(round: RoundRecord): void {
    this.stmt.insertRound.run(round);
  }

  updateRound(round: RoundRecord): void {
    this.stmt.updateRound.run(round);
  }

  getRound(boardId: string, roundId: string): RoundRecord | undefined {
    return this.stmt.getRound.get(boardId, roundId) as RoundRecord | undefined;
  }

  listRounds(boardId: string): RoundRecord[] {
    return this.stmt.listRounds.all(boardId) as RoundRecord[];
  }

  putBallot(b: BallotRecord): void {
    this.stmt.putBallot.run(b.roundId, b.participantId, b.group, JSON.stringify(b.allocations), b.updatedAt);
  }

  getBallot(roundId: string, participantId: string): BallotRecord | undefined {
    const row = this.stmt.getBallot.get(roundId, participantId) as
      | { group: string; allocations: string; updatedAt: number }
      | undefined;
    return row && { roundId, participantId, group: row.group, allocations: JSON.parse(row.allocations), updatedAt: row.updatedAt };
  }

  listBallots(roundId: string): BallotRecord[] {
    const rows = this.stmt.listBallots.all(roundId) as Array<{
      participantId: string;
      group: string;
      allocations: string;
      updatedAt: number;
    }>;
    return rows.map((r) => ({ roundId, participantId: r.participantId, group: r.group, allocations: JSON.parse(r.allocations), updatedAt: r.updatedAt }));
  }

  countVoters(roundId: string): Record<string, number> {
    const rows = this.stmt.countVoters.all(roundId) as Array<{ group: string; voters: number }>;
    return Object.fromEntries(rows.map((row) => [row.group, row.voters]));
  }

  insertAgreement(a: AgreementRecord): void {
    this.stmt.insertAgreement.run(a.boardId, a.version, a.frozenAt, a.json);
  }

  listAgreements(boardId: string): AgreementRecord[] {
    return this.stmt.listAgreements.all(boardId) as AgreementRecord[];
  }

  updateParticipant(p: ParticipantRecord): void {
    this.db
      .prepare('UPDATE participants SET name = ?, organisation = ?, group_id = ? WHERE id = ? AND board_id = ?')
      .run(p.name, p.organisation, p.group, p.id, p.boardId);
  }

  removeParticipant(boardId: string, participantId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM ballots WHERE participant_id = ?').run(participantId);
      this.db.prepare('DELETE FROM tokens WHERE board_id = ? AND participant_id = ?').run(boardId, participantId);
      this.db.prepare('DELETE FROM participants WHERE board_id = ? AND id = ?').run(boardId, participantId);
    })();
  }

  deleteBallot(roundId: string, participantId: string): void {
    this.db.prepare('DELETE FROM ballots WHERE round_id = ? AND participant_id = ?').run(roundId, participantId);
  }

  setBallotGroup(roundId: string, participantId: string, group: string): void {
    this.db.prepare('UPDATE ballots SET group_id = ? WHERE round_id = ? AND participant_id = ?').run(group, roundId, participantId);
  }

  listBallotsOf(participantId: string): BallotRecord[] {
    const rows = this.db
      .prepare('SELECT round_id AS roundId, group_id AS "group", allocations, updated_at AS updatedAt FROM ballots WHERE participant_id = ?')
      .all(participantId) as Array<{ roundId: string; group: string; allocations: string; updatedAt: number }>;
    return rows.map((r) => ({ roundId: r.roundId, participantId, group: r.group, allocations: JSON.parse(r.allocations), updatedAt: r.updatedAt }));
  }

  setJoinCode(boardId: string, joinCode: string): void {
    this.db.prepare('UPDATE boards SET join_code = ? WHERE id = ?').run(joinCode, boardId);
  }

  addNamedLink(t: { hash: string } & TokenRecord, name: string, createdAt: number): void {
    this.db.transaction(() => {
      this.stmt.insertToken.run(t.hash, t.boardId, t.role, t.participantId);
      this.db.prepare('INSERT INTO link_names (hash, board_id, name, created_at) VALUES (?, ?, ?, ?)').run(t.hash, t.boardId, name, createdAt);
    })();
  }

  listLinks(boardId: string): LinkRecord[] {
    return this.db
      .prepare(
        `SELECT substr(t.hash, 1, 16) AS id, t.role, COALESCE(l.name, '') AS name, COALESCE(l.created_at, b.created_at) AS createdAt
         FROM tokens t JOIN boards b ON b.id = t.board_id LEFT JOIN link_names l ON l.hash = t.hash
         WHERE t.board_id = ? AND (t.role = 'observer' OR (t.role = 'facilitator' AND l.hash IS NOT NULL))
         ORDER BY createdAt, t.rowid`,
      )
      .all(boardId) as LinkRecord[];
  }

  linkName(hash: string): string | null {
    const row = this.db.prepare('SELECT name FROM link_names WHERE hash = ?').get(hash) as { name: string } | undefined;
    return row?.name ?? null;
  }

  revokeLink(boardId: string, linkId: string): string | null {
    const link = this.listLinks(boardId).find((l) => l.id === linkId);
    if (!link) return null;
    const { hash } = this.db
      .prepare('SELECT hash FROM tokens WHERE board_id = ? AND substr(hash, 1, 16) = ?')
      .get(boardId, linkId) as { hash: string };
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM link_names WHERE hash = ?').run(hash);
      this.db.prepare('DELETE FROM tokens WHERE hash = ?').run(hash);
    })();
    return hash;
  }

  touchBoard(boardId: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO board_activity (board_id, last_active_at) SELECT id, ? FROM boards WHERE id = ?
         ON CONFLICT (board_id) DO UPDATE SET last_active_at = max(last_active_at, excluded.last_active_at)`,
      )
      .run(at, boardId);
  }

  lastActivity(boardId: string): number | undefined {
    const row = this.db
      .prepare('SELECT COALESCE(a.last_active_at, b.created_at) AS at FROM boards b LEFT JOIN board_activity a ON a.board_id = b.id WHERE b.id = ?')
      .get(boardId) as { at: number } | undefined;
    return row?.at;
  }

  listIdleBoards(before: number): string[] {
    const rows = this.db
      .prepare(
        `SELECT b.id FROM boards b LEFT JOIN board_activity a ON a.board_id = b.id
         WHERE COALESCE(a.last_active_at, b.created_at) < ?`,
      )
      .all(before) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  deleteBoard(boardId: string): void {
    // Every table with a board_id column, read at the time of deletion, so a table added later is covered
    // without touching this method; ballots hang off rounds, and the boards row goes last.
    const tables = (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>)
      .map((t) => t.name)
      .filter((name) => (this.db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as Array<{ name: string }>).some((c) => c.name === 'board_id'));
    this.db.transaction(() => {
      // References between a board's own rows are checked at commit, when all of them are gone.
      this.db.pragma('defer_foreign_keys = ON');
      this.db.prepare('DELETE FROM ballots WHERE round_id IN (SELECT id FROM rounds WHERE board_id = ?)').run(boardId);
      for (const table of tables) this.db.prepare(`DELETE FROM "${table}" WHERE board_id = ?`).run(boardId);
      this.db.prepare('DELETE FROM boards WHERE id = ?').run(boardId);
    })();
  }

  close(): void {
    this.db.close();
  }
}
