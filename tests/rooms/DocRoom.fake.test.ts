import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { DocRoom } from '../../server/rooms/DocRoom.js';
import type { ChangePolicy } from '../../server/rooms/types.js';
import { decodeClientMessage } from '../../server/rooms/wire.js';
import { StoreUnavailable } from '../../server/storage/StoreUnavailable.js';
import { FakePeer } from './FakePeer.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { MemoryBus } from './MemoryFanout.js';
import { metrics, roomOptions } from './support.js';

/**
 * One document room in process, with fake peers, an in-memory log and an in-memory fan-out between
 * "instances": the order of storing and sending, refusals, and updates from other instances. The same
 * promises over real sockets, SQLite and PostgreSQL are in tests/integration.
 */

const BOARD = 'b1';
const DOC = 'board';
const acceptAll: ChangePolicy = { check: () => null, accepted: () => {}, reset: () => {} };
/** Refuses any card titled "forbidden". */
const noForbidden: ChangePolicy = {
  check: (_tr, doc) => (readCards(doc).some((c) => c.title === 'forbidden') ? 'no such cards' : null),
  accepted: () => {},
  reset: () => {},
};

function open(log: MemoryDocumentLog, options: { policy?: ChangePolicy; bus?: MemoryBus; instance?: number; compactEvery?: number } = {}) {
  return DocRoom.open(BOARD, DOC, log, options.policy ?? acceptAll, metrics(), {
    ...roomOptions(options.compactEvery),
    fanout: options.bus?.fanout(options.instance ?? 0),
  });
}

/** A peer of the room, synced with it as a y-websocket client is after its handshake. */
function join(room: DocRoom, onReceive?: (m: Uint8Array) => void): FakePeer {
  const peer = new FakePeer(undefined, onReceive);
  Y.applyUpdate(peer.doc, Y.encodeStateAsUpdate(room.doc));
  room.greet(peer);
  return peer;
}

const titles = (doc: Y.Doc) => readCards(doc).map((c) => c.title).sort();
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (condition()) return;
    await tick();
  }
  throw new Error(`never happened: ${what}`);
}

async function loadedTitles(log: MemoryDocumentLog): Promise<string[]> {
  const room = await open(log);
  const result = titles(room.doc);
  await room.unload();
  return result;
}

