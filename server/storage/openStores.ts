import path from 'node:path';
import type { StoreConfig } from '../config.js';
import { openPostgresStores } from './postgres/openPostgresStores.js';
import { openSqliteStores } from './sqlite/openSqliteStores.js';
import type { Stores } from './Stores.js';

/** The SQLite database file in a data folder. */
export const sqliteFileIn = (dataDir: string): string => path.join(dataDir, 'forumboard.db');

/** PostgreSQL when DATABASE_URL names one, else the SQLite file in DATA_DIR (or in memory for ':memory:'). */
export async function openStores(config: StoreConfig): Promise<Stores> {
  if (config.databaseUrl) return openPostgresStores(config.databaseUrl);
  const file = config.dataDir === ':memory:' ? ':memory:' : sqliteFileIn(config.dataDir);
  return openSqliteStores(file, config.sqliteSynchronous);
}
