import { describe, expect, it } from 'vitest';
import type { HistoryResponse } from '../../shared/api.js';
import { addCard, addCluster, moveCard, readCards, readClusters } from '../../shared/boardDoc.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const COMPACT_EVERY = 20;
const server = liveServer({ COMPACT_EVERY: String(COMPACT_EVERY) });

/** Each card's title and the title of its theme, as a client sees them. */
function placesOf(client: TestClient): Record<string, string | null> {
  const themes = new Map(readClusters(client.doc).map((theme) => [theme.id, theme.title]));
  return Object.fromEntries(readCards(client.doc).map((card) => [card.title, card.cluster === null ? null : themes.get(card.cluster) ?? '?']));
}

describe('restore points kept through compaction', () => {
  it('brings back the clustered board after a participant’s vandalism pushed it out of the compacted log', async () => {
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

    // Small changes, one at a time, none refused: every card out of its theme, then into the wrong one, twice over.
    const themes = readClusters(vandal.doc).map((theme) => theme.id);
    const ids = readCards(vandal.doc).map((card) => card.id);
    let changes = 0;
    const change = async (id: string, theme: string | null) => {
      moveCard(vandal.doc, id, theme);
      changes++;
      await waitUntil(() => readCards(observer.doc).find((card) => card.id === id)?.cluster === theme);
    };
    for (let round = 1; round <= 2; round++) {
      for (const id of ids) await change(id, null);
      for (const [i, id] of ids.entries()) await change(id, themes[(i + round) % themes.length]);
    }
    expect(changes).toBeGreaterThan(2 * COMPACT_EVERY);
    expect(placesOf(observer)).not.toEqual(clustered);

    const history = await api<HistoryResponse>(server.url, 'GET', `/api/boards/${board.boardId}/history`, undefined, board.facilitatorToken);
    expect(history.body.points.at(-1)!.seq).toBeLessThan(history.body.points[0].seq);
    const kept = history.body.points.find((p) => p.seq === point.seq);
    expect(kept, JSON.stringify(history.body.points)).toEqual({ ...point, kept: true });

    const restored = await api(server.url, 'POST', `/api/boards/${board.boardId}/restore`, { seq: point.seq }, board.facilitatorToken);
    expect(restored).toEqual({ status: 200, body: { restoredTo: point.seq } });
    await waitUntil(() => JSON.stringify(placesOf(observer)) === JSON.stringify(clustered));
    expect(placesOf(vandal)).toEqual(clustered);
    expect([facilitator, vandal, observer].map((client) => client.closes)).toEqual([[], [], []]);
  });
});
