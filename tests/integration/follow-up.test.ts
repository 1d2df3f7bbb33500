import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import { readClusters } from '../../shared/boardDoc.js';
import { readMeta, readProgressCheck } from '../../shared/controlDoc.js';
import type { NewRegisterLink, RegisterItem, RegisterView } from '../../shared/register.js';
import { startPostgres } from '../../fixtures/postgres.js';
import { send } from '../../fixtures/workshopApi.js';
import { api, createBoard, join, liveServer, startTestServer, synced, waitUntil } from './support.js';

const server = liveServer();

/** A sample workshop with its register started: the source a follow-up starts from. */
async function sourceWithRegister(): Promise<{ source: CreateBoardResponse; view: RegisterView }> {
  const source = (await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language: 'en' })).body;
  const started = await api<RegisterView>(server.url, 'POST', `/api/boards/${source.boardId}/register`, {}, source.facilitatorToken);
  expect(started.status).toBe(201);
  return { source, view: started.body };
}

const followUpOf = (source: CreateBoardResponse, token = source.facilitatorToken) =>
  api<CreateBoardResponse & { error?: string; code?: string; field?: string }>(server.url, 'POST', '/api/boards', {
    title: 'Steering group, spring',
    followUp: { boardId: source.boardId, facilitatorToken: token },
  });

const report = (board: CreateBoardResponse, itemId: string, body: unknown, token: string) =>
  api<Partial<RegisterItem> & { code?: string }>(server.url, 'PATCH', `/api/boards/${board.boardId}/progress-check/items/${itemId}`, body, token);

const sourceRegister = async (source: CreateBoardResponse, token: string) =>
  (await api<RegisterView>(server.url, 'GET', `/api/boards/${source.boardId}/register`, undefined, token)).body.register;

