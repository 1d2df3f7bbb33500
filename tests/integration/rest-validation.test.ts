import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createBoard, join, startTestServer } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let db: Database.Database;
const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  server = await startTestServer();
  db = new Database(path.join(server.dataDir, 'forumboard.db'), { readonly: true });
});
afterAll(async () => {
  db.close();
  await server.close();
});

describe('REST input validation', () => {
  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(121) }, 'title'],
    [{ title: 'Forum', language: 'de' }, 'language'],
    [{ title: 'Forum', groups: [] }, 'groups'],
    [{ title: 'Forum', groups: Array.from({ length: 13 }, (_, i) => `Group ${i}`) }, 'groups'],
    [{ title: 'Forum', groups: ['Company', ''] }, 'groups.1'],
    [{ title: 42 }, 'title'],
  ])('create board %j → 400 naming %s, nothing stored', async (body, field) => {
    const before = count('boards');
    const res = await api<{ error: string; field: string }>(server.url, 'POST', '/api/boards', body);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.error).toContain(field);
    expect(count('boards')).toBe(before);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await fetch(server.url + '/api/boards', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body is not valid JSON' });
    const plain = await fetch(server.url + '/api/boards', { method: 'POST', body: 'title=Forum' });
    expect(plain.status).toBe(415);
  });

  it('creates a board with default groups in its language', async () => {
    const res = await api<{ groups: Array<{ id: string; name: string }>; joinCode: string; links: Record<string, string> }>(
      server.url, 'POST', '/api/boards', { title: 'Kick-off Waardeketen Maakindustrie', language: 'nl' });
    expect(res.status).toBe(201);
    expect(res.body.groups.map((g) => g.name)).toEqual(['Bedrijf', 'Werkgeversorganisatie', 'Vakbond', 'Regionale overheid', 'Kennisinstelling', 'Overig']);
    expect(res.body.joinCode).toMatch(/^[A-Z0-9]{6}$/);
    expect(res.body.links.participant).toBe(`${server.url}/join/${res.body.joinCode}`);
  });

  it('join: wrong code, unknown group and missing name are refused and nobody is added', async () => {
    const board = await createBoard(server.url);
    const before = count('participants');
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ joinCode: 'ZZZZZZ', name: 'Åsa', group: 'Företag' }, 403, 'joinCode'],
      [{ joinCode: board.joinCode, name: 'Åsa', group: 'Astronauts' }, 400, 'group'],
      [{ joinCode: board.joinCode, group: 'Företag' }, 400, 'name'],
      [{ joinCode: board.joinCode, name: 'x'.repeat(61), group: 'Företag' }, 400, 'name'],
      [{ joinCode: 'abc', name: 'Åsa', group: 'Företag' }, 400, 'joinCode'],
    ];
    for (const [body, status, field] of cases) {
      const res = await api<{ field: string }>(server.url, 'POST', `/api/boards/${board.boardId}/join`, body);
      expect([res.status, res.body.field]).toEqual([status, field]);
    }
    expect(count('participants')).toBe(before);
    // An unknown board answers as a wrong code does, so nobody can find out which boards exist.
    const unknownBoard = await api(server.url, 'POST', '/api/boards/nosuchboard/join', { joinCode: board.joinCode, name: 'Åsa', group: 'Företag' });
    const wrongCode = await api(server.url, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ', name: 'Åsa', group: 'Företag' });
    expect(unknownBoard).toMatchObject({ status: 403, body: { code: 'wrong-join-code' } });
    expect(unknownBoard).toEqual(wrongCode);
  });

  it('board summary needs a token of that board; commands need the facilitator', async () => {
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Mikael Strand', 'Arbetsgivarorganisation');
    expect((await api(server.url, 'GET', `/api/boards/${board.boardId}`)).status).toBe(401);
    const other = await createBoard(server.url);
    expect((await api(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, other.facilitatorToken)).status).toBe(401);
    const summary = await api<{ you: { role: string; name: string }; participantCount: number }>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, p.token);
    expect(summary.body).toMatchObject({ you: { role: 'participant', name: 'Mikael Strand' }, participantCount: 1 });
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'vote' }, p.token)).status).toBe(403);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'dance' }, board.facilitatorToken)).status).toBe(400);
    const ok = await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    expect(ok).toEqual({ status: 200, body: { phase: 'cluster' } });
  });

  it('tokens are stored hashed', async () => {
    const board = await createBoard(server.url);
    const rows = db.prepare('SELECT hash FROM tokens WHERE board_id = ?').all(board.boardId) as Array<{ hash: string }>;
    expect(rows.length).toBe(2);
    expect(rows.map((r) => r.hash)).not.toContain(board.facilitatorToken);
    expect(JSON.stringify(rows)).not.toContain(board.observerToken);
  });

  it('serves health and Prometheus metrics', async () => {
    expect((await api(server.url, 'GET', '/healthz')).body).toEqual({ ok: true });
    const metrics = await api<string>(server.url, 'GET', '/metrics');
    expect(metrics.body).toContain('forumboard_rooms_loaded');
    expect(metrics.body).toContain('forumboard_persistence_append_seconds_count');
  });
});
