import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createLogger } from '../server/log.js';
import { Metrics } from '../server/metrics.js';
import { BoardRoom } from '../server/rooms/BoardRoom.js';
import type { DocumentLog } from '../server/storage/DocumentLog.js';
import { openSqliteStores } from '../server/storage/sqlite/openSqliteStores.js';
import { StorageHealth } from '../server/storage/StorageHealth.js';
import { encodeSyncStep1 } from '../server/rooms/wire.js';
import { createBoard } from '../fixtures/workshopApi.js';
import { startForumboard, type ServerChild } from './serverProcess.js';
import { now, spread, type Spread } from './stats.js';
import { kB, ms, spreadMs, type Row } from './table.js';
import { seedCards } from './seedBoard.js';
import { openYClient } from './yclient.js';

/**
 * A 1,000-card board, written card by card by a facilitator, then read cold: the room is unloaded before
 * every measurement. Seen from the wire (WebSocket open → sync step 2 received) and, without a server, as
 * the load itself (the SQLite document log + Y.applyUpdate, and the whole BoardRoom), for the board as the server
 * leaves it (compacted into a snapshot) and as an uncompacted log of 1,000 updates.
 */
const CARDS = 1000;
const REPEATS = 15;
const DIRECT_REPEATS = 20;
const GRACE_MS = 50;
const TARGET_MS = 30;

export interface ColdLoadFigures {
  cards: number;
  step2Bytes: number;
  openToStep2: Spread;
  requestToStep2: Spread;
  providerToSynced: Spread;
  snapshot: DirectLoad;
  log: DirectLoad;
}

interface DirectLoad {
  parts: number;
  bytes: number;
  /** Encoding the whole document again, as the answer to a new client's sync step 1. */
  encode: Spread;
  storeRead: Spread;
  /** Y.mergeUpdates of all parts, then one Y.applyUpdate. */
  applyMerged: Spread;
  /** Every part applied in turn, inside one transaction. */
  applyEach: Spread;
  boardRoom: Spread;
}

/** One raw client: sends sync step 1 as soon as the socket opens and waits for the server's step 2. */
function fetchBoardRaw(url: string): Promise<{ openToStep2: number; requestToStep2: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const requested = now();
    let opened = 0;
    const ws = new WebSocket(url);
    ws.on('open', () => {
      opened = now();
      ws.send(encodeSyncStep1(new Y.Doc()));
    });
    ws.on('message', (data: Buffer) => {
      if (data[0] !== 0 || data[1] !== 1) return;
      const at = now();
      ws.close();
      resolve({ openToStep2: at - opened, requestToStep2: at - requested, bytes: data.byteLength });
    });
    ws.on('error', reject);
  });
}

async function providerToSynced(server: ServerChild, boardId: string, token: string): Promise<number> {
  const started = now();
  const client = openYClient(server.wsUrl, boardId, token);
  await new Promise((resolve) => client.provider.once('sync', resolve));
  const elapsed = now() - started;
  client.close();
  return elapsed;
}

async function timeDirectLoads(file: string, boardId: string): Promise<DirectLoad> {
  const stores = openSqliteStores(file);
  // Unloading a room compacts its log; here every load must find the database as it was.
  const keepAsIs: DocumentLog = Object.assign(Object.create(stores.log) as DocumentLog, { compact: async () => false });
  const metrics = new Metrics({ rooms: () => 0, connections: () => 0 });
  const log = createLogger('error');
  const health = new StorageHealth(log, null);
  const storeRead: number[] = [];
  const applyMerged: number[] = [];
  const applyEach: number[] = [];
  const boardRoom: number[] = [];
  const encode: number[] = [];
  let bytes = 0;
  let count = 0;
  try {
    for (let i = 0; i < DIRECT_REPEATS; i++) {
      let t = now();
      const stored = await stores.log.load(boardId, 'board');
      storeRead.push(now() - t);
      const updates = stored.updates.map((u) => u.update);
      const parts = stored.snapshot ? [stored.snapshot, ...updates] : updates;
      bytes = parts.reduce((sum, p) => sum + p.byteLength, 0);
      count = parts.length;
      t = now();
      Y.applyUpdate(new Y.Doc(), parts.length === 1 ? parts[0] : Y.mergeUpdates(parts));
      applyMerged.push(now() - t);
      t = now();
      const doc = new Y.Doc();
      doc.transact(() => parts.forEach((part) => Y.applyUpdate(doc, part)));
      applyEach.push(now() - t);
      t = now();
      Y.encodeStateAsUpdate(doc);
      encode.push(now() - t);
      t = now();
      const room = await BoardRoom.load(boardId, keepAsIs, metrics, { compactEvery: Number.MAX_SAFE_INTEGER, broadcastWindowMs: 2, refusalsPerBoard: 3, health, log });
      boardRoom.push(now() - t);
      await room.unload();
    }
  } finally {
    await stores.close();
  }
  return { parts: count, bytes, storeRead: spread(storeRead), applyMerged: spread(applyMerged), applyEach: spread(applyEach), encode: spread(encode), boardRoom: spread(boardRoom) };
}

