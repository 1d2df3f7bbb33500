import { describe, expect, it } from 'vitest';
import { addCard, addCluster, cardBodyText, cardsOf, readCards } from '../../shared/boardDoc.js';
import { mergeCards } from '../../shared/cardMerge.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

describe('merging duplicate cards', () => {
  it('a participant merges two people\'s cards while clustering is open; both texts and authors stay', async () => {
    const board = await createBoard(server.url);
    const [anna, bo] = await Promise.all([join(server.url, board, 'Anna de Vries', 'Företag'), join(server.url, board, 'Bo Lind', 'Fackförbund')]);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const ca = server.connect(board.boardId, anna.token);
    const cb = server.connect(board.boardId, bo.token);
    await Promise.all([synced(ca), synced(cb)]);
    const first = addCard(ca.doc, { title: 'Te weinig lassers', author: anna.participantId });
    await waitUntil(() => readCards(cb.doc).length === 1);
    const second = addCard(cb.doc, { title: 'Lassers zijn moeilijk te vinden', author: bo.participantId });
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    const theme = addCluster(cb.doc, { title: 'Vakmensen' });
    const watcher = server.connect(board.boardId, board.observerToken);
    await synced(watcher);
    await waitUntil(() => readCards(watcher.doc).length === 2 && readCards(ca.doc).length === 2);
    cardsOf(ca.doc).get(first)!.set('cluster', theme);

    mergeCards(ca.doc, second, first);
    await waitUntil(() => readCards(watcher.doc).some((card) => card.mergedInto === first));
    expect(readCards(watcher.doc).map((c) => [c.title, c.author, c.cluster, c.mergedInto])).toEqual([
      ['Te weinig lassers', anna.participantId, theme, undefined],
      ['Lassers zijn moeilijk te vinden', bo.participantId, theme, first],
    ]);
    expect(cardBodyText(cardsOf(watcher.doc).get(second)!)).toBe('');
    expect(ca.closes).toEqual([]);
  });

  it('two loose cards merged make one vote item, the card the other joined', async () => {
    const board = await createBoard(server.url);
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const first = addCard(fac.doc, { title: 'Te weinig lassers', author: 'facilitator' });
    const second = addCard(fac.doc, { title: 'Lassers zijn moeilijk te vinden', author: 'facilitator', createdAt: Date.now() + 1 });
    const other = addCard(fac.doc, { title: 'Netcongestie', author: 'facilitator', createdAt: Date.now() + 2 });
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    mergeCards(fac.doc, first, second);
    const check = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(check.doc).some((card) => card.mergedInto === first));

    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'vote' }, board.facilitatorToken);
    const opened = await api<{ items: Array<{ id: string; kind: string }> }>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken);
    expect(opened.status).toBe(201);
    expect(opened.body.items.map((item) => item.id)).toEqual([first, other]);
  });

  it('is refused while cards are being collected, like any move', async () => {
    const board = await createBoard(server.url);
    const [anna, bo] = await Promise.all([join(server.url, board, 'Anna de Vries', 'Företag'), join(server.url, board, 'Bo Lind', 'Fackförbund')]);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const ca = server.connect(board.boardId, anna.token);
    const cb = server.connect(board.boardId, bo.token);
    const watcher = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(ca), synced(cb), synced(watcher)]);
    const first = addCard(ca.doc, { title: 'Te weinig lassers', author: anna.participantId });
    const second = addCard(cb.doc, { title: 'Lassers zijn moeilijk te vinden', author: bo.participantId });
    await waitUntil(() => readCards(ca.doc).length === 2 && readCards(watcher.doc).length === 2);

    mergeCards(ca.doc, first, second);
    await waitUntil(() => ca.closes.length > 0);
    expect(readCards(watcher.doc).every((card) => card.mergedInto === undefined)).toBe(true);
  });
});
