import { describe, expect, it } from 'vitest';
import { addCard, addCluster, mergeClusters, moveCard, readCards, readClusters, renameCluster } from '../../shared/boardDoc.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

describe('clustering', () => {
  it('concurrent moves of one card by two people end in one place for everyone', async () => {
    const board = await createBoard(server.url);
    const [a, b] = await Promise.all([join(server.url, board, 'Karin Ek', 'Företag'), join(server.url, board, 'Per Nyström', 'Fackförbund')]);
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const themes = ['Kompetensförsörjning', 'Digitalisering och automation'].map((title) => addCluster(fac.doc, { title }));
    const cards = Array.from({ length: 20 }, (_, i) => addCard(fac.doc, { title: `Utmaning ${i}`, author: 'facilitator' }));
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    const ca = server.connect(board.boardId, a.token);
    const cb = server.connect(board.boardId, b.token);
    await Promise.all([synced(ca), synced(cb)]);
    await waitUntil(() => readCards(ca.doc).length === 20 && readCards(cb.doc).length === 20);

    // Both move every card at once, to different themes, without seeing each other's move first.
    ca.provider.disconnect();
    cb.provider.disconnect();
    cards.forEach((id) => moveCard(ca.doc, id, themes[0]));
    cards.forEach((id) => moveCard(cb.doc, id, themes[1]));
    ca.provider.connect();
    cb.provider.connect();
    const placement = (c: TestClient) => JSON.stringify(readCards(c.doc).map((card) => card.cluster));
    await waitUntil(() => placement(ca) === placement(cb) && placement(cb) === placement(fac) && readCards(fac.doc).every((card) => card.cluster !== null), 5000);
    expect(readCards(fac.doc).every((card) => themes.includes(card.cluster!))).toBe(true);
  });

  it('a participant renames themes while clustering is open; merging a theme that holds cards is the facilitator\'s', async () => {
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Mikael Strand', 'Arbetsgivarorganisation');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    const c = server.connect(board.boardId, p.token);
    const watcher = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(c), synced(watcher)]);
    const energy = addCluster(c.doc, { title: 'Energi' });
    const power = addCluster(c.doc, { title: 'Elpriser' });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const card = addCard(fac.doc, { title: 'Höga och oförutsägbara elpriser', author: 'facilitator' });
    moveCard(fac.doc, card, power);
    await waitUntil(() => readCards(c.doc).length === 1);
    renameCluster(c.doc, energy, 'Energi och elnät');
    await waitUntil(() => readClusters(watcher.doc).some((theme) => theme.title === 'Energi och elnät'));
    expect(c.closes).toEqual([]);
    mergeClusters(c.doc, power, energy);
    await waitUntil(() => c.closes.length > 0);
    expect(c.closes[0].code).toBe(1008);
    mergeClusters(fac.doc, power, energy);
    await waitUntil(() => readClusters(watcher.doc).length === 1 && readCards(watcher.doc)[0]?.cluster === energy);
    expect(readClusters(watcher.doc)[0].title).toBe('Energi och elnät');
  });
});
