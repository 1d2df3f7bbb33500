import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { DocRoom } from '../../server/rooms/DocRoom.js';
import type { ChangePolicy } from '../../server/rooms/types.js';
import { MADE_UP_SYNC_REQUEST } from '../../fixtures/attacks.js';
import { decodeClientMessage } from '../../server/rooms/wire.js';
import { FakePeer } from './FakePeer.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { metrics, roomOptions } from './support.js';

/** What answering sync requests costs a room, counted in encodes: shared per version, skipped for peers gone. */

const noForbidden: ChangePolicy = {
  check: (_tr, doc) => (readCards(doc).some((c) => c.title === 'forbidden') ? 'no such cards' : null),
  accepted: () => {},
  reset: () => {},
};

async function openRoom() {
  const log = new MemoryDocumentLog();
  const counted = metrics();
  const room = await DocRoom.open('b1', 'board', log, noForbidden, counted, roomOptions());
  const author = new FakePeer();
  room.greet(author);
  expect(await room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'first', author: 'p1' })))).toEqual({ ok: true });
  return { log, room, author, encodes: () => counted.syncAnswersEncoded.value };
}

const madeUpVector = decodeClientMessage(MADE_UP_SYNC_REQUEST);
const stateVector = madeUpVector.kind === 'sync-step1' ? madeUpVector.stateVector : new Uint8Array();

describe('answering sync requests', () => {
  it('encodes the whole state once per version for everyone asking with nothing or with made-up clients', async () => {
    const { room, author, encodes } = await openRoom();
    const askers = Array.from({ length: 5 }, () => new FakePeer());
    for (const asker of askers) {
      room.greet(asker);
      await room.answerSyncStep1(asker, stateVector);
      await room.answerSyncStep1(asker, Y.encodeStateVector(new Y.Doc()));
    }
    expect(encodes()).toBe(1);
    for (const asker of askers) expect(readCards(asker.doc).map((c) => c.title)).toEqual(['first']);

    // A refused change leaves the accepted state, and its answer, as they were; an accepted one is a new version.
    expect((await room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'forbidden', author: 'p1' })))).ok).toBe(false);
    await room.answerSyncStep1(askers[0], stateVector);
    expect(encodes()).toBe(1);
    const fresh = new FakePeer();
    expect(await room.applyClientUpdate(fresh, fresh.change((doc) => addCard(doc, { title: 'second', author: 'p1' })))).toEqual({ ok: true });
    await room.answerSyncStep1(askers[0], stateVector);
    expect(encodes()).toBe(2);
  });

  it('encodes a bounded number of answers for vectors naming the document’s own client at ever other clocks, and the whole state past them', async () => {
    const { room, author, encodes } = await openRoom();
    for (let i = 0; i < 40; i++) {
      expect(await room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: `card ${i}`, author: 'p1' })))).toEqual({ ok: true });
    }
    const before = encodes();
    const askers = Array.from({ length: 40 }, () => new FakePeer());
    for (const [clock, asker] of askers.entries()) {
      room.greet(asker);
      await room.answerSyncStep1(asker, Y.encodeStateVector(new Map([[author.doc.clientID, clock + 1]])));
    }
    // Eight at once and one a second, plus the whole state once.
    expect(encodes() - before).toBeLessThanOrEqual(10);
    expect(askers.every((asker) => asker.received.length > 0)).toBe(true);
    const newcomer = new FakePeer();
    room.greet(newcomer);
    await room.answerSyncStep1(newcomer, Y.encodeStateVector(new Y.Doc()));
    expect(readCards(newcomer.doc)).toHaveLength(41);
  });

  it('skips an answer still queued when its peer leaves', async () => {
    const { log, room, author, encodes } = await openRoom();
    const asker = new FakePeer();
    room.greet(asker);
    log.hold(); // a change is being stored: the request waits behind it
    const storing = room.applyClientUpdate(author, author.change((doc) => addCard(doc, { title: 'second', author: 'p1' })));
    const answered = room.answerSyncStep1(asker, stateVector);
    room.leave(asker);
    const receivedBefore = asker.received.length;
    log.release();
    await Promise.all([storing, answered]);
    expect(encodes()).toBe(0);
    expect(asker.received.length).toBe(receivedBefore);
  });
});