/** The same board as a log of single-card updates with no snapshot: the most a load ever has to merge. */
async function logOnlyDatabase(boardId: string, updates: Uint8Array[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-coldload-'));
  const file = path.join(dir, 'forumboard.db');
  const stores = openSqliteStores(file);
  for (const update of updates) await stores.log.append(boardId, 'board', update);
  await stores.close();
  return file;
}

export async function runColdLoad(log: (line: string) => void): Promise<{ rows: Row[]; figures: ColdLoadFigures }> {
  const server = await startForumboard({ ROOM_GRACE_MS: String(GRACE_MS) });
  let stopped = false;
  try {
    const board = await createBoard(server.url, { title: 'Cold load', language: 'en' });
    const seedStarted = now();
    const updates = await seedCards(server, board.boardId, board.facilitatorToken, CARDS);
    log(`${CARDS} cards written as ${updates.length} updates in ${((now() - seedStarted) / 1000).toFixed(1)} s`);

    const unloaded = () => server.waitForMetric('forumboard_rooms_loaded', (v) => v === 0);
    const raw: Array<Awaited<ReturnType<typeof fetchBoardRaw>>> = [];
    const providers: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      await unloaded();
      raw.push(await fetchBoardRaw(`${server.wsUrl}/${board.boardId}?token=${board.observerToken}`));
    }
    for (let i = 0; i < 5; i++) {
      await unloaded();
      providers.push(await providerToSynced(server, board.boardId, board.observerToken));
    }
    await unloaded();
    await server.stop();
    stopped = true;

    const file = path.join(server.dataDir, 'forumboard.db');
    const snapshot = await timeDirectLoads(file, board.boardId);
    const logFile = await logOnlyDatabase(board.boardId, updates);
    const logLoad = await timeDirectLoads(logFile, board.boardId);
    fs.rmSync(path.dirname(logFile), { recursive: true, force: true });

    const figures: ColdLoadFigures = {
      cards: CARDS,
      step2Bytes: raw[0].bytes,
      openToStep2: spread(raw.map((r) => r.openToStep2)),
      requestToStep2: spread(raw.map((r) => r.requestToStep2)),
      providerToSynced: spread(providers),
      snapshot,
      log: logLoad,
    };
    log(`open → step 2 ${spreadMs(figures.openToStep2)}; BoardRoom from snapshot ${spreadMs(snapshot.boardRoom)}, from log ${spreadMs(logLoad.boardRoom)}`);
    const section = `cold load ${CARDS} cards`;
    const rows: Row[] = [
      {
        section,
        measure: `server: WebSocket open → sync step 2 (${kB(figures.step2Bytes)}), room unloaded, p50/p99/max`,
        value: spreadMs(figures.openToStep2),
        target: `p50 < ${TARGET_MS} ms`,
        met: figures.openToStep2.p50 < TARGET_MS,
      },
      { section, measure: 'upgrade request → sync step 2, p50/p99/max', value: spreadMs(figures.requestToStep2) },
      { section, measure: 'y-websocket client: new provider → synced, p50/p99/max', value: spreadMs(figures.providerToSynced) },
      {
        section,
        measure: `direct, snapshot (${kB(snapshot.bytes)}): SQLite read + Y.applyUpdate, then encode for step 2, p50`,
        value: `${ms(snapshot.storeRead.p50)} + ${ms(snapshot.applyMerged.p50)}, ${ms(snapshot.encode.p50)}`,
      },
      { section, measure: 'direct, snapshot: whole BoardRoom (3 docs, policy index), p50/p99/max', value: spreadMs(snapshot.boardRoom) },
      {
        section,
        measure: `direct, log of ${logLoad.parts - 1} updates (${kB(logLoad.bytes)}): SQLite read + Y.mergeUpdates and apply, p50`,
        value: `${ms(logLoad.storeRead.p50)} + ${ms(logLoad.applyMerged.p50)}`,
      },
      { section, measure: 'direct, log: the same updates applied one by one in one transaction, p50', value: ms(logLoad.applyEach.p50) },
      { section, measure: 'direct, log: whole BoardRoom, p50/p99/max', value: spreadMs(logLoad.boardRoom) },
    ];
    return { rows, figures };
  } finally {
    if (!stopped) await server.stop();
  }
}
