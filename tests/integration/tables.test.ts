import { describe, expect, it } from 'vitest';
import type { BoardSummary, CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import * as Y from 'yjs';
import { addCard, addCluster, cardsOf, deleteCard, moveCards, readCards, readClusters } from '../../shared/boardDoc.js';
import { LIMITS } from '../../shared/limits.js';
import type { SuggestionsResponse } from '../../shared/suggestions/api.js';
import type { PriorityList } from '../../shared/export/index.js';
import type { MergeResult, MergeSuggestions } from '../../shared/tables/api.js';
import { readMeta, readParticipants, readSeating } from '../../shared/controlDoc.js';
import type { TimerState } from '../../shared/timer.js';
import { readDrafts } from '../../shared/draftsDoc.js';
import { controlRoom, privateListRoom, tableBoardRoom } from '../../shared/rooms.js';
import type { Seating } from '../../shared/tables/seating.js';
import { api, createBoard, liveServer, rawClose, sleep, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

const GROUPS = ['Company', 'Trade union', 'Regional government', 'School'];
/** A kick-off of sixty: companies are the largest group, schools the smallest. */
const ROOM: Array<[string, number]> = [
  ['Company', 21],
  ['Trade union', 15],
  ['Regional government', 13],
  ['School', 11],
];

/** Joins as a phone in the venue does, waiting when the venue's network joins more than its share a second. */
async function joinInTurn(board: CreateBoardResponse, name: string, group: string): Promise<JoinResponse> {
  for (;;) {
    const res = await api<JoinResponse>(server.url, 'POST', `/api/boards/${board.boardId}/join`, { joinCode: board.joinCode, name, group });
    if (res.status === 201) return res.body;
    expect(res.status).toBe(429);
    await sleep(150);
  }
}

async function kickOff(room = ROOM): Promise<{ board: CreateBoardResponse; people: Array<JoinResponse & { group: string }>; control: TestClient }> {
  const board = await createBoard(server.url, { title: 'Regional kick-off', language: 'en', groups: GROUPS });
  expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/join-allowance`, { perAddress: 200 }, board.facilitatorToken)).status).toBe(200);
  const people: Array<JoinResponse & { group: string }> = [];
  for (const [group, size] of room) {
    for (let i = 0; i < size; i++) people.push({ ...(await joinInTurn(board, `${group} ${i + 1}`, group)), group });
  }
  const control = server.connect(controlRoom(board.boardId), board.facilitatorToken);
  await synced(control);
  return { board, people, control };
}

/** Eight people, two of each group, seated at two tables, after the facilitator's `steps` (route and body). */
async function atTwoTables(steps: Array<[route: string, body: unknown]> = []) {
  const { board, people, control } = await kickOff(ROOM.map(([group]) => [group, 2]));
  const boardRoute = `/api/boards/${board.boardId}`;
  for (const [route, body] of steps) expect((await api(server.url, 'POST', `${boardRoute}/${route}`, body, board.facilitatorToken)).status).toBe(200);
  await api(server.url, 'POST', `${boardRoute}/tables`, { count: 2 }, board.facilitatorToken);
  await waitUntil(() => Object.keys(readSeating(control.doc).seats).length === 8);
  return { board, people, control, boardRoute, seating: readSeating(control.doc) };
}

/** Per table id, how many of each group sit at it, as the control document shows. */
function mixOf(control: TestClient): Map<string, Map<string, number>> {
  const seating = readSeating(control.doc);
  const groupOf = new Map(readParticipants(control.doc).map((p) => [p.id, p.group]));
  const mix = new Map(seating.tables.map((t) => [t.id, new Map<string, number>()]));
  for (const [participantId, tableId] of Object.entries(seating.seats)) {
    const at = mix.get(tableId)!;
    const group = groupOf.get(participantId)!;
    at.set(group, (at.get(group) ?? 0) + 1);
  }
  return mix;
}

describe('breakout tables', () => {
  it('seats sixty people of four groups at six tables with every group at every table, and a late-comer where their group is fewest', async () => {
    const { board, control } = await kickOff();
    const proposed = await api<Seating>(server.url, 'POST', `/api/boards/${board.boardId}/tables`, { count: 6 }, board.facilitatorToken);
    expect(proposed.status).toBe(201);
    await waitUntil(() => Object.keys(readSeating(control.doc).seats).length === 60);

    const mix = mixOf(control);
    expect(readSeating(control.doc).tables.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [, groups] of mix) {
      expect(groups.size).toBe(4);
      expect([...groups.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10);
    }

    // Eleven from schools at six tables: one table has a single one, and the twelfth sits there.
    const single = [...mix].find(([, groups]) => groups.get('school') === 1)![0];
    const lateComer = await joinInTurn(board, 'School 12', 'School');
    await waitUntil(() => readSeating(control.doc).seats[lateComer.participantId] !== undefined);
    expect(readSeating(control.doc).seats[lateComer.participantId]).toBe(single);

    // The facilitator moves them, names the table and makes them its host; a host sits at the table they host.
    const other = readSeating(control.doc).tables.find((t) => t.id !== single)!;
    const route = `/api/boards/${board.boardId}/tables`;
    expect((await api(server.url, 'PATCH', `${route}/${other.id}`, { hostId: lateComer.participantId }, board.facilitatorToken)).status).toBe(400);
    expect((await api(server.url, 'PUT', `${route}/seats/${lateComer.participantId}`, { tableId: other.id }, board.facilitatorToken)).status).toBe(200);
    expect((await api(server.url, 'PATCH', `${route}/${other.id}`, { name: 'Table 4, by the window', hostId: lateComer.participantId }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => readSeating(control.doc).tables.find((t) => t.id === other.id)?.hostId === lateComer.participantId);
    expect(readSeating(control.doc).tables.find((t) => t.id === other.id)).toMatchObject({ name: 'Table 4, by the window' });
    expect(readSeating(control.doc).seats[lateComer.participantId]).toBe(other.id);

    // Only the facilitator seats people.
    expect((await api(server.url, 'POST', route, { size: 8 }, lateComer.token)).status).toBe(403);
  });

  it('merges six tables of twenty cards into the plenary, every card with its table and alike themes combined as confirmed', async () => {
    const { board, people, control } = await kickOff(ROOM.map(([group]) => [group, 3]));
    const route = `/api/boards/${board.boardId}/tables`;
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await api(server.url, 'POST', route, { count: 6 }, board.facilitatorToken);
    await waitUntil(() => Object.keys(readSeating(control.doc).seats).length === 12);
    const seating = readSeating(control.doc);
    await api(server.url, 'PATCH', `${route}/${seating.tables[3]!.id}`, { name: 'Table 4, by the window' }, board.facilitatorToken);

    // At every table one person writes twenty cards; the facilitator then clusters each table into two themes,
    // one about hiring at every table and one of the table's own.
    const written = new Map<string, string[]>();
    for (const table of seating.tables) {
      const writer = people.find((p) => seating.seats[p.participantId] === table.id)!;
      const client = server.connect(tableBoardRoom(board.boardId, table.id), writer.token);
      await synced(client);
      const ids = Array.from({ length: 20 }, (_, i) =>
        addCard(client.doc, { title: i < 10 ? `Hiring welders is slow (${table.number}.${i})` : `Table ${table.number} idea ${i}`, author: writer.participantId }),
      );
      written.set(table.id, ids);
    }
    const looking = seating.tables.map((table) => server.connect(tableBoardRoom(board.boardId, table.id), board.facilitatorToken));
    await waitUntil(() => looking.every((client) => readCards(client.doc).length === 20));
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    for (const [index, table] of seating.tables.entries()) {
      const client = looking[index]!;
      const hiring = addCluster(client.doc, { title: `Recruitment ${table.number}` });
      const own = addCluster(client.doc, { title: `Own theme of table ${table.number}` });
      const ids = written.get(table.id)!;
      moveCards(client.doc, ids.slice(0, 10), hiring);
      moveCards(client.doc, ids.slice(10, 15), own);
    }

    const plenary = server.connect(board.boardId, board.facilitatorToken);
    await synced(plenary);
    await waitUntil(async () => (await api<MergeSuggestions>(server.url, 'GET', `${route}/merge-suggestions`, undefined, board.facilitatorToken)).body.combine?.[0]?.themes.length === 6);
    const { body: suggested } = await api<MergeSuggestions>(server.url, 'GET', `${route}/merge-suggestions`, undefined, board.facilitatorToken);
    expect(suggested.combine).toHaveLength(1);
    expect(suggested.combine[0]!.title).toBe('Recruitment and skills shortage');
    expect(suggested.combine[0]!.themes.map((t) => t.title).sort()).toEqual(seating.tables.map((t) => `Recruitment ${t.number}`).sort());

    const started = performance.now();
    const merged = await api<MergeResult>(server.url, 'POST', `${route}/merge`, { combine: [{ title: 'Hiring', themes: suggested.combine[0]!.themes.map(({ tableId, themeId }) => ({ tableId, themeId })) }] }, board.facilitatorToken);
    const mergeMs = performance.now() - started;
    console.log(`merge of 6 tables of 20 cards: ${mergeMs.toFixed(0)} ms`);
    expect(merged).toEqual({ status: 200, body: { cards: 120, themes: 7 } });
    await waitUntil(() => readCards(plenary.doc).length === 120);

    // Every card keeps its table, as the table was called; the combined theme holds the hiring cards of all six.
    const cards = new Map(readCards(plenary.doc).map((c) => [c.id, c]));
    for (const table of seating.tables) {
      for (const id of written.get(table.id)!) {
        expect(cards.get(id)?.table).toEqual({ number: table.number, name: table.number === 4 ? 'Table 4, by the window' : '' });
      }
    }
    const themes = readClusters(plenary.doc);
    expect(themes.map((t) => t.title).sort()).toEqual(['Hiring', ...seating.tables.map((t) => `Own theme of table ${t.number}`)].sort());
    const hiring = themes.find((t) => t.title === 'Hiring')!;
    expect(readCards(plenary.doc).filter((c) => c.cluster === hiring.id)).toHaveLength(60);
    expect(readCards(plenary.doc).filter((c) => c.cluster === null)).toHaveLength(30);

    // The exports say which tables raised each priority.
    const { body: list } = await api<PriorityList>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=json`, undefined, board.facilitatorToken);
    expect(list.items.find((item) => item.title === 'Hiring')?.tables).toEqual(
      seating.tables.map((t) => ({ number: t.number, name: t.number === 4 ? 'Table 4, by the window' : '', cards: 10 })),
    );
    const { body: markdown } = await api<string>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=md`, undefined, board.facilitatorToken);
    const raised = 'Table 1 (10); Table 2 (10); Table 3 (10); Table 4, by the window (10); Table 5 (10); Table 6 (10)';
    expect(markdown).toContain(`- Tables: ${raised}`);
    const { body: csv } = await api<string>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=csv`, undefined, board.facilitatorToken);
    const [header, ...lines] = csv.split('\r\n');
    expect(header!.endsWith(',Tables')).toBe(true);
    expect(lines.find((line) => line.includes('Hiring'))?.endsWith(`,"${raised}"`)).toBe(true);

    // Merging again brings nothing twice.
    expect((await api(server.url, 'POST', `${route}/merge`, {}, board.facilitatorToken)).body).toEqual({ cards: 0, themes: 0 });
  });

  it("keeps a table's cards from every other table's participants, and refuses them another table's board", async () => {
    const { board, people, control } = await kickOff(ROOM.map(([group]) => [group, 3]));
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/tables`, { size: 4 }, board.facilitatorToken);
    await waitUntil(() => Object.keys(readSeating(control.doc).seats).length === 12);
    const seating = readSeating(control.doc);
    const at = (tableId: string) => people.filter((p) => seating.seats[p.participantId] === tableId);
    const [first, second] = seating.tables;
    const [writer] = at(first!.id);
    const [neighbour] = at(second!.id);

    const mine = server.connect(tableBoardRoom(board.boardId, first!.id), writer!.token);
    const theirs = server.connect(tableBoardRoom(board.boardId, second!.id), neighbour!.token);
    await Promise.all([synced(mine), synced(theirs)]);
    addCard(mine.doc, { title: 'Apprenticeships stop at the county border', author: writer!.participantId });
    addCard(theirs.doc, { title: 'Night buses to the industrial estate', author: neighbour!.participantId });

    const facilitator = server.connect(tableBoardRoom(board.boardId, first!.id), board.facilitatorToken);
    const tableMate = server.connect(tableBoardRoom(board.boardId, first!.id), at(first!.id)[1]!.token);
    await waitUntil(() => readCards(facilitator.doc).length === 1 && readCards(tableMate.doc).length === 1);
    expect(readCards(tableMate.doc)[0]).toMatchObject({ title: 'Apprenticeships stop at the county border' });

    const ws = server.url.replace('http', 'ws');
    expect(await rawClose(`${ws}/ws/${tableBoardRoom(board.boardId, first!.id)}?token=${neighbour!.token}`)).toEqual({
      code: 4403,
      reason: 'this document is not yours to open',
    });
    await waitUntil(() => readCards(theirs.doc).length === 1);
    expect(readCards(theirs.doc).map((c) => c.title)).toEqual(['Night buses to the industrial estate']);
    expect(theirs.received()).not.toContain('Apprenticeships');
    // Someone moved to another table leaves the old one's board at once and may not open it again.
    const moved = at(first!.id)[1]!;
    await api(server.url, 'PUT', `/api/boards/${board.boardId}/tables/seats/${moved.participantId}`, { tableId: second!.id }, board.facilitatorToken);
    await waitUntil(() => tableMate.closes.some((c) => c.code === 4000));
    tableMate.provider.disconnect();
    expect(await rawClose(`${ws}/ws/${tableBoardRoom(board.boardId, first!.id)}?token=${moved.token}`)).toEqual({
      code: 4403,
      reason: 'this document is not yours to open',
    });

    // Nor does a table's card reach the plenary board.
    const plenary = server.connect(board.boardId, neighbour!.token);
    await synced(plenary);
    expect(readCards(plenary.doc)).toEqual([]);
  });

  it('puts one table on the wall at the facilitator\'s request, for every screen, until the mosaic is asked back', async () => {
    const { board, people, control } = await kickOff(ROOM.map(([group]) => [group, 2]));
    const wall = `/api/boards/${board.boardId}/tables/wall`;
    await api(server.url, 'POST', `/api/boards/${board.boardId}/tables`, { count: 2 }, board.facilitatorToken);
    await waitUntil(() => readSeating(control.doc).tables.length === 2);
    const second = readSeating(control.doc).tables[1]!;
    const projector = server.connect(controlRoom(board.boardId), board.observerToken);
    await synced(projector);
    expect(readSeating(projector.doc).wall).toBeNull();

    expect((await api(server.url, 'PUT', wall, { tableId: second.id }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => readSeating(projector.doc).wall === second.id);
    expect((await api(server.url, 'PUT', wall, { tableId: 'nope' }, board.facilitatorToken)).status).toBe(404);
    expect((await api(server.url, 'PUT', wall, { tableId: null }, people[0]!.token)).status).toBe(403);
    expect(readSeating(projector.doc).wall).toBe(second.id);
    expect((await api(server.url, 'PUT', wall, { tableId: null }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => readSeating(projector.doc).wall === null);
  });

  it('gives a card its table only through the merge: a table written by a browser is refused, an undone deletion keeps it', async () => {
    const { board, people, control, boardRoute, seating } = await atTwoTables([['phase', { phase: 'collect' }]]);
    const writer = people[0]!;
    const atTable = server.connect(tableBoardRoom(board.boardId, seating.seats[writer.participantId]!), writer.token);
    await synced(atTable);
    const written = addCard(atTable.doc, { title: 'Shorter probation for career changers', author: writer.participantId });
    const forgedAtTable = addCard(atTable.doc, { title: 'Said at the other table', author: writer.participantId, table: { number: 2, name: '' } });
    await waitUntil(() => atTable.closes.length > 0);
    expect(atTable.closes[0]).toEqual({ code: 1008, reason: 'only the merge of the tables gives a card its table' });
    expect((await api<MergeResult>(server.url, 'POST', `${boardRoute}/tables/merge`, {}, board.facilitatorToken)).body).toEqual({ cards: 1, themes: 0 });

    const plenary = server.connect(board.boardId, writer.token);
    await synced(plenary);
    const own = readSeating(control.doc).tables.find((t) => t.id === seating.seats[writer.participantId])!;
    expect(readCards(plenary.doc).map((c) => [c.id, c.table])).toEqual([[written, { number: own.number, name: '' }]]);
    expect(readCards(plenary.doc).map((c) => c.id)).not.toContain(forgedAtTable);
    // Deleting one's merged card and undoing it brings it back with its table.
    const undo = new Y.UndoManager(cardsOf(plenary.doc), { trackedOrigins: new Set(['own']) });
    plenary.doc.transact(() => cardsOf(plenary.doc).delete(written), 'own');
    undo.undo();
    const facilitator = server.connect(board.boardId, board.facilitatorToken);
    await synced(facilitator);
    await waitUntil(() => readCards(facilitator.doc).length === 1);
    expect(readCards(facilitator.doc)[0]).toMatchObject({ id: written, table: { number: own.number, name: '' } });
    expect(plenary.closes).toEqual([]);

    addCard(plenary.doc, { title: 'Raised at every table', author: writer.participantId, table: { number: 1, name: 'By the window' } });
    await waitUntil(() => plenary.closes.length > 0);
    expect(plenary.closes[0]).toEqual({ code: 1008, reason: 'only the merge of the tables gives a card its table' });
    expect(readCards(facilitator.doc).map((c) => c.title)).toEqual(['Shorter probation for career changers']);
  });

  it("reveals silent cards onto each writer's table's board, never the plenary's", async () => {
    const { board, people, boardRoute, seating } = await atTwoTables([['phase', { phase: 'collect' }], ['settings', { silentCollect: true }]]);
    const writer = people[0]!;
    const list = server.connect(privateListRoom(board.boardId, writer.participantId), writer.token);
    await synced(list);
    addCard(list.doc, { title: 'Quiet thought about night shifts', author: writer.participantId });
    const drafts = server.connect(`${board.boardId}/drafts`, board.facilitatorToken);
    await waitUntil(() => readDrafts(drafts.doc).length === 1);

    expect((await api(server.url, 'POST', `${boardRoute}/reveal-cards`, undefined, board.facilitatorToken)).body).toEqual({ revealed: 1 });
    const mine = server.connect(tableBoardRoom(board.boardId, seating.seats[writer.participantId]!), board.facilitatorToken);
    const other = server.connect(tableBoardRoom(board.boardId, seating.tables.find((t) => t.id !== seating.seats[writer.participantId])!.id), board.facilitatorToken);
    const plenary = server.connect(board.boardId, board.facilitatorToken);
    await Promise.all([synced(mine), synced(other), synced(plenary)]);
    await waitUntil(() => readCards(mine.doc).length === 1);
    expect(readCards(mine.doc)[0]).toMatchObject({ title: 'Quiet thought about night shifts', author: writer.participantId });
    expect(readCards(other.doc)).toEqual([]);
    expect(readCards(plenary.doc)).toEqual([]);

    // Cards made anonymous are anonymous at the tables too: the author becomes the writer's card key.
    await api(server.url, 'POST', `${boardRoute}/settings`, { anonymousCards: true }, board.facilitatorToken);
    await waitUntil(() => readCards(mine.doc)[0]?.author !== writer.participantId);
    const { body: summary } = await api<BoardSummary>(server.url, 'GET', boardRoute, undefined, writer.token);
    expect(readCards(mine.doc)[0]?.author).toBe(summary.you.cardKey);
  });

  it("lets a table's host run its clustering while participants may not cluster, and nobody else at the table", async () => {
    const { board, people, control, boardRoute, seating } = await atTwoTables();
    const table = seating.tables[0]!;
    const [host, guest] = people.filter((p) => seating.seats[p.participantId] === table.id);
    await api(server.url, 'PATCH', `${boardRoute}/tables/${table.id}`, { hostId: host!.participantId }, board.facilitatorToken);
    await api(server.url, 'POST', `${boardRoute}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    await api(server.url, 'POST', `${boardRoute}/settings`, { participantsCluster: false }, board.facilitatorToken);
    await waitUntil(() => readSeating(control.doc).tables[0]?.hostId === host!.participantId);

    const hosting = server.connect(tableBoardRoom(board.boardId, table.id), host!.token);
    const guesting = server.connect(tableBoardRoom(board.boardId, table.id), guest!.token);
    await Promise.all([synced(hosting), synced(guesting)]);
    addCluster(hosting.doc, { title: 'Shift work' });
    await waitUntil(() => readClusters(guesting.doc).length === 1);
    expect(hosting.closes).toEqual([]);
    addCluster(guesting.doc, { title: 'Not mine to make' });
    await waitUntil(() => guesting.closes.length > 0);
    expect(guesting.closes[0]).toEqual({ code: 1008, reason: 'themes can be changed only while clustering is open' });
  });

  it("lets a table's host run its timer, on every screen, and nobody else at the table; a host moved away loses it at once", async () => {
    const { board, people, control, boardRoute } = await atTwoTables();
    const [table, other] = readSeating(control.doc).tables;
    const [host, guest] = people.filter((p) => readSeating(control.doc).seats[p.participantId] === table!.id);
    await api(server.url, 'PATCH', `${boardRoute}/tables/${table!.id}`, { hostId: host!.participantId }, board.facilitatorToken);
    const timerOf = (tableId: string) => `${boardRoute}/tables/${tableId}/timer`;
    const shownTimer = (client: TestClient, tableId: string) => readSeating(client.doc).tables.find((t) => t.id === tableId)!.timer;

    const guestControl = server.connect(controlRoom(board.boardId), guest!.token);
    await synced(guestControl);
    expect((await api(server.url, 'POST', timerOf(table!.id), { action: 'start', seconds: 300 }, host!.token)).status).toBe(200);
    await waitUntil(() => shownTimer(guestControl, table!.id).status === 'running');
    expect(shownTimer(guestControl, other!.id)).toEqual({ status: 'idle' });
    expect(readMeta(guestControl.doc)!.timer).toEqual({ status: 'idle' });

    expect((await api(server.url, 'POST', timerOf(table!.id), { action: 'pause' }, host!.token)).status).toBe(200);
    const paused = await api<{ timer: TimerState }>(server.url, 'POST', timerOf(table!.id), { action: 'extend', seconds: 60 }, host!.token);
    expect(paused.body.timer).toMatchObject({ status: 'paused', durationMs: 360_000 });
    await waitUntil(() => shownTimer(guestControl, table!.id).status === 'paused');

    for (const [tableId, token] of [
      [table!.id, guest!.token],
      [other!.id, host!.token],
      [table!.id, board.observerToken],
    ] as const) {
      const refused = await api(server.url, 'POST', timerOf(tableId), { action: 'stop' }, token);
      expect(refused.status).toBe(403);
    }
    expect((await api(server.url, 'POST', timerOf(table!.id), { action: 'stop' }, guest!.token)).body).toMatchObject({ code: 'not-table-host' });
    expect((await api(server.url, 'POST', timerOf('nope'), { action: 'stop' }, board.facilitatorToken)).status).toBe(404);
    expect((await api(server.url, 'POST', timerOf(other!.id), { action: 'start', seconds: 120 }, board.facilitatorToken)).status).toBe(200);

    await api(server.url, 'PUT', `${boardRoute}/tables/seats/${host!.participantId}`, { tableId: other!.id }, board.facilitatorToken);
    const moved = await api(server.url, 'POST', timerOf(table!.id), { action: 'resume' }, host!.token);
    expect(moved.status).toBe(403);
    await waitUntil(() => readSeating(guestControl.doc).tables[0]!.hostId === null);
    expect(shownTimer(guestControl, table!.id).status).toBe('paused');
  });

  it("suggests themes and duplicates on a table's board, from its cards only, to the facilitator and the host while participants may not cluster", async () => {
    const { board, people, control, boardRoute, seating } = await atTwoTables([['phase', { phase: 'collect' }]]);
    const [table, other] = seating.tables;
    const [host, guest] = people.filter((p) => seating.seats[p.participantId] === table!.id);
    const elsewhere = people.find((p) => seating.seats[p.participantId] === other!.id)!;
    await api(server.url, 'PATCH', `${boardRoute}/tables/${table!.id}`, { hostId: host!.participantId }, board.facilitatorToken);

    const writing = server.connect(tableBoardRoom(board.boardId, table!.id), host!.token);
    const next = server.connect(tableBoardRoom(board.boardId, other!.id), elsewhere.token);
    await Promise.all([synced(writing), synced(next)]);
    const titles = ['Hard to recruit welders', 'Too few technicians apply', 'Skills shortage across the sector', 'Energy prices are too high', 'Energy costs above our neighbours', 'Electricity prices hurt', 'Welders are hard to recruit'];
    const ids = titles.map((title) => addCard(writing.doc, { title, author: host!.participantId }));
    addCard(next.doc, { title: 'Hard to recruit welders', author: elsewhere.participantId });
    const looking = server.connect(tableBoardRoom(board.boardId, table!.id), board.facilitatorToken);
    await waitUntil(() => readCards(looking.doc).length === 7);
    await api(server.url, 'POST', `${boardRoute}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    await api(server.url, 'POST', `${boardRoute}/settings`, { participantsCluster: false }, board.facilitatorToken);
    await waitUntil(() => readSeating(control.doc).tables[0]?.hostId === host!.participantId);

    const route = `${boardRoute}/tables/${table!.id}/suggestions`;
    const asHost = await api<SuggestionsResponse>(server.url, 'GET', route, undefined, host!.token);
    expect(asHost.status).toBe(200);
    const suggested = asHost.body.themes.flatMap((theme) => theme.cardIds);
    expect(suggested.length).toBeGreaterThanOrEqual(4);
    expect(ids).toEqual(expect.arrayContaining(suggested));
    // The other table's card of the same words is no duplicate of this table's: it is not on this board.
    const pairs = asHost.body.duplicates.map((pair) => [...pair.cardIds].sort());
    expect(pairs).toContainEqual([ids[0], ids[6]].sort());
    expect(ids).toEqual(expect.arrayContaining(pairs.flat()));
    expect((await api<SuggestionsResponse>(server.url, 'GET', route, undefined, board.facilitatorToken)).body).toEqual(asHost.body);

    for (const token of [guest!.token, elsewhere.token, board.observerToken]) expect((await api(server.url, 'GET', route, undefined, token)).status).toBe(403);
    expect((await api(server.url, 'GET', `${boardRoute}/tables/nope/suggestions`, undefined, board.facilitatorToken)).status).toBe(404);
  });

  it('holds each table at its card cap, and refuses a merge past the plenary\'s cap before anything changes; at the caps it merges whole', async () => {
    const { board, control } = await kickOff(ROOM.map(([group]) => [group, 2]));
    const boardRoute = `/api/boards/${board.boardId}`;
    await api(server.url, 'POST', `${boardRoute}/phase`, { phase: 'collect' }, board.facilitatorToken);
    // Seven tables at their cap hold more cards (7 × 300) than the plenary board may (2,000).
    const tableCount = Math.ceil(LIMITS.maxCardsPerBoard / LIMITS.maxCardsPerTable);
    await api(server.url, 'POST', `${boardRoute}/tables`, { count: tableCount }, board.facilitatorToken);
    await waitUntil(() => readSeating(control.doc).tables.length === tableCount);
    const { tables } = readSeating(control.doc);
    const writers = tables.map((table) => server.connect(tableBoardRoom(board.boardId, table.id), board.facilitatorToken));
    await Promise.all(writers.map((writer) => synced(writer)));
    for (const [index, writer] of writers.entries()) {
      writer.doc.transact(() => {
        for (let i = 0; i < LIMITS.maxCardsPerTable; i++) addCard(writer.doc, { title: `Table ${index + 1} card ${i}`, author: 'facilitator' });
      });
    }
    const plenary = server.connect(board.boardId, board.observerToken);
    const past = server.connect(tableBoardRoom(board.boardId, tables[0]!.id), board.facilitatorToken);
    await Promise.all([synced(plenary), synced(past)]);
    await waitUntil(() => readCards(past.doc).length === LIMITS.maxCardsPerTable, 20_000);
    addCard(past.doc, { title: 'One past the cap', author: 'facilitator' });
    await waitUntil(() => past.closes.length > 0);
    expect(past.closes[0]).toEqual({ code: 1008, reason: `a board holds at most ${LIMITS.maxCardsPerTable} cards (maxCardsPerTable)` });

    const refused = await api<{ error: string; code: string }>(server.url, 'POST', `${boardRoute}/tables/merge`, {}, board.facilitatorToken);
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ code: 'merge-over-caps', error: expect.stringMatching(/more than 2000 cards/) });
    await sleep(200);
    expect(readCards(plenary.doc)).toEqual([]);

    // One table's cards go: six tables at their cap fit the plenary, and arrive whole, every card with its table.
    const last = writers.at(-1)!;
    last.doc.transact(() => {
      for (const card of readCards(last.doc)) deleteCard(last.doc, card.id);
    });
    await waitUntil(async () => {
      const merged = await api<MergeResult>(server.url, 'POST', `${boardRoute}/tables/merge`, {}, board.facilitatorToken);
      return merged.status === 200;
    }, 20_000);
    const full = (tableCount - 1) * LIMITS.maxCardsPerTable;
    await waitUntil(() => readCards(plenary.doc).length === full, 20_000);
    expect(readCards(plenary.doc).filter((card) => card.table !== undefined)).toHaveLength(full);
  });
});
