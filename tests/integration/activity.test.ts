import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BoardSummary } from '../../shared/api.js';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { api, connect, createBoard, join, startTestServer, synced, tempDataDir, waitUntil } from './support.js';

const DAY = 86_400_000;

/** What the retention sweep goes by, read from the database file of a stopped server. */
function storedActivity(dataDir: string, boardId: string): number | undefined {
  const db = new Database(path.join(dataDir, 'forumboard.db'), { readonly: true });
  const row = db.prepare('SELECT last_active_at AS at FROM board_activity WHERE board_id = ?').get(boardId) as { at: number } | undefined;
  db.close();
  return row?.at;
}

/** Makes a board look untouched for `days`, as a board from last spring would be. */
function backdate(dataDir: string, boardId: string, days: number): number {
  const at = Date.now() - days * DAY;
  const db = new Database(path.join(dataDir, 'forumboard.db'));
  db.prepare('UPDATE boards SET created_at = ? WHERE id = ?').run(at, boardId);
  db.prepare('UPDATE board_activity SET last_active_at = ? WHERE board_id = ?').run(at, boardId);
  db.close();
  return at;
}

describe('last activity, for "My workshops" and for retention alike', () => {
  it('is not refreshed by reading the summary or the export, and is by a card added', async () => {
    const dataDir = tempDataDir();
    let running = await startTestServer(dataDir);
    const board = await createBoard(running.url, { title: 'Förra vårens kick-off' });
    const anna = await join(running.url, board, 'Anna Lindqvist', 'Företag');
    await api(running.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await running.close();
    const longAgo = backdate(dataDir, board.boardId, 100);

    running = await startTestServer(dataDir);
    try {
      const summary = async () => (await api<BoardSummary>(running.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).body;
      // The start page reads every held board's summary, again and again: none of that is activity.
      expect((await summary()).lastActivityAt).toBe(longAgo);
      expect((await api(running.url, 'GET', `/api/boards/${board.boardId}`, undefined, anna.token)).status).toBe(200);
      expect((await api(running.url, 'GET', `/api/boards/${board.boardId}/export?format=csv`, undefined, board.observerToken)).status).toBe(200);
      expect((await summary()).lastActivityAt).toBe(longAgo);
    } finally {
      await running.close();
    }
    expect(storedActivity(dataDir, board.boardId)).toBe(longAgo);

    running = await startTestServer(dataDir);
    try {
      const writer = connect(running.url, board.boardId, anna.token);
      await synced(writer);
      const before = Date.now();
      addCard(writer.doc, { title: 'Kompetensförsörjning', author: anna.participantId });
      const reader = connect(running.url, board.boardId, board.observerToken);
      await waitUntil(() => readCards(reader.doc).some((c) => c.title === 'Kompetensförsörjning'));
      writer.destroy();
      reader.destroy();
      const after = (await api<BoardSummary>(running.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).body;
      expect(after.lastActivityAt).toBeGreaterThanOrEqual(before);
    } finally {
      await running.close();
    }
    expect(storedActivity(dataDir, board.boardId)).toBeGreaterThan(longAgo + 99 * DAY);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is refreshed by a join and a facilitator command', async () => {
    const dataDir = tempDataDir();
    let running = await startTestServer(dataDir);
    const board = await createBoard(running.url);
    await running.close();
    const longAgo = backdate(dataDir, board.boardId, 100);

    running = await startTestServer(dataDir);
    try {
      const lastActivity = async () => (await api<BoardSummary>(running.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).body.lastActivityAt;
      expect(await lastActivity()).toBe(longAgo);
      const beforeJoin = Date.now();
      await join(running.url, board, 'Erik Johansson', 'Fackförbund');
      expect(await lastActivity()).toBeGreaterThanOrEqual(beforeJoin);
      const beforeCommand = Date.now();
      await api(running.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
      expect(await lastActivity()).toBeGreaterThanOrEqual(beforeCommand);
    } finally {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a board only read for longer than the retention period is deleted', async () => {
    const running = await startTestServer(tempDataDir(), { RETENTION_DAYS: '0.00002', RETENTION_SWEEP_MS: '100' });
    try {
      const board = await createBoard(running.url, { title: 'Bara läst' });
      const path = `/api/boards/${board.boardId}`;
      // Read as "My workshops" would, until the sweep has taken it: each read answers 200 or, once deleted, 401.
      await waitUntil(async () => (await api(running.url, 'GET', path, undefined, board.facilitatorToken)).status === 401, 15_000, 100);
    } finally {
      await running.close();
    }
  });
});
