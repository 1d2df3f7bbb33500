import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDraftBody, CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { addCard } from '../../shared/boardDoc.js';
import type { ExportedList } from '../../shared/export/json.js';
import type { MyDataExport } from '../../shared/peopleApi.js';
import type { SignoffRule } from '../../shared/signoff.js';
import type { RoundState } from '../../shared/voting/index.js';
import type { BoardRecord } from '../../server/agreement/Signoffs.js';
import type { RunningServer } from '../../server/app.js';
import { startPostgres, type RunningPostgres } from '../../fixtures/postgres.js';
import { api, connect, createBoard, join, startTestServer, synced, tempDataDir, waitUntil } from './support.js';

/**
 * Delegates sign a frozen version for their stakeholder group, under the workshop's rule, and every version and
 * decision is sealed into the board's record: on SQLite and on PostgreSQL, with the real server and its routes.
 */

interface Store {
  name: string;
  start(): Promise<{ server: RunningServer & { url: string }; edit(sql: string, params: unknown[]): Promise<void>; stop(): Promise<void> }>;
}

let postgres: RunningPostgres | undefined;

const stores: Store[] = [
  {
    name: 'SQLite',
    async start() {
      const dataDir = tempDataDir();
      const server = await startTestServer(dataDir);
      return {
        server,
        async edit(sql, params) {
          const db = new Database(path.join(dataDir, 'forumboard.db'));
          db.prepare(sql.replace(/\$\d+/g, '?')).run(...params);
          db.close();
        },
        stop: () => server.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async start() {
      postgres = await startPostgres();
      const url = postgres.createDatabase('signoff');
      const server = await startTestServer(tempDataDir(), { DATABASE_URL: url });
      return {
        server,
        async edit(sql, params) {
          const db = new pg.Client({ connectionString: url });
          await db.connect();
          await db.query(sql, params);
          await db.end();
        },
        async stop() {
          await server.close();
          postgres?.dispose();
        },
      };
    },
  },
];

const GROUPS = ['Company', 'Trade union', 'Regional government', 'Knowledge institution'];

describe.each(stores)('sign-off and the record on $name', (store) => {
  let running: Awaited<ReturnType<Store['start']>>;
  const base = () => running.server.url;

  beforeAll(async () => {
    running = await store.start();
  }, 60_000);
  afterAll(() => running?.stop());

  /** A workshop with one delegate per group (and a second for the union) and version 1 frozen. */
  async function frozenWorkshop(rule: SignoffRule) {
    const board = await createBoard(base(), { language: 'en', groups: GROUPS });
    const [company, union, region, knowledge] = board.groups.map((g) => g.id);
    const people = {
      company: await join(base(), board, 'Anna', company, 'Forge BV'),
      union: await join(base(), board, 'Bram', union, 'FNV'),
      union2: await join(base(), board, 'Cleo', union, 'CNV'),
      region: await join(base(), board, 'Dirk', region, 'Provincie'),
      knowledge: await join(base(), board, 'Eva', knowledge, 'TU'),
    };
    const facilitator = connect(base(), board.boardId, board.facilitatorToken);
    await synced(facilitator);
    const cardId = addCard(facilitator.doc, { title: 'Skills shortage', author: 'facilitator' });
    let round: RoundState | undefined;
    await waitUntil(async () => {
      const opened = await api<RoundState>(base(), 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken);
      if (opened.status === 201) round = opened.body;
      return round !== undefined;
    });
    facilitator.destroy();
    if (!round) throw new Error('no round');
    expect((await api(base(), 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken)).status).toBe(200);
    const draft = { roundId: round.id, items: [{ itemId: cardId, title: 'Skills shortage', owner: 'Region', nextStep: 'Pilot' }] };
    expect((await api(base(), 'PUT', `/api/boards/${board.boardId}/agreement`, draft, board.facilitatorToken)).status).toBe(200);
    await freeze(board);
    const setup = {
      rule,
      delegates: {
        [company]: [people.company.participantId],
        [union]: [people.union.participantId, people.union2.participantId],
        [region]: [people.region.participantId],
        [knowledge]: [people.knowledge.participantId],
      },
    };
    expect((await api(base(), 'PUT', `/api/boards/${board.boardId}/signoff`, setup, board.facilitatorToken)).status).toBe(200);
    return { board, people, setup, draft, groups: { company, union, region, knowledge } };
  }

  async function freeze(board: CreateBoardResponse) {
    expect((await api(base(), 'POST', `/api/boards/${board.boardId}/agreement/freeze`, undefined, board.facilitatorToken)).status).toBe(201);
  }

  /** A draft equal to the latest version freezes as that version: the next one needs a change. */
  async function freezeChanged(board: CreateBoardResponse, draft: AgreementDraftBody) {
    const changed = { ...draft, items: draft.items.map((item) => ({ ...item, nextStep: `${item.nextStep}, then scale up` })) };
    expect((await api(base(), 'PUT', `/api/boards/${board.boardId}/agreement`, changed, board.facilitatorToken)).status).toBe(200);
    await freeze(board);
  }

  const sign = (board: CreateBoardResponse, who: JoinResponse, decision: string, version = 1, reason = '') =>
    api<{ code?: string }>(base(), 'PUT', `/api/boards/${board.boardId}/agreement/versions/${version}/signoff`, { decision, reason }, who.token);

  /** The decision record as the steering group downloads it. */
  async function decisionRecord(board: CreateBoardResponse, version?: number) {
    const res = await api<ExportedList>(base(), 'GET', `/api/boards/${board.boardId}/export?format=json${version ? `&version=${version}` : ''}`, undefined, board.observerToken);
    expect(res.status).toBe(200);
    expect(res.body.schemaVersion).toBe(3);
    return res.body.decisionRecord!;
  }

  const record = (board: CreateBoardResponse, token = board.observerToken) => api<BoardRecord>(base(), 'GET', `/api/boards/${board.boardId}/record`, undefined, token);

  it('"every group consents": signed off only when the last group consents; an objection needs a reason', async () => {
    const { board, people } = await frozenWorkshop('every-group');
    for (const who of [people.company, people.union, people.union2, people.region]) expect((await sign(board, who, 'consent')).status).toBe(200);
    expect(await decisionRecord(board)).toMatchObject({ version: 1, rule: 'every-group', met: false });

    expect((await sign(board, people.knowledge, 'object')).status).toBe(400);
    expect((await sign(board, people.knowledge, 'object', 1, 'Budget unclear')).status).toBe(200);
    const objected = await decisionRecord(board);
    expect(objected.met).toBe(false);
    expect(objected.groups.find((g) => g.standing === 'objects')?.delegates[0]).toMatchObject({ name: 'Eva', decision: 'object', reason: 'Budget unclear' });

    expect((await sign(board, people.knowledge, 'consent')).status).toBe(200);
    const signed = await decisionRecord(board);
    expect(signed.met).toBe(true);
    expect(signed.groups.map((g) => g.standing)).toEqual(['consents', 'consents', 'consents', 'consents']);

    // The CSV carries the same record below the list, in the workshop's language.
    const csv = (await api<string>(base(), 'GET', `/api/boards/${board.boardId}/export?format=csv`, undefined, board.observerToken)).body;
    expect(csv).toContain('Decision record, version 1');
    expect(csv).toContain('The list is signed off when every group with delegates consents.');
    expect(csv).toMatch(/Knowledge institution: Consents,Eva,TU,Consent,,\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  });

  it('"a majority of groups and no objection": met at three of four, and undone by one objection', async () => {
    const { board, people } = await frozenWorkshop('majority-no-objection');
    for (const who of [people.company, people.region]) await sign(board, who, 'consent');
    expect((await decisionRecord(board)).met).toBe(false);
    await sign(board, people.knowledge, 'consent');
    expect((await decisionRecord(board)).met).toBe(true);
    await sign(board, people.union, 'object', 1, 'Working hours not addressed');
    expect((await decisionRecord(board)).met).toBe(false);
  });

  it('a signed list becomes the register: refused while the delegates have not signed it off, started once they have', async () => {
    const { board, people } = await frozenWorkshop('majority-no-objection');
    const start = () => api<{ code?: string; register?: { fromVersion: number } }>(base(), 'POST', `/api/boards/${board.boardId}/register`, undefined, board.facilitatorToken);
    await sign(board, people.company, 'consent');
    const early = await start();
    expect([early.status, early.body.code]).toEqual([409, 'not-signed-off']);
    for (const who of [people.region, people.knowledge]) await sign(board, who, 'consent');
    const started = await start();
    expect(started.status).toBe(201);
    expect(started.body.register?.fromVersion).toBe(1);
  });

  it('only named delegates sign; a delegate removed mid-way no longer counts', async () => {
    const { board, people, setup, groups } = await frozenWorkshop('every-group');
    const outsider = await join(base(), board, 'Finn', groups.company, 'Other BV');
    expect((await sign(board, outsider, 'consent')).body.code).toBe('not-a-delegate');
    const wrongGroup = { ...setup, delegates: { ...setup.delegates, [groups.company]: [people.union.participantId] } };
    expect((await api<{ code: string }>(base(), 'PUT', `/api/boards/${board.boardId}/signoff`, wrongGroup, board.facilitatorToken)).body.code).toBe('delegate-not-in-group');

    for (const who of [people.company, people.union, people.region, people.knowledge]) await sign(board, who, 'consent');
    // Cleo, the union's second delegate, has not decided: the union waits for her.
    expect((await decisionRecord(board)).met).toBe(false);
    expect((await api(base(), 'DELETE', `/api/boards/${board.boardId}/participants/${people.union2.participantId}`, { cards: 'keep' }, board.facilitatorToken)).status).toBe(200);
    const after = await decisionRecord(board);
    expect(after.met).toBe(true);
    expect(after.groups.find((g) => g.group === groups.union)?.delegates.map((d) => d.name)).toEqual(['Bram']);

    // Taken off the list by the facilitator, Bram's consent no longer counts either.
    await api(base(), 'PUT', `/api/boards/${board.boardId}/signoff`, { ...setup, delegates: { ...setup.delegates, [groups.union]: [] } }, board.facilitatorToken);
    expect((await decisionRecord(board)).groups.map((g) => g.group)).not.toContain(groups.union);
  });

  it('a new frozen version asks again; the earlier sign-offs stay with their version', async () => {
    const { board, people, draft } = await frozenWorkshop('every-group');
    for (const who of [people.company, people.union, people.union2, people.region, people.knowledge]) await sign(board, who, 'consent');
    expect((await decisionRecord(board)).met).toBe(true);
    await freezeChanged(board, draft);
    const v2 = await decisionRecord(board);
    expect(v2).toMatchObject({ version: 2, met: false });
    expect(v2.groups.every((g) => g.standing === 'pending')).toBe(true);
    expect((await decisionRecord(board, 1)).met).toBe(true);
    expect((await sign(board, people.company, 'consent', 1)).body.code).toBe('version-superseded');
    expect((await sign(board, people.company, 'consent', 2)).status).toBe(200);

    // What a delegate signed is part of what is stored about them.
    const own = await api<MyDataExport>(base(), 'GET', `/api/boards/${board.boardId}/my-data`, undefined, people.company.token);
    expect(own.body.signoffs.map((s) => [s.version, s.decision])).toEqual([[1, 'consent'], [2, 'consent']]);
  });

  it('the record verifies from the first version to the last, and a row edited in the database breaks it there', async () => {
    const { board, people, draft } = await frozenWorkshop('every-group');
    await sign(board, people.company, 'object', 1, 'Too vague');
    await sign(board, people.union, 'consent');
    await freezeChanged(board, draft);
    await sign(board, people.region, 'consent', 2);

    expect((await record(board, people.company.token)).status).toBe(403);
    const whole = await record(board, board.facilitatorToken);
    expect(whole.body).toMatchObject({ verifies: true, brokenAt: null, problem: null });
    expect(whole.body.entries.map((e) => [e.seq, e.kind, e.version])).toEqual([[1, 'version', 1], [2, 'signoff', 1], [3, 'signoff', 1], [4, 'version', 2], [5, 'signoff', 2]]);
    expect(whole.body.head).toBe(whole.body.entries.at(-1)!.hash);

    // Someone with access to the database turns the company's objection into consent.
    await running.edit("UPDATE signoffs SET decision = 'consent', reason = '' WHERE board_id = $1 AND seq = $2", [board.boardId, 2]);
    expect((await record(board)).body).toMatchObject({ verifies: false, brokenAt: 2, problem: 'changed' });
  });

  it('a frozen list changed or a sign-off taken out of the database breaks the record', async () => {
    const { board, people } = await frozenWorkshop('every-group');
    await sign(board, people.company, 'consent');
    await sign(board, people.union, 'consent');
    await running.edit('DELETE FROM signoffs WHERE board_id = $1 AND seq = $2', [board.boardId, 2]);
    expect((await record(board)).body).toMatchObject({ verifies: false, brokenAt: 3, problem: 'unlinked' });

    const other = await frozenWorkshop('every-group');
    await running.edit("UPDATE agreements SET data = replace(data, 'Pilot', 'Study') WHERE board_id = $1", [other.board.boardId]);
    expect((await record(other.board)).body).toMatchObject({ verifies: false, brokenAt: 1, problem: 'changed' });
  });
});
