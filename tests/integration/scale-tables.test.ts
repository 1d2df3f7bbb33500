import { describe, expect, it } from 'vitest';
import type { JoinResponse } from '../../shared/api.js';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { readSeating } from '../../shared/controlDoc.js';
import { controlRoom, tableBoardRoom } from '../../shared/rooms.js';
import type { MergeResult } from '../../shared/tables/api.js';
import { useDeployment } from './instances.js';
import { api, createBoard, join, synced, waitUntil } from './support.js';

/**
 * Breakout tables on two instances, each its own process, on one PostgreSQL database and one Redis: tablemates
 * whose phones reached different instances work on one board, and the merge, run through either instance, keeps
 * every card's table.
 */
describe('breakout tables across two instances', () => {
  const setup = useDeployment(2);
  const { open } = setup;

  it("brings a table's cards to its tablemates on the other instance and to no other table, and the merge keeps every card's table", async () => {
    const { instances } = setup.deployment;
    const [a, b] = instances;
    const board = await createBoard(a.url, { title: 'Regional kick-off', language: 'en', groups: ['Company', 'School'] });
    const people: JoinResponse[] = [];
    for (let i = 0; i < 8; i++) people.push(await join(instances[i % 2]!.url, board, `Person ${i + 1}`, i < 4 ? 'Company' : 'School'));
    await api(b.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    expect((await api(b.url, 'POST', `/api/boards/${board.boardId}/tables`, { count: 2 }, board.facilitatorToken)).status).toBe(201);
    const controls = instances.map((instance) => open(instance, controlRoom(board.boardId), board.facilitatorToken));
    await waitUntil(() => controls.every((control) => Object.keys(readSeating(control.doc).seats).length === 8), 10_000);
    const seating = readSeating(controls[0]!.doc);

    // At each table, one person on each instance writes a card.
    const clients = seating.tables.flatMap((table) =>
      people
        .filter((p) => seating.seats[p.participantId] === table.id)
        .slice(0, 2)
        .map((person, i) => ({ table, person, client: open(instances[i]!, tableBoardRoom(board.boardId, table.id), person.token) })),
    );
    await Promise.all(clients.map(({ client }) => synced(client)));
    const titleOf = (table: { number: number }, person: JoinResponse) => `Written at table ${table.number} by ${person.participantId}`;
    for (const { table, person, client } of clients) addCard(client.doc, { title: titleOf(table, person), author: person.participantId });

    for (const { table, client } of clients) {
      const expected = clients.filter((c) => c.table.id === table.id).map((c) => titleOf(c.table, c.person));
      await waitUntil(() => readCards(client.doc).length === 2, 10_000);
      expect(readCards(client.doc).map((card) => card.title).sort()).toEqual(expected.sort());
    }
    for (const { table, client } of clients) {
      for (const other of clients.filter((c) => c.table.id !== table.id)) expect(client.received()).not.toContain(titleOf(other.table, other.person));
    }

    // Someone moved through one instance leaves their old table's board on the other at once.
    const moving = clients[1]!;
    const to = seating.tables.find((t) => t.id !== moving.table.id)!;
    expect((await api(a.url, 'PUT', `/api/boards/${board.boardId}/tables/seats/${moving.person.participantId}`, { tableId: to.id }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => moving.client.closes.some((c) => c.code === 4000), 10_000);
    moving.client.provider.disconnect();

    // The table put on the wall through one instance is on the wall of a projector on the other.
    expect((await api(a.url, 'PUT', `/api/boards/${board.boardId}/tables/wall`, { tableId: seating.tables[1]!.id }, board.facilitatorToken)).status).toBe(200);
    await waitUntil(() => controls.every((control) => readSeating(control.doc).wall === seating.tables[1]!.id), 10_000);

    // A table renamed through one instance and merged at once through the other keeps the name it has now.
    const renamed = seating.tables[1]!;
    expect((await api(a.url, 'PATCH', `/api/boards/${board.boardId}/tables/${renamed.id}`, { name: 'By the window' }, board.facilitatorToken)).status).toBe(200);
    const merged = await api<MergeResult>(b.url, 'POST', `/api/boards/${board.boardId}/tables/merge`, {}, board.facilitatorToken);
    expect(merged).toEqual({ status: 200, body: { cards: 4, themes: 0 } });

    const plenaries = instances.map((instance) => open(instance, board.boardId, board.facilitatorToken));
    await waitUntil(() => plenaries.every((plenary) => readCards(plenary.doc).length === 4), 10_000);
    for (const plenary of plenaries) {
      for (const { table, person } of clients) {
        const card = readCards(plenary.doc).find((c) => c.title === titleOf(table, person));
        expect(card?.table).toEqual({ number: table.number, name: table.id === renamed.id ? 'By the window' : '' });
      }
    }

    // A card written through one instance and merged at once through the other arrives with its table.
    const late = clients[0]!;
    const watcher = open(a, tableBoardRoom(board.boardId, late.table.id), board.facilitatorToken);
    await synced(watcher);
    addCard(late.client.doc, { title: 'Written just before the merge', author: late.person.participantId });
    await waitUntil(() => readCards(watcher.doc).length === 3, 10_000);
    const again = await api<MergeResult>(b.url, 'POST', `/api/boards/${board.boardId}/tables/merge`, {}, board.facilitatorToken);
    expect(again.body).toEqual({ cards: 1, themes: 0 });
    await waitUntil(() => plenaries.every((plenary) => readCards(plenary.doc).length === 5), 10_000);
    for (const plenary of plenaries) {
      expect(readCards(plenary.doc).find((c) => c.title === 'Written just before the merge')?.table).toEqual({ number: late.table.number, name: '' });
    }
  }, 120_000);
});
