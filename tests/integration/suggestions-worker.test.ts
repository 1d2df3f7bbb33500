import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCard, readCards, setCardTitle } from '../../shared/boardDoc.js';
import type { SuggestionsResponse } from '../../shared/suggestions/api.js';
import { suggest } from '../../server/suggestions/suggest.js';
import { api, createBoard, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

const CARDS = 2000;
const TITLE = 'Industriforum – uppstart';
const QUESTION = 'Vilka är de största utmaningarna för industrin i länet?';

/** Card titles from the test workshops, in three languages, repeated up to the board's limit of cards. */
function titles(count: number): string[] {
  const dir = path.resolve('fixtures/suggestions');
  const pool = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { cards: Array<{ title: string }> }).cards.map((c) => c.title));
  return Array.from({ length: count }, (_, i) => `${pool[i % pool.length]} (${Math.floor(i / pool.length) + 1})`);
}

async function suggestionsFor(boardId: string, token: string) {
  return api<SuggestionsResponse>(server.url, 'GET', `/api/boards/${boardId}/suggestions`, undefined, token);
}

/** A card written by one client and seen by another through the server: what a person's edit needs of it. */
async function roundTrip(writer: TestClient, watcher: TestClient, title: string): Promise<void> {
  const id = addCard(writer.doc, { title, author: 'facilitator' });
  await waitUntil(() => readCards(watcher.doc).some((c) => c.id === id));
}

describe('suggestions on their own thread', () => {
  it('keeps every other board live while a 2,000-card board is computed, and answers what the engine gives in process', async () => {
    const big = await createBoard(server.url, { title: TITLE, question: QUESTION });
    const writer = server.connect(big.boardId, big.facilitatorToken);
    const watcher = server.connect(big.boardId, big.observerToken);
    await Promise.all([synced(writer), synced(watcher)]);
    const all = titles(CARDS);
    // In several updates: one message may carry at most 512 kB.
    for (let from = 0; from < CARDS; from += 250) {
      writer.doc.transact(() => all.slice(from, from + 250).forEach((title) => addCard(writer.doc, { title, author: 'facilitator' })));
    }
    await waitUntil(() => readCards(watcher.doc).length === CARDS, 60_000);
    // The first request starts the engine thread; the one measured below follows an edit, so it computes afresh.
    expect((await suggestionsFor(big.boardId, big.facilitatorToken)).status).toBe(200);
    const first = readCards(watcher.doc)[0];
    setCardTitle(writer.doc, first.id, `${first.title} (edited)`);
    await waitUntil(() => readCards(watcher.doc)[0].title === `${first.title} (edited)`);

    const other = await createBoard(server.url);
    const otherWriter = server.connect(other.boardId, other.facilitatorToken);
    const otherWatcher = server.connect(other.boardId, other.observerToken);
    await Promise.all([synced(otherWriter), synced(otherWatcher)]);

    let answered = false;
    const asked = suggestionsFor(big.boardId, big.facilitatorToken).finally(() => (answered = true));
    // Another workshop goes on meanwhile: cards written on it keep reaching its other participants.
    let roundTripsWhileComputing = 0;
    while (!answered && roundTripsWhileComputing < 20) {
      await roundTrip(otherWriter, otherWatcher, `Kort ${roundTripsWhileComputing}`);
      if (!answered) roundTripsWhileComputing++;
    }
    const res = await asked;
    expect(res.status).toBe(200);
    expect(roundTripsWhileComputing).toBeGreaterThanOrEqual(3);

    // The thread's answer is the engine's, for the board as the server holds it.
    const cards = readCards(watcher.doc).map((card) => ({ id: card.id, title: card.title, body: '', themeId: null }));
    const inProcess = suggest({ language: 'sv', cards, themes: [], concepts: [], subject: `${TITLE}\n${QUESTION}` });
    expect(res.body).toEqual(inProcess);
    expect(res.body.themes.length).toBeGreaterThan(1);
  }, 120_000);
});
