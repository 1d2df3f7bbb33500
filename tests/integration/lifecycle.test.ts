import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardSummary, BoardTemplate } from '../../shared/api.js';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { readMeta } from '../../shared/controlDoc.js';
import { api, connect, createBoard, join, startTestServer, synced, waitUntil } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const summaryOf = async (boardId: string, token: string) => (await api<BoardSummary>(server.url, 'GET', `/api/boards/${boardId}`, undefined, token)).body;

describe('editing a workshop after creation', () => {
  it('changes title, question, language and groups, live in the control document, keeping group ids on rename', async () => {
    const board = await createBoard(server.url);
    const watcher = connect(server.url, `${board.boardId}/control`, board.observerToken);
    await synced(watcher);
    const [company, ...rest] = board.groups;
    const res = await api(server.url, 'PATCH', `/api/boards/${board.boardId}`, {
      title: 'Industriforum Kronoberg – uppstart',
      question: 'Vad hindrar industrin i Kronoberg?',
      language: 'nl',
      groups: [{ id: company.id, name: 'Företag och industri' }, ...rest, { name: 'Kommun' }],
    }, board.facilitatorToken);
    expect(res.status).toBe(200);
    await waitUntil(() => readMeta(watcher.doc)?.title === 'Industriforum Kronoberg – uppstart');
    const meta = readMeta(watcher.doc)!;
    expect(meta.question).toBe('Vad hindrar industrin i Kronoberg?');
    expect(meta.language).toBe('nl');
    expect(meta.groups[0]).toEqual({ id: company.id, name: 'Företag och industri' });
    expect(meta.groups.at(-1)?.name).toBe('Kommun');
    expect(new Set(meta.groups.map((g) => g.id)).size).toBe(meta.groups.length);
    watcher.destroy();
  });

  it('renames a group someone joined, but refuses to remove it (group-in-use) and changes nothing', async () => {
    const board = await createBoard(server.url);
    await join(server.url, board, 'Anna Lindqvist', 'Företag');
    const company = board.groups.find((g) => g.name === 'Företag')!;
    const others = board.groups.filter((g) => g !== company);

    const removal = await api<{ code: string; field: string }>(server.url, 'PATCH', `/api/boards/${board.boardId}`, {
      title: 'Should not be stored',
      groups: others,
    }, board.facilitatorToken);
    expect(removal.status).toBe(409);
    expect(removal.body).toMatchObject({ code: 'group-in-use', field: 'groups' });
    const unchanged = await summaryOf(board.boardId, board.facilitatorToken);
    expect(unchanged.title).toBe('Industriforum – uppstart');
    expect(unchanged.groups).toEqual(board.groups);

    const rename = await api(server.url, 'PATCH', `/api/boards/${board.boardId}`, { groups: [{ id: company.id, name: 'Näringsliv' }, ...others] }, board.facilitatorToken);
    expect(rename.status).toBe(200);
    const after = await summaryOf(board.boardId, board.facilitatorToken);
    expect(after.groups.find((g) => g.id === company.id)?.name).toBe('Näringsliv');
    // A group nobody is in can go.
    const unused = await api(server.url, 'PATCH', `/api/boards/${board.boardId}`, { groups: [{ id: company.id, name: 'Näringsliv' }] }, board.facilitatorToken);
    expect(unused.status).toBe(200);
  });

  it.each([
    [{ title: '' }, 400, 'title'],
    [{ language: 'de' }, 400, 'language'],
    [{ groups: [] }, 400, 'groups'],
    [{ groups: [{ name: 'Region' }, { name: 'region' }] }, 400, 'groups'],
    [{ groups: [{ name: 'Trade union' }, { name: 'Trade\u200b union' }] }, 400, 'groups'],
    [{ groups: [{ name: 'Trade union' }, { name: 'Tr\u0430de union' }] }, 400, 'groups'],
    [{ groups: [{ name: '\u200b\u2060' }] }, 400, 'groups'],
    [{ groups: [{ name: 'Företag' }, { name: 'Smaller groups combined' }] }, 400, 'groups'],
    [{ groups: [{ name: 'Företag' }, { name: 'mindre  grupper sammanslagna' }] }, 400, 'groups'],
    [{ groups: [{ id: 'astronauts', name: 'Astronauts' }] }, 400, 'groups'],
    [{ title: 'Forum', owner: 'someone' }, 400, '(body)'],
  ])('refuses %j with %i naming %s, and stores nothing', async (body, status, field) => {
    const board = await createBoard(server.url);
    const res = await api<{ field: string }>(server.url, 'PATCH', `/api/boards/${board.boardId}`, body, board.facilitatorToken);
    expect(res.status).toBe(status);
    expect(res.body.field).toBe(field);
    const after = await summaryOf(board.boardId, board.facilitatorToken);
    expect([after.title, after.language, after.groups]).toEqual(['Industriforum – uppstart', 'sv', board.groups]);
  });

  it('is the facilitator’s alone', async () => {
    const board = await createBoard(server.url);
    const { token } = await join(server.url, board, 'Lars Nilsson', 'Företag');
    expect((await api(server.url, 'PATCH', `/api/boards/${board.boardId}`, { title: 'Mine now' }, token)).status).toBe(403);
    expect((await api(server.url, 'PATCH', `/api/boards/${board.boardId}`, { title: 'Mine now' }, board.observerToken)).status).toBe(403);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/close`, {}, token)).status).toBe(403);
  });
});

describe('closing and reopening a workshop', () => {
  it('makes the board read-only for everyone, refuses commands with workshop-closed, keeps exports, and reopens', async () => {
    const board = await createBoard(server.url);
    const participant = await join(server.url, board, 'Erik Johansson', 'Fackförbund');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);

    const closed = await api<{ closedAt: number }>(server.url, 'POST', `/api/boards/${board.boardId}/close`, {}, board.facilitatorToken);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toBeGreaterThan(0);
    expect((await summaryOf(board.boardId, participant.token)).closedAt).toBe(closed.body.closedAt);

    // Commands and joins are refused with a code the client translates.
    const refusals = await Promise.all([
      api<{ code: string }>(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken),
      api<{ code: string }>(server.url, 'PATCH', `/api/boards/${board.boardId}`, { title: 'Renamed while closed' }, board.facilitatorToken),
      api<{ code: string }>(server.url, 'POST', `/api/boards/${board.boardId}/timer`, { action: 'start', seconds: 60 }, board.facilitatorToken),
      api<{ code: string }>(server.url, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name: 'Late', group: 'Region' }),
    ]);
    for (const refusal of refusals) expect(refusal).toMatchObject({ status: 409, body: { code: 'workshop-closed' } });
    expect((await summaryOf(board.boardId, board.facilitatorToken)).phase).toBe('collect');

    // A participant's card is refused by the server and does not stay on the board.
    const writer = connect(server.url, board.boardId, participant.token);
    await synced(writer);
    addCard(writer.doc, { title: 'Written after closing', author: participant.participantId });
    await waitUntil(() => writer.closes.length > 0);
    expect(writer.closes[0]).toEqual({ code: 1008, reason: 'the workshop is closed' });
    writer.destroy();
    const observer = connect(server.url, board.boardId, board.observerToken);
    await synced(observer);
    expect(readCards(observer.doc)).toEqual([]);
    observer.destroy();

    // Exports stay.
    const csv = await api<string>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=csv`, undefined, board.observerToken);
    expect(csv.status).toBe(200);

    const reopened = await api<{ closedAt: null }>(server.url, 'POST', `/api/boards/${board.boardId}/reopen`, {}, board.facilitatorToken);
    expect(reopened).toEqual({ status: 200, body: { closedAt: null } });
    const again = connect(server.url, board.boardId, participant.token);
    await synced(again);
    addCard(again.doc, { title: 'Written after reopening', author: participant.participantId });
    const reader = connect(server.url, board.boardId, board.observerToken);
    await waitUntil(() => readCards(reader.doc).some((c) => c.title === 'Written after reopening'));
    expect(again.closes).toEqual([]);
    again.destroy();
    reader.destroy();
  });
});

