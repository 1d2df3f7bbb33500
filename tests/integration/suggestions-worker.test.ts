import { describe, expect, it } from 'vitest';
import { addCard, readCards, setCardTitle } from '../../shared/boardDoc.js';
import type { SuggestionsResponse } from '../../shared/suggestions/api.js';
import { suggest } from '../../server/suggestions/suggest.js';
import { testWorkshops } from '../../fixtures/suggestionScores.js';
import { api, createBoard, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

const CARDS = 2000;
const TITLE = 'Industriforum – uppstart';
const QUESTION = 'Vilka är de största utmaningarna för industrin i länet?';

/** Card titles from the test workshops, in three languages, repeated up to the board's limit of cards. */
function titles(count: number): string[] {
  const pool = testWorkshops().flatMap(({ workshop }) => workshop.cards.map((card) => card.title));
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

/** The board's cards as a client sees them (no bodies, no themes), in the engine's input form. */
const cardsOf = (watcher: TestClient) => readCards(watcher.doc).map((card) => ({ id: card.id, title: card.title, body: '', themeId: null }));

/** What the engine gives in this process for those cards. */
const inProcess = (cards: ReturnType<typeof cardsOf>) => suggest({ language: 'sv', cards, themes: [], concepts: [], subject: `${TITLE}\n${QUESTION}` });

/** A board at its limit of 2,000 cards, written by its facilitator and seen by an observer. */
async function fullBoard() {
  const board = await createBoard(server.url, { title: TITLE, question: QUESTION });
  const writer = server.connect(board.boardId, board.facilitatorToken);
  const watcher = server.connect(board.boardId, board.observerToken);
  await Promise.all([synced(writer), synced(watcher)]);
  const all = titles(CARDS);
  // In several updates: one message may carry at most 512 kB.
  for (let from = 0; from < CARDS; from += 250) {
    writer.doc.transact(() => all.slice(from, from + 250).forEach((title) => addCard(writer.doc, { title, author: 'facilitator' })));
  }
  await waitUntil(() => readCards(watcher.doc).length === CARDS, 60_000);
  return { big: board, writer, watcher };
}

/** Changes a card's title and waits until the server has passed it on. */
async function retitle(writer: TestClient, watcher: TestClient, id: string, title: string): Promise<void> {
  setCardTitle(writer.doc, id, title);
  await waitUntil(() => readCards(watcher.doc).find((c) => c.id === id)?.title === title);
}

describe('suggestions on their own thread', () => {
  it('keeps every other board live while a 2,000-card board is computed, and answers what the engine gives in process', async () => {
    const { big, writer, watcher } = await fullBoard();
    // The first request starts the engine thread; the one measured below follows an edit, so it computes afresh.
    expect((await suggestionsFor(big.boardId, big.facilitatorToken)).status).toBe(200);
    const first = readCards(watcher.doc)[0];
    await retitle(writer, watcher, first.id, `${first.title} (edited)`);

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
    expect(res.body).toEqual(inProcess(cardsOf(watcher)));
    expect(res.body.themes.length).toBeGreaterThan(1);
  }, 120_000);

  it('computes only the newest version of a board edited while its suggestions are computed', async () => {
    const { big, writer, watcher } = await fullBoard();
    // Each edit copies another card's title, so the duplicates in the answer differ from version to version.
    const [card, twin, otherTwin] = readCards(watcher.doc);
    const ask = () => suggestionsFor(big.boardId, big.facilitatorToken);
    const computationsStarted = async () => Number(/forumboard_suggestion_computations_total (\d+)/.exec((await api<string>(server.url, 'GET', '/metrics')).body)?.[1]);
    const before = await computationsStarted();
    const computing = ask();
    // The edits must come while this computation runs: an edit that overtook the request would make it and the next
    // one the same version, sharing one answer, and nothing would wait.
    await waitUntil(async () => (await computationsStarted()) > before);
    await retitle(writer, watcher, card.id, twin.title);
    // Only read here: computing in this process now would stall the server, which runs in it too.
    const between = cardsOf(watcher);
    const waiting = ask();
    await retitle(writer, watcher, card.id, otherTwin.title);
    const newest = ask();
    const [first, second, third] = await Promise.all([computing, waiting, newest]);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    // The request about the version in between was still waiting when a newer one came: it gets the newest answer.
    expect(third.body).toEqual(inProcess(cardsOf(watcher)));
    expect(third.body).not.toEqual(inProcess(between));
    expect(second.body).toEqual(third.body);
    // A request about the unchanged board shares that answer.
    expect((await ask()).body).toEqual(third.body);
  }, 120_000);
});
