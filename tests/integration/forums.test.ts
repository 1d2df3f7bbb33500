import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import { FORUM_LIMITS, type ForumCreated, type ForumView, type NewForumLink } from '../../shared/forum.js';
import type { RegisterView } from '../../shared/register.js';
import type { PriorityList } from '../../shared/export/index.js';
import { themeMovement, type WorkshopPriorities } from '../../server/forums/themeMovement.js';
import { send } from '../../fixtures/workshopApi.js';
import { addCard, addCluster, readClusters } from '../../shared/boardDoc.js';
import { api, connect, createBoard, startTestServer, synced, waitUntil } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
// The 50-workshop cap needs more boards than one address may create in an hour by default, and waiting for themes
// to arrive asks for more views than one address may by default: the views' limit has a server of its own below.
beforeAll(async () => {
  server = await startTestServer(undefined, { BOARDS_PER_HOUR: '200', FORUM_VIEWS_PER_MINUTE: '0' });
});
afterAll(() => server?.close());

type Refusal = { error: string; code?: string };
const demo = async (language: 'sv' | 'nl' | 'en') => (await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language })).body;

async function forumOf(board: CreateBoardResponse, name = 'Industriforum Mälardalen'): Promise<ForumCreated> {
  const res = await api<ForumCreated>(server.url, 'POST', '/api/forums', { name, boardId: board.boardId }, board.facilitatorToken);
  expect(res.status).toBe(201);
  return res.body;
}

const add = (forum: ForumCreated, board: CreateBoardResponse, token = forum.token) =>
  api<Refusal>(server.url, 'POST', `/api/forums/${forum.forumId}/workshops`, { boardId: board.boardId, boardToken: board.facilitatorToken }, token);
const view = (forum: ForumCreated, token = forum.token) => api<ForumView & Refusal>(server.url, 'GET', `/api/forums/${forum.forumId}`, undefined, token);

/** A workshop whose facilitator has grouped cards into themes through a real y-websocket client. */
const clustered = async (language: 'sv' | 'nl', themes: Array<[string, string[]]>) => {
  const board = await createBoard(server.url, { title: `Werkplaats ${language}`, language });
  const client = connect(server.url, board.boardId, board.facilitatorToken);
  await synced(client);
  for (const [title, cards] of themes) {
    const cluster = addCluster(client.doc, { title });
    for (const card of cards) addCard(client.doc, { title: card, author: 'facilitator', cluster });
  }
  return { board, client };
};

