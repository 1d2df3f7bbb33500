import Database from 'better-sqlite3';

/**
 * A committed one-row write to the database file, on a connection of its own so that the store's statements
 * stay as they are. A commit appends to the write-ahead log, which is what fails when the disk is full.
 */
export class SqliteWriteProbe {
  private readonly db: Database.Database;
  private readonly stmt: Database.Statement;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.exec('CREATE TABLE IF NOT EXISTS health_probe (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL)');
    this.stmt = this.db.prepare(
      'INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
    );
  }

  /** Throws when the database cannot write now. */
  readonly write = (): void => {
    this.stmt.run(Date.now());
  };

  close(): void {
    this.db.close();
  }
}
