import { describe, expect, it } from 'vitest';
import { addCard } from '../../shared/boardDoc.js';
import { readMeta, readParticipants, readRound, readRounds, readTally } from '../../shared/controlDoc.js';
import { resolveAccess } from '../../server/auth/Access.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import type { BoardFacts } from '../../server/storage/BoardFacts.js';
import type { Stores } from '../../server/storage/Stores.js';
import { StoreUnavailable } from '../../server/storage/StoreUnavailable.js';
import { MemoryDocumentLog } from './MemoryDocumentLog.js';
import { MemoryBus } from './MemoryFanout.js';
import { eventually, instance } from './support.js';

/**
 * A command stores its facts and then has the projection draw the control document; the drawing can fail in
 * between (the database goes away). Nothing may stay half-done: the next command, a retry or the next load draws
 * what is stored. With several instances, what each shows converges on what is stored.
 */
const down = () => new StoreUnavailable(new Error('connection refused'));

async function workshopWithVotes(stores: Stores, run: ReturnType<typeof instance>, voters = 3) {
  const board = await run.workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en', groups: ['Company', 'Union'] }, 'http://localhost');
  await run.rooms.withRoom(board.boardId, (room) => room.board.serverTransact((doc) => void addCard(doc, { title: 'Skills shortage', author: 'facilitator' })));
  const people = [];
  for (let i = 0; i < voters; i++) {
    const joined = await run.workshops.join(board.boardId, { joinCode: board.joinCode, name: `P${i}`, group: i % 2 ? 'Union' : 'Company' });
    const access = await resolveAccess(stores.identity, board.boardId, joined.token);
    if (!access.ok) throw new Error('no access');
    people.push(access.access);
  }
  return { board, people };
}

/** The board's state store, which refuses every change of the state while `refusing` (the database went away). */
function refusingState(stores: Stores) {
  const state = {
    refusing: false,
    facts: Object.assign(Object.create(stores.facts) as BoardFacts, {
      putState: (...args: Parameters<BoardFacts['putState']>) => (state.refusing ? Promise.reject(down()) : stores.facts.putState(...args)),
    }),
  };
  return state;
}

describe('a command interrupted between storing and showing', () => {
  it('shows the tally of a reveal whose drawing failed when the reveal is tried again, and on the next load', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const run = instance(log, stores);
    const { board, people } = await workshopWithVotes(stores, run);
    const round = await run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false });
    for (const voter of people) await run.rounds.cast(voter, round.id, { [round.items[0]!.id]: 2 });

    log.failAppends = down();
    await expect(run.rounds.reveal(board.boardId, round.id)).rejects.toBeInstanceOf(StoreUnavailable);
    expect((await stores.ballots.getRound(board.boardId, round.id))?.state).toBe('revealed');
    log.failAppends = null;

    // The next load (the room unloaded meanwhile) shows what is stored.
    await run.rooms.unloadNow(board.boardId);
    await run.rooms.withRoom(board.boardId, (room) => {
      expect(readRound(room.control.doc, round.id)?.state).toBe('revealed');
      expect(readTally(room.control.doc, round.id)?.items[0]?.total).toBe(6);
      expect(readMeta(room.control.doc)?.phase).toBe('results');
    });
    // Trying again answers the stored tally instead of refusing a round that is already revealed.
    const tally = await run.rounds.reveal(board.boardId, round.id);
    expect(tally.voters.total).toBe(3);
    // And a run-off can follow from it.
    const runoff = await run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false, runoff: { fromRound: round.id, top: 1 } });
    expect(runoff.items.map((item) => item.id)).toEqual([round.items[0]!.id]);
    await stores.close();
  });

  it('shows the tally of a reveal whose drawing failed at the next command, with the room still loaded', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const run = instance(log, stores);
    const { board, people } = await workshopWithVotes(stores, run, 2);
    const round = await run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: true });
    for (const voter of people) await run.rounds.cast(voter, round.id, { [round.items[0]!.id]: 1 });
    log.failAppends = down();
    await expect(run.rounds.reveal(board.boardId, round.id)).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    await run.workshops.commandTimer(board.boardId, { action: 'start', seconds: 60 });
    await run.rooms.withRoom(board.boardId, (room) => {
      expect(readRound(room.control.doc, round.id)).toMatchObject({ state: 'revealed', voters: { total: 2 } });
      expect(readTally(room.control.doc, round.id)?.items[0]?.total).toBe(2);
    });
    await stores.close();
  });

  it('opens a round when opening is tried again after its change of phase failed', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const state = refusingState(stores);
    const run = instance(log, { ...stores, facts: state.facts });
    const { board } = await workshopWithVotes(stores, run, 0);
    state.refusing = true;
    await expect(run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false })).rejects.toThrow();
    state.refusing = false;
    const round = await run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false });
    await run.rooms.withRoom(board.boardId, (room) => {
      expect(readRounds(room.control.doc).map((r) => ({ id: r.id, state: r.state }))).toEqual([{ id: round.id, state: 'open' }]);
      expect(readMeta(room.control.doc)?.phase).toBe('vote');
    });
    await stores.close();
  });

  it('finishes a reveal whose change of phase failed when the reveal is tried again: the tally and the results phase', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const state = refusingState(stores);
    const run = instance(log, { ...stores, facts: state.facts });
    const { board, people } = await workshopWithVotes(stores, run, 2);
    const round = await run.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false });
    for (const voter of people) await run.rounds.cast(voter, round.id, { [round.items[0]!.id]: 1 });
    // The database goes away after the reveal's first write (the round, its tally) and before its second (the phase).
    state.refusing = true;
    await expect(run.rounds.reveal(board.boardId, round.id)).rejects.toThrow();
    state.refusing = false;
    expect((await run.rounds.reveal(board.boardId, round.id)).voters.total).toBe(2);
    await run.rooms.withRoom(board.boardId, (room) => {
      expect(readTally(room.control.doc, round.id)?.items[0]?.total).toBe(2);
      expect(readMeta(room.control.doc)?.phase).toBe('results');
    });
    await stores.close();
  });

  it('creates a workshop once its facts are stored, whatever its drawing meets, and draws it when its room loads', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const run = instance(log, stores);
    log.failAppends = down();
    const board = await run.workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
    log.failAppends = null;
    await run.rooms.withRoom(board.boardId, (room) => expect(readMeta(room.control.doc)).toMatchObject({ title: 'Forum', phase: 'setup' }));
    await stores.close();
  });

  it('shows a participant whose join could not be shown at the next command, as stored', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const run = instance(log, stores);
    const board = await run.workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
    log.failAppends = down();
    await expect(run.workshops.join(board.boardId, { joinCode: board.joinCode, name: 'Anna', group: 'Company', language: 'sv' })).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    await run.workshops.setPhase(board.boardId, 'collect');
    const [stored] = await stores.identity.listParticipants(board.boardId);
    await run.rooms.withRoom(board.boardId, (room) => expect(readParticipants(room.control.doc)).toEqual([{ id: stored!.id, name: 'Anna', organisation: '', group: stored!.group, joinedAt: stored!.joinedAt, language: 'sv' }]));
    await stores.close();
  });

  it('shows a round stored as open whose drawing failed at the next command', async () => {
    const log = new MemoryDocumentLog();
    const stores = openSqliteStores(':memory:');
    const run = instance(log, stores);
    const { board } = await workshopWithVotes(stores, run, 0);
    log.failAppends = down();
    await expect(run.rounds.open(board.boardId, { budget: 5, cap: 3, anonymous: true })).rejects.toBeInstanceOf(StoreUnavailable);
    log.failAppends = null;
    const [stored] = await stores.ballots.listRounds(board.boardId);
    expect((await run.rounds.close(board.boardId, stored!.id)).state).toBe('closed');
    await run.rooms.withRoom(board.boardId, (room) => {
      expect(readRounds(room.control.doc).map((r) => ({ id: r.id, state: r.state }))).toEqual([{ id: stored!.id, state: 'closed' }]);
      expect(readMeta(room.control.doc)?.phase).toBe('vote');
    });
    await stores.close();
  });
});

