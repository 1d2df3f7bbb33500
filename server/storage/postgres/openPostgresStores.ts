import { PgBoardLeases } from './PgBoardLeases.js';
import type { Stores } from '../Stores.js';
import { PgAgreementArchive } from './PgAgreementArchive.js';
import { PgBallotBox } from './PgBallotBox.js';
import { PgBoardFacts } from './PgBoardFacts.js';
import { PgDatabase } from './PgDatabase.js';
import { PgDocumentLog } from './PgDocumentLog.js';
import { PgTableSeats } from './PgTableSeats.js';
import { PgIdentity } from './PgIdentity.js';
import { migrateSchema } from './schema.js';
import { PgForumStore } from './PgForumStore.js';
import { PgRegisterStore } from './PgRegisterStore.js';

/** The stores on a PostgreSQL database shared by several instances; its schema is created or migrated first. */
export async function openPostgresStores(url: string): Promise<Stores> {
  const db = new PgDatabase(url);
  try {
    await migrateSchema(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return {
    kind: 'postgres',
    log: new PgDocumentLog(db),
    identity: new PgIdentity(db),
    ballots: new PgBallotBox(db),
    agreements: new PgAgreementArchive(db),
    register: new PgRegisterStore(db),
    forums: new PgForumStore(db),
    facts: new PgBoardFacts(db),
    seats: new PgTableSeats(db),
    leases: new PgBoardLeases(db),
    health: async () => {
      await db.query('SELECT 1');
    },
    close: () => db.close(),
  };
}
