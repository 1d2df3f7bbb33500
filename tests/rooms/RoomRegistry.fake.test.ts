import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, readCards } from '../../shared/boardDoc.js';
import type { Access } from '../../server/auth/Access.js';
import { documentOfPath } from '../../server/sync/documentPath.js';
import { FakePeer } from './FakePeer.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { MemoryBus } from './MemoryFanout.js';
import { registry } from './support.js';

/** Loading and unloading boards, and the table of a board's documents, in process with an in-memory log. */

function access(role: Access['role'], participantId: string | null): Access {
  const id = participantId ?? role;
  return {
    boardId: 'b1',
    role,
    coFacilitator: false,
    participantId,
    writer: { role, authorId: participantId, cardKey: null },
    tokenHash: `hash-${id}`,
    identity: { id, role, name: null, organisation: null, group: null },
  };
}

const titles = (doc: Y.Doc) => readCards(doc).map((c) => c.title).sort();
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('the room registry', () => {
  it('loads a board once for acquirers arriving together, and hands out no room before it is loaded', async () => {
    const log = new MemoryDocumentLog();
    let open!: () => void;
    log.loadGate = new Promise((resolve) => (open = resolve));
    const rooms = registry(log);
    let loaded = false;
    const first = rooms.acquire('b1').then((room) => ((loaded = true), room));
    const second = rooms.acquire('b1');
    await settle();
    expect(loaded).toBe(false);
    open();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(log.loads.sort()).toEqual(['b1/board', 'b1/control', 'b1/drafts']);
    expect(a.control.doc).toBeInstanceOf(Y.Doc);
  });

  it('applies an update published by another instance while the document was loading, once it is loaded', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    let open!: () => void;
    log.loadGate = new Promise((resolve) => (open = resolve));
    const rooms = registry(log, 0, bus);
    const loading = rooms.acquire('b1');
    await settle();
    // Another instance stores and publishes a card while this one is still reading the log.
    const other = new Y.Doc();
    addCard(other, { title: 'meanwhile', author: 'facilitator' });
    const update = Y.encodeStateAsUpdate(other);
    const seq = await log.append('b1', 'board', update);
    bus.fanout(2).publish('b1', 'board', seq, update);
    await settle();
    open();
    const room = await loading;
    expect(titles(room.board.doc)).toEqual(['meanwhile']);
    expect(room.board.watermark).toBe(1);
  });

  it('unloads a board only when every acquirer let go, and loads it again with everything stored', async () => {
    const log = new MemoryDocumentLog();
    const rooms = registry(log);
    const held = await rooms.acquire('b1');
    await rooms.withRoom('b1', (room) => room.board.serverTransact((doc) => addCard(doc, { title: 'kept', author: 'facilitator' })));
    await settle();
    expect(rooms.size).toBe(1); // the first acquirer still holds it
    rooms.release('b1');
    // An acquirer arriving around the unload (waiting for it if it runs) gets a room with what was stored.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const again = await rooms.acquire('b1');
    expect(titles(again.board.doc)).toEqual(['kept']);
    rooms.release('b1');
    await settle();
    expect(rooms.size).toBe(0);
    expect(held).not.toBe(again);
  });

  it('forgets a load that failed, so the next acquirer tries again', async () => {
    const log = new MemoryDocumentLog();
    const rooms = registry(log);
    log.loadGate = new Error('connection refused');
    await expect(rooms.acquire('b1')).rejects.toThrow('connection refused');
    rooms.release('b1');
    log.loadGate = null;
    const room = await rooms.acquire('b1');
    expect(room.board.doc).toBeInstanceOf(Y.Doc);
    rooms.release('b1');
  });
});

describe("a board's documents", () => {
  it('opens each document to whom its kind allows, loading private lists on first use', async () => {
    const log = new MemoryDocumentLog();
    const room = await registry(log).acquire('b1');
    const anna = access('participant', 'anna');
    expect(await room.open('board', anna)).toBe(room.board);
    expect(await room.open('control', anna)).toBe(room.control);
    expect(await room.open('drafts', anna)).toBeNull();
    expect(await room.open('drafts', access('facilitator', null))).toBe(room.drafts);
    expect(await room.open('private/erik', anna)).toBeNull();
    const list = await room.open('private/anna', anna);
    expect(list?.name).toBe('private/anna');
    expect(await room.privateList('anna')).toBe(list);
    expect(await room.open('breakout', anna)).toBeNull();

    const peer = new FakePeer({ role: 'participant', authorId: 'anna', cardKey: null });
    list!.greet(peer);
    room.board.greet(new FakePeer());
    expect(room.peerCount).toBe(2);
  });

  it('routes a WebSocket path to a document of the table, and no other', () => {
    expect(documentOfPath('/ws/b1')).toEqual({ boardId: 'b1', docName: 'board' });
    expect(documentOfPath('/ws/b1/control')).toEqual({ boardId: 'b1', docName: 'control' });
    expect(documentOfPath('/ws/b1/drafts')).toEqual({ boardId: 'b1', docName: 'drafts' });
    expect(documentOfPath('/ws/b1/private/p-7')).toEqual({ boardId: 'b1', docName: 'private/p-7' });
    for (const path of ['/ws/b1/board', '/ws/b1/other', '/ws/b1/private/', '/ws/b1/private/a/b', '/ws/', '/api/boards']) {
      expect(documentOfPath(path)).toBeNull();
    }
  });
});
