import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/boardDoc.js';
import { readMeta, readParticipants, readRounds } from '../../shared/controlDoc.js';
import { VoteRounds } from '../../server/ballots/VoteRounds.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import { StoreUnavailable } from '../../server/storage/StoreUnavailable.js';
import { Workshops } from '../../server/workshops/Workshops.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { registry } from './support.js';

/**
 * A command that stores a fact and then shows it in the control document can fail in between (the database
 * goes away). Neither half may stay on its own: a participant the board never showed does not keep a place, and
 * a round stored as open but never shown does not block every later open.
 */
function setUp() {
  const log = new MemoryDocumentLog();
  const stores = openSqliteStores(':memory:');
  const rooms = registry(log, 60_000);
  const workshops = new Workshops(stores.identity, stores.ballots, rooms, { lastActivityAt: async () => 0 });
  const rounds = new VoteRounds(stores.ballots, stores.identity, rooms);
  return { log, stores, rooms, workshops, rounds };
}

const down = () => new StoreUnavailable(new Error('connection refused'));

describe('a command interrupted between storing and showing', () => {
  it('takes back a join the board could not show, so the retry is the only place taken', async () => {
    const { log, stores, rooms, workshops } = setUp();
    const board = await workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
    log.failAppends = down();
    await expect(workshops.join(board.boardId, { joinCode: board.joinCode, name: 'Anna', group: 'Company' })).rejects.toBeInstanceOf(StoreUnavailable);
    expect(await stores.identity.listParticipants(board.boardId)).toEqual([]);

    log.failAppends = null;
    const joined = await workshops.join(board.boardId, { joinCode: board.joinCode, name: 'Anna', group: 'Company' });
    expect((await stores.identity.listParticipants(board.boardId)).map((p) => p.id)).toEqual([joined.participantId]);
    await rooms.withRoom(board.boardId, (room) => expect(readParticipants(room.control.doc).map((p) => p.id)).toEqual([joined.participantId]));
    await stores.close();
  });

  it('shows, when the next open is refused, a round stored as open whose publication failed', async () => {
    const { log, stores, rooms, workshops, rounds } = setUp();
    const board = await workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
    await rooms.withRoom(board.boardId, (room) => room.board.serverTransact((doc) => void addCard(doc, { title: 'Skills shortage', author: 'facilitator' })));
    log.failAppends = down();
    await expect(rounds.open(board.boardId, { budget: 5, cap: 3, anonymous: true })).rejects.toBeInstanceOf(StoreUnavailable);
    expect((await stores.ballots.listRounds(board.boardId)).map((r) => r.state)).toEqual(['open']);

    log.failAppends = null;
    // Still refused (that round has its own settings), but now the board shows the round the refusal names.
    await expect(rounds.open(board.boardId, { budget: 9, cap: 9, anonymous: false })).rejects.toMatchObject({ code: 'round-already-open' });
    const [stored] = await stores.ballots.listRounds(board.boardId);
    await rooms.withRoom(board.boardId, (room) => {
      expect(readRounds(room.control.doc).map((r) => ({ id: r.id, state: r.state }))).toEqual([{ id: stored!.id, state: 'open' }]);
      expect(readMeta(room.control.doc)?.phase).toBe('vote');
    });
    // And it can be closed and revealed like any round.
    expect((await rounds.close(board.boardId, stored!.id)).state).toBe('closed');
    await stores.close();
  });
});
