import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { configFromEnv } from '../server/config.js';
import { boardsWithDifferentExports } from '../server/export/storedExports.js';
import { copySqliteToPostgres } from '../server/storage/copySqliteToPostgres.js';
import { sqliteFileIn } from '../server/storage/openStores.js';
import { openPostgresStores } from '../server/storage/postgres/openPostgresStores.js';
import { openSqliteStores } from '../server/storage/sqlite/openSqliteStores.js';

/**
 * Moving up: `npm run migrate -- --to postgres://…` copies the SQLite database in DATA_DIR (or `--from <file>`)
 * into an empty PostgreSQL database, then checks every board's priority lists (each frozen version and the list as
 * it stands, as JSON, CSV and Markdown) come out the same from both. Stop the server first, so nothing is written
 * meanwhile.
 */
const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
  console.error('usage: npm run migrate -- --to postgres://user@host/database [--from path/to/forumboard.db]');
  process.exit(2);
}
const from = values.from ?? sqliteFileIn(configFromEnv().dataDir);
if (!fs.existsSync(from)) {
  console.error(`there is no SQLite database at ${from}; set DATA_DIR or pass --from`);
  process.exit(2);
}
try {
  const report = await copySqliteToPostgres(from, values.to);
  console.log(`copied ${from} into PostgreSQL:`);
  for (const [table, rows] of Object.entries(report)) console.log(`  ${table}: ${rows} rows`);
} catch (err) {
  console.error(`migration failed, nothing was copied: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}

const source = openSqliteStores(from);
const target = await openPostgresStores(values.to);
try {
  const { compared, differing } = await boardsWithDifferentExports(source, target);
  if (differing.length > 0) {
    console.error(`the copy differs from the original for ${differing.length} of ${compared} boards (${differing.join(', ')}): keep serving from SQLite`);
    process.exitCode = 1;
  } else {
    console.log(`verified: the priority lists of all ${compared} boards are the same in PostgreSQL`);
  }
} finally {
  await Promise.all([source.close(), target.close()]);
}
