import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPriorityList, type PriorityList } from '../../shared/export/index.js';
import type { RoundItem, RoundSettings } from '../../shared/voting/index.js';
import { DomainError } from '../../server/DomainError.js';
import { openPostgresStores } from '../../server/storage/postgres/openPostgresStores.js';
import type { BoardState, ParticipantRecord } from '../../server/storage/records.js';
import { changeBoardState, type BoardFacts } from '../../server/storage/BoardFacts.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import type { Tally } from '../../shared/voting/index.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import { StoreUnavailable } from '../../server/storage/StoreUnavailable.js';
import type { Stores } from '../../server/storage/Stores.js';
import type { FollowUpGrant } from '../../server/storage/RegisterStore.js';
import { startPostgres, type RunningPostgres } from '../../fixtures/postgres.js';
import { sleep } from './support.js';
import { readStoredDoc, type RestorePoint } from '../../server/storage/DocumentLog.js';
import { MAX_KEPT_POINTS } from '../../server/storage/keptPoints.js';
import type { RegisterItem, RegisterItemState } from '../../shared/register.js';
import { checkRecord } from '../../server/storage/recordChain.js';
import type { SignoffDecision } from '../../shared/signoff.js';
import { FORUM_LIMITS } from '../../shared/forum.js';
import type { TimerState } from '../../shared/timer.js';
import type { Seating, TableInfo } from '../../shared/tables/seating.js';

/**
 * One contract, run unchanged against every store: what the rooms, the domain services and several server
 * instances rely on. "Another instance" is a second Stores opened on the same database.
 */

interface Backend {
  name: string;
  /** Opens the backend's database (the same one every time within the file). */
  open(): Promise<Stores>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
}

let postgres: RunningPostgres | undefined;
let postgresUrl = '';
const sqliteFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-contract-')), 'forumboard.db');

const backends: Backend[] = [
  {
    name: 'SQLite',
    open: async () => openSqliteStores(sqliteFile),
    setUp: async () => {},
    tearDown: async () => fs.rmSync(path.dirname(sqliteFile), { recursive: true, force: true }),
  },
  {
    name: 'PostgreSQL',
    open: () => openPostgresStores(postgresUrl),
    setUp: async () => {
      postgres = await startPostgres();
      postgresUrl = postgres.createDatabase('contract');
    },
    tearDown: async () => postgres?.dispose(),
  },
];

const SETTINGS: RoundSettings = { budget: 5, cap: 3, anonymous: false };
const ITEMS: RoundItem[] = [
  { id: 'c1', kind: 'card', title: 'Skills gap' },
  { id: 't1', kind: 'theme', title: 'Energy prices' },
];

const unique = (prefix: string) => `${prefix}_${crypto.randomBytes(6).toString('base64url')}`;
const codes = () => crypto.randomBytes(4).toString('hex').toUpperCase().slice(0, 6);

function boardState(title: string): BoardState {
  return {
    title,
    question: 'What next?',
    language: 'en',
    groups: [{ id: 'industry', name: 'Industry' }],
    phase: 'setup',
    settings: DEFAULT_SETTINGS,
    timer: { status: 'idle' },
    createdAt: 1_700_000_000_000,
    closedAt: null,
    presentation: null,
    concepts: [],
    agreementDraft: null,
  };
}

async function newBoard(stores: Stores, title = 'Kick-off', createdAt = 1_700_000_000_000) {
  const id = unique('b');
  const facilitatorHash = crypto.randomBytes(32).toString('hex');
  const joinCode = await stores.identity.createBoard({ id, title, createdAt }, [
    { hash: facilitatorHash, boardId: id, role: 'facilitator', participantId: null },
  ], codes, boardState(title));
  return { id, joinCode, facilitatorHash };
}

/** A follow-up board created with its registration (`grant`); its join code, or null when refused. */
function newFollowUp(stores: Stores, id: string, grant: FollowUpGrant): Promise<string | null> {
  const followUp = { sourceBoardId: grant.sourceBoardId, currentItemId: null, reporterId: null, carried: [] };
  return stores.identity.createBoard({ id, title: 'Follow-up', createdAt: 1 }, [], codes, { ...boardState('Follow-up'), followUp }, grant);
}

async function newParticipant(stores: Stores, boardId: string, group = 'industry', joinedAt = Date.now()): Promise<ParticipantRecord & { hash: string }> {
  const p = { id: unique('p'), boardId, name: 'Ada', organisation: 'Forge BV', group, joinedAt, language: null };
  const hash = crypto.randomBytes(32).toString('hex');
  expect(await stores.identity.addParticipant(p, hash, 1000)).toBe(true);
  return { ...p, hash };
}

function frozenList(version: number, frozenAt: number): PriorityList {
  return buildPriorityList({
    board: { title: 'Kick-off', question: 'What next?', language: 'en', groups: [] },
    cards: [],
    clusters: [],
    participants: [],
    rounds: [],
    tallies: {},
    agreement: { version, frozenAt, roundId: 'r_1', items: [] },
  });
}

function tallyOf(roundId: string): Tally {
  return {
    roundId,
    anonymous: false,
    groups: ['industry'],
    voters: { total: 1, byGroup: { industry: 1 } },
    items: [{ id: 'c1', kind: 'card', title: 'Skills gap', total: 2, byGroup: { industry: 2 }, balanced: 100, consensus: null, contested: false, rank: 1, balancedRank: 1 }],
  };
}

/** A Yjs update that adds one entry to the document's "entries" array. */
function entryUpdate(doc: Y.Doc, entry: string): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = u);
  doc.on('update', capture);
  doc.getArray<string>('entries').push([entry]);
  doc.off('update', capture);
  return update!;
}

/** A kept point of `doc` as it is now, with counts read from its entries. */
function keptPoint(seq: number, doc: Y.Doc): RestorePoint {
  return { seq, cards: doc.getArray('entries').length, merged: 0, themed: 1, themes: 1, state: Y.encodeStateAsUpdate(doc) };
}

/** What a room loading the document would show. */
async function loadedEntries(stores: Stores, boardId: string, docName: string): Promise<string[]> {
  const doc = await readStoredDoc(stores.log, boardId, docName);
  return [...doc.getArray<string>('entries').toArray()].sort();
}

