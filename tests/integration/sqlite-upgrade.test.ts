import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import * as Y from 'yjs';
import { setParticipant, setRoundState, setTally, writeMeta } from '../../shared/controlDoc.js';
import { DEFAULT_SETTINGS } from '../../shared/phases.js';
import { writePresentation } from '../../shared/presentation.js';
import type { Tally } from '../../shared/voting/index.js';
import { adoptKeptBoards } from '../../server/projection/adoptKeptBoards.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';

/**
 * Databases written by earlier versions are in use: the server must open them as they are. This builds one the
 * way those versions did (one sequence shared by all documents, a snapshot covering part of a log) and opens it.
 */
const LEGACY_SCHEMA = `
CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, join_code TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
CREATE TABLE tokens (hash TEXT PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id),
  role TEXT NOT NULL CHECK (role IN ('facilitator', 'participant', 'observer')), participant_id TEXT);
CREATE TABLE participants (id TEXT PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id), name TEXT NOT NULL,
  organisation TEXT NOT NULL, group_id TEXT NOT NULL, joined_at INTEGER NOT NULL);
CREATE TABLE doc_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL, doc TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX doc_updates_doc ON doc_updates(board_id, doc, seq);
CREATE TABLE doc_snapshots (board_id TEXT NOT NULL, doc TEXT NOT NULL, data BLOB NOT NULL, upto_seq INTEGER NOT NULL, PRIMARY KEY (board_id, doc));
CREATE TABLE rounds (id TEXT PRIMARY KEY, board_id TEXT NOT NULL REFERENCES boards(id), number INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'closed', 'revealed')), settings TEXT NOT NULL, items TEXT NOT NULL,
  opened_at INTEGER NOT NULL, closed_at INTEGER, revealed_at INTEGER);
CREATE TABLE ballots (round_id TEXT NOT NULL REFERENCES rounds(id), participant_id TEXT NOT NULL REFERENCES participants(id),
  group_id TEXT NOT NULL, allocations TEXT NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (round_id, participant_id));
CREATE TABLE agreements (board_id TEXT NOT NULL REFERENCES boards(id), version INTEGER NOT NULL, frozen_at INTEGER NOT NULL,
  data TEXT NOT NULL, PRIMARY KEY (board_id, version));
`;

function entry(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getArray<string>('entries').push([text]);
  return Y.encodeStateAsUpdate(doc, before);
}