describe('a document room', () => {
  it('stores a change before any peer receives it, and sends nothing while the append is pending', async () => {
    const log = new MemoryDocumentLog();
    const room = await open(log);
    const events: string[] = [];
    log.onAppended = (seq) => events.push(`stored ${seq}`);
    const author = join(room);
    const other = join(room, () => events.push('received'));
    const before = other.received.length;
    events.length = 0; // the greeting is no change

    log.hold(); // a slow database
    const result = room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'first', author: 'p1' })));
    await tick();
    expect(other.received.length).toBe(before);
    // A peer joining meanwhile is answered after the change is stored, never with the unstored change.
    const late = new FakePeer();
    room.greet(late);
    const answered = room.answerSyncStep1(late, Y.encodeStateVector(late.doc));
    await tick();
    expect(titles(late.doc)).toEqual([]);

    log.release();
    expect(await result).toEqual({ ok: true });
    await answered;
    await until(() => titles(other.doc).length === 1, 'the other peer has the card');
    expect(events).toEqual(['stored 1', 'received']);
    expect(titles(other.doc)).toEqual(['first']);
    expect(titles(late.doc)).toEqual(['first']);
    expect(author.updates).toEqual([]); // nobody is sent their own change back
  });

  it('sends an edit in a quiet room as soon as it is stored, before the messages waiting for the next turn', async () => {
    const log = new MemoryDocumentLog();
    const room = await open(log);
    const events: string[] = [];
    const author = join(room);
    join(room, (message) => {
      if (decodeClientMessage(message).kind === 'update') events.push('received');
    });
    log.onAppended = () => setImmediate(() => events.push('the next turn'));

    expect(await room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'first', author: 'p1' })))).toEqual({ ok: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['received', 'the next turn']);
  });

  it('applies changes in the order they arrived, each stored before the next is judged', async () => {
    const log = new MemoryDocumentLog();
    const room = await open(log);
    const a = join(room);
    const b = join(room);
    log.hold();
    const first = room.applyClientUpdate(a, a.change((doc) => addCard(doc, { title: 'a', author: 'p1' })));
    const second = room.applyClientUpdate(b, b.change((doc) => addCard(doc, { title: 'b', author: 'p1' })));
    await tick();
    expect(log.seqs(BOARD, DOC)).toEqual([]);
    log.release();
    await tick();
    log.release(); // the second append waited for the first, then for the database
    expect(await Promise.all([first, second])).toEqual([{ ok: true }, { ok: true }]);
    expect(log.seqs(BOARD, DOC)).toEqual([1, 2]);
    expect(await loadedTitles(log)).toEqual(['a', 'b']);
  });

  it('drops what a connection the server closed still had queued, and keeps what it sent before', async () => {
    const log = new MemoryDocumentLog();
    const room = await open(log);
    const mallory = join(room);
    log.hold();
    const first = room.applyClientUpdate(mallory, mallory.change((doc) => addCard(doc, { title: 'before', author: 'p1' })));
    const second = room.applyClientUpdate(mallory, mallory.change((doc) => addCard(doc, { title: 'after', author: 'p1' })));
    await tick();
    mallory.closedByServer = true; // refused for something else meanwhile
    log.release();
    expect(await Promise.all([first, second])).toEqual([{ ok: true }, { ok: true }]);
    expect(titles(room.doc)).toEqual(['before']);
    expect(await loadedTitles(log)).toEqual(['before']);
  });

  it('leaves no trace of a refused change: not in memory, not stored, not sent', async () => {
    const log = new MemoryDocumentLog();
    const room = await open(log, { policy: noForbidden });
    const author = join(room);
    const other = join(room);
    const before = other.received.length;

    const refused = await room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'forbidden', author: 'p1' })));
    expect(refused).toEqual({ ok: false, kind: 'refused', reason: 'no such cards' });
    expect(titles(room.doc)).toEqual([]);
    expect(log.seqs(BOARD, DOC)).toEqual([]);

    // The room goes on as before: another peer's change is accepted, stored and sent.
    const fine = join(room);
    expect(await room.applyClientUpdate(fine, fine.change((doc) => addCard(doc, { title: 'fine', author: 'p1' })))).toEqual({ ok: true });
    await until(() => other.received.length > before, 'the accepted change is sent');
    expect(titles(other.doc)).toEqual(['fine']);
    expect(titles(room.doc)).toEqual(['fine']);
    expect(await loadedTitles(log)).toEqual(['fine']);
  });

  it('undoes a change the database could not store, and says whether to try again later', async () => {
    const log = new MemoryDocumentLog();
    const room = await open(log);
    const author = join(room);
    const other = join(room);
    const before = other.received.length;

    log.failAppends = new StoreUnavailable(new Error('connection refused'));
    const down = await room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'while down', author: 'p1' })));
    expect(down).toEqual({ ok: false, kind: 'unavailable', reason: 'the database is unavailable; try again later' });
    log.failAppends = new Error('disk I/O error');
    const broken = await room.applyClientUpdate(join(room), new FakePeer().change((doc) => addCard(doc, { title: 'broken', author: 'p1' })));
    expect(broken).toMatchObject({ ok: false, kind: 'failed' });
    await expect(room.serverTransact((doc) => addCard(doc, { title: 'command', author: 'facilitator' }))).rejects.toThrow('storage cannot write');

    await tick();
    expect(titles(room.doc)).toEqual([]);
    expect(other.received.length).toBe(before);
    log.failAppends = null;
    await room.serverTransact((doc) => addCard(doc, { title: 'after', author: 'facilitator' }));
    expect(await loadedTitles(log)).toEqual(['after']);
  });

  it('applies an update from another instance and sends it to its peers, without storing or publishing it again', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const here = await open(log, { bus, instance: 1 });
    const there = await open(log, { bus, instance: 2 });
    const writer = join(here);
    const reader = join(there);

    expect(await here.applyClientUpdate(writer, writer.change((doc) => addCard(doc, { title: 'across', author: 'p1' })))).toEqual({ ok: true });
    await until(() => titles(reader.doc).length === 1, 'the peer on the other instance has the card');

    expect(titles(there.doc)).toEqual(['across']);
    expect(log.seqs(BOARD, DOC)).toEqual([1]);
    expect(bus.published).toEqual([{ instance: 1, seq: 1 }]);
    expect(there.watermark).toBe(1);
  });

  it('reads a lost message back from the log when a later one arrives', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    bus.drops = (seq) => seq === 2;
    const here = await open(log, { bus, instance: 1 });
    const there = await open(log, { bus, instance: 2 });
    const writer = join(here);
    const reader = join(there);

    for (const title of ['one', 'two', 'three']) {
      expect(await here.applyClientUpdate(writer, writer.change((doc) => addCard(doc, { title, author: 'p1' })))).toEqual({ ok: true });
    }
    await until(() => titles(reader.doc).length === 3, 'the peer on the other instance has all three cards');
    expect(titles(there.doc)).toEqual(['one', 'three', 'two']);
    expect(there.watermark).toBe(3);
    expect(log.seqs(BOARD, DOC)).toEqual([1, 2, 3]);
  });

  it('reads the log every half second while the fan-out is down and it has peers', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    bus.healthy = false;
    bus.drops = () => true; // Redis is gone: nothing arrives through it
    const here = await open(log, { bus, instance: 1 });
    const there = await open(log, { bus, instance: 2 });
    const writer = join(here);
    const reader = join(there);

    await here.applyClientUpdate(writer, writer.change((doc) => addCard(doc, { title: 'polled', author: 'p1' })));
    await until(() => titles(reader.doc).length === 1, 'the peer on the other instance has the card');
    expect(titles(reader.doc)).toEqual(['polled']);
  });

  it('compacts up to what it has applied in order: a later update of another instance stays in the log', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const lost = new Set<number>();
    bus.drops = (seq) => lost.has(seq);
    const here = await open(log, { bus, instance: 1 });
    const there = await open(log, { bus, instance: 2 });
    const a = join(here);
    const b = join(there);

    await here.applyClientUpdate(a, a.change((doc) => addCard(doc, { title: 'one', author: 'p1' })));
    await until(() => there.watermark === 1, 'the other instance applied seq 1');
    lost.add(2); // seq 2 of the other instance does not reach this one (yet)
    await there.applyClientUpdate(b, b.change((doc) => addCard(doc, { title: 'two', author: 'p1' })));
    await here.applyClientUpdate(a, a.change((doc) => addCard(doc, { title: 'three', author: 'p1' })));
    expect(here.watermark).toBe(1); // 3 is applied here, 2 is not

    await here.unload(); // compacts
    expect(log.seqs(BOARD, DOC)).toEqual([2, 3]);
    expect(await loadedTitles(log)).toEqual(['one', 'three', 'two']);
    await there.unload();
  });

  it('catches up from the snapshot when another instance compacted past what it missed', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    bus.drops = (seq) => seq === 1;
    const here = await open(log, { bus, instance: 1 });
    const there = await open(log, { bus, instance: 2 });
    const a = join(here);
    const reader = join(there);

    await here.applyClientUpdate(a, a.change((doc) => addCard(doc, { title: 'one', author: 'p1' })));
    await log.compact(BOARD, DOC, Y.encodeStateAsUpdate(here.doc), 1); // as the first instance would, on its own
    await here.applyClientUpdate(a, a.change((doc) => addCard(doc, { title: 'two', author: 'p1' })));
    await until(() => titles(reader.doc).length === 2, 'the peer on the other instance has both cards');
    expect(there.watermark).toBe(2);
  });
});
