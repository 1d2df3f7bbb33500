import { describe, expect, it } from 'vitest';
import type { HistoryPoint, HistoryResponse } from '../../shared/api.js';
import { addCard, addCluster, moveCard, readCards, readClusters } from '../../shared/boardDoc.js';
import { MAX_HISTORY_POINTS } from '../../server/workshops/BoardRestore.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type LiveServer, type TestClient } from './support.js';

const COMPACT_EVERY = 20;
const compacting = liveServer({ COMPACT_EVERY: String(COMPACT_EVERY) });
const longLog = liveServer();

/** Each card's title and the title of its theme, as a client sees them. */
function placesOf(client: TestClient): Record<string, string | null> {
  const themes = new Map(readClusters(client.doc).map((theme) => [theme.id, theme.title]));
  return Object.fromEntries(readCards(client.doc).map((card) => [card.title, card.cluster === null ? null : (themes.get(card.cluster) ?? '?')]));
}

/**
 * A board in clustering with 12 cards in 3 themes, put there by the facilitator in one change, then taken apart by a
 * participant in `rounds` rounds of small changes, one at a time and none refused: every card out of its theme,
 * then into the wrong one (24 changes a round). Resolves to the history's point of the clustered board.
 */
async function vandalised(server: LiveServer, rounds: number) {
  const board = await createBoard(server.url);
  const person = await join(server.url, board, 'Karin Ek', 'Företag');
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
  const facilitator = server.connect(board.boardId, board.facilitatorToken);
  const vandal = server.connect(board.boardId, person.token);
  const observer = server.connect(board.boardId, board.observerToken);
  await Promise.all([synced(facilitator), synced(vandal), synced(observer)]);

  facilitator.doc.transact(() => {
    for (let t = 0; t < 3; t++) {
      const theme = addCluster(facilitator.doc, { title: `Tema ${t}` });
      for (let c = 0; c < 4; c++) moveCard(facilitator.doc, addCard(facilitator.doc, { title: `Kort ${t}.${c}`, author: 'facilitator' }), theme);
    }
  });
  await waitUntil(() => readCards(observer.doc).length === 12);
  const clustered = placesOf(observer);
  const before = await api<HistoryResponse>(server.url, 'GET', `/api/boards/${board.boardId}/history`, undefined, board.facilitatorToken);
  const point = before.body.points[0];
  expect(point).toMatchObject({ cards: 12, themed: 12, themes: 3 });

  const themes = readClusters(vandal.doc).map((theme) => theme.id);
  const ids = readCards(vandal.doc).map((card) => card.id);
  const change = async (id: string, theme: string | null) => {
    moveCard(vandal.doc, id, theme);
    await waitUntil(() => readCards(observer.doc).find((card) => card.id === id)?.cluster === theme);
  };
  for (let round = 1; round <= rounds; round++) {
    for (const id of ids) await change(id, null);
    for (const [i, id] of ids.entries()) await change(id, themes[(i + round) % themes.length]);
  }
  expect(placesOf(observer)).not.toEqual(clustered);
  return { board, point, clustered, clients: [facilitator, vandal, observer], observer, vandal };
}

async function historyOf(server: LiveServer, board: { boardId: string; facilitatorToken: string }): Promise<HistoryPoint[]> {
  return (await api<HistoryResponse>(server.url, 'GET', `/api/boards/${board.boardId}/history`, undefined, board.facilitatorToken)).body.points;
}

describe('the way back to the board before a participant’s vandalism', () => {
  it('stays when the vandalism pushed it out of the compacted log: a kept point restores it for everyone', async () => {
    const { board, point, clustered, clients, observer, vandal } = await vandalised(compacting, 2);
    const history = await historyOf(compacting, board);
    expect(history.at(-1)!.seq).toBeLessThan(history[0].seq);
    expect(history.find((p) => p.seq === point.seq), JSON.stringify(history)).toEqual({ ...point, kept: true });

    const restored = await api(compacting.url, 'POST', `/api/boards/${board.boardId}/restore`, { seq: point.seq }, board.facilitatorToken);
    expect(restored).toEqual({ status: 200, body: { restoredTo: point.seq } });
    await waitUntil(() => JSON.stringify(placesOf(observer)) === JSON.stringify(clustered));
    expect(placesOf(vandal)).toEqual(clustered);
    expect(clients.map((client) => client.closes)).toEqual([[], [], []]);
  });

  it(`stays listed when more than ${MAX_HISTORY_POINTS} small changes came after it in the log`, async () => {
    const { board, point, clustered, observer } = await vandalised(longLog, 5);
    const history = await historyOf(longLog, board);
    expect(history.find((p) => p.seq === point.seq), JSON.stringify(history)).toEqual(point);
    await api(longLog.url, 'POST', `/api/boards/${board.boardId}/restore`, { seq: point.seq }, board.facilitatorToken);
    await waitUntil(() => JSON.stringify(placesOf(observer)) === JSON.stringify(clustered));
  });
});

describe('a restore never undoes a removal or the anonymity of cards', () => {
  it('keeps each card’s author as it is now, and leaves out the cards of someone removed with their cards', async () => {
    const server = longLog;
    const board = await createBoard(server.url);
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    const erik = await join(server.url, board, 'Erik Johansson', 'Region');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const observer = server.connect(board.boardId, board.observerToken);
    const writers = [server.connect(board.boardId, anna.token), server.connect(board.boardId, erik.token)];
    await Promise.all([synced(observer), ...writers.map((writer) => synced(writer))]);
    addCard(writers[0].doc, { title: 'Elpriser', author: anna.participantId });
    addCard(writers[1].doc, { title: 'Svetsare saknas', author: erik.participantId });
    await waitUntil(() => readCards(observer.doc).length === 2);
    const bothWritten = (await historyOf(server, board))[0];

    // Cards become anonymous, and Erik is removed with his cards.
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { anonymousCards: true }, board.facilitatorToken);
    await waitUntil(() => readCards(observer.doc).every((card) => card.author.startsWith('k_')));
    const annaKey = readCards(observer.doc).find((card) => card.title === 'Elpriser')!.author;
    const removed = await api(server.url, 'DELETE', `/api/boards/${board.boardId}/participants/${erik.participantId}`, { cards: 'delete' }, board.facilitatorToken);
    expect(removed.status).toBe(200);
    writers[0].doc.transact(() => readCards(writers[0].doc).forEach((card) => writers[0].doc.getMap('cards').delete(card.id)));
    await waitUntil(() => readCards(observer.doc).length === 0);

    const restored = await api(server.url, 'POST', `/api/boards/${board.boardId}/restore`, { seq: bothWritten.seq }, board.facilitatorToken);
    expect(restored.status).toBe(200);
    await waitUntil(() => readCards(observer.doc).length > 0);
    expect(readCards(observer.doc).map((card) => [card.title, card.author])).toEqual([['Elpriser', annaKey]]);
  });
});
