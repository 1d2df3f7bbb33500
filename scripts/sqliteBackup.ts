/**
 * `npm run backup -- <file>`: a consistent copy of the SQLite database in DATA_DIR, taken while the server runs.
 * `npm run restore -- <file>`: puts such a copy in its place, with the server stopped; the database it replaces
 * is kept beside it. PostgreSQL is backed up with its own tools (docs/deploy.md).
 */
import { configFromEnv } from '../server/config.js';
import { sqliteFileIn } from '../server/storage/openStores.js';
import { backupSqlite, restoreSqlite } from '../server/storage/sqlite/sqliteBackup.js';

const [command, file] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !file) {
  console.error('usage: npm run backup -- <file>, or npm run restore -- <file> (DATA_DIR names the data folder)');
  process.exit(2);
}
const config = configFromEnv();
if (config.databaseUrl) {
  console.error('DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore (docs/deploy.md)');
  process.exit(2);
}
const database = sqliteFileIn(config.dataDir);
try {
  if (command === 'backup') {
    const pages = await backupSqlite(database, file);
    console.log(`backed up ${database} to ${file} (${pages} pages)`);
  } else {
    const movedTo = await restoreSqlite(file, database);
    console.log(`restored ${file} to ${database}${movedTo ? `; the database it replaced is now ${movedTo}` : ''}`);
  }
} catch (err) {
  console.error(`${command} failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