describe('a follow-up workshop started from a register', () => {
  it('takes the register as its agenda, live: every screen sees the current item, and a report reaches the source register, its progress link and its files', async () => {
    const { source, view } = await sourceWithRegister();
    const created = await followUpOf(source);
    expect(created.status).toBe(201);
    const board = created.body;
    const owner = await join(server.url, board, 'Ingrid Vos', board.groups[0]!.name);
    const controls = [owner.token, board.observerToken].map((token) => server.connect(`${board.boardId}/control`, token));
    await Promise.all(controls.map((c) => synced(c)));
    const [first, second] = view.register.items;

    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.currentItemId === first!.itemId));
    const shown = readProgressCheck(controls[0]!.doc)!;
    expect(shown.sourceTitle).toBe((await api<{ title: string }>(server.url, 'GET', `/api/boards/${source.boardId}`, undefined, source.facilitatorToken)).body.title);
    expect(shown.items.map((item) => [item.itemId, item.title, item.owner, item.status])).toEqual(view.register.items.map((item) => [item.itemId, item.title, item.owner, item.status]));
    expect(shown.items[0]!.source.cards).toEqual(first!.source.cards);

    // The progress check is a step of a follow-up workshop only.
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'progress' }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => controls.every((c) => readMeta(c.doc)?.phase === 'progress'));
    const plain = await createBoard(server.url);
    const refused = await api<{ code: string }>(server.url, 'POST', `/api/boards/${plain.boardId}/phase`, { phase: 'progress' }, plain.facilitatorToken);
    expect([refused.status, refused.body.code]).toEqual([400, 'not-a-follow-up']);

    // The facilitator moves on and asks the owner to report; the owner's report lands in the source register.
    const go = (itemId: string) => api(server.url, 'PUT', `/api/boards/${board.boardId}/progress-check/current`, { itemId }, board.facilitatorToken);
    expect((await go(second!.itemId)).status).toBe(200);
    const early = await report(board, second!.itemId, { status: 'under-way' }, owner.token);
    expect([early.status, early.body.code]).toEqual([403, 'not-reporting']);
    expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/progress-check/reporter`, { participantId: owner.participantId }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.reporterId === owner.participantId && readProgressCheck(c.doc)?.currentItemId === second!.itemId));
    const reported = await report(board, second!.itemId, { status: 'under-way', progress: 60, nextReview: '2027-05-01', note: 'Tender published' }, owner.token);
    expect(reported.status).toBe(200);
    // Only the current item, and never the owner of an item.
    expect((await report(board, first!.itemId, { status: 'done' }, owner.token)).body.code).toBe('not-reporting');
    expect((await report(board, second!.itemId, { owner: 'Someone else' }, owner.token)).body.code).toBe('not-your-item');

    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.items[1]?.status === 'under-way'));
    expect(readProgressCheck(controls[1]!.doc)!.items[1]).toMatchObject({ progress: 60, nextReview: '2027-05-01', lastUpdate: { by: 'Ingrid Vos', note: 'Tender published' } });

    const progress = (await api<NewRegisterLink>(server.url, 'POST', `/api/boards/${source.boardId}/register/links`, { kind: 'progress' }, source.facilitatorToken)).body;
    const item = (await sourceRegister(source, progress.token)).items[1]!;
    expect(item).toMatchObject({ status: 'under-way', progress: 60, nextReview: '2027-05-01' });
    expect(item.log).toEqual([
      {
        at: expect.any(Number),
        by: 'Ingrid Vos',
        note: 'Tender published',
        followUp: { boardId: board.boardId, title: 'Steering group, spring' },
        changes: [
          { field: 'status', from: 'not-started', to: 'under-way' },
          { field: 'progress', from: null, to: 60 },
          { field: 'nextReview', from: null, to: '2027-05-01' },
        ],
      },
    ]);
    const json = await (await send(server.url, 'GET', `/api/boards/${source.boardId}/register/export?format=json`, undefined, progress.token)).json();
    expect(json.items[1]).toMatchObject({ status: 'under-way', log: [{ followUp: { boardId: board.boardId } }] });
    const csv = await (await send(server.url, 'GET', `/api/boards/${source.boardId}/register/export?format=csv`, undefined, progress.token)).text();
    expect(csv.split('\r\n')[2]).toContain(`2,${second!.title},${second!.owner},Under way,,60 %,2027-05-01,`);

    // The facilitator reports on any item, on the owner's behalf.
    expect((await report(board, first!.itemId, { status: 'dropped', dropReason: 'Covered by the skills pact' }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.items[0]?.status === 'dropped'));
  });

  it('refuses a source without a register, a source the caller does not facilitate, and stale or forged item ids', async () => {
    const { source, view } = await sourceWithRegister();
    const noRegister = await createBoard(server.url);
    const without = await followUpOf(noRegister);
    expect([without.status, without.body.code, without.body.field]).toEqual([409, 'no-register', 'followUp']);
    const other = await createBoard(server.url);
    for (const token of [source.observerToken, other.facilitatorToken, 'made-up-token']) {
      const res = await followUpOf(source, token);
      expect([res.status, res.body.code]).toEqual([403, 'not-source-facilitator']);
    }
    const participant = await join(server.url, source, 'Pim de Wit', source.groups[0]!.name);
    expect((await followUpOf(source, participant.token)).body.code).toBe('not-source-facilitator');
    const malformed = await api<{ field: string }>(server.url, 'POST', '/api/boards', { title: 'x', followUp: { boardId: source.boardId } });
    expect([malformed.status, malformed.body.field]).toEqual([400, 'followUp.facilitatorToken']);

    const board = (await followUpOf(source)).body;
    const before = JSON.stringify(await sourceRegister(source, source.facilitatorToken));
    // An item of another register (forged) or none at all (stale) is refused, and nothing changes.
    const elsewhere = (await sourceWithRegister()).view.register.items[0]!.itemId;
    for (const itemId of [elsewhere, 'no-such-item']) {
      const moved = await api<{ code: string }>(server.url, 'PUT', `/api/boards/${board.boardId}/progress-check/current`, { itemId }, board.facilitatorToken);
      expect([moved.status, moved.body.code]).toEqual([404, 'unknown-item']);
      expect((await report(board, itemId, { status: 'done' }, board.facilitatorToken)).body.code).toBe('unknown-item');
    }
    expect(JSON.stringify(await sourceRegister(source, source.facilitatorToken))).toBe(before);
    // A workshop that follows up nothing has no progress check.
    const plain = await createBoard(server.url);
    expect((await report(plain, view.register.items[0]!.itemId, { status: 'done' }, plain.facilitatorToken)).body.code).toBe('not-a-follow-up');
  });

  it('a closed follow-up cannot change the register, while the register itself still takes its owners\' updates', async () => {
    const { source, view } = await sourceWithRegister();
    const board = (await followUpOf(source)).body;
    const participant = await join(server.url, board, 'Noor Bakker', board.groups[0]!.name);
    await api(server.url, 'PUT', `/api/boards/${board.boardId}/progress-check/reporter`, { participantId: participant.participantId }, board.facilitatorToken);
    const itemId = view.register.items[0]!.itemId;
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/close`, {}, board.facilitatorToken)).status).toBe(200);
    const before = JSON.stringify(await sourceRegister(source, source.facilitatorToken));
    for (const token of [board.facilitatorToken, participant.token]) {
      const res = await report(board, itemId, { status: 'done' }, token);
      expect([res.status, res.body.code]).toEqual([409, 'workshop-closed']);
    }
    expect((await api<{ code: string }>(server.url, 'POST', `/api/boards/${board.boardId}/progress-check/carry`, {}, board.facilitatorToken)).body.code).toBe('workshop-closed');
    expect(JSON.stringify(await sourceRegister(source, source.facilitatorToken))).toBe(before);
    expect((await api(server.url, 'PATCH', `/api/boards/${source.boardId}/register/items/${itemId}`, { status: 'done' }, source.facilitatorToken)).status).toBe(200);
  });

  it('carries the items still open onto the board as themes linked back to their item, once', async () => {
    const { source, view } = await sourceWithRegister();
    const board = (await followUpOf(source)).body;
    const [done, ...open] = view.register.items;
    await report(board, done!.itemId, { status: 'done' }, board.facilitatorToken);
    const boardDoc = server.connect(board.boardId, board.observerToken);
    await synced(boardDoc);

    const carry = () => api<{ carried: number }>(server.url, 'POST', `/api/boards/${board.boardId}/progress-check/carry`, {}, board.facilitatorToken);
    expect((await carry()).body).toEqual({ carried: open.length });
    await waitUntil(() => readClusters(boardDoc.doc).length === open.length);
    const themes = readClusters(boardDoc.doc);
    expect(themes.map((theme) => theme.title).sort()).toEqual(open.map((item) => item.title.slice(0, 80)).sort());
    expect(themes.map((theme) => theme.registerItem).sort((a, b) => a!.position - b!.position)).toEqual(
      open.map((item) => ({ boardId: source.boardId, itemId: item.itemId, position: item.position })),
    );
    expect((await carry()).body).toEqual({ carried: 0 });
    expect(readClusters(boardDoc.doc)).toHaveLength(open.length);
  });
});