describe('two instances on one store', () => {
  it('show the turnout stored after first ballots cast at once through each', async () => {
    for (let run = 0; run < 12; run++) {
      const log = new MemoryDocumentLog();
      const bus = new MemoryBus();
      const stores = openSqliteStores(':memory:');
      const a = instance(log, stores, bus, 1);
      const b = instance(log, stores, bus, 2);
      const { board, people } = await workshopWithVotes(stores, a, 2);
      const round = await a.rounds.open(board.boardId, { budget: 3, cap: 3, anonymous: false });
      await b.rooms.withRoom(board.boardId, () => undefined);
      // Appends held as a PostgreSQL round trip holds them: the first cast's count is shown while the second is cast.
      log.hold();
      const casts = [a.rounds.cast(people[0]!, round.id, { [round.items[0]!.id]: 1 })];
      await new Promise((resolve) => setTimeout(resolve, 1));
      casts.push(b.rounds.cast(people[1]!, round.id, { [round.items[0]!.id]: 1 }));
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.release();
      await Promise.all(casts);
      const stored = Object.values(await stores.ballots.countVoters(round.id)).reduce((sum, n) => sum + n, 0);
      expect(stored).toBe(2);
      for (const it of [a, b]) {
        await eventually(() => it.rooms.withRoom(board.boardId, (room) => expect(readRound(room.control.doc, round.id)?.voters.total, `run ${run}`).toBe(stored)));
      }
      await stores.close();
    }
  });

  it('keep every one of four settings changed at once, two through each', async () => {
    const log = new MemoryDocumentLog();
    const bus = new MemoryBus();
    const stores = openSqliteStores(':memory:');
    const a = instance(log, stores, bus, 1);
    const b = instance(log, stores, bus, 2);
    const board = await a.workshops.createBoard({ title: 'Forum', question: 'What first?', language: 'en' }, 'http://localhost');
    await b.rooms.withRoom(board.boardId, () => undefined);
    // Each off by default, so a change that is lost shows.
    const keys = ['silentCollect', 'participantsExport', 'collectReopened', 'anonymousCards'] as const;
    const all = Object.fromEntries(keys.map((key) => [key, true]));
    log.hold();
    const changes = keys.map((key, i) => [a, b][i % 2]!.workshops.updateSettings(board.boardId, { [key]: true }));
    await new Promise((resolve) => setTimeout(resolve, 1));
    log.release();
    await Promise.all(changes);
    expect((await stores.facts.getState(board.boardId))?.state.settings).toMatchObject(all);
    for (const it of [a, b]) {
      await eventually(() =>
        it.rooms.withRoom(board.boardId, (room) => expect(readMeta(room.control.doc)?.settings).toMatchObject(all)),
      );
    }
    await stores.close();
  });
});
