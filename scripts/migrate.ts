import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres } from '../server/storage/copySqliteToPostgres.js';

/**
 * Moving up: `npm run migrate -- --to postgres://…` copies the SQLite database in DATA_DIR (or `--from <file>`)
 * into an empty PostgreSQL database. Stop the server first, so nothing is written meanwhile.
 */
const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
  console.error('usage: npm run migrate -- --to postgres://user@host/database [--from path/to/forumboard.db]');
  process.exit(2);
}
const from = values.from ?? path.join(process.env.DATA_DIR ?? 'data', 'forumboard.db');
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