describe.each(backends)('store contract on $name', (backend) => {
  let stores: Stores;
  let other: Stores;
  let startedAt = 0;

  beforeAll(async () => {
    startedAt = performance.now();
    await backend.setUp();
    stores = await backend.open();
    other = await backend.open();
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await stores?.close();
    await backend.tearDown();
    console.log(`store contract on ${backend.name}: ${Math.round(performance.now() - startedAt)} ms including start-up`);
  });

  describe('boards, tokens and people', () => {
    it('creates a board with a join code nobody else has, and finds it by id, code and token', async () => {
      const board = await newBoard(stores);
      expect(board.joinCode).toMatch(/^[0-9A-F]{6}$/);
      expect(await stores.identity.getBoard(board.id)).toEqual({ id: board.id, title: 'Kick-off', joinCode: board.joinCode, createdAt: 1_700_000_000_000 });
      expect((await other.identity.findBoardByJoinCode(board.joinCode))?.id).toBe(board.id);
      expect(await other.identity.findToken(board.facilitatorHash)).toEqual({ boardId: board.id, role: 'facilitator', participantId: null });
      expect(await stores.identity.getBoard('nope')).toBeUndefined();

      // A code already taken is drawn again, on either instance.
      const draws = [board.joinCode, board.joinCode, 'ZZ' + codes().slice(2)];
      const second = await other.identity.createBoard({ id: unique('b'), title: 'Second', createdAt: 1 }, [], () => draws.shift()!, boardState('Second'));
      expect(second).not.toBe(board.joinCode);
      const rotated = await stores.identity.rotateJoinCode(board.id, (() => {
        const next = [second, codes()];
        return () => next.shift()!;
      })());
      expect(rotated).not.toBe(second);
      expect((await stores.identity.getBoard(board.id))?.joinCode).toBe(rotated);
    });

    it('adds participants up to the cap, exactly, when two instances join people at once', async () => {
      const board = await newBoard(stores);
      const joins = Array.from({ length: 12 }, (_, i) => {
        const store = i % 2 === 0 ? stores : other;
        const p = { id: unique('p'), boardId: board.id, name: `P${i}`, organisation: '', group: 'unions', joinedAt: 1000 + i, language: null };
        return store.identity.addParticipant(p, crypto.randomBytes(32).toString('hex'), 5);
      });
      const added = await Promise.all(joins);
      expect(added.filter(Boolean)).toHaveLength(5);
      expect(await stores.identity.countAdmittedParticipants(board.id)).toBe(5);
      expect((await other.identity.listParticipants(board.id)).map((p) => p.joinedAt)).toEqual([...(await stores.identity.listParticipants(board.id)).map((p) => p.joinedAt)].sort((a, b) => a - b));
    });

    it('corrects and removes a participant with their token and ballots', async () => {
      const board = await newBoard(stores);
      const ada = await newParticipant(stores, board.id);
      expect(await other.identity.findToken(ada.hash)).toEqual({ boardId: board.id, role: 'participant', participantId: ada.id });
      expect((await stores.identity.listTokenHashes(board.id)).sort()).toEqual([board.facilitatorHash, ada.hash].sort());
      await other.identity.updateParticipant({ ...ada, name: 'Ada L.', group: 'science' });
      expect(await stores.identity.getParticipant(ada.id)).toMatchObject({ name: 'Ada L.', group: 'science', organisation: 'Forge BV' });
      const round = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 1 });
      await stores.ballots.putBallot({ roundId: round.id, participantId: ada.id, group: 'science', allocations: { c1: 2 }, updatedAt: 2 });
      await other.identity.removeParticipant(board.id, ada.id);
      expect(await stores.identity.getParticipant(ada.id)).toBeUndefined();
      expect(await stores.identity.findToken(ada.hash)).toBeUndefined();
      expect(await other.identity.listTokenHashes(board.id)).toEqual([board.facilitatorHash]);
      expect(await stores.ballots.listBallots(round.id)).toEqual([]);
    });

    it('lists, names and revokes shared links, never the creator own link', async () => {
      const board = await newBoard(stores);
      const observer = { hash: crypto.randomBytes(32).toString('hex'), boardId: board.id, role: 'observer' as const, participantId: null };
      const cofac = { hash: crypto.randomBytes(32).toString('hex'), boardId: board.id, role: 'facilitator' as const, participantId: null };
      await stores.identity.addToken(observer);
      await other.identity.addNamedLink(cofac, 'Co-host Bea', 1_700_000_000_500, board.facilitatorHash, 100);
      const links = await stores.identity.listLinks(board.id);
      expect(links).toEqual([
        { id: observer.hash.slice(0, 16), role: 'observer', name: '', createdAt: 1_700_000_000_000 },
        { id: cofac.hash.slice(0, 16), role: 'facilitator', name: 'Co-host Bea', createdAt: 1_700_000_000_500 },
      ]);
      expect(await stores.identity.linkName(cofac.hash)).toBe('Co-host Bea');
      expect(await other.identity.revokeLink(board.id, cofac.hash.slice(0, 16))).toEqual([cofac.hash]);
      expect(await other.identity.revokeLink(board.id, board.facilitatorHash.slice(0, 16))).toBeNull();
      expect(await stores.identity.findToken(cofac.hash)).toBeUndefined();
      expect(await stores.identity.findToken(board.facilitatorHash)).toBeDefined();
      expect((await stores.identity.listLinks(board.id)).map((l) => l.id)).toEqual([observer.hash.slice(0, 16)]);
    });

    it('keeps who minted each link, and revoking a link revokes every link minted through it', async () => {
      const board = await newBoard(stores);
      const link = (role: 'facilitator' | 'observer' | 'projector') => ({ hash: crypto.randomBytes(32).toString('hex'), boardId: board.id, role, participantId: null });
      const [cofac, projector, projectorOfProjector, observer] = [link('facilitator'), link('projector'), link('projector'), link('observer')];
      await stores.identity.addNamedLink(cofac, 'Co-host Bea', 10, board.facilitatorHash, 100);
      await other.identity.addNamedLink(projector, '', 11, cofac.hash, 100);
      await stores.identity.addNamedLink(projectorOfProjector, '', 12, projector.hash, 100);
      await other.identity.addNamedLink(observer, '', 13, board.facilitatorHash, 100);
      expect(await other.identity.findToken(projector.hash)).toEqual({ boardId: board.id, role: 'projector', participantId: null });
      expect((await stores.identity.listLinks(board.id)).map((l) => [l.id, l.role])).toEqual([
        [cofac.hash.slice(0, 16), 'facilitator'],
        [projector.hash.slice(0, 16), 'projector'],
        [projectorOfProjector.hash.slice(0, 16), 'projector'],
        [observer.hash.slice(0, 16), 'observer'],
      ]);

      expect(await other.identity.revokeLink(board.id, cofac.hash.slice(0, 16))).toEqual([cofac.hash, projector.hash, projectorOfProjector.hash]);
      for (const gone of [cofac, projector, projectorOfProjector]) expect(await stores.identity.findToken(gone.hash)).toBeUndefined();
      expect(await stores.identity.findToken(observer.hash)).toBeDefined();
      expect(await stores.identity.findToken(board.facilitatorHash)).toBeDefined();
      expect((await stores.identity.listLinks(board.id)).map((l) => l.id)).toEqual([observer.hash.slice(0, 16)]);
    });

    it('adds no link past the cap, across instances, and a revoked link frees its place', async () => {
      const board = await newBoard(stores);
      const link = () => ({ hash: crypto.randomBytes(32).toString('hex'), boardId: board.id, role: 'observer' as const, participantId: null });
      const minted = await Promise.all(Array.from({ length: 4 }, (_, i) => (i % 2 ? other : stores).identity.addNamedLink(link(), '', i, board.facilitatorHash, 3)));
      expect(minted.filter(Boolean)).toHaveLength(3);
      const refused = link();
      expect(await stores.identity.addNamedLink(refused, '', 5, board.facilitatorHash, 3)).toBe(false);
      expect(await stores.identity.findToken(refused.hash)).toBeUndefined();
      const [first] = await stores.identity.listLinks(board.id);
      await other.identity.revokeLink(board.id, first.id);
      expect(await stores.identity.addNamedLink(link(), '', 6, board.facilitatorHash, 3)).toBe(true);
      expect(await other.identity.listLinks(board.id)).toHaveLength(3);
    });

    it('keeps the latest activity and finds idle boards, and deletes a board with everything stored for it', async () => {
      const board = await newBoard(stores);
      expect(await stores.identity.lastActivity(board.id)).toBe(1_700_000_000_000);
      await stores.identity.touchBoard(board.id, 1_800_000_000_000);
      await other.identity.touchBoard(board.id, 1_750_000_000_000);
      expect(await other.identity.lastActivity(board.id)).toBe(1_800_000_000_000);
      expect(await stores.identity.listIdleBoards(1_800_000_000_001)).toContain(board.id);
      expect(await stores.identity.listIdleBoards(1_800_000_000_000)).not.toContain(board.id);

      const ada = await newParticipant(stores, board.id);
      const round = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 1 });
      await stores.ballots.putBallot({ roundId: round.id, participantId: ada.id, group: 'industry', allocations: { t1: 1 }, updatedAt: 2 });
      await stores.agreements.freeze(board.id, 3, (v) => frozenList(v, 3));
      await stores.identity.addNamedLink({ hash: crypto.randomBytes(32).toString('hex'), boardId: board.id, role: 'observer', participantId: null }, 'Steering group', 4, null, 100);
      await stores.log.append(board.id, 'board', entryUpdate(new Y.Doc(), 'card'));
      await stores.log.compact(board.id, 'board', Y.encodeStateAsUpdate(new Y.Doc()), 1, [keptPoint(1, new Y.Doc())]);
      await stores.log.append(board.id, 'control', entryUpdate(new Y.Doc(), 'phase'));

      await other.identity.deleteBoard(board.id);
      expect(await stores.identity.getBoard(board.id)).toBeUndefined();
      expect(await stores.identity.findToken(board.facilitatorHash)).toBeUndefined();
      expect(await stores.identity.listParticipants(board.id)).toEqual([]);
      expect(await stores.ballots.listRounds(board.id)).toEqual([]);
      expect(await stores.ballots.listBallotsOf(ada.id)).toEqual([]);
      expect(await stores.agreements.list(board.id)).toEqual([]);
      expect(await stores.identity.lastActivity(board.id)).toBeUndefined();
      for (const doc of ['board', 'control']) {
        expect(await stores.log.load(board.id, doc)).toEqual({ snapshot: null, snapshotSeq: 0, updates: [], lastSeq: 0 });
      }
      expect(await stores.log.keptPoints(board.id, 'board')).toEqual([]);
    });
  });

  describe('document log', () => {
    it('numbers each document 1, 2, 3 … on its own, and loads what was appended', async () => {
      const boardId = unique('b');
      const doc = new Y.Doc();
      expect(await stores.log.append(boardId, 'board', entryUpdate(doc, 'a'))).toBe(1);
      expect(await stores.log.append(boardId, 'board', entryUpdate(doc, 'b'))).toBe(2);
      expect(await stores.log.append(boardId, 'control', entryUpdate(new Y.Doc(), 'x'))).toBe(1);
      expect(await other.log.append(boardId, 'board', entryUpdate(doc, 'c'))).toBe(3);
      const loaded = await other.log.load(boardId, 'board');
      expect(loaded.snapshot).toBeNull();
      expect(loaded.snapshotSeq).toBe(0);
      expect(loaded.lastSeq).toBe(3);
      expect(loaded.updates.map((u) => u.seq)).toEqual([1, 2, 3]);
      expect(await loadedEntries(stores, boardId, 'board')).toEqual(['a', 'b', 'c']);
      expect((await stores.log.readAfter(boardId, 'board', 1)).map((u) => u.seq)).toEqual([2, 3]);
      expect(await stores.log.readAfter(boardId, 'board', 3)).toEqual([]);
    });

    it('keeps numbers contiguous under concurrent appends from two instances', async () => {
      const boardId = unique('b');
      const writers = [stores, other].map((store, w) => {
        const doc = new Y.Doc();
        return Promise.all(Array.from({ length: 40 }, (_, i) => store.log.append(boardId, 'board', entryUpdate(doc, `w${w}-${i}`))));
      });
      const [first, second] = await Promise.all(writers);
      const all = [...first, ...second].sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      const loaded = await stores.log.load(boardId, 'board');
      expect(loaded.lastSeq).toBe(80);
      expect(loaded.updates.map((u) => u.seq)).toEqual(all);
      expect(await loadedEntries(other, boardId, 'board')).toHaveLength(80);
    });

    it('compacts up to the watermark and never drops updates another instance appended after it', async () => {
      const boardId = unique('b');
      const mine = new Y.Doc();
      for (const entry of ['a', 'b', 'c']) await stores.log.append(boardId, 'board', entryUpdate(mine, entry));
      // Another instance appends 4 and 5, which this instance has not applied yet: its watermark stays 3.
      const theirs = new Y.Doc();
      for (const entry of ['d', 'e']) await other.log.append(boardId, 'board', entryUpdate(theirs, entry));
      expect(await stores.log.compact(boardId, 'board', Y.encodeStateAsUpdate(mine), 3)).toBe(true);

      const loaded = await other.log.load(boardId, 'board');
      expect(loaded.snapshotSeq).toBe(3);
      expect(loaded.updates.map((u) => u.seq)).toEqual([4, 5]);
      expect(loaded.lastSeq).toBe(5);
      expect(await loadedEntries(other, boardId, 'board')).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await stores.log.append(boardId, 'board', entryUpdate(mine, 'f'))).toBe(6);
    });

    it('keeps the newer snapshot when an instance behind compacts later', async () => {
      const boardId = unique('b');
      const ahead = new Y.Doc();
      for (const entry of ['a', 'b', 'c', 'd']) await stores.log.append(boardId, 'board', entryUpdate(ahead, entry));
      const behind = new Y.Doc();
      Y.applyUpdate(behind, (await stores.log.load(boardId, 'board')).updates[0].update);
      expect(await stores.log.compact(boardId, 'board', Y.encodeStateAsUpdate(ahead), 4)).toBe(true);
      // The instance that had only applied seq 1 would leave rows 2–4 covered by nothing: it is refused.
      expect(await other.log.compact(boardId, 'board', Y.encodeStateAsUpdate(behind), 1)).toBe(false);
      const loaded = await stores.log.load(boardId, 'board');
      expect(loaded.snapshotSeq).toBe(4);
      expect(await loadedEntries(stores, boardId, 'board')).toEqual(['a', 'b', 'c', 'd']);
    });

    it('loses no update while two instances append and compact at once, each up to its own watermark', async () => {
      const boardId = unique('b');
      const instances = [
        { store: stores, doc: new Y.Doc(), watermark: 0 },
        { store: other, doc: new Y.Doc(), watermark: 0 },
      ];
      for (let i = 0; i < 30; i++) {
        const writer = instances[i % 2];
        await writer.store.log.append(boardId, 'board', entryUpdate(writer.doc, `e${i}`));
        // The writer catches up from the store (snapshot and log, read together); the other one stays behind.
        const stored = await writer.store.log.load(boardId, 'board');
        if (stored.snapshot) Y.applyUpdate(writer.doc, stored.snapshot);
        for (const { update } of stored.updates) Y.applyUpdate(writer.doc, update);
        writer.watermark = stored.lastSeq;
        if (i % 5 === 4) await Promise.all(instances.map((it) => it.store.log.compact(boardId, 'board', Y.encodeStateAsUpdate(it.doc), it.watermark)));
      }
      expect(await loadedEntries(stores, boardId, 'board')).toEqual(Array.from({ length: 30 }, (_, i) => `e${i}`).sort());
    });

    it('keeps the points a compaction keeps, with it or not at all, and a point already kept as it was', async () => {
      const boardId = unique('b');
      const doc = new Y.Doc();
      for (const entry of ['a', 'b', 'c', 'd']) await stores.log.append(boardId, 'board', entryUpdate(doc, entry));
      const afterTwo = new Y.Doc();
      afterTwo.getArray<string>('entries').push(['a', 'b']);
      expect(await stores.log.compact(boardId, 'board', Y.encodeStateAsUpdate(doc), 3, [keptPoint(2, afterTwo)])).toBe(true);
      // An instance behind is refused, and so are the points it would keep; a point kept again keeps its first state.
      expect(await other.log.compact(boardId, 'board', Y.encodeStateAsUpdate(new Y.Doc()), 2, [keptPoint(1, new Y.Doc())])).toBe(false);
      expect(await other.log.compact(boardId, 'board', Y.encodeStateAsUpdate(doc), 4, [keptPoint(2, new Y.Doc()), keptPoint(3, doc)])).toBe(true);

      expect(await other.log.keptPoints(boardId, 'board')).toEqual([
        { seq: 2, cards: 2, merged: 0, themed: 1, themes: 1 },
        { seq: 3, cards: 4, merged: 0, themed: 1, themes: 1 },
      ]);
      const kept = new Y.Doc();
      Y.applyUpdate(kept, (await stores.log.keptState(boardId, 'board', 2))!);
      expect(kept.getArray<string>('entries').toArray()).toEqual(['a', 'b']);
      expect(await stores.log.keptState(boardId, 'board', 1)).toBeNull();
      expect(await stores.log.keptPoints(boardId, 'control')).toEqual([]);
    });

    it(`thins the kept points to ${MAX_KEPT_POINTS}, evenly, always keeping the oldest and the newest`, async () => {
      const boardId = unique('b');
      const doc = new Y.Doc();
      for (let round = 1; round <= 8; round++) {
        for (let i = 0; i < 10; i++) await stores.log.append(boardId, 'board', entryUpdate(doc, `e${round}.${i}`));
        const points = Array.from({ length: 5 }, (_, i) => keptPoint(round * 10 - 9 + i * 2, doc));
        expect(await [stores, other][round % 2].log.compact(boardId, 'board', Y.encodeStateAsUpdate(doc), round * 10, points)).toBe(true);
      }
      const seqs = (await stores.log.keptPoints(boardId, 'board')).map((p) => p.seq);
      expect(seqs).toHaveLength(MAX_KEPT_POINTS);
      expect(seqs[0]).toBe(1);
      expect(seqs.at(-1)).toBe(79);
      const gaps = seqs.slice(1).map((seq, i) => seq - seqs[i]);
      expect(Math.max(...gaps)).toBeLessThanOrEqual(2 * Math.min(...gaps));
    });
  });

  describe('ballot box', () => {
    it('numbers rounds per board, allows one open round, and moves rounds on only forwards', async () => {
      const board = await newBoard(stores);
      const first = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 10 });
      expect(first).toEqual({ id: first.id, boardId: board.id, number: 1, state: 'open', settings: SETTINGS, items: ITEMS, openedAt: 10, closedAt: null, revealedAt: null, tally: null });
      await expect(other.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 11 })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'round-already-open',
      });
      expect(await other.ballots.closeRound(board.id, first.id, 20)).toMatchObject({ state: 'closed', closedAt: 20, revealedAt: null });
      expect(await stores.ballots.closeRound(board.id, first.id, 21)).toBeUndefined();
      // The tally is stored in the same write that marks the round revealed, and only once.
      expect(await stores.ballots.revealRound(board.id, first.id, 30, tallyOf(first.id))).toMatchObject({ state: 'revealed', closedAt: 20, revealedAt: 30, tally: tallyOf(first.id) });
      expect(await other.ballots.revealRound(board.id, first.id, 31, { ...tallyOf(first.id), anonymous: true })).toBeUndefined();
      expect((await other.ballots.getRound(board.id, first.id))?.tally).toEqual(tallyOf(first.id));
      const second = await other.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 40 });
      expect(second.number).toBe(2);
      // Revealing an open round closes it at the same moment.
      expect(await stores.ballots.revealRound(board.id, second.id, 50, tallyOf(second.id))).toMatchObject({ state: 'revealed', closedAt: 50, revealedAt: 50 });
      expect((await other.ballots.listRounds(board.id)).map((r) => [r.number, r.state])).toEqual([
        [1, 'revealed'],
        [2, 'revealed'],
      ]);
      expect(await stores.ballots.getRound('another-board', first.id)).toBeUndefined();
    });

    it('opens exactly one round when two instances open one at once', async () => {
      const board = await newBoard(stores);
      const attempts = Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? other : stores).ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: i }),
      );
      const results = await Promise.allSettled(attempts);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(DomainError);
      expect((await stores.ballots.listRounds(board.id)).map((r) => r.number)).toEqual([1]);
    });

    it('upserts ballots, says which was a voter first, and counts voters from the stored ballots', async () => {
      const board = await newBoard(stores);
      const round = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 1 });
      const voters = await Promise.all(Array.from({ length: 10 }, (_, i) => newParticipant(stores, board.id, i < 6 ? 'industry' : 'unions', i)));
      // Every voter sends twice, half through each instance, all at once: ten first ballots, no more.
      const casts = voters.flatMap((v, i) =>
        [0, 1].map((attempt) =>
          ((i + attempt) % 2 ? other : stores).ballots.putBallot({ roundId: round.id, participantId: v.id, group: v.group, allocations: { c1: 1 + attempt }, updatedAt: attempt }),
        ),
      );
      const firsts = await Promise.all(casts);
      expect(firsts.filter(Boolean)).toHaveLength(10);
      expect(await other.ballots.countVoters(round.id)).toEqual({ industry: 6, unions: 4 });
      expect(await stores.ballots.listBallots(round.id)).toHaveLength(10);

      const ada = voters[0];
      expect(await stores.ballots.putBallot({ roundId: round.id, participantId: ada.id, group: ada.group, allocations: { t1: 3 }, updatedAt: 9 })).toBe(false);
      expect(await other.ballots.getBallot(round.id, ada.id)).toEqual({ roundId: round.id, participantId: ada.id, group: 'industry', allocations: { t1: 3 }, updatedAt: 9 });
      expect(await stores.ballots.listBallotsOf(ada.id)).toEqual([{ roundId: round.id, participantId: ada.id, group: 'industry', allocations: { t1: 3 }, updatedAt: 9 }]);
      await stores.ballots.deleteBallot(round.id, ada.id);
      expect(await other.ballots.countVoters(round.id)).toEqual({ industry: 5, unions: 4 });
      expect(await other.ballots.getBallot(round.id, ada.id)).toBeUndefined();
    });

    it("keeps on each round's roll the voters and groups of when it opened, without those waiting to be let in", async () => {
      const board = await newBoard(stores);
      const ada = await newParticipant(stores, board.id, 'unions', 1);
      const bo = await newParticipant(other, board.id, 'industry', 2);
      const cy = { id: unique('p'), boardId: board.id, name: 'Cy', organisation: '', group: 'unions', joinedAt: 3, language: null, waitingSince: 3 };
      expect(await other.identity.addParticipant(cy, crypto.randomBytes(32).toString('hex'), 1000)).toBe(true);
      expect(await stores.identity.getParticipant(cy.id)).toMatchObject({ waitingSince: 3 });
      expect(await stores.identity.getParticipant(ada.id)).toMatchObject({ waitingSince: null });
      expect(await other.identity.countAdmittedParticipants(board.id)).toBe(2);
      const first = await other.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 4 });
      // Moved after the round opened: the roll keeps the group Bo had then.
      await stores.identity.updateParticipant({ ...bo, group: 'unions' });
      expect(await stores.ballots.rollOf(first.id)).toEqual(new Map([[ada.id, 'unions'], [bo.id, 'industry']]));
      expect(await other.ballots.rolledGroup(first.id, bo.id)).toBe('industry');
      expect(await other.ballots.rolledGroup(first.id, cy.id)).toBeUndefined();
      // Let in once, by whichever instance comes first.
      expect(await Promise.all([other.identity.admitParticipant(board.id, cy.id), stores.identity.admitParticipant(board.id, cy.id)])).toEqual(
        expect.arrayContaining([true, false]),
      );
      expect(await stores.identity.getParticipant(cy.id)).toMatchObject({ waitingSince: null });
      await stores.ballots.revealRound(board.id, first.id, 5, tallyOf(first.id));
      const second = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 6 });
      expect(await other.ballots.rollOf(second.id)).toEqual(new Map([[ada.id, 'unions'], [bo.id, 'unions'], [cy.id, 'unions']]));
      await other.identity.removeParticipant(board.id, ada.id);
      expect([...(await stores.ballots.rollOf(second.id)).keys()].sort()).toEqual([bo.id, cy.id].sort());
      expect([...(await stores.ballots.rollOf(first.id)).keys()]).toEqual([bo.id]);
    });
  });

  describe('board facts', () => {
    it('keeps the board state as one record, changed by compare-and-set on its version', async () => {
      const board = await newBoard(stores);
      const created = await other.facts.getState(board.id);
      expect(created).toEqual({ version: 1, state: boardState('Kick-off') });
      const phased = await stores.facts.putState(board.id, { ...created!.state, phase: 'collect' }, 1);
      expect(phased).toEqual({ version: 2, state: { ...created!.state, phase: 'collect' } });
      // Another instance still holding version 1 changes nothing.
      expect(await other.facts.putState(board.id, { ...created!.state, title: 'Stale' }, 1)).toBeUndefined();
      expect(await other.facts.getState(board.id)).toEqual(phased);
      expect(await stores.facts.getState('nope')).toBeUndefined();
    });

    it('keeps both of two changes made at once through two instances: a conflict runs the change again on the fresh state', async () => {
      const board = await newBoard(stores);
      await Promise.all([
        changeBoardState(stores.facts, board.id, (state) => ({ settings: { ...state.settings, silentCollect: true } })),
        changeBoardState(other.facts, board.id, (state) => ({ settings: { ...state.settings, participantsExport: true } })),
        changeBoardState(stores.facts, board.id, () => ({ phase: 'collect' })),
        changeBoardState(other.facts, board.id, () => ({ title: 'Renamed' })),
      ]);
      const stored = await stores.facts.getState(board.id);
      expect(stored?.version).toBe(5);
      expect(stored?.state).toMatchObject({ title: 'Renamed', phase: 'collect', settings: { ...DEFAULT_SETTINGS, silentCollect: true, participantsExport: true } });
    });

    it("refuses a change that meets another writer's every time it is tried, storing none of it and keeping every other change", async () => {
      const board = await newBoard(stores);
      let tries = 0;
      // Another instance changes the state between each read of this writer and its write.
      const raced: BoardFacts = Object.assign(Object.create(stores.facts) as BoardFacts, {
        getState: async (boardId: string) => {
          const read = await stores.facts.getState(boardId);
          const current = (await other.facts.getState(boardId))!;
          await other.facts.putState(boardId, { ...current.state, title: `Renamed ${++tries}` }, current.version);
          return read;
        },
      });
      const refused = changeBoardState(raced, board.id, (state) => ({ phase: 'collect', settings: { ...state.settings, silentCollect: true } }));
      await expect(refused).rejects.toMatchObject({ kind: 'conflict', code: 'try-again-later' });
      const stored = await stores.facts.getState(board.id);
      expect(stored).toEqual({ version: 1 + tries, state: { ...boardState('Kick-off'), title: `Renamed ${tries}` } });
    });

    it('reads every fact of a board at one revision, which every fact written moves on', async () => {
      const board = await newBoard(stores);
      const revisions = [(await stores.facts.read(board.id)).revision];
      const next = async () => {
        const { revision } = await other.facts.read(board.id);
        expect(revision).toBeGreaterThan(revisions.at(-1)!);
        revisions.push(revision);
      };
      const ada = await newParticipant(stores, board.id, 'industry', 1);
      await next();
      const bo = await newParticipant(other, board.id, 'unions', 2);
      await next();
      await stores.identity.updateParticipant({ ...bo, name: 'Bo' });
      await next();
      const round = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 3 });
      await next();
      await other.ballots.putBallot({ roundId: round.id, participantId: ada.id, group: 'industry', allocations: { c1: 2 }, updatedAt: 4 });
      await next();
      await stores.ballots.putBallot({ roundId: round.id, participantId: bo.id, group: 'unions', allocations: { t1: 1 }, updatedAt: 4 });
      await next();
      expect((await stores.facts.read(board.id)).voters).toEqual({ [round.id]: { industry: 1, unions: 1 } });
      const cy = { id: unique('p'), boardId: board.id, name: 'Cy', organisation: '', group: 'unions', joinedAt: 4, language: null, waitingSince: 4 };
      await stores.identity.addParticipant(cy, crypto.randomBytes(32).toString('hex'), 1000);
      await next();
      await other.identity.admitParticipant(board.id, cy.id);
      await next();
      await stores.ballots.deleteBallot(round.id, bo.id);
      await next();
      await other.facts.putState(board.id, { ...boardState('Kick-off'), phase: 'vote' }, 1);
      await next();
      await stores.ballots.closeRound(board.id, round.id, 5);
      await next();
      await other.ballots.revealRound(board.id, round.id, 6, tallyOf(round.id));
      await next();
      await stores.agreements.freeze(board.id, 7, (version) => frozenList(version, 7));
      await next();
      await other.identity.removeParticipant(board.id, bo.id);
      await next();

      const { hash: _hash, ...adaRecord } = ada;
      expect(await stores.facts.read(board.id)).toEqual({
        revision: revisions.at(-1),
        board: { version: 2, state: { ...boardState('Kick-off'), phase: 'vote' } },
        people: { revision: 6, participants: [{ ...adaRecord, waitingSince: null }, { ...cy, waitingSince: null }] },
        rounds: [{ ...round, state: 'revealed', closedAt: 5, revealedAt: 6, tally: tallyOf(round.id) }],
        // A revealed round's turnout is its tally's: only rounds not yet revealed are counted.
        voters: {},
        agreements: [{ version: 1, frozenAt: 7 }],
        signoffs: [],
        seating: { tables: [], seats: {}, wall: null },
      });
      expect(await stores.facts.read('nope')).toMatchObject({ revision: 0, board: undefined });
    });

    it('hands the people read last time back unread while nobody joined, left or was corrected', async () => {
      const board = await newBoard(stores);
      const ada = await newParticipant(stores, board.id, 'industry', 1);
      const { people } = await stores.facts.read(board.id);
      const round = await other.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 2 });
      await other.ballots.putBallot({ roundId: round.id, participantId: ada.id, group: 'industry', allocations: { c1: 1 }, updatedAt: 3 });
      expect((await other.facts.read(board.id, people)).people).toBe(people);
      await other.identity.updateParticipant({ ...ada, name: 'Ada L.' });
      const after = await stores.facts.read(board.id, people);
      expect(after.people.revision).toBeGreaterThan(people.revision);
      expect(after.people.participants.map((p) => p.name)).toEqual(['Ada L.']);
    });

    it("takes over a board kept from before once: its state, its revealed tallies and its people's languages", async () => {
      const board = await newBoard(stores);
      const ada = await newParticipant(stores, board.id);
      const round = await stores.ballots.openRound({ id: unique('r'), boardId: board.id, settings: SETTINGS, items: ITEMS, openedAt: 1 });
      await stores.ballots.revealRound(board.id, round.id, 2, tallyOf(round.id));
      // A board has a state from its creation on, so it is adopted only where none is: seen here as a refusal.
      const shown = { state: { ...boardState('Old'), phase: 'results' as const }, tallies: [tallyOf(round.id)], languages: { [ada.id]: 'sv' as const } };
      expect(await other.facts.adopt(board.id, shown)).toBe(false);
      expect((await stores.facts.getState(board.id))?.state.title).toBe('Kick-off');
      expect(await stores.facts.boardsWithoutState()).not.toContain(board.id);
    });
  });

  describe('breakout tables', () => {
    const table = (number: number, name = '') => ({ id: unique('t'), number, name, hostId: null, timer: { status: 'idle' } as TimerState });

    it('replaces a seating whole, moves people, names tables and gives them hosts, each write read by every instance at a newer revision', async () => {
      const board = await newBoard(stores);
      const ada = await newParticipant(stores, board.id, 'industry');
      const bo = await newParticipant(stores, board.id, 'unions');
      const stranger = await newParticipant(stores, (await newBoard(stores)).id);
      const [one, two] = [table(1), table(2)];
      let revision = (await other.facts.read(board.id)).revision;
      const newer = async () => {
        const facts = await other.facts.read(board.id);
        expect(facts.revision).toBeGreaterThan(revision);
        revision = facts.revision;
        return facts.seating;
      };

      await stores.seats.replace(board.id, { tables: [two, one], seats: { [ada.id]: one.id, [bo.id]: one.id, [stranger.id]: two.id } });
      // Someone of another board is never seated here.
      expect(await newer()).toEqual({ tables: [one, two], seats: { [ada.id]: one.id, [bo.id]: one.id }, wall: null });
      expect(await other.seats.seat(board.id, bo.id, two.id)).toBe(true);
      expect((await newer()).seats).toEqual({ [ada.id]: one.id, [bo.id]: two.id });
      expect(await stores.seats.editTable(board.id, two.id, { name: 'Table 2, by the window', hostId: bo.id })).toBe(true);
      expect((await newer()).tables[1]).toEqual({ ...two, name: 'Table 2, by the window', hostId: bo.id });
      expect(await other.seats.editTable(board.id, two.id, { hostId: null })).toBe(true);
      expect((await newer()).tables[1]).toEqual({ ...two, name: 'Table 2, by the window', hostId: null });

      // Nothing changes for a table or a participant that is not the board's.
      expect(await stores.seats.seat(board.id, stranger.id, one.id)).toBe(false);
      expect(await stores.seats.seat(board.id, ada.id, 'nope')).toBe(false);
      expect(await stores.seats.editTable(board.id, 'nope', { name: 'X' })).toBe(false);

      // One table at a time is on the wall, until the mosaic is asked for again.
      expect(await stores.seats.showOnWall(board.id, one.id)).toBe(true);
      expect((await newer()).wall).toBe(one.id);
      expect(await other.seats.showOnWall(board.id, two.id)).toBe(true);
      expect((await newer()).wall).toBe(two.id);
      expect(await stores.seats.showOnWall(board.id, 'nope')).toBe(false);
      expect((await other.seats.read(board.id)).wall).toBe(two.id);
      expect(await other.seats.showOnWall(board.id, null)).toBe(true);
      expect((await newer()).wall).toBeNull();
      expect(await stores.seats.showOnWall(board.id, one.id)).toBe(true);

      // A new seating drops the old tables; a participant removed leaves their seat.
      const three = table(1);
      await other.seats.replace(board.id, { tables: [three], seats: { [ada.id]: three.id, [bo.id]: three.id } });
      await stores.identity.removeParticipant(board.id, bo.id);
      expect(await stores.seats.read(board.id)).toEqual({ tables: [three], seats: { [ada.id]: three.id }, wall: null });
      await other.identity.deleteBoard(board.id);
      expect(await stores.seats.read(board.id)).toEqual({ tables: [], seats: {}, wall: null });
    });

    it("keeps each table's timer, changed in one transaction with the seating as stored, read by every instance at a newer revision", async () => {
      const board = await newBoard(stores);
      const ada = await newParticipant(stores, board.id);
      const [one, two] = [table(1), table(2)];
      await stores.seats.replace(board.id, { tables: [one, two], seats: { [ada.id]: one.id } });
      const before = (await other.facts.read(board.id)).revision;

      const running: TimerState = { status: 'running', durationMs: 60_000, endsAt: 90_000 };
      let judged: [string | undefined, string] | undefined;
      const start = (seating: Seating, t: TableInfo) => {
        judged = [seating.seats[ada.id], t.id];
        return running;
      };
      expect(await stores.seats.changeTimer(board.id, one.id, start)).toEqual(running);
      expect(judged).toEqual([one.id, one.id]);
      const facts = await other.facts.read(board.id);
      expect(facts.revision).toBeGreaterThan(before);
      expect(facts.seating.tables.map((t) => t.timer)).toEqual([running, { status: 'idle' }]);
      expect(await other.seats.changeTimer(board.id, one.id, (_, t) => (t.timer.status === 'running' ? { status: 'paused', durationMs: t.timer.durationMs, remainingMs: 1_000 } : t.timer))).toEqual({
        status: 'paused',
        durationMs: 60_000,
        remainingMs: 1_000,
      });

      // A refusal stores nothing; an unknown table is not asked about at all.
      const refusal = new DomainError('forbidden', 'not the host');
      await expect(stores.seats.changeTimer(board.id, one.id, () => { throw refusal; })).rejects.toBe(refusal);
      expect(await stores.seats.changeTimer(board.id, 'nope', () => running)).toBeNull();
      expect((await other.seats.read(board.id)).tables[0]!.timer).toMatchObject({ status: 'paused' });

      // A new seating's tables start idle.
      await other.seats.replace(board.id, { tables: [one], seats: {} });
      expect((await stores.seats.read(board.id)).tables[0]!.timer).toEqual({ status: 'idle' });
    });

    it('seats late-comers joining at once through two instances each seeing the others, and never twice', async () => {
      const board = await newBoard(stores);
      const [one, two] = [table(1), table(2)];
      await stores.seats.replace(board.id, { tables: [one, two], seats: {} });
      const people = await Promise.all(Array.from({ length: 6 }, (_, i) => newParticipant(i % 2 ? other : stores, board.id)));
      // The fuller table is never chosen: seen only if each seating read includes the seats taken just before.
      const emptiest = (seating: { seats: Record<string, string> }) => {
        const atOne = Object.values(seating.seats).filter((t) => t === one.id).length;
        return atOne * 2 <= Object.keys(seating.seats).length ? one.id : two.id;
      };
      const seated = await Promise.all(people.map((p, i) => (i % 2 ? other : stores).seats.seatLateComer(board.id, p.id, emptiest)));
      expect(seated.filter((t) => t === one.id)).toHaveLength(3);
      expect(seated.filter((t) => t === two.id)).toHaveLength(3);
      expect(await other.seats.seatLateComer(board.id, people[0]!.id, () => two.id)).toBeNull();
      expect(Object.keys((await stores.seats.read(board.id)).seats)).toHaveLength(6);
    });
  });

  describe('board leases', () => {
    const instance = (name: string) => ({ id: unique(name), address: `http://${name}.internal:8080` });

    it('gives a board to one of several instances claiming it at once, renews it for its holder only, and passes it on once it expired, was let go or its holder was found gone', async () => {
      const boardId = unique('lease');
      const [a, b, c] = [instance('a'), instance('b'), instance('c')];
      const claims = await Promise.all([stores.leases.claim(boardId, a, 60_000), other.leases.claim(boardId, b, 60_000), other.leases.claim(boardId, c, 60_000)]);
      const owner = claims[0]!.holder;
      // Everyone reads the same owner, whoever asked first.
      for (const claim of claims) expect(claim).toEqual({ holder: owner, epoch: 1 });
      const [loser] = [a, b, c].filter((i) => i.id !== owner.id);
      expect(await other.leases.claim(boardId, loser!, 60_000)).toEqual({ holder: owner, epoch: 1 });
      expect(await stores.leases.claim(boardId, owner, 60_000)).toEqual({ holder: owner, epoch: 1 });

      // Renewal keeps only the holder's own leases, and says which it no longer holds.
      const elsewhere = unique('lease');
      expect(await stores.leases.renew([boardId, elsewhere], owner.id, 60_000)).toEqual([elsewhere]);
      expect(await other.leases.renew([boardId], loser!.id, 60_000)).toEqual([boardId]);

      // Let go: the next instance asking takes it at once, one epoch on; the old holder's renewal finds it gone.
      await other.leases.release([boardId], loser!.id);
      expect((await stores.leases.claim(boardId, loser!, 60_000)).holder).toEqual(owner);
      await stores.leases.release([boardId], owner.id);
      expect(await other.leases.claim(boardId, loser!, 200)).toEqual({ holder: loser, epoch: 2 });
      expect(await stores.leases.renew([boardId], owner.id, 60_000)).toEqual([boardId]);

      // Expired (its holder killed, say): taken over once its time is up, not before.
      expect(await stores.leases.claim(boardId, owner, 60_000)).toEqual({ holder: loser, epoch: 2 });
      await sleep(300);
      expect(await stores.leases.claim(boardId, owner, 60_000)).toEqual({ holder: owner, epoch: 3 });

      // An instance that found the holder gone (nothing listening at its address) replaces it before expiry; a
      // claim naming another instance as gone changes nothing.
      expect(await other.leases.claim(boardId, loser!, 60_000, loser!.id)).toEqual({ holder: owner, epoch: 3 });
      expect(await other.leases.claim(boardId, loser!, 60_000, owner.id)).toEqual({ holder: loser, epoch: 4 });
    });
  });

  describe('agreement archive', () => {
    it('assigns versions 1, 2, 3 … when two instances freeze at once, each list carrying its own version', async () => {
      const board = await newBoard(stores);
      const freezes = Array.from({ length: 6 }, (_, i) => (i % 2 ? other : stores).agreements.freeze(board.id, 100 + i, (version) => frozenList(version, 100 + i)));
      const versions = (await Promise.all(freezes)).map((f) => f.version).sort((a, b) => a - b);
      expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
      const archived = await stores.agreements.list(board.id);
      expect(archived.map((a) => a.version)).toEqual([1, 2, 3, 4, 5, 6]);
      for (const a of archived) {
        expect(a.list).toEqual(frozenList(a.version, a.frozenAt));
        expect(JSON.stringify(a.list)).toBe(JSON.stringify(frozenList(a.version, a.frozenAt)));
      }
    });

    it('reads the latest version alone, as the list holds it, and none before the first freeze', async () => {
      const board = await newBoard(stores);
      expect(await other.agreements.latest(board.id)).toBeUndefined();
      for (const at of [10, 20, 30]) await stores.agreements.freeze(board.id, at, (version) => frozenList(version, at));
      const latest = await other.agreements.latest(board.id);
      expect(latest).toEqual((await other.agreements.list(board.id)).at(-1));
      expect([latest?.version, JSON.stringify(latest?.list)]).toEqual([3, JSON.stringify(frozenList(3, 30))]);
    });

    const decision = (participantId: string, version: number, signedAt: number): SignoffDecision => ({
      version,
      participantId,
      name: 'Ada',
      organisation: 'Forge BV',
      group: 'industry',
      decision: 'object',
      reason: 'Too vague',
      signedAt,
    });

    it('takes a sign-off only on the latest version, decided with the write, and reads it back as stored', async () => {
      const board = await newBoard(stores);
      expect(await stores.agreements.sign(board.id, decision('p_1', 1, 1))).toBe(false);
      await stores.agreements.freeze(board.id, 2, (version) => frozenList(version, 2));
      const before = (await stores.facts.read(board.id)).revision;
      expect(await other.agreements.sign(board.id, decision('p_1', 1, 3))).toBe(true);
      expect((await stores.facts.read(board.id)).revision).toBeGreaterThan(before);
      await other.agreements.freeze(board.id, 4, (version) => frozenList(version, 4));
      expect(await stores.agreements.sign(board.id, decision('p_2', 1, 5))).toBe(false);
      expect(await stores.agreements.sign(board.id, decision('p_2', 2, 6))).toBe(true);
      expect(await other.agreements.signoffs(board.id)).toEqual([decision('p_1', 1, 3), decision('p_2', 2, 6)]);
      // The facts drawn for the room hold the latest version's decisions only.
      expect((await other.facts.read(board.id)).signoffs).toEqual([decision('p_2', 2, 6)]);
    });

    it('seals versions and sign-offs written by two instances at once into one chain that verifies', async () => {
      const board = await newBoard(stores);
      await stores.agreements.freeze(board.id, 1, (version) => frozenList(version, 1));
      await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? other : stores).agreements.sign(board.id, decision(`p_${i}`, 1, 10 + i))));
      const entries = await other.agreements.record(board.id);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(entries[0]).toMatchObject({ kind: 'version', version: 1, frozenAt: 1, prevHash: null });
      expect(entries.slice(1).map((e) => e.prevHash)).toEqual(entries.slice(0, -1).map((e) => e.hash));
      expect(checkRecord(entries)).toEqual({ verifies: true, brokenAt: null, problem: null });
    });
  });

  describe('register', () => {
    const item = (itemId: string, position: number, owner: string): Omit<RegisterItem, 'log'> => ({
      itemId,
      position,
      title: `Priority ${position}`,
      owner,
      status: 'not-started',
      dropReason: null,
      progress: null,
      nextReview: null,
      source: { version: 1, rank: position, kind: 'theme', cards: [{ title: 'Skills gap', group: 'industry' }], mergedFrom: [], votes: null },
    });
    const progressBy = (by: string, progress: number) => (current: RegisterItemState) => ({
      next: { ...current, progress },
      entry: { at: progress, by, note: '', changes: [{ field: 'progress' as const, from: current.progress, to: progress }] },
    });

    it('keeps one register per board, its items in order and each update with its log entry, from either instance', async () => {
      const board = await newBoard(stores);
      const items = [item('t1', 1, 'Port'), item('c2', 2, 'Province')];
      expect(await stores.register.create(board.id, { fromVersion: 2, frozenAt: 10, createdAt: 20, items })).toBe(true);
      expect(await other.register.create(board.id, { fromVersion: 3, frozenAt: 11, createdAt: 21, items: [item('x', 1, 'Nobody')] })).toBe(false);
      expect(await other.register.read(board.id)).toEqual({ fromVersion: 2, frozenAt: 10, createdAt: 20, items: items.map((i) => ({ ...i, log: [] })) });
      expect(await stores.register.read((await newBoard(stores)).id)).toBeNull();

      // Updates at once through both instances, to one item and to another: each lands on the other's result.
      await Promise.all([1, 2, 3, 4].map((n) => (n % 2 ? stores : other).register.update(board.id, n < 3 ? 't1' : 'c2', progressBy(`owner ${n}`, n * 10))));
      const read = (await stores.register.read(board.id))!;
      for (const [i, ns] of [[0, [1, 2]], [1, [3, 4]]] as const) {
        const kept = read.items[i]!;
        expect(kept.log.map((entry) => entry.by).sort()).toEqual(ns.map((n) => `owner ${n}`));
        expect(kept.progress).toBe(kept.log[1]!.changes[0]!.to);
        expect(kept.log[1]!.changes[0]!.from).toBe(kept.log[0]!.changes[0]!.to);
      }
      expect(await stores.register.update(board.id, 'nope', progressBy('x', 1))).toBeUndefined();
      // The change is told how many updates the whole register holds, so a cap on them is decided with the write.
      const logged: number[] = [];
      const unchanged = await other.register.update(board.id, 't1', (_current, count) => (logged.push(count), null));
      expect(unchanged).toEqual(read.items[0]);
      expect(logged).toEqual([4]);
    });

    it("counts a register's items by status without handing out the items, as the other instance changed them", async () => {
      const board = await newBoard(stores);
      const empty = await newBoard(stores);
      expect(await other.register.statusCounts(board.id)).toBeNull();
      await stores.register.create(board.id, { fromVersion: 1, frozenAt: 1, createdAt: 1, items: [item('t1', 1, 'Port'), item('t2', 2, 'Port'), item('t3', 3, 'Province')] });
      await stores.register.create(empty.id, { fromVersion: 1, frozenAt: 1, createdAt: 1, items: [] });
      const setStatus = (status: RegisterItemState['status']) => (current: RegisterItemState) => ({
        next: { ...current, status },
        entry: { at: 5, by: 'Port', note: '', changes: [{ field: 'status' as const, from: current.status, to: status }] },
      });
      await stores.register.update(board.id, 't1', setStatus('done'));
      await stores.register.update(board.id, 't2', setStatus('done'));
      await stores.register.update(board.id, 't1', progressBy('Port', 50));
      expect(await other.register.statusCounts(board.id)).toEqual({ 'not-started': 1, 'under-way': 0, done: 2, dropped: 0 });
      expect(await other.register.statusCounts(empty.id)).toEqual({ 'not-started': 0, 'under-way': 0, done: 0, dropped: 0 });
    });

    it('keeps which register a follow-up workshop follows up and where its progress check stands, and the follow-up a log entry came from', async () => {
      const source = await newBoard(stores);
      expect(await stores.register.create(source.id, { fromVersion: 1, frozenAt: 10, createdAt: 20, items: [item('t1', 1, 'Port'), item('t2', 2, 'Province')] })).toBe(true);
      const id = unique('b');
      const followUp = { sourceBoardId: source.id, currentItemId: 't1', reporterId: null, carried: [] };
      await stores.identity.createBoard({ id, title: 'Follow-up', createdAt: 1 }, [], codes, { ...boardState('Follow-up'), followUp });
      expect((await other.facts.getState(id))?.state.followUp).toEqual(followUp);

      // Moving on and carrying through two instances at once: both land.
      await Promise.all([
        changeBoardState(stores.facts, id, (state) => ({ followUp: { ...state.followUp!, currentItemId: 't2', reporterId: 'p1' } })),
        changeBoardState(other.facts, id, (state) => ({ followUp: { ...state.followUp!, carried: ['t2'] } })),
      ]);
      expect((await stores.facts.read(id)).board?.state.followUp).toEqual({ sourceBoardId: source.id, currentItemId: 't2', reporterId: 'p1', carried: ['t2'] });

      const entry = { at: 5, by: 'Ada', note: 'Tender out', changes: [], followUp: { boardId: id, title: 'Follow-up' } };
      await other.register.update(source.id, 't2', (current) => ({ next: current, entry }));
      expect((await stores.register.read(source.id))!.items[1]!.log).toEqual([entry]);
    });

    it("creates a register's follow-ups with their registration up to a cap across instances, moves each one's revision with every change of the register, the source's state or its deletion, and forgets a deleted one", async () => {
      const source = await newBoard(stores);
      await stores.register.create(source.id, { fromVersion: 1, frozenAt: 1, createdAt: 1, items: [item('t1', 1, 'Port')] });
      const followUps = [1, 2, 3].map(() => ({ id: unique('b') }));
      const created = await Promise.all(followUps.map(({ id }, n) => newFollowUp(n % 2 ? stores : other, id, { sourceBoardId: source.id, grantedBy: `grant ${n}`, cap: 2 })));
      const added = created.map((joinCode) => joinCode !== null);
      expect(added.filter(Boolean)).toHaveLength(2);
      const kept = followUps.filter((_, n) => added[n]).map((board) => board.id);
      // A refused creation leaves no board behind.
      expect(await Promise.all(followUps.map(async ({ id }) => (await stores.identity.getBoard(id)) !== undefined))).toEqual(added);
      expect(await other.register.followUpsOf(source.id)).toEqual([...kept].sort());
      expect(await stores.register.followUpOf(kept[0]!)).toEqual({ boardId: kept[0], sourceBoardId: source.id, grantedBy: `grant ${added.indexOf(true)}` });
      expect(await stores.register.followUpOf(source.id)).toBeUndefined();

      const revisions = async () => Promise.all(followUps.map(async (board) => (await other.facts.read(board.id)).revision));
      const before = await revisions();
      await stores.register.update(source.id, 't1', () => null);
      expect(await revisions()).toEqual(before);
      await stores.register.update(source.id, 't1', progressBy('Port', 40));
      expect(await revisions()).toEqual(before.map((revision, n) => (added[n] ? revision + 1 : revision)));
      // They show the source's title too: a change of its state moves them as well.
      const state = (await stores.facts.getState(source.id))!;
      await other.facts.putState(source.id, { ...state.state, title: 'Renamed' }, state.version);
      expect(await revisions()).toEqual(before.map((revision, n) => (added[n] ? revision + 2 : revision)));

      await other.identity.deleteBoard(kept[0]!);
      expect(await stores.register.followUpsOf(source.id)).toEqual([kept[1]]);
      expect(await stores.register.followUpOf(kept[0]!)).toBeUndefined();
      // And so does the source's deletion, which they then show.
      const remaining = (await stores.facts.read(kept[1]!)).revision;
      await stores.identity.deleteBoard(source.id);
      expect((await other.facts.read(kept[1]!)).revision).toBe(remaining + 1);
    });

    it('creates exactly as many follow-ups as the cap when 25 are created at once through two instances, and no board for the others', async () => {
      const source = await newBoard(stores);
      await stores.register.create(source.id, { fromVersion: 1, frozenAt: 1, createdAt: 1, items: [item('t1', 1, 'Port')] });
      const ids = Array.from({ length: 25 }, () => unique('b'));
      const created = await Promise.all(ids.map((id, n) => newFollowUp(n % 2 ? stores : other, id, { sourceBoardId: source.id, grantedBy: `grant ${n}`, cap: 20 })));
      const madeIds = ids.filter((_, n) => created[n] !== null);
      expect(madeIds).toHaveLength(20);
      expect(await other.register.followUpsOf(source.id)).toEqual([...madeIds].sort());
      const boards = await Promise.all(ids.map((id) => stores.identity.getBoard(id)));
      expect(ids.filter((_, n) => boards[n] !== undefined)).toEqual(madeIds);
    });

    it('keeps links by their hash, up to a cap across instances, and forgets them when revoked or when the board is deleted', async () => {
      const board = await newBoard(stores);
      const hash = () => crypto.randomBytes(32).toString('hex');
      const owner = hash();
      expect(await stores.register.addLink(owner, { boardId: board.id, kind: 'owner', owner: 'Port' }, 1, 3)).toBe(true);
      const added = await Promise.all([2, 3, 4].map((n) => (n % 2 ? stores : other).register.addLink(hash(), { boardId: board.id, kind: 'progress', owner: null }, n, 3)));
      expect(added.filter(Boolean)).toHaveLength(2);
      expect(await other.register.findLink(owner)).toEqual({ boardId: board.id, kind: 'owner', owner: 'Port' });
      const links = await stores.register.listLinks(board.id);
      expect(links.map((l) => [l.kind, l.owner])).toEqual([['owner', 'Port'], ['progress', null], ['progress', null]]);
      expect(links[0]).toEqual({ hash: owner, boardId: board.id, kind: 'owner', owner: 'Port', createdAt: 1 });
      expect(await other.register.removeLink(board.id, owner)).toBe(true);
      expect(await stores.register.removeLink(board.id, owner)).toBe(false);
      expect(await stores.register.findLink(owner)).toBeUndefined();

      await stores.register.create(board.id, { fromVersion: 1, frozenAt: 1, createdAt: 1, items: [item('t1', 1, 'Port')] });
      await stores.register.update(board.id, 't1', progressBy('Port', 50));
      await other.identity.deleteBoard(board.id);
      expect(await stores.register.read(board.id)).toBeNull();
      expect(await stores.register.listLinks(board.id)).toEqual([]);
    });
  });

  describe('forums', () => {
    const hash = () => crypto.randomBytes(32).toString('hex');

    it('keeps a forum with its workshops in the order they were held, each in one forum, up to the cap across instances', async () => {
      const later = await newBoard(stores, 'Follow-up', 1_700_000_900_000);
      const first = await newBoard(stores, 'Kick-off', 1_700_000_000_000);
      const forumId = unique('f');
      const facilitator = hash();
      expect(await stores.forums.create({ id: forumId, name: 'Port forum', createdAt: 5 }, later.id, facilitator)).toBe(true);
      expect(await other.forums.create({ id: unique('f'), name: 'Another', createdAt: 6 }, later.id, hash())).toBe(false);
      expect(await other.forums.addWorkshop(forumId, first.id)).toBe('added');
      expect(await stores.forums.addWorkshop(forumId, first.id)).toBe('in-a-forum');
      expect(await stores.forums.addWorkshop(unique('f'), (await newBoard(stores)).id)).toBe('unknown-forum');
      expect(await other.forums.read(forumId)).toEqual({ id: forumId, name: 'Port forum', createdAt: 5, boardIds: [first.id, later.id] });
      expect(await stores.forums.forumOf(first.id)).toBe(forumId);
      expect(await stores.forums.findLink(facilitator)).toEqual({ forumId, kind: 'facilitator' });
      expect(await other.forums.rename(forumId, 'Harbour forum')).toBe(true);
      expect((await stores.forums.read(forumId))?.name).toBe('Harbour forum');

      const more = await Promise.all(Array.from({ length: FORUM_LIMITS.maxWorkshops }, () => newBoard(stores)));
      const added = await Promise.all(more.map((b, n) => (n % 2 ? stores : other).forums.addWorkshop(forumId, b.id)));
      expect(added.filter((r) => r === 'added')).toHaveLength(FORUM_LIMITS.maxWorkshops - 2);
      expect(added.filter((r) => r === 'full')).toHaveLength(2);
      expect((await stores.forums.read(forumId))?.boardIds).toHaveLength(FORUM_LIMITS.maxWorkshops);

      expect(await other.forums.removeWorkshop(forumId, first.id)).toBe(true);
      expect(await stores.forums.removeWorkshop(forumId, first.id)).toBe(false);
      expect(await stores.forums.forumOf(first.id)).toBeUndefined();
      await other.identity.deleteBoard(later.id);
      const kept = await stores.forums.read(forumId);
      expect(kept?.boardIds).not.toContain(later.id);
      expect(kept?.boardIds).toHaveLength(FORUM_LIMITS.maxWorkshops - 2);
    });

    it('keeps read links by their hash, up to a cap, and forgets a revoked one', async () => {
      const board = await newBoard(stores);
      const forumId = unique('f');
      const facilitator = hash();
      await stores.forums.create({ id: forumId, name: 'Forum', createdAt: 1 }, board.id, facilitator);
      const links = [hash(), hash(), hash()];
      const added = await Promise.all(links.map((h, n) => (n % 2 ? stores : other).forums.addReadLink(forumId, h, n + 10, 2)));
      expect(added.filter(Boolean)).toHaveLength(2);
      const listed = await other.forums.listReadLinks(forumId);
      expect(listed).toHaveLength(2);
      const kept = listed[0]!.hash;
      expect(await stores.forums.findLink(kept)).toEqual({ forumId, kind: 'read' });
      expect(await stores.forums.removeReadLink(forumId, facilitator)).toBe(false);
      expect(await other.forums.removeReadLink(forumId, kept)).toBe(true);
      expect(await stores.forums.findLink(kept)).toBeUndefined();
      expect(await stores.forums.findLink(facilitator)).toEqual({ forumId, kind: 'facilitator' });
    });
  });
});

