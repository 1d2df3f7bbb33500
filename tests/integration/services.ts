import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support.js';

/**
 * Services the scaled-out server needs, started by the tests themselves from the Debian packages, on free
 * ports in temporary folders, and stopped afterwards: nothing in `npm test` expects one already running.
 */

export interface RunningPostgres {
  /** postgres://… of the `postgres` database, for DATABASE_URL. */
  readonly url: string;
  readonly port: number;
  /** A fresh empty database on this server; resolves to its URL. */
  createDatabase(name: string): string;
  stop(): void;
  /** Starts the server again on the same folder and port (after stop), with its data. */
  start(): void;
  /** Stops the server and removes its folder. */
  dispose(): void;
}

/** Where the PostgreSQL binaries are: pg_config says, else the newest of Debian's versioned folders. */
function postgresBinDir(): string {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    // pg_config belongs to libpq-dev, which may be missing where the server is installed
  }
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length === 0) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
  return path.join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: there, its commands run as the `postgres` user. */
function asPostgresUser(binary: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
  execFileSync(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A PostgreSQL of its own: initdb into a temporary folder and pg_ctl on a free port (about 1.5 s). */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-pg-'));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const dataDir = path.join(dir, 'pg');
  const port = await freePort();
  asPostgresUser(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const ctl = (...args: string[]) => asPostgresUser(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
  const start = () =>
    ctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, '-l', path.join(dir, 'log'), '-w', 'start');
  start();
  const url = (db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
  let running = true;
  const stop = () => {
    if (!running) return;
    running = false;
    ctl('stop', '-m', 'immediate', '-w');
  };
  return {
    url: url('postgres'),
    port,
    createDatabase(name) {
      asPostgresUser(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `CREATE DATABASE "${name}"`]);
      return url(name);
    },
    stop,
    start() {
      if (running) return;
      start();
      running = true;
    },
    dispose() {
      stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
