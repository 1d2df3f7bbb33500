import { describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import { FakePeer } from './FakePeer.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { instance } from './support.js';

/**
 * Revealing the silent cards while a participant still types: the card stored while the reveal waits for the
 * database (a PostgreSQL round trip) is acknowledged, so it must end up on the board or stay in the private list.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function silentBoard() {
  const log = new MemoryDocumentLog();
  const stores = openSqliteStores(':memory:');
  const { rooms, workshops } = instance(log, stores);
  const board = await workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
  const anna = await workshops.join(board.boardId, { joinCode: board.joinCode, name: 'Anna', group: 'Company' });
  await workshops.setPhase(board.boardId, 'collect');
  await workshops.updateSettings(board.boardId, { silentCollect: true });
  const room = await rooms.acquire(board.boardId);
  const list = await room.privateList(anna.participantId);
  const peer = new FakePeer({ role: 'participant', authorId: anna.participantId, cardKey: null });
  const write = (title: string) => list.applyClientUpdate(peer, peer.change((doc) => addCard(doc, { title, author: anna.participantId })));
  return { log, stores, room, list, write, participantId: anna.participantId, workshops, boardId: board.boardId };
}

describe('the silent reveal', () => {
  it('moves a card stored while it waits for the database, or leaves it in the private list', async () => {
    const { log, stores, room, list, write, participantId } = await silentBoard();
    expect(await write('Card A')).toEqual({ ok: true });

    log.hold();
    const reveal = room.revealPrivateCards([participantId]);
    await settle();
    const typed = write('Card B');
    await settle();
    log.release();
    expect(await reveal).toBe(1);
    expect(await typed).toEqual({ ok: true });

    const onBoard = readCards(room.board.doc).map((c) => c.title);
    const stillPrivate = readCards(list.doc).map((c) => c.title);
    expect(onBoard).toEqual(['Card A']);
    expect(stillPrivate).toEqual(['Card B']);
    // The next reveal brings it out.
    expect(await room.revealPrivateCards([participantId])).toBe(1);
    expect(readCards(room.board.doc).map((c) => c.title).sort()).toEqual(['Card A', 'Card B']);
    expect(readCards(list.doc)).toEqual([]);
    await stores.close();
  });

  it('leaves no card in a private list once "Reveal all cards" has answered: one typed meanwhile is moved, or refused', async () => {
    const { log, stores, room, list, write, workshops, boardId } = await silentBoard();
    expect(await write('Card A')).toEqual({ ok: true });

    log.hold();
    const reveal = workshops.revealCards(boardId);
    await settle();
    const typed = write('Card B');
    await settle();
    log.release();
    await reveal;
    const answer = await typed;
    const onBoard = readCards(room.board.doc).map((c) => c.title).sort();
    // With silent collect over, a card left in a private list is shown nowhere: its author's screen shows the board.
    expect(readCards(list.doc)).toEqual([]);
    expect(onBoard).toEqual(answer.ok ? ['Card A', 'Card B'] : ['Card A']);
    await stores.close();
  });

  it('keeps a card stored after a refused change rebuilt the list while the reveal waited for the board', async () => {
    const { log, stores, room, list, write, participantId } = await silentBoard();
    expect(await write('Card A')).toEqual({ ok: true });
    // The owner's second tab sends a card in someone else's name: refused after it was applied.
    const forger = new FakePeer({ role: 'participant', authorId: participantId, cardKey: null });

    log.hold();
    // The board's queue is busy storing another change, so the reveal's copy waits its turn there.
    const busy = room.board.serverTransact((doc) => addCard(doc, { title: 'Facilitator card', author: 'facilitator' }));
    const reveal = room.revealPrivateCards([participantId]);
    await settle();
    // A change the list's policy refuses makes the room rebuild the list's document; then its owner types on.
    const refused = list.applyClientUpdate(forger, forger.change((doc) => addCard(doc, { title: 'Not mine', author: 'someone-else' })));
    const typed = write('Card C');
    await settle();
    log.release();
    await busy;
    await reveal;
    expect(await refused).toMatchObject({ ok: false, kind: 'refused' });
    expect(await typed).toEqual({ ok: true });
    const everywhere = [...readCards(room.board.doc), ...readCards(list.doc)].map((c) => c.title).sort();
    expect(everywhere).toEqual(['Card A', 'Card C', 'Facilitator card']);
    await stores.close();
  });
});
