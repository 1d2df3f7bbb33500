import { describe, expect, it } from 'vitest';
import { addCard, readClusters } from '../../shared/boardDoc.js';
import { readMeta, readProgressCheck, readTally } from '../../shared/controlDoc.js';
import type { PriorityList } from '../../shared/export/index.js';
import { Agreements } from '../../server/agreement/Agreements.js';
import { Signoffs } from '../../server/agreement/Signoffs.js';
import { resolveAccess, type Access } from '../../server/auth/Access.js';
import { Exports } from '../../server/export/Exports.js';
import { FollowThrough } from '../../server/register/FollowThrough.js';
import { ProgressCheck } from '../../server/register/ProgressCheck.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import type { Stores } from '../../server/storage/Stores.js';
import { StoreUnavailable } from '../../server/storage/StoreUnavailable.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { instance } from './support.js';

/**
 * Freezing and exporting read rounds, tallies, details and the draft from the stored facts, never from the control
 * document: a drawing that failed (the database went away after the command's write) leaves the document behind
 * the store, and neither a frozen version nor a file may follow the lagging drawing.
 */
const down = () => new StoreUnavailable(new Error('connection refused'));

async function revealedWorkshop() {
  const log = new MemoryDocumentLog();
  const stores = openSqliteStores(':memory:');
  const run = instance(log, stores);
  const board = await run.workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en', groups: ['Company', 'Union'] }, 'http://localhost');
  await run.rooms.withRoom(board.boardId, (room) => room.board.serverTransact((doc) => void addCard(doc, { title: 'Skills shortage', author: 'facilitator' })));
  const voters: Access[] = [];
  for (const name of ['Anna', 'Bram']) {
    const joined = await run.workshops.join(board.boardId, { joinCode: board.joinCode, name, group: 'Company' });
    voters.push(await accessOf(stores, board.boardId, joined.token));
  }
  const round = await run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false });
  const cardId = round.items[0]!.id;
  for (const voter of voters) await run.rounds.cast(voter, round.id, { [cardId]: 2 });
  const facilitator = await accessOf(stores, board.boardId, board.facilitatorToken);
  const agreements = new Agreements(stores.agreements, stores.ballots, stores.facts, run.rooms, run.projection);
  const exports = new Exports(stores.identity, stores.facts, stores.agreements, run.rooms);
  const json = async () => JSON.parse(String((await exports.exportFile(facilitator, { format: 'json' })).body)) as PriorityList;
  return { log, stores, run, board, round, cardId, agreements, json };
}

async function accessOf(stores: Stores, boardId: string, token: string): Promise<Access> {
  const access = await resolveAccess(stores.identity, boardId, token);
  if (!access.ok) throw new Error('no access');
  return access.access;
}

describe('freezing and exporting read the stored facts', () => {
  it('exports the stored tally of a reveal whose drawing failed', async () => {
    const { log, stores, run, board, round, json } = await revealedWorkshop();
    log.failAppends = down();
    await expect(run.rounds.reveal(board.boardId, round.id)).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    await run.rooms.withRoom(board.boardId, (room) => expect(readTally(room.control.doc, round.id)).toBeUndefined());
    const list = await json();
    expect(list).toMatchObject({ status: 'not-agreed', roundId: round.id, voters: { total: 2 } });
    expect(list.items.map((item) => item.votes?.total)).toEqual([4]);
    await stores.close();
  });

  it('freezes and exports the details stored by an edit whose drawing failed', async () => {
    const { log, stores, run, board, round, cardId, agreements, json } = await revealedWorkshop();
    await run.rounds.reveal(board.boardId, round.id);
    await agreements.saveDraft(board.boardId, { roundId: round.id, items: [{ itemId: cardId, title: 'Skills', owner: 'Region', nextStep: 'Pilot' }] });
    log.failAppends = down();
    await expect(run.workshops.editDetails(board.boardId, { title: 'Forum Kronoberg' })).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    await run.rooms.withRoom(board.boardId, (room) => expect(readMeta(room.control.doc)?.title).toBe('Forum'));
    expect((await json()).board.title).toBe('Forum Kronoberg');
    await agreements.freeze(board.boardId);
    expect((await stores.agreements.latest(board.boardId))?.list.board.title).toBe('Forum Kronoberg');
    await stores.close();
  });
});

describe('a freeze retried after its drawing failed', () => {
  it('answers the version it stored instead of freezing a second one', async () => {
    const { log, stores, run, board, round, cardId, agreements } = await revealedWorkshop();
    await run.rounds.reveal(board.boardId, round.id);
    const draft = { roundId: round.id, items: [{ itemId: cardId, title: 'Skills', owner: 'Region', nextStep: 'Pilot' }] };
    await agreements.saveDraft(board.boardId, draft);
    log.failAppends = down();
    await expect(agreements.freeze(board.boardId)).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    const [first] = await stores.agreements.list(board.boardId);
    expect(await agreements.freeze(board.boardId)).toEqual({ version: { version: 1, frozenAt: first!.frozenAt }, fresh: false });
    expect((await stores.agreements.list(board.boardId)).map((a) => a.version)).toEqual([1]);

    // A changed draft is a new version.
    await agreements.saveDraft(board.boardId, { ...draft, items: [{ ...draft.items[0]!, nextStep: 'Pilot, then scale up' }] });
    expect(await agreements.freeze(board.boardId)).toMatchObject({ version: { version: 2 }, fresh: true });
    await stores.close();
  });
});

describe('carrying a follow-up\'s open items', () => {
  it('reads the register as stored: an item reported done whose drawing failed is not carried', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const run = instance(log, stores);
    const source = await run.workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
    const item = (itemId: string, position: number) => ({
      itemId,
      position,
      title: `Priority ${position}`,
      owner: 'Port',
      status: 'not-started' as const,
      dropReason: null,
      progress: null,
      nextReview: null,
      source: { version: 1, rank: position, kind: 'theme' as const, cards: [], mergedFrom: [], votes: null },
    });
    await stores.register.create(source.boardId, { fromVersion: 1, frozenAt: 1, createdAt: 1, items: [item('t1', 1), item('t2', 2)] });
    const followUp = await run.workshops.createBoard({ title: 'Review', question: '', language: 'en' }, 'http://localhost', {
      state: { sourceBoardId: source.boardId, currentItemId: 't1', reporterId: null, carried: [] },
      grant: { sourceBoardId: source.boardId, grantedBy: 'grant', cap: 20 },
    });
    const followThrough = new FollowThrough(stores.register, stores.agreements, stores.facts, stores.identity, new Signoffs(stores.agreements, stores.identity, stores.facts, run.projection), stores.forums, run.projection);
    const progressCheck = new ProgressCheck(followThrough, stores.register, stores.facts, stores.identity, run.rooms, run.projection);
    await run.rooms.withRoom(followUp.boardId, (room) => expect(readProgressCheck(room.control.doc)?.items.map((i) => i.status)).toEqual(['not-started', 'not-started']));

    log.failAppends = down();
    await expect(followThrough.update({ boardId: source.boardId, reader: { kind: 'facilitator' } }, 't1', { status: 'done', note: '' })).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    await run.rooms.withRoom(followUp.boardId, (room) => expect(readProgressCheck(room.control.doc)?.items[0]?.status).toBe('not-started'));

    expect(await progressCheck.carryOpenItems(followUp.boardId)).toEqual({ carried: 1 });
    await run.rooms.withRoom(followUp.boardId, (room) => expect(readClusters(room.board.doc).map((theme) => theme.title)).toEqual(['Priority 2']));
    await stores.close();
  });
});