it('opens a database of an earlier version with its documents, people, rounds and agreements intact', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-upgrade-'));
  const file = path.join(dir, 'forumboard.db');
  const legacy = new Database(file);
  legacy.exec(LEGACY_SCHEMA);
  legacy.prepare("INSERT INTO boards VALUES ('b1', 'Kick-off', 'ABC123', 1000)").run();
  legacy.prepare("INSERT INTO participants VALUES ('p1', 'b1', 'Ada', 'Forge BV', 'industry', 1100)").run();
  legacy.prepare("INSERT INTO tokens VALUES ('h1', 'b1', 'participant', 'p1')").run();
  legacy.prepare(`INSERT INTO rounds VALUES ('r1', 'b1', 1, 'open', '{"budget":5,"cap":3,"anonymous":false}', '[{"id":"c1","kind":"card","title":"Skills"}]', 1200, NULL, NULL)`).run();
  legacy.prepare(`INSERT INTO ballots VALUES ('r1', 'p1', 'industry', '{"c1":2}', 1300)`).run();
  legacy.prepare(`INSERT INTO agreements VALUES ('b1', 1, 1400, '{"version":1}')`).run();
  // Two documents sharing one sequence: board gets 1, 3, 5, 6; control 2, 4. Board's snapshot covers 1 and 3.
  const board = new Y.Doc();
  const control = new Y.Doc();
  const append = legacy.prepare('INSERT INTO doc_updates (board_id, doc, data) VALUES (?, ?, ?)');
  append.run('b1', 'board', entry(board, 'a'));
  append.run('b1', 'control', entry(control, 'phase'));
  append.run('b1', 'board', entry(board, 'b'));
  append.run('b1', 'control', entry(control, 'timer'));
  legacy.prepare('INSERT INTO doc_snapshots VALUES (?, ?, ?, ?)').run('b1', 'board', Y.encodeStateAsUpdate(board), 3);
  legacy.prepare("DELETE FROM doc_updates WHERE doc = 'board' AND seq <= 3").run();
  append.run('b1', 'board', entry(board, 'c'));
  append.run('b1', 'board', entry(board, 'd'));
  legacy.close();

  const stores = openSqliteStores(file);
  try {
    const loaded = await stores.log.load('b1', 'board');
    expect(loaded.snapshotSeq).toBe(3);
    expect(loaded.updates.map((u) => u.seq)).toEqual([4, 5]);
    expect(loaded.lastSeq).toBe(5);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loaded.snapshot!);
    for (const { update } of loaded.updates) Y.applyUpdate(doc, update);
    expect(doc.getArray('entries').toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect((await stores.log.load('b1', 'control')).updates.map((u) => u.seq)).toEqual([1, 2]);
    // New appends continue each document's own numbering.
    expect(await stores.log.append('b1', 'board', entry(board, 'e'))).toBe(6);
    expect(await stores.log.append('b1', 'control', entry(control, 'round'))).toBe(3);

    expect(await stores.identity.findToken('h1')).toEqual({ boardId: 'b1', role: 'participant', participantId: 'p1' });
    expect(await stores.identity.listParticipants('b1')).toEqual([{ id: 'p1', boardId: 'b1', name: 'Ada', organisation: 'Forge BV', group: 'industry', joinedAt: 1100, language: null, waitingSince: null }]);
    // A round open during the upgrade takes as its roll the people who had joined when it opened.
    expect(await stores.ballots.rollOf('r1')).toEqual(new Map([['p1', 'industry']]));
    expect(await stores.ballots.getRound('b1', 'r1')).toMatchObject({ number: 1, state: 'open', settings: { budget: 5, cap: 3, anonymous: false } });
    expect(await stores.ballots.countVoters('r1')).toEqual({ industry: 1 });
    await expect(stores.ballots.openRound({ id: 'r2', boardId: 'b1', settings: { budget: 5, cap: 3, anonymous: false }, items: [], openedAt: 1500 })).rejects.toMatchObject({
      code: 'round-already-open',
    });
    expect((await stores.agreements.list('b1')).map((a) => a.version)).toEqual([1]);
    // Tables later versions added are there too.
    await stores.identity.touchBoard('b1', 2000);
    expect(await stores.identity.lastActivity('b1')).toBe(2000);
  } finally {
    await stores.close();
  }
  // Opening it again changes nothing further.
  const again = openSqliteStores(file);
  expect((await again.log.load('b1', 'board')).lastSeq).toBe(6);
  await again.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("takes over a kept board's state, revealed tallies and people's languages from its control document, once", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-upgrade-'));
  const file = path.join(dir, 'forumboard.db');
  const legacy = new Database(file);
  legacy.exec(LEGACY_SCHEMA);
  legacy.prepare("INSERT INTO boards VALUES ('b1', 'Kick-off', 'ABC123', 1000)").run();
  legacy.prepare("INSERT INTO participants VALUES ('p1', 'b1', 'Ada', 'Forge BV', 'industry', 1100)").run();
  legacy.prepare(`INSERT INTO rounds VALUES ('r1', 'b1', 1, 'revealed', '{"budget":5,"cap":3,"anonymous":false}', '[{"id":"c1","kind":"card","title":"Skills"}]', 1200, 1300, 1300)`).run();
  // The control document as earlier versions wrote it: the only home of the state and the tally.
  const control = new Y.Doc();
  const meta = {
    title: 'Kick-off, renamed',
    question: 'What first?',
    language: 'sv' as const,
    groups: [{ id: 'industry', name: 'Industri' }],
    phase: 'results' as const,
    settings: { ...DEFAULT_SETTINGS, participantsExport: true },
    timer: { status: 'idle' as const },
    createdAt: 1000,
    closedAt: null,
  };
  const tally: Tally = {
    roundId: 'r1',
    anonymous: false,
    groups: ['industry'],
    voters: { total: 1, byGroup: { industry: 1 } },
    items: [{ id: 'c1', kind: 'card', title: 'Skills', total: 2, byGroup: { industry: 2 }, balanced: 100, consensus: null, contested: false, rank: 1, balancedRank: 1 }],
  };
  // Earlier versions kept each person's dots of a named round in the tally; taken over, the tally keeps none.
  const asStoredEarlier = { ...tally, items: tally.items.map((item) => ({ ...item, byPerson: { p1: 2 } })) } as Tally;
  writeMeta(control, meta);
  writePresentation(control, { roundId: 'r1', revealed: 1 });
  setParticipant(control, { id: 'p1', name: 'Ada', organisation: 'Forge BV', group: 'industry', joinedAt: 1100, language: 'nl' });
  setRoundState(control, { id: 'r1', number: 1, state: 'revealed', settings: { budget: 5, cap: 3, anonymous: false }, items: [], openedAt: 1200, voters: tally.voters });
  setTally(control, asStoredEarlier);
  legacy.prepare('INSERT INTO doc_updates (board_id, doc, data) VALUES (?, ?, ?)').run('b1', 'control', Y.encodeStateAsUpdate(control));
  legacy.close();

  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const stores = openSqliteStores(file);
  try {
    expect(await adoptKeptBoards(stores, quiet)).toBe(1);
    expect(await stores.facts.getState('b1')).toEqual({ version: 1, state: { ...meta, presentation: { roundId: 'r1', revealed: 1 }, concepts: [], agreementDraft: null } });
    expect((await stores.ballots.getRound('b1', 'r1'))?.tally).toEqual(tally);
    expect((await stores.identity.getParticipant('p1'))?.language).toBe('nl');
    // Once: a second start finds nothing left to take over.
    expect(await adoptKeptBoards(stores, quiet)).toBe(0);
  } finally {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
