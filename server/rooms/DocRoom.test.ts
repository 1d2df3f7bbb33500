import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardsOf, readCards } from '../../shared/boardDoc.js';
import type { Logger } from '../log.js';
import { Metrics } from '../metrics.js';
import { openSqliteStores } from '../storage/sqlite/openSqliteStores.js';
import type { Stores } from '../storage/Stores.js';
import { StorageFailure, StorageHealth } from '../storage/StorageHealth.js';
import { decodeClientMessage } from './wire.js';
import { DocRoom } from './DocRoom.js';
import type { Derivation, RoomPeer } from './types.js';
import type { ChangePolicy } from './types.js';
import { readStoredDoc } from '../storage/DocumentLog.js';

/**
 * The room's promise at the level of one document, on a real SQLite file: a change is stored only after its
 * derivation succeeded, and a change that fails anywhere leaves nothing in memory, on disk or on the wire.
 */

const BOARD = 'board-1';
const DOC = 'private/p1';
const acceptAll: ChangePolicy = { check: () => null, accepted: () => {}, reset: () => {} };
const opened: Stores[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

async function setUp(derive: Derivation) {
  const store = openSqliteStores(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-docroom-')), 'forumboard.db'));
  opened.push(store);
  const metrics = new Metrics({ rooms: () => 1, connections: () => 1 });
  const errors: Array<Record<string, unknown>> = [];
  const log: Logger = { debug() {}, info() {}, warn() {}, error: (msg, fields) => errors.push({ msg, ...fields }) };
  const health = new StorageHealth(log, null);
  const room = await DocRoom.open(BOARD, DOC, store.log, acceptAll, metrics, { compactEvery: 500, broadcastWindowMs: 0, refusalsPerBoard: 3, health, log, derive });
  return { store, metrics, room, errors };
}

/** A peer that keeps what the room sends it. */
function peer(): RoomPeer & { received: Uint8Array[] } {
  const received: Uint8Array[] = [];
  return { writer: { role: 'participant', authorId: 'p1', cardKey: null }, identity: null, received, send: (m) => received.push(m) };
}

/** The update a client would send to add one card to a copy of the room's document. */
function cardUpdate(room: DocRoom, title: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(copy);
  addCard(copy, { title, author: 'p1' });
  return Y.encodeStateAsUpdate(copy, before);
}

async function storedTitles(store: Stores): Promise<string[]> {
  return readCards(await readStoredDoc(store.log, BOARD, DOC)).map((c) => c.title);
}

const flushed = () => new Promise((r) => setTimeout(r, 20));

describe('a document room', () => {
  it('stores nothing of a change whose derivation throws, and tells the author it failed', async () => {
    const written: string[] = [];
    const { store, metrics, room, errors } = await setUp((doc) => {
      const titles = readCards(doc).map((c) => c.title);
      if (titles.includes('derivation breaks')) throw new RangeError('Maximum call stack size exceeded');
      return () => written.push(titles.join(','));
    });
    const author = peer();
    const other = peer();
    room.greet(author);
    room.greet(other);
    const greetings = other.received.length;

    expect(await room.applyClientUpdate(author, cardUpdate(room, 'fine'))).toEqual({ ok: true });
    expect(await room.applyClientUpdate(author, cardUpdate(room, 'derivation breaks'))).toEqual({
      ok: false,
      kind: 'failed',
      reason: 'the server could not process this change',
    });
    await flushed();

    expect(readCards(room.doc).map((c) => c.title)).toEqual(['fine']);
    expect(await storedTitles(store)).toEqual(['fine']);
    expect(written).toEqual(['fine']);
    expect(other.received.length).toBe(greetings + 1);
    const sent = new Y.Doc();
    const message = decodeClientMessage(other.received[greetings]);
    if (message.kind !== 'update') throw new Error(`expected an update, got ${message.kind}`);
    Y.applyUpdate(sent, message.update);
    expect(readCards(sent).map((c) => c.title)).toEqual(['fine']);
    // Undone from memory: the document was read from storage once, when the room loaded.
    expect(metrics.docsLoaded.value).toBe(1);
    expect(metrics.changesUndone.value).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ board: BOARD, doc: DOC, stack: expect.stringContaining('RangeError') })]);
  });

  it('takes a synchronous change only: its type refuses an async one (checked by npx tsc)', async () => {
    const { room } = await setUp(() => null);
    const late = async (doc: Y.Doc) => void addCard(doc, { title: 'late', author: 'facilitator' });
    // @ts-expect-error a Yjs type held across an await could belong to a document undo has replaced
    await room.serverTransact(late);
    // Run anyway, only what it did before its first await is in the change.
    expect(readCards(room.doc).map((c) => c.title)).toEqual(['late']);
  });

  it('undoes a server change that throws half-way, and one that cannot be stored', async () => {
    const { store, room, errors } = await setUp(() => null);
    await room.serverTransact((doc) => addCard(doc, { title: 'kept', author: 'facilitator' }));
    await expect(
      room.serverTransact((doc) => {
        addCard(doc, { title: 'half', author: 'facilitator' });
        throw new Error('a bug in a command');
      }),
    ).rejects.toThrow('a bug in a command');
    expect(readCards(room.doc).map((c) => c.title)).toEqual(['kept']);

    await store.close(); // a database that cannot write at all
    await expect(room.serverTransact((doc) => cardsOf(doc).clear())).rejects.toThrow(StorageFailure);
    expect(readCards(room.doc).map((c) => c.title)).toEqual(['kept']);
    expect(errors).toEqual([expect.objectContaining({ msg: 'storage write failed', during: 'append' })]);
    opened.splice(0);
  });
});
