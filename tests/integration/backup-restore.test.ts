import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import { addCard, cardsOf } from '../../shared/boardDoc.js';
import { boardsWithDifferentExports } from '../../server/export/storedExports.js';
import { sqliteFileIn } from '../../server/storage/openStores.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import type { DocumentLog } from '../../server/storage/DocumentLog.js';
import type { Stores } from '../../server/storage/Stores.js';
import { api, connect, createBoard, join, sleep, startTestServer, synced, tempDataDir, waitUntil, type TestClient } from './support.js';

/** Runs `npm run <command> -- <file>` as its own process, as an operator would: its exit code and output. */
function run(command: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sqliteBackup.ts', command, file], { env: { ...process.env, DATA_DIR: dataDir } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** The original store as it was when the backup was taken: each document's log read only up to the backup's last seq. */
function asOfBackup(original: Stores, backup: Stores): Stores {
  const log: DocumentLog = {
    ...original.log,
    async load(boardId, docName) {
      const [now, then] = await Promise.all([original.log.load(boardId, docName), backup.log.load(boardId, docName)]);
      expect(now.snapshotSeq, `${boardId}/${docName} was not compacted since`).toBe(then.snapshotSeq);
      return { ...now, updates: now.updates.filter((u) => u.seq <= then.lastSeq), lastSeq: then.lastSeq };
    },
  };
  return { ...original, log };
}

/**
 * `npm run backup` copies the live SQLite database while writers keep adding cards, and `npm run restore` puts it
 * into a fresh server: every board's exports (each frozen version and the list as it stands, as JSON, CSV and
 * Markdown) come out exactly as the original's at the moment of the backup.
 */
it('a backup taken under load restores to a server whose every export is the original’s at that moment', async () => {
  // No compaction while the test runs, so the original's log still shows what it held at the backup's moment.
  const env = { COMPACT_EVERY: '1000000' };
  const original = await startTestServer(tempDataDir(), env);
  const writers: TestClient[] = [];
  let writing = true;
  try {
    // Filled, voted and agreed workshops in three languages, and one being written to during the backup.
    for (const language of ['sv', 'nl', 'en']) expect((await api(original.url, 'POST', '/api/demo-boards', { language })).status).toBe(201);
    const busy: CreateBoardResponse = await createBoard(original.url, { language: 'en' });
    expect((await api(original.url, 'POST', `/api/boards/${busy.boardId}/phase`, { phase: 'collect' }, busy.facilitatorToken)).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      const person = await join(original.url, busy, `Writer ${i}`, 'company');
      const writer = connect(original.url, busy.boardId, person.token);
      writers.push(writer);
      await synced(writer);
      void (async () => {
        for (let k = 0; writing; k++) {
          addCard(writer.doc, { title: `Writer ${i}, card ${k}`, author: person.participantId });
          await sleep(20);
        }
      })();
    }
    await waitUntil(() => cardsOf(writers[0].doc).size >= 40, 10_000);

    const backupFile = path.join(tempDataDir(), 'forumboard-backup.db');
    const backup = await run('backup', backupFile, original.dataDir);
    expect(backup.code, backup.output).toBe(0);
    const cardsAtBackup = cardsOf(writers[0].doc).size;
    await sleep(300);
    writing = false;

    const restoredDir = tempDataDir();
    const restore = await run('restore', backupFile, restoredDir);
    expect(restore.code, restore.output).toBe(0);
    const restored = await startTestServer(restoredDir, env);
    const [originalStores, restoredStores] = [openSqliteStores(sqliteFileIn(original.dataDir)), openSqliteStores(sqliteFileIn(restoredDir))];
    try {
      const { compared, differing } = await boardsWithDifferentExports(asOfBackup(originalStores, restoredStores), restoredStores);
      expect(compared).toBe(4);
      expect(differing).toEqual([]);
      // The busy board came back as it was mid-load: part of what the writers wrote, and a reader is served it.
      const reader = connect(restored.url, busy.boardId, busy.observerToken);
      await synced(reader);
      const restoredCards = cardsOf(reader.doc).size;
      reader.destroy();
      expect(restoredCards).toBeGreaterThanOrEqual(40);
      expect(restoredCards).toBeLessThan(cardsOf(writers[0].doc).size);
      console.log(`backup under load: ${restoredCards} cards restored; the writers had ${cardsAtBackup} when it finished, ${cardsOf(writers[0].doc).size} at the end`);
    } finally {
      await Promise.all([originalStores.close(), restoredStores.close(), restored.close()]);
    }
  } finally {
    writing = false;
    writers.forEach((w) => w.destroy());
    await original.close();
  }
}, 60_000);

it('restore refuses a database that a running server has open, and a file that is no Forumboard database', async () => {
  const server = await startTestServer();
  try {
    const backupFile = path.join(tempDataDir(), 'backup.db');
    expect((await run('backup', backupFile, server.dataDir)).code).toBe(0);
    const refused = await run('restore', backupFile, server.dataDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('stop the server before restoring');
  } finally {
    await server.close();
  }
  const notADatabase = await run('restore', path.resolve('package.json'), tempDataDir());
  expect(notADatabase.code).toBe(1);
  expect(notADatabase.output).toContain('restore failed');
});
