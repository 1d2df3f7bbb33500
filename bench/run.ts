import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAttacks } from './attacks.js';
import { runClient } from './client.js';
import { runDuplicates } from './duplicates.js';
import { runColdLoad } from './coldLoad.js';
import { runFanout } from './fanout.js';
import { runForumView } from './forumView.js';
import { runJoinStorm } from './joinStorm.js';
import { runManyRooms } from './manyRooms.js';
import { runPresence } from './presence.js';
import { runRoundTrip } from './roundTrip.js';
import { runSuggestions } from './suggestions.js';
import { runScale } from './scale.js';
import { runSignoff } from './signoff.js';
import { runTables } from './tables.js';
import { renderTable, type Row } from './table.js';
import { runVenue } from './venue.js';
import { runVoteStorm } from './voteStorm.js';

/**
 * `npm run bench [-- section ...]`: every section in one run, side by side, then a table and
 * bench/results/latest.json. A section that fails prints one error line; the others still run.
 */
type Section = (log: (line: string) => void) => Promise<{ rows: Row[] } & Record<string, unknown>>;

const SECTIONS: Record<string, Section> = {
  roundtrip: runRoundTrip,
  fanout: runFanout,
  presence: runPresence,
  joins: runJoinStorm,
  votes: runVoteStorm,
  rooms: runManyRooms,
  venue: runVenue,
  coldload: runColdLoad,
  client: runClient,
  scale: runScale,
  suggestions: runSuggestions,
  duplicates: runDuplicates,
  attacks: runAttacks,
  signoff: runSignoff,
  tables: runTables,
  forum: runForumView,
};

// Hundreds of y-websocket providers live in this process; each registers a process 'exit' listener.
process.setMaxListeners(0);

const wanted = process.argv.slice(2).filter((name) => name in SECTIONS);
const names = wanted.length > 0 ? wanted : Object.keys(SECTIONS);
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.platform()} ${os.release()}`,
};
const log = (line: string) => console.log(`  ${line}`);
console.log(`Forumboard bench on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`);

const rows: Row[] = [];
const results: Record<string, unknown> = {};
// Other work on the machine moves tail latencies more than anything measured here: keep it on record.
const load: Record<string, [number, number]> = {};
const loadAverage = () => Number(os.loadavg()[0].toFixed(1));
const started = Date.now();
for (const name of names) {
  const t = Date.now();
  const loadBefore = loadAverage();
  console.log(`\n[${name}] (load average ${loadBefore})`);
  try {
    const result = await SECTIONS[name](log);
    rows.push(...result.rows);
    results[name] = result;
    console.log(`  done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    load[name] = [loadBefore, loadAverage()];
  } catch (err) {
    console.log(`  ERROR in ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    rows.push({ section: name, measure: 'section failed', value: String(err instanceof Error ? err.message : err).slice(0, 80), met: null });
    results[name] = { error: String(err) };
  }
}

console.log(`\n${renderTable(rows)}\n`);
const seconds = (Date.now() - started) / 1000;
console.log(`bench took ${seconds.toFixed(0)} s; 1-minute load average before → after each section (${machine.cpus} cores):`);
console.log(`  ${Object.entries(load).map(([name, [before, after]]) => `${name} ${before} → ${after}`).join(', ')}`);
const out = path.resolve('bench/results/latest.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, seconds, load, rows, results }, null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), out)}`);
process.exit(0);
