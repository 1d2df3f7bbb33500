import { describe, expect, it } from 'vitest';
import { addCard, addCluster, deleteCard, readCards, setCardTitle } from '../../shared/boardDoc.js';
import { suggestionsResponse, type SuggestionsResponse } from '../../shared/suggestions/api.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

async function suggestions(boardId: string, token: string): Promise<{ status: number; body: SuggestionsResponse & { code?: string } }> {
  return api(server.url, 'GET', `/api/boards/${boardId}/suggestions`, undefined, token);
}

/** A facilitator writing cards through a stock y-websocket client, and an observer that sees when they arrived. */
async function boardWithCards(titles: string[], language: 'sv' | 'nl' | 'en' = 'sv') {
  const board = await createBoard(server.url, { language });
  const writer = server.connect(board.boardId, board.facilitatorToken);
  const watcher = server.connect(board.boardId, board.observerToken);
  await Promise.all([synced(writer), synced(watcher)]);
  const ids = titles.map((title) => addCard(writer.doc, { title, author: 'facilitator' }));
  await arrived(watcher, ids.length);
  return { board, writer, watcher, ids };
}

async function arrived(watcher: TestClient, count: number): Promise<void> {
  await waitUntil(() => readCards(watcher.doc).length === count);
}

// Cards written in the same millisecond are ordered by id, so tests compare card sets, not orders.
const sorted = (ids: readonly string[]) => [...ids].sort();
const groupOf = (response: SuggestionsResponse, cardId: string) => response.themes.find((t) => t.cardIds.includes(cardId));

