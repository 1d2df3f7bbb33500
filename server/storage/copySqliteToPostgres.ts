import type Database from 'better-sqlite3';
import { PgDatabase, type Queryable } from './postgres/PgDatabase.js';
import { migrateSchema } from './postgres/schema.js';
import { openSqliteDatabase } from './sqlite/SqliteDatabase.js';

/**
 * Each table copied, in an order that satisfies the references, with the columns both schemas share. Rows are
 * read in the order they were written (rowid), so PostgreSQL's own insertion order keeps ties in lists as they were.
 */
const TABLES: Array<{ name: string; columns: string[]; order: string }> = [
  { name: 'boards', columns: ['id', 'title', 'join_code', 'created_at', 'revision', 'people_revision'], order: 'rowid' },
  { name: 'tokens', columns: ['hash', 'board_id', 'role', 'participant_id'], order: 'rowid' },
  { name: 'participants', columns: ['id', 'board_id', 'name', 'organisation', 'group_id', 'joined_at', 'language', 'waiting_since'], order: 'rowid' },
  { name: 'link_names', columns: ['hash', 'board_id', 'name', 'created_at', 'minted_by'], order: 'rowid' },
  { name: 'board_state', columns: ['board_id', 'version', 'state'], order: 'rowid' },
  { name: 'board_activity', columns: ['board_id', 'last_active_at'], order: 'rowid' },
  { name: 'doc_heads', columns: ['board_id', 'doc', 'last_seq'], order: 'board_id, doc' },
  { name: 'doc_snapshots', columns: ['board_id', 'doc', 'data', 'upto_seq'], order: 'rowid' },
  { name: 'doc_log', columns: ['board_id', 'doc', 'seq', 'data'], order: 'board_id, doc, seq' },
  { name: 'doc_kept_points', columns: ['board_id', 'doc', 'seq', 'cards', 'merged', 'themed', 'themes', 'state'], order: 'board_id, doc, seq' },
  { name: 'rounds', columns: ['id', 'board_id', 'number', 'state', 'settings', 'items', 'opened_at', 'closed_at', 'revealed_at', 'tally'], order: 'rowid' },
  { name: 'ballots', columns: ['round_id', 'participant_id', 'group_id', 'allocations', 'updated_at'], order: 'rowid' },
  { name: 'round_voters', columns: ['board_id', 'round_id', 'participant_id', 'group_id'], order: 'round_id, participant_id' },
  { name: 'agreements', columns: ['board_id', 'version', 'frozen_at', 'data', 'record_seq', 'prev_hash', 'hash'], order: 'rowid' },
  {
    name: 'signoffs',
    columns: ['board_id', 'seq', 'version', 'participant_id', 'name', 'organisation', 'group_id', 'decision', 'reason', 'signed_at', 'prev_hash', 'hash'],
    order: 'rowid',
  },
  { name: 'registers', columns: ['board_id', 'from_version', 'frozen_at', 'created_at'], order: 'rowid' },
  { name: 'register_items', columns: ['board_id', 'item_id', 'position', 'state', 'source'], order: 'rowid' },
  { name: 'register_log', columns: ['board_id', 'seq', 'item_id', 'entry'], order: 'board_id, seq' },
  { name: 'register_links', columns: ['hash', 'board_id', 'kind', 'owner', 'created_at'], order: 'rowid' },
  { name: 'follow_ups', columns: ['board_id', 'source_board_id', 'granted_by'], order: 'rowid' },
  { name: 'breakout_tables', columns: ['board_id', 'id', 'number', 'name', 'host_id', 'timer'], order: 'rowid' },
  { name: 'breakout_seats', columns: ['board_id', 'participant_id', 'table_id'], order: 'rowid' },
  { name: 'forums', columns: ['id', 'name', 'created_at'], order: 'rowid' },
  { name: 'forum_workshops', columns: ['board_id', 'forum_id'], order: 'rowid' },
  { name: 'forum_links', columns: ['hash', 'forum_id', 'kind', 'created_at'], order: 'rowid' },
];

/** Rows sent in one INSERT: few round trips, and well below PostgreSQL's 65535 parameters. */
const BATCH = 500;

export type CopyReport = Record<string, number>;

/**
 * Copies everything in a SQLite database (brought to the current schema first) into an empty PostgreSQL
 * database, in one transaction: either all of it arrives or nothing does. Refuses a database that has boards.
 */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string): Promise<CopyReport> {
  const source = openSqliteDatabase(sqliteFile, 'NORMAL');
  const target = new PgDatabase(postgresUrl);
  try {
    await migrateSchema(target);
    return await target.transaction(async (tx) => {
      const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM boards');
      if (rows[0].n > 0) throw new Error(`the PostgreSQL database already holds ${rows[0].n} boards; migrate into an empty one`);
      const report: CopyReport = {};
      for (const table of TABLES) {
        report[table.name] = await copyTable(source, tx, table);
        // Every row read arrived: counted on both sides before anything is committed.
        const { n: expected } = source.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number };
        const { rows: arrived } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table.name}`);
        if (report[table.name] !== expected || arrived[0].n !== expected) {
          throw new Error(`${table.name}: ${expected} rows in SQLite, ${arrived[0].n} arrived`);
        }
      }
      return report;
    });
  } finally {
    await target.close();
    source.close();
  }
}

async function copyTable(source: Database.Database, tx: Queryable, table: (typeof TABLES)[number]): Promise<number> {
  const select = source.prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`).raw();
  let batch: unknown[][] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const width = table.columns.length;
    const tuples = batch.map((_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`);
    await tx.query(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${tuples.join(', ')}`, batch.flat());
    copied += batch.length;
    batch = [];
  };
  for (const row of select.iterate() as Iterable<unknown[]>) {
    batch.push(row);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return copied;
}
