import Database from 'better-sqlite3';
import type { WriteProbe } from '../StorageHealth.js';
import { SqliteBoardLeases } from './SqliteBoardLeases.js';
import type { Stores } from '../Stores.js';
import { SqliteAgreementArchive } from './SqliteAgreementArchive.js';
import { SqliteBallotBox } from './SqliteBallotBox.js';
import { SqliteBoardFacts } from './SqliteBoardFacts.js';
import { openSqliteDatabase, type SqliteSynchronous } from './SqliteDatabase.js';
import { SqliteDocumentLog } from './SqliteDocumentLog.js';
import { SqliteTableSeats } from './SqliteTableSeats.js';
import { SqliteIdentity } from './SqliteIdentity.js';
import { SqliteForumStore } from './SqliteForumStore.js';
import { SqliteRegisterStore } from './SqliteRegisterStore.js';

/** The default stores: one SQLite file (or ':memory:', for tests of pure server logic) in WAL mode. */
export function openSqliteStores(file: string, synchronous: SqliteSynchronous = 'NORMAL'): Stores {
  const db = openSqliteDatabase(file, synchronous);
  // A probe of an in-memory database would test nothing: there, only the store's own writes report health.
  const probe = file === ':memory:' ? null : writeProbe(file);
  return {
    kind: 'sqlite',
    log: new SqliteDocumentLog(db),
    identity: new SqliteIdentity(db),
    ballots: new SqliteBallotBox(db),
    agreements: new SqliteAgreementArchive(db),
    register: new SqliteRegisterStore(db),
    forums: new SqliteForumStore(db),
    facts: new SqliteBoardFacts(db),
    seats: new SqliteTableSeats(db),
    leases: new SqliteBoardLeases(db),
    ...(probe ? { health: probe.write } : {}),
    async close() {
      probe?.close();
      db.close();
    },
  };
}

/**
 * A committed one-row write to the database file, on a connection of its own so that the stores' statements
 * stay as they are. A commit appends to the write-ahead log, which is what fails when the disk is full.
 */
function writeProbe(file: string): { write: WriteProbe; close(): void } {
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL)');
  const stmt = db.prepare('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at');
  return {
    // Synchronous, as SQLite is: /healthz sees the answer at once.
    write: () => {
      stmt.run(Date.now());
    },
    close: () => db.close(),
  };
}