describe('suggestions endpoint', () => {
  it('answers an empty board with nothing to suggest', async () => {
    const board = await createBoard(server.url);
    const res = await suggestions(board.boardId, board.facilitatorToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ themes: [], duplicates: [] });
  });

  it('groups cards that share a concept across words and languages, titles them, and leaves a lone card out', async () => {
    const { board, ids } = await boardWithCards([
      'Svårt att rekrytera svetsare',
      'Kompetensbrist i hela branschen',
      'Too few technicians apply',
      'Höga elpriser',
      'Effektbrist i elnätet',
      'Energy costs above our neighbours',
      'Fika på fredagar',
    ]);
    const res = await suggestions(board.boardId, board.facilitatorToken);
    expect(res.status).toBe(200);
    expect(suggestionsResponse.safeParse(res.body).success).toBe(true);
    const skills = groupOf(res.body, ids[0])!;
    const energy = groupOf(res.body, ids[3])!;
    expect(sorted(skills.cardIds)).toEqual(sorted(ids.slice(0, 3)));
    expect(sorted(energy.cardIds)).toEqual(sorted(ids.slice(3, 6)));
    // New themes are titled in the workshop's language and name no existing theme.
    expect(skills.themeId).toBeUndefined();
    expect(energy.title).toMatch(/energi/i);
    expect(groupOf(res.body, ids[6])).toBeUndefined();
  });

  it('is the same answer for the same board', async () => {
    const { board } = await boardWithCards(['Svårt att rekrytera svetsare', 'Kompetensbrist', 'Höga elpriser', 'Effektbrist i elnätet', 'Godstrafik på järnväg saknas']);
    const first = await suggestions(board.boardId, board.facilitatorToken);
    const second = await suggestions(board.boardId, board.facilitatorToken);
    expect(second.body).toEqual(first.body);
  });

  it('suggests an existing theme for cards that fit it, and never renames it', async () => {
    const board = await createBoard(server.url);
    const writer = server.connect(board.boardId, board.facilitatorToken);
    const watcher = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(writer), synced(watcher)]);
    const theme = addCluster(writer.doc, { title: 'Det som rör elen' });
    addCard(writer.doc, { title: 'Höga elpriser på vintern', author: 'facilitator', cluster: theme });
    const loose = [addCard(writer.doc, { title: 'Elnätet räcker inte för nya fabriker', author: 'facilitator' }), addCard(writer.doc, { title: 'Energikartläggning för små verkstäder', author: 'facilitator' })];
    addCard(writer.doc, { title: 'Bostäder saknas för nyanställda', author: 'facilitator' });
    await arrived(watcher, 4);
    const res = await suggestions(board.boardId, board.facilitatorToken);
    const fit = res.body.themes.find((t) => t.themeId === theme);
    expect({ ...fit, cardIds: sorted(fit!.cardIds) }).toEqual({ title: 'Det som rör elen', cardIds: sorted(loose), themeId: theme });
    // A card already in a theme is never suggested elsewhere.
    expect(res.body.themes.flatMap((t) => t.cardIds)).not.toContain(readCards(watcher.doc).find((c) => c.cluster === theme)!.id);
  });

  it('computes a board afresh a few times in a row, then asks an edit-and-ask loop to wait, while the kept answer is still served', async () => {
    const { board, writer, watcher, ids } = await boardWithCards(['Höga elpriser', 'Effektbrist i elnätet', 'Svårt att rekrytera svetsare']);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      setCardTitle(writer.doc, ids[2], `Svårt att rekrytera svetsare ${i}`);
      await waitUntil(() => readCards(watcher.doc).some((c) => c.title === `Svårt att rekrytera svetsare ${i}`));
      statuses.push((await suggestions(board.boardId, board.facilitatorToken)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = await fetch(`${server.url}/api/boards/${board.boardId}/suggestions`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'suggestions-unavailable' });
    // Another board is not held back by this one.
    const other = await boardWithCards(['Höga elpriser']);
    expect((await suggestions(other.board.boardId, other.board.facilitatorToken)).status).toBe(200);
  });

  it('follows a card edited after the suggestion', async () => {
    const { board, writer, watcher, ids } = await boardWithCards(['Höga elpriser', 'Effektbrist i elnätet', 'Elpriset styr våra order', 'Bostäder saknas', 'Brist på hyresrätter']);
    const before = await suggestions(board.boardId, board.facilitatorToken);
    expect(groupOf(before.body, ids[2])!.cardIds).toContain(ids[0]);
    setCardTitle(writer.doc, ids[2], 'Inga lägenheter för nyanställda');
    await waitUntil(() => readCards(watcher.doc).find((c) => c.id === ids[2])?.title === 'Inga lägenheter för nyanställda');
    const after = await suggestions(board.boardId, board.facilitatorToken);
    expect(sorted(groupOf(after.body, ids[2])!.cardIds)).toEqual(sorted([ids[2], ids[3], ids[4]]));
    expect(groupOf(after.body, ids[0])!.cardIds).not.toContain(ids[2]);
  });

  it('forgets a card deleted after the suggestion', async () => {
    const { board, writer, watcher, ids } = await boardWithCards(['Höga elpriser', 'Effektbrist i elnätet', 'Elpriset styr våra order']);
    expect((await suggestions(board.boardId, board.facilitatorToken)).body.themes.flatMap((t) => t.cardIds)).toContain(ids[2]);
    deleteCard(writer.doc, ids[2]);
    await arrived(watcher, 2);
    const after = await suggestions(board.boardId, board.facilitatorToken);
    expect(sorted(after.body.themes.flatMap((t) => t.cardIds))).toEqual(sorted(ids.slice(0, 2)));
  });

  it('marks near-duplicate cards with their similarity', async () => {
    const { board, ids } = await boardWithCards(['Vergunningen duren te lang', 'De vergunningen duren veel te lang', 'Netcapaciteit voor elektrificatie'], 'nl');
    const res = await suggestions(board.boardId, board.facilitatorToken);
    expect(res.body.duplicates).toHaveLength(1);
    expect(sorted(res.body.duplicates[0].cardIds)).toEqual(sorted([ids[0], ids[1]]));
    expect(res.body.duplicates[0].similarity).toBeGreaterThan(0.6);
    expect(res.body.duplicates[0].similarity).toBeLessThanOrEqual(1);
  });

  it('answers the facilitator, a participant only while participants may cluster, and never an observer', async () => {
    const { board } = await boardWithCards(['Höga elpriser', 'Effektbrist i elnätet']);
    const participant = await join(server.url, board, 'Karin Ek', 'Företag');
    expect((await suggestions(board.boardId, board.observerToken)).status).toBe(403);
    // Collecting: moving cards is not theirs yet, so neither are suggestions.
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    expect((await suggestions(board.boardId, participant.token)).status).toBe(403);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    const allowed = await suggestions(board.boardId, participant.token);
    expect(allowed.status).toBe(200);
    expect(allowed.body.themes).toHaveLength(1);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { participantsCluster: false }, board.facilitatorToken);
    expect((await suggestions(board.boardId, participant.token)).status).toBe(403);
    expect((await suggestions(board.boardId, board.facilitatorToken)).status).toBe(200);
    expect((await suggestions(board.boardId, 'not-a-token')).status).toBe(401);
    // A closed workshop is read-only for everyone until it is reopened: nobody is offered changes to it.
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { participantsCluster: true }, board.facilitatorToken);
    expect((await suggestions(board.boardId, participant.token)).status).toBe(200);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/close`, {}, board.facilitatorToken)).status).toBe(200);
    expect((await suggestions(board.boardId, participant.token)).status).toBe(403);
    expect((await suggestions(board.boardId, board.facilitatorToken)).status).toBe(403);
  });

  it("reads a card whose words do not tell its language in the language its author joined in", async () => {
    const board = await createBoard(server.url, { language: 'en' });
    const dutch = await join(server.url, board, 'Els Vermeulen', 'Company', '', 'nl');
    const unsaid = await join(server.url, board, 'Erik Ek', 'Company');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const els = server.connect(board.boardId, dutch.token);
    const erik = server.connect(board.boardId, unsaid.token);
    const watcher = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(els), synced(erik), synced(watcher)]);
    // Single Dutch words, no stop word among them: only the author's language tells what they are.
    const energy = ['Netcongestie', 'Stroomprijzen'].map((title) => addCard(els.doc, { title, author: dutch.participantId }));
    const permits = ['Vergunningen', 'Wetgeving'].map((title) => addCard(erik.doc, { title, author: unsaid.participantId }));
    await arrived(watcher, 4);
    const res = await suggestions(board.boardId, board.facilitatorToken);
    // Els's cards are read as Dutch and meet in a concept; Erik's, read in the workshop's English, match nothing.
    expect(res.body.themes.map((t) => ({ ...t, cardIds: sorted(t.cardIds) }))).toEqual([{ title: 'Energy supply and prices', cardIds: sorted(energy) }]);
    expect(groupOf(res.body, permits[0]!)).toBeUndefined();
  });

  it("lets the facilitator extend the concepts for one board, and nobody else", async () => {
    const { board, ids } = await boardWithCards(['Kvarnbyn behöver en ny bro', 'Möllan väntar fortfarande på besked']);
    expect((await suggestions(board.boardId, board.facilitatorToken)).body.themes).toEqual([]);
    const concepts = [{ label: 'Kvarnbyprojektet', words: ['kvarnby', 'möllan'] }];
    const participant = await join(server.url, board, 'Karin Ek', 'Företag');
    const route = `/api/boards/${board.boardId}/suggestions/concepts`;
    expect((await api(server.url, 'PUT', route, { concepts }, participant.token)).status).toBe(403);
    expect((await api(server.url, 'PUT', route, { concepts: [{ label: 'Tom', words: [] }] }, board.facilitatorToken)).status).toBe(400);
    expect((await api(server.url, 'PUT', route, { concepts }, board.facilitatorToken)).body).toEqual({ concepts });
    expect((await api(server.url, 'GET', route, undefined, board.facilitatorToken)).body).toEqual({ concepts });
    const res = await suggestions(board.boardId, board.facilitatorToken);
    expect(res.body.themes.map((t) => ({ ...t, cardIds: sorted(t.cardIds) }))).toEqual([{ title: 'Kvarnbyprojektet', cardIds: sorted(ids) }]);
  });
});