describe('correcting people on a closed workshop', () => {
  it('is refused with workshop-closed for the facilitator and the participant, and changes nothing', async () => {
    const board = await createBoard(server.url);
    const participant = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/close`, {}, board.facilitatorToken);
    const route = `/api/boards/${board.boardId}/participants/${participant.participantId}`;
    const byFacilitator = await api<{ code: string }>(server.url, 'PATCH', route, { name: 'Anna Lindgren', group: 'Region' }, board.facilitatorToken);
    const bySelf = await api<{ code: string }>(server.url, 'PATCH', route, { organisation: 'Volvo' }, participant.token);
    expect(byFacilitator).toMatchObject({ status: 409, body: { code: 'workshop-closed' } });
    expect(bySelf).toMatchObject({ status: 409, body: { code: 'workshop-closed' } });
    const you = (await summaryOf(board.boardId, participant.token)).you;
    expect([you.name, you.group]).toEqual(['Anna Lindqvist', board.groups.find((g) => g.name === 'Företag')!.id]);

    await api(server.url, 'POST', `/api/boards/${board.boardId}/reopen`, {}, board.facilitatorToken);
    expect((await api(server.url, 'PATCH', route, { name: 'Anna Lindgren' }, board.facilitatorToken)).status).toBe(200);
  });
});

describe('starting from an earlier workshop', () => {
  it('gives its question, language, groups and settings, never its people', async () => {
    const board = await createBoard(server.url, { settings: { silentCollect: true, participantsExport: true } });
    await join(server.url, board, 'Maria Bergström', 'Region');
    const res = await api<BoardTemplate>(server.url, 'GET', `/api/boards/${board.boardId}/template`, undefined, board.facilitatorToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      question: 'Vilka är de största utmaningarna för industrin i länet?',
      language: 'sv',
      groups: board.groups.map((g) => g.name),
      settings: { silentCollect: true, participantsCluster: true, participantsExport: true },
    });
    expect(JSON.stringify(res.body)).not.toContain('Maria');
    const { token } = await join(server.url, board, 'Pieter van Dijk', 'Lärosäte');
    expect((await api(server.url, 'GET', `/api/boards/${board.boardId}/template`, undefined, token)).status).toBe(403);
  });
});

describe('the summary behind "My workshops"', () => {
  it('tells the role, the phase and the last activity', async () => {
    const board = await createBoard(server.url);
    const created = await summaryOf(board.boardId, board.facilitatorToken);
    const participant = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    const joined = await summaryOf(board.boardId, participant.token);
    expect(created.you.role).toBe('facilitator');
    expect(joined.you.role).toBe('participant');
    expect(joined.phase).toBe('setup');
    expect(joined.lastActivityAt).toBeGreaterThanOrEqual(created.lastActivityAt);
    expect(joined.lastActivityAt).toBeLessThanOrEqual(Date.now());
  });
});