describe('a follow-up and the register it follows up, after it started', () => {
  it("shows every change of the source register live on each follow-up's screens: an owner's update through their link, and the facilitator's", async () => {
    const { source, view } = await sourceWithRegister();
    const followUps = [(await followUpOf(source)).body, (await followUpOf(source)).body];
    const controls = followUps.map((board) => server.connect(`${board.boardId}/control`, board.observerToken));
    await Promise.all(controls.map((c) => synced(c)));
    const [first, second] = view.register.items;
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.items.length === view.register.items.length));

    const ownerLink = (await api<NewRegisterLink>(server.url, 'POST', `/api/boards/${source.boardId}/register/links`, { kind: 'owner', owner: first!.owner }, source.facilitatorToken)).body;
    const update = (itemId: string, body: unknown, token: string) => api(server.url, 'PATCH', `/api/boards/${source.boardId}/register/items/${itemId}`, body, token);
    expect((await update(first!.itemId, { status: 'under-way', progress: 30, note: 'Pilot running' }, ownerLink.token)).status).toBe(200);
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.items[0]?.status === 'under-way'));
    expect(readProgressCheck(controls[1]!.doc)!.items[0]).toMatchObject({ progress: 30, lastUpdate: { by: first!.owner, note: 'Pilot running' } });

    expect((await update(second!.itemId, { status: 'dropped', dropReason: 'Merged into the port plan' }, source.facilitatorToken)).status).toBe(200);
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.items[1]?.dropReason === 'Merged into the port plan'));
  });

  it("shows a rename of the source workshop on each follow-up's screens at once, and its deletion as such", async () => {
    const { source } = await sourceWithRegister();
    const followUps = [(await followUpOf(source)).body, (await followUpOf(source)).body];
    const controls = followUps.map((board) => server.connect(`${board.boardId}/control`, board.observerToken));
    await Promise.all(controls.map((c) => synced(c)));
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.items.length));

    const renamed = await api(server.url, 'PATCH', `/api/boards/${source.boardId}`, { title: 'Harbour skills, 2027' }, source.facilitatorToken);
    expect(renamed.status).toBe(200);
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.sourceTitle === 'Harbour skills, 2027'), 3_000);

    expect((await api(server.url, 'DELETE', `/api/boards/${source.boardId}`, { confirmTitle: 'Harbour skills, 2027' }, source.facilitatorToken)).status).toBe(200);
    await waitUntil(() => controls.every((c) => readProgressCheck(c.doc)?.sourceDeleted === true), 3_000);
    expect(readProgressCheck(controls[1]!.doc)).toMatchObject({ sourceBoardId: source.boardId, sourceTitle: '', items: [] });
    const gone = await report(followUps[0]!, 'any-item', { status: 'done' }, followUps[0]!.facilitatorToken);
    expect([gone.status, gone.body.code]).toEqual([409, 'source-deleted']);
  });

  it('takes reports only while the facilitator link that started it still opens the source, and none once the source is deleted', async () => {
    const { source, view } = await sourceWithRegister();
    const itemId = view.register.items[0]!.itemId;
    const coFacilitator = (await api<{ id: string; token: string }>(server.url, 'POST', `/api/boards/${source.boardId}/co-facilitator-links`, { name: 'Co-host' }, source.facilitatorToken)).body;
    const board = (await followUpOf(source, coFacilitator.token)).body;
    expect((await report(board, itemId, { status: 'under-way' }, board.facilitatorToken)).status).toBe(200);

    expect((await api(server.url, 'DELETE', `/api/boards/${source.boardId}/links/${coFacilitator.id}`, undefined, source.facilitatorToken)).status).toBe(200);
    const before = JSON.stringify(await sourceRegister(source, source.facilitatorToken));
    const revoked = await report(board, itemId, { status: 'done' }, board.facilitatorToken);
    expect([revoked.status, revoked.body.code]).toEqual([403, 'source-access-revoked']);
    expect(JSON.stringify(await sourceRegister(source, source.facilitatorToken))).toBe(before);

    const kept = (await followUpOf(source)).body;
    expect((await report(kept, itemId, { status: 'done' }, kept.facilitatorToken)).status).toBe(200);
    const title = (await api<{ title: string }>(server.url, 'GET', `/api/boards/${source.boardId}`, undefined, source.facilitatorToken)).body.title;
    expect((await api(server.url, 'DELETE', `/api/boards/${source.boardId}`, { confirmTitle: title }, source.facilitatorToken)).status).toBe(200);
    const gone = await report(kept, itemId, { status: 'under-way' }, kept.facilitatorToken);
    expect([gone.status, gone.body.code]).toEqual([409, 'source-deleted']);
  });
});

