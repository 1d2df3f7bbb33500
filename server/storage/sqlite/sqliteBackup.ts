import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './SqliteDatabase.js';

/**
 * Pages copied per step of SQLite's online backup: all of them. A step reads in one transaction, so one step is one
 * consistent moment; in smaller steps, every write the server commits in between would restart the copy, and a
 * busy board could keep it from ever finishing.
 */
const ALL_PAGES = 0x7fffffff;

/**
 * `npm run backup`: a consistent copy of the live database into a new file while the server keeps writing (WAL:
 * the copy reads a snapshot, the server's writes wait for nothing). Returns the pages copied.
 */
export async function backupSqlite(databaseFile: string, backupFile: string): Promise<number> {
  if (!fs.existsSync(databaseFile)) throw new Error(`there is no database at ${databaseFile}`);
  if (fs.existsSync(backupFile)) throw new Error(`${backupFile} exists already; name a new file`);
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(backupFile, { progress: () => ALL_PAGES });
    // One self-contained file: in WAL mode, as the live database is, every reader of it would leave WAL files beside it.
    const copy = new Database(backupFile);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    return totalPages;
  } finally {
    db.close();
  }
}

/**
 * `npm run restore`: checks that the backup is a whole Forumboard database, moves the database it replaces aside
 * (with its write-ahead log, which belongs to it alone) and copies the backup in its place. The server must be
 * stopped: a running one would go on writing into the file it has open. Returns where the old database went.
 */
export async function restoreSqlite(backupFile: string, databaseFile: string): Promise<string | null> {
  checkBackup(backupFile);
  const movedTo = fs.existsSync(databaseFile) ? moveAside(databaseFile) : null;
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(databaseFile, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }
  return movedTo;
}

function checkBackup(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file} is damaged: ${String(integrity)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasBoards = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'boards'").get() !== undefined;
    if (!hasBoards) throw new Error(`${file} is not a Forumboard database`);
    if (version > MIGRATIONS.length) throw new Error(`${file} comes from a newer Forumboard (schema ${version}); restore it with that version`);
  } finally {
    db.close();
  }
}

/** Moves the database and its WAL files aside, refusing while another process has the database open. */
function moveAside(file: string): string {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    // Exclusive locking in WAL mode needs every other connection gone: a running server makes this throw.
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } catch (err) {
    throw new Error(`${file} is in use: stop the server before restoring (${err instanceof Error ? err.message : String(err)})`);
  } finally {
    db.close();
  }
  const aside = `${file}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  fs.renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.rmSync(file + suffix);
  return aside;
}
