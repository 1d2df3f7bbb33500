import { describe, expect, it } from 'vitest';
import { addCluster } from '../../shared/boardDoc.js';
import { readParticipants, readRound } from '../../shared/controlDoc.js';
import type { ApiError, BoardSummary } from '../../shared/api.js';
import type { ParticipantDetails, WaitingResponse } from '../../shared/peopleApi.js';
import { controlRoom } from '../../shared/rooms.js';
import type { RoundState, Tally } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

/**
 * Strict anonymity: once the first round has opened, someone who joins waits until a facilitator lets them vote.
 * Meanwhile their ballots are refused, they count toward no turnout or threshold, and the room does not see them.
 */
describe('the waiting list of a strictly anonymous workshop', () => {
  it('keeps a late join from voting until a facilitator lets them in, and out of every count meanwhile', async () => {
    const board = await createBoard(server.url, { groups: ['Företag', 'Fackförbund', 'Region'] });
    const as = <T>(method: string, route: string, body?: unknown, token = board.facilitatorToken) =>
      api<T>(server.url, method, `/api/boards/${board.boardId}${route}`, body, token);
    expect((await as('POST', '/settings', { strictAnonymity: true })).status).toBe(200);
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const theme = addCluster(fac.doc, { title: 'Energi' });
    const company = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
    // Before the first round a join is a voter at once, strict or not.
    const early = await join(server.url, board, 'Per Nyström', 'Fackförbund');
    expect((await as<BoardSummary>('GET', '', undefined, early.token)).body.you.waiting).toBe(false);
    await waitUntil(async () => (await as<RoundState>('POST', '/rounds', { budget: 3, cap: 3 })).status === 201);
    const round = (await as<BoardSummary>('GET', '')).body.rounds[0]!;

    const late = await join(server.url, board, 'Sen Ankomst', 'Fackförbund', 'Hemligt AB');
    const turnedAway = await join(server.url, board, 'Sock Puppet', 'Fackförbund');
    expect((await as<BoardSummary>('GET', '', undefined, late.token)).body.you.waiting).toBe(true);
    const lateBallot = await as<ApiError>('PUT', `/rounds/${round.id}/ballot`, { allocations: { [theme]: 1 } }, late.token);
    expect(lateBallot).toMatchObject({ status: 403, body: { code: 'waiting-for-facilitator' } });

    // The room's control document lists no waiting person; the facilitator's waiting list does, longest first.
    const observer = server.connect(controlRoom(board.boardId), board.observerToken);
    await synced(observer);
    await waitUntil(() => readParticipants(observer.doc).length === 4);
    expect(readParticipants(observer.doc).map((p) => p.name)).not.toContain('Sen Ankomst');
    // The summary's count is the people let in, as the room's list is.
    expect((await as<BoardSummary>('GET', '', undefined, board.observerToken)).body.participantCount).toBe(4);
    const waiting = await as<WaitingResponse>('GET', '/waiting');
    expect(waiting.body.waiting.map((p) => [p.name, p.organisation])).toEqual([
      ['Sen Ankomst', 'Hemligt AB'],
      ['Sock Puppet', ''],
    ]);
    expect((await as('GET', '/waiting', undefined, company[0]!.token)).status).toBe(403);
    expect((await as('GET', '/waiting', undefined, board.observerToken)).status).toBe(403);
    expect((await as('POST', `/waiting/${late.participantId}/admit`, undefined, company[0]!.token)).status).toBe(403);

    // Turned away: removed, their link stops working. Let in: listed for the room, and their ballot is taken.
    expect((await as('DELETE', `/participants/${turnedAway.participantId}`, { cards: 'delete' })).status).toBe(200);
    expect((await as('GET', '', undefined, turnedAway.token)).status).toBe(401);
    const admitted = await as<ParticipantDetails>('POST', `/waiting/${late.participantId}/admit`);
    expect(admitted).toMatchObject({ status: 200, body: { id: late.participantId, name: 'Sen Ankomst' } });
    expect(await as<ApiError>('POST', `/waiting/${late.participantId}/admit`)).toMatchObject({ status: 409, body: { code: 'not-waiting' } });
    expect((await as<WaitingResponse>('GET', '/waiting')).body.waiting).toEqual([]);
    await waitUntil(() => readParticipants(observer.doc).some((p) => p.name === 'Sen Ankomst'));
    expect((await as<BoardSummary>('GET', '', undefined, late.token)).body.you.waiting).toBe(false);
    expect((await as<BoardSummary>('GET', '')).body.participantCount).toBe(5);

    // Turning strict anonymity off lets in everyone still waiting.
    const latest = await join(server.url, board, 'Sist Kommen', 'Region');
    expect((await as<WaitingResponse>('GET', '/waiting')).body.waiting.map((p) => p.name)).toEqual(['Sist Kommen']);
    expect((await as('POST', '/settings', { strictAnonymity: false })).status).toBe(200);
    expect((await as<WaitingResponse>('GET', '/waiting')).body.waiting).toEqual([]);
    expect((await as<BoardSummary>('GET', '', undefined, latest.token)).body.you.waiting).toBe(false);
    await waitUntil(() => readParticipants(observer.doc).some((p) => p.name === 'Sist Kommen'));

    for (const person of [...company, early, late]) {
      expect((await as('PUT', `/rounds/${round.id}/ballot`, { allocations: { [theme]: 1 } }, person.token)).status).toBe(200);
    }
    await waitUntil(() => readRound(observer.doc, round.id)?.voters.total === 5);
    // Let in after the round opened, the late voter does not lift the lone union voter's group over the threshold.
    const union = board.groups.find((group) => group.name === 'Fackförbund')!.id;
    const tally = (await as<Tally>('POST', `/rounds/${round.id}/reveal`)).body;
    expect(tally.groups).not.toContain(union);
    expect(tally.items[0]!.total).toBe(5);
  });

  it('lets everyone vote at once in a workshop that is not strictly anonymous', async () => {
    const board = await createBoard(server.url, { groups: ['Företag'] });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const theme = addCluster(fac.doc, { title: 'Energi' });
    await waitUntil(async () => (await api(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 3, cap: 3 }, board.facilitatorToken)).status === 201);
    const round = (await api<BoardSummary>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken)).body.rounds[0]!;
    const late = await join(server.url, board, 'Sen Ankomst', 'Företag');
    expect((await api<BoardSummary>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, late.token)).body.you.waiting).toBe(false);
    const ballot = await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations: { [theme]: 1 } }, late.token);
    expect(ballot.status).toBe(200);
  });
});
