import type { AgreementArchive } from './AgreementArchive.js';
import type { BallotBox } from './BallotBox.js';
import type { BoardLeases } from './BoardLeases.js';
import type { BoardFacts } from './BoardFacts.js';
import type { DocumentLog } from './DocumentLog.js';
import type { ForumStore } from './ForumStore.js';
import type { Identity } from './Identity.js';
import type { RegisterStore } from './RegisterStore.js';
import type { TableSeats } from './TableSeats.js';

import type { WriteProbe } from './StorageHealth.js';

/** Everything the server keeps, as the users of storage see it; built by `openStores` from configuration. */
export interface Stores {
  /** What kind of database this is, for logs and /healthz. */
  readonly kind: 'sqlite' | 'postgres';
  log: DocumentLog;
  identity: Identity;
  ballots: BallotBox;
  agreements: AgreementArchive;
  facts: BoardFacts;
  register: RegisterStore;
  forums: ForumStore;
  seats: TableSeats;
  leases: BoardLeases;
  /** A write of its own for /healthz; absent where it would test nothing (an in-memory database). */
  health?: WriteProbe;
  close(): Promise<void>;
}