/** A server of its own on each store (25 creations at once are more than one address may make in an hour by default). */
interface CountedServer {
  url: string;
  /** How many boards the database holds. */
  boards(): Promise<number>;
  stop(): Promise<void>;
}

const stores: Array<{ name: string; start(): Promise<CountedServer> }> = [
  {
    name: 'SQLite',
    async start() {
      const server = await startTestServer(undefined, { BOARDS_PER_HOUR: '100' });
      return {
        url: server.url,
        async boards() {
          const db = new Database(path.join(server.dataDir, 'forumboard.db'), { readonly: true });
          try {
            return (db.prepare('SELECT COUNT(*) AS n FROM boards').get() as { n: number }).n;
          } finally {
            db.close();
          }
        },
        stop: () => server.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async start() {
      const postgres = await startPostgres();
      const url = postgres.createDatabase('follow_ups');
      const server = await startTestServer(undefined, { BOARDS_PER_HOUR: '100', DATABASE_URL: url });
      return {
        url: server.url,
        async boards() {
          const db = new pg.Client({ connectionString: url });
          await db.connect();
          try {
            return (await db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM boards')).rows[0]!.n;
          } finally {
            await db.end();
          }
        },
        async stop() {
          await server.close();
          postgres.dispose();
        },
      };
    },
  },
];

describe.each(stores)('follow-ups created at once on $name', (store) => {
  let busy: CountedServer | undefined;
  beforeAll(async () => {
    busy = await store.start();
  }, 60_000);
  afterAll(() => busy?.stop());

  it('creates exactly as many as the register takes and refuses the others without leaving a board behind', async () => {
    const { url, boards } = busy!;
    const source = (await api<CreateBoardResponse>(url, 'POST', '/api/demo-boards', { language: 'en' })).body;
    expect((await api(url, 'POST', `/api/boards/${source.boardId}/register`, {}, source.facilitatorToken)).status).toBe(201);
    const before = await boards();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        api<{ code?: string }>(url, 'POST', '/api/boards', { title: `Steering group ${n}`, followUp: { boardId: source.boardId, facilitatorToken: source.facilitatorToken } }),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(20);
    expect(answers.filter((a) => a.status !== 201).map((a) => [a.status, a.body.code])).toEqual(Array.from({ length: 5 }, () => [409, 'too-many-follow-ups']));
    expect((await boards()) - before).toBe(20);
  });
});