describe('a forum of workshops', () => {
  it("shows a Swedish and a Dutch workshop side by side, their themes met through the concept list, to its facilitator and its read link", async () => {
    const swedish = await demo('sv');
    const dutch = await demo('nl');
    const forum = await forumOf(swedish);
    expect(forum.link).toBe(`${server.url}/f/${forum.forumId}#token=${forum.token}`);
    expect((await add(forum, dutch)).status).toBe(201);

    const seen = (await view(forum)).body;
    expect(seen.reader).toBe('facilitator');
    expect(seen.workshops.map((w) => [w.boardId, w.language, w.signoff, w.register])).toEqual([
      [swedish.boardId, 'sv', 'no-delegates', null],
      [dutch.boardId, 'nl', 'no-delegates', null],
    ]);
    expect(seen.workshops.every((w) => w.agreedPriorities > 0)).toBe(true);
    expect(seen.movement.sources).toEqual(['agreed', 'agreed']);
    // "Kompetensförsörjning" and "Talent en opleiding" are one concept, whatever the language.
    // The sample workshops' ties fall by chance, so the expected movement is drawn from their frozen lists as exported.
    const frozen = await Promise.all(
      [swedish, dutch].map(async (board, i): Promise<WorkshopPriorities> => {
        const list = JSON.parse(await (await send(server.url, 'GET', `/api/boards/${board.boardId}/export?format=json&version=1`, undefined, board.facilitatorToken)).text()) as PriorityList;
        const priorities = list.items.map((item) => ({ title: item.title, cardTitles: item.cards.map((card) => card.title) }));
        return { language: (['sv', 'nl'] as const)[i]!, concepts: [], source: 'agreed', priorities };
      }),
    );
    expect(seen.movement).toEqual(themeMovement(frozen));
    expect(seen.movement.concepts.length).toBeGreaterThan(0);

    const link = await api<NewForumLink>(server.url, 'POST', `/api/forums/${forum.forumId}/links`, undefined, forum.token);
    expect(link.status).toBe(201);
    const read = await view(forum, link.body.token);
    expect([read.status, read.body.reader, read.body.movement]).toEqual([200, 'read', seen.movement]);

    // The read link opens the progress page of a workshop with a register, and only reads it.
    expect((await api(server.url, 'POST', `/api/boards/${dutch.boardId}/register`, {}, dutch.facilitatorToken)).status).toBe(201);
    const withRegister = (await view(forum, link.body.token)).body.workshops[1]!;
    expect(withRegister.progressPath).toBe(`/b/${dutch.boardId}/progress`);
    expect(withRegister.register?.['not-started']).toBeGreaterThan(0);
    const progress = await api<RegisterView>(server.url, 'GET', `/api/boards/${dutch.boardId}/register`, undefined, link.body.token);
    expect([progress.status, progress.body.reader]).toEqual([200, { kind: 'progress' }]);
    const other = await demo('en');
    expect((await api(server.url, 'GET', `/api/boards/${other.boardId}/register`, undefined, link.body.token)).status).toBe(401);
  });

  it('ranks workshops that have not voted yet by their themes, written live, and meets their languages at one concept', async () => {
    const swedish = await clustered('sv', [
      ['Energi', ['Elpriset är för högt']],
      ['Kompetensbrist', ['Svetsare saknas', 'Rekrytering av elektriker', 'Kompetens inom automation']],
    ]);
    const dutch = await clustered('nl', [
      ['Tekort aan vakmensen', ['Werving van lassers', 'Vacatures blijven open']],
      ['Energie', ['Netcapaciteit op het bedrijventerrein', 'Stroomprijs', 'Energietransitie van de fabriek']],
    ]);
    const forum = await forumOf(swedish.board);
    expect((await add(forum, dutch.board)).status).toBe(201);
    let seen: ForumView | undefined;
    await waitUntil(async () => {
      seen = (await view(forum)).body;
      return seen.movement.sources.every((source) => source === 'themes') && seen.movement.concepts.length >= 2;
    });
    [swedish, dutch].forEach(({ client }) => client.destroy());
    expect(seen!.movement.concepts.map((c) => [c.key, c.ranks, c.movement])).toEqual([
      ['energy', [2, 1], 'rose'],
      ['recruitment', [1, 2], 'faded'],
    ]);
  });

  it('shows the next view a change of the themes of a workshop, though the movement of an unchanged forum is kept', async () => {
    const swedish = await clustered('sv', [
      ['Energi', ['Elpriset är för högt']],
      ['Kompetensbrist', ['Svetsare saknas', 'Rekrytering av elektriker']],
    ]);
    const dutch = await clustered('nl', [
      ['Tekort aan vakmensen', ['Werving van lassers', 'Vacatures blijven open']],
      ['Energie', ['Netcapaciteit op het bedrijventerrein']],
    ]);
    const forum = await forumOf(swedish.board);
    expect((await add(forum, dutch.board)).status).toBe(201);
    const ranksOf = (seen: ForumView) => seen.movement.concepts.map((c) => [c.key, c.ranks, c.movement]);
    const steady = [
      ['recruitment', [1, 1], 'steady'],
      ['energy', [2, 2], 'steady'],
    ];
    await waitUntil(async () => JSON.stringify(ranksOf((await view(forum)).body)) === JSON.stringify(steady));
    expect(ranksOf((await view(forum)).body)).toEqual(steady);

    const dutchEnergy = readClusters(dutch.client.doc).find((c) => c.title === 'Energie')!.id;
    for (const card of ['Stroomprijs', 'Energietransitie van de fabriek']) addCard(dutch.client.doc, { title: card, author: 'facilitator', cluster: dutchEnergy });
    let after: ForumView | undefined;
    await waitUntil(async () => {
      after = (await view(forum)).body;
      return after.movement.concepts[0]?.key === 'energy';
    });
    [swedish, dutch].forEach(({ client }) => client.destroy());
    expect(ranksOf(after!)).toEqual([
      ['energy', [2, 1], 'rose'],
      ['recruitment', [1, 2], 'faded'],
    ]);
  });

  it('takes in a follow-up workshop started from the register of one of its workshops', async () => {
    const source = await demo('en');
    expect((await api(server.url, 'POST', `/api/boards/${source.boardId}/register`, {}, source.facilitatorToken)).status).toBe(201);
    const forum = await forumOf(source, 'Steering group of the forum');
    const followUp = await api<CreateBoardResponse>(server.url, 'POST', '/api/boards', {
      title: 'Steering group, spring',
      followUp: { boardId: source.boardId, facilitatorToken: source.facilitatorToken },
    });
    expect(followUp.status).toBe(201);
    expect((await view(forum)).body.workshops.map((w) => w.boardId)).toEqual([source.boardId, followUp.body.boardId]);
    const inForum = await api<{ forum: { forumId: string } | null }>(server.url, 'GET', `/api/boards/${followUp.body.boardId}/forum`, undefined, followUp.body.facilitatorToken);
    expect(inForum.body.forum?.forumId).toBe(forum.forumId);
  });

  it('changes nothing through a read link, and revoking it closes it', async () => {
    const board = await createBoard(server.url);
    const forum = await forumOf(board);
    const link = (await api<NewForumLink>(server.url, 'POST', `/api/forums/${forum.forumId}/links`, undefined, forum.token)).body;
    const another = await createBoard(server.url);
    const attempts = [
      await add(forum, another, link.token),
      await api<Refusal>(server.url, 'PATCH', `/api/forums/${forum.forumId}`, { name: 'Mine now' }, link.token),
      await api<Refusal>(server.url, 'DELETE', `/api/forums/${forum.forumId}/workshops/${board.boardId}`, undefined, link.token),
      await api<Refusal>(server.url, 'POST', `/api/forums/${forum.forumId}/links`, undefined, link.token),
      await api<Refusal>(server.url, 'GET', `/api/forums/${forum.forumId}/links`, undefined, link.token),
    ];
    expect(attempts.map((a) => [a.status, a.body.code])).toEqual(Array(5).fill([403, 'forum-read-only']));
    const after = (await view(forum)).body;
    expect([after.name, after.workshops.map((w) => w.boardId)]).toEqual(['Industriforum Mälardalen', [board.boardId]]);
    // A workshop without themes, votes or a list has nothing to rank yet.
    expect([after.movement.sources, after.movement.concepts]).toEqual([['none'], []]);

    expect((await api(server.url, 'DELETE', `/api/forums/${forum.forumId}/links/${link.id}`, undefined, forum.token)).status).toBe(200);
    expect((await view(forum, link.token)).status).toBe(401);
    expect((await view(forum, board.facilitatorToken)).status).toBe(401);
  });

  it("refuses a workshop one does not facilitate, one already in a forum, and a body that breaks the schema", async () => {
    const board = await createBoard(server.url);
    const forum = await forumOf(board);
    const stranger = await createBoard(server.url);
    const observer = await api<{ token: string }>(server.url, 'POST', `/api/boards/${stranger.boardId}/observer-links`, {}, stranger.facilitatorToken);
    const refusals = [
      await api<Refusal>(server.url, 'POST', `/api/forums/${forum.forumId}/workshops`, { boardId: stranger.boardId, boardToken: board.facilitatorToken }, forum.token),
      await api<Refusal>(server.url, 'POST', '/api/forums', { name: 'Twice', boardId: board.boardId }, board.facilitatorToken),
      await add(forum, board),
      await api<Refusal>(server.url, 'POST', '/api/forums', { name: 'x'.repeat(121), boardId: stranger.boardId }, stranger.facilitatorToken),
      await api<Refusal>(server.url, 'POST', '/api/forums', { name: 'Not mine', boardId: stranger.boardId }, board.facilitatorToken),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual([
      [401, 'not-workshop-facilitator'],
      [409, 'in-a-forum'],
      [409, 'in-a-forum'],
      [400, undefined],
      [401, 'not-workshop-facilitator'],
    ]);
    expect(observer.status).toBe(201);
    const asObserver = await api<Refusal>(server.url, 'POST', `/api/forums/${forum.forumId}/workshops`, { boardId: stranger.boardId, boardToken: observer.body.token }, forum.token);
    expect([asObserver.status, asObserver.body.code]).toEqual([403, 'not-workshop-facilitator']);
    expect((await view(forum)).body.workshops.map((w) => w.boardId)).toEqual([board.boardId]);
  });

  it('holds at most 50 workshops, and loses a member board that is deleted', async () => {
    const boards = [];
    for (let i = 0; i <= FORUM_LIMITS.maxWorkshops; i++) boards.push(await createBoard(server.url, { title: `Werkplaats ${i}` }));
    const forum = await forumOf(boards[0]!);
    for (const board of boards.slice(1, FORUM_LIMITS.maxWorkshops)) expect((await add(forum, board)).status).toBe(201);
    const full = await add(forum, boards.at(-1)!);
    expect([full.status, full.body.code]).toEqual([409, 'forum-full']);

    const gone = boards[3]!;
    const deleted = await api(server.url, 'DELETE', `/api/boards/${gone.boardId}`, { confirmTitle: 'Werkplaats 3' }, gone.facilitatorToken);
    expect(deleted.status).toBe(200);
    const left = (await view(forum)).body.workshops.map((w) => w.boardId);
    expect(left).toHaveLength(FORUM_LIMITS.maxWorkshops - 1);
    expect(left).not.toContain(gone.boardId);
    expect((await add(forum, boards.at(-1)!)).status).toBe(201);
  }, 30_000);
});

describe('views of a forum', () => {
  let limited: Awaited<ReturnType<typeof startTestServer>>;
  // Trusting X-Forwarded-For from loopback lets one test process speak from several client addresses.
  beforeAll(async () => {
    limited = await startTestServer(undefined, { TRUST_PROXY: 'loopback', FORUM_VIEWS_PER_MINUTE: '5' });
  });
  afterAll(() => limited?.close());

  it('are refused with 429 and Retry-After past the budget of a link and of an address, while another link from another address is shown', async () => {
    const board = await createBoard(limited.url);
    const forum = (await api<ForumCreated>(limited.url, 'POST', '/api/forums', { name: 'Styrgrupp', boardId: board.boardId }, board.facilitatorToken)).body;
    const mint = async () => (await api<NewForumLink>(limited.url, 'POST', `/api/forums/${forum.forumId}/links`, undefined, forum.token)).body.token;
    const [first, second] = [await mint(), await mint()];
    const viewAs = async (token: string, address: string) => {
      const res = await send(limited.url, 'GET', `/api/forums/${forum.forumId}`, undefined, token, address);
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Refusal };
    };

    const burst = [];
    for (let i = 0; i < 6; i++) burst.push(await viewAs(first, '203.0.113.7'));
    expect(burst.map((v) => v.status)).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = burst.at(-1)!;
    expect([refused.body.code, Number(refused.retryAfter)]).toEqual(['too-busy', 12]);
    expect(refused.body.error).toContain('5 times a minute');

    // The same link from elsewhere, and the same address with another link, wait too; neither is shared by the third.
    expect((await viewAs(first, '198.51.100.20')).status).toBe(429);
    expect((await viewAs(second, '203.0.113.7')).status).toBe(429);
    expect((await viewAs(second, '198.51.100.21')).status).toBe(200);
  });
});