describe('PostgreSQL unreachable', () => {
  let pg: RunningPostgres;
  let stores: Stores;

  beforeAll(async () => {
    pg = await startPostgres();
    stores = await openPostgresStores(pg.createDatabase('outage'));
  }, 60_000);

  afterAll(async () => {
    await stores?.close();
    pg?.dispose();
  });

  it('refuses writes as unavailable while it is down, loses nothing acknowledged, and works again when it is back', async () => {
    const doc = new Y.Doc();
    expect(await stores.log.append('b1', 'board', entryUpdate(doc, 'before'))).toBe(1);
    pg.stop();
    await expect(stores.log.append('b1', 'board', entryUpdate(doc, 'during'))).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(stores.identity.getBoard('b1')).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(stores.health!()).rejects.toBeInstanceOf(StoreUnavailable);
    pg.start();
    await stores.health!();
    expect(await stores.log.append('b1', 'board', entryUpdate(doc, 'after'))).toBe(2);
    const loaded = await stores.log.load('b1', 'board');
    expect(loaded.updates.map((u) => u.seq)).toEqual([1, 2]);
  });

  it('lets several instances start on one empty database at once', async () => {
    const url = pg.createDatabase('racing_start');
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresStores(url)));
    expect(await Promise.all(opened.map((s, i) => s.log.append('b', 'board', entryUpdate(new Y.Doc(), `i${i}`))))).toHaveLength(4);
    await Promise.all(opened.map((s) => s.close()));
  });
});
