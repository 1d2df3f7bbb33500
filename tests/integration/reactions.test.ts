import { describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/boardDoc.js';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { addComment, readComments, setCommentHidden } from '../../shared/comments.js';
import { askQuestion, pickQuestion, plenaryOrder, readQuestions } from '../../shared/plenaryQuestions.js';
import { reactionKey, reactionsOf, readReactions, toggleReaction } from '../../shared/reactions.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

/** +1s, comments and the questions round between real y-websocket clients of a real server. */

interface Room {
  board: CreateBoardResponse;
  asa: JoinResponse;
  jonas: JoinResponse;
  asaClient: TestClient;
  jonasClient: TestClient;
  card: string;
}

const settings = (board: CreateBoardResponse, patch: Record<string, boolean>) =>
  api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, patch, board.facilitatorToken);

/** Two participants on one board in the cluster phase; Åsa wrote the one card. */
async function room(): Promise<Room> {
  const board = await createBoard(server.url);
  const asa = await join(server.url, board, 'Åsa Lindqvist', 'Fackförbund');
  const jonas = await join(server.url, board, 'Jonas Öberg', 'Företag');
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  const asaClient = server.connect(board.boardId, asa.token);
  const jonasClient = server.connect(board.boardId, jonas.token);
  await Promise.all([synced(asaClient), synced(jonasClient)]);
  const card = addCard(asaClient.doc, { title: 'Facket blir inte hört', author: asa.participantId });
  await waitUntil(() => readCards(jonasClient.doc).length === 1);
  return { board, asa, jonas, asaClient, jonasClient, card };
}

const counted = (client: TestClient, target: string) => readReactions(client.doc, () => false).count[target] ?? 0;

describe('+1s and comments on cards', () => {
  it('a +1 and a comment by one participant reach the other; the +1 can be taken back, not given twice', async () => {
    const { board, jonas, asaClient, jonasClient, card } = await room();
    toggleReaction(jonasClient.doc, card, jonas.participantId, [jonas.participantId]);
    addComment(jonasClient.doc, { card, text: 'Och regionen hör inte heller', author: jonas.participantId });
    await waitUntil(() => counted(asaClient, card) === 1 && readComments(asaClient.doc).length === 1);
    expect(readComments(asaClient.doc)[0]).toMatchObject({ card, text: 'Och regionen hör inte heller', author: jonas.participantId, hidden: false });

    toggleReaction(jonasClient.doc, card, jonas.participantId, [jonas.participantId]);
    await waitUntil(() => counted(asaClient, card) === 0);

    // A second +1 from the same person is the same key: it stays one.
    toggleReaction(jonasClient.doc, card, jonas.participantId, [jonas.participantId]);
    reactionsOf(jonasClient.doc).set(reactionKey(card, jonas.participantId), true);
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => counted(observer, card) === 1);
    expect(jonasClient.closes).toEqual([]);
  });

  it('refuses a +1 from an observer and a +1 in someone else\'s name', async () => {
    const { board, asa, jonasClient, card } = await room();
    const observer = server.connect(board.boardId, board.observerToken);
    await synced(observer);
    reactionsOf(observer.doc).set(reactionKey(card, 'observer'), true);
    await waitUntil(() => observer.closes.length > 0);
    expect(observer.closes[0]).toEqual({ code: 1008, reason: 'observers cannot change the board' });

    reactionsOf(jonasClient.doc).set(reactionKey(card, asa.participantId), true);
    await waitUntil(() => jonasClient.closes.length > 0);
    expect(jonasClient.closes[0]).toEqual({ code: 1008, reason: 'a +1 must carry its own person' });
  });

  it('lets the facilitator hide a comment, and no participant', async () => {
    const { board, asa, jonas, asaClient, card } = await room();
    const comment = addComment(asaClient.doc, { card, text: 'Ett förtydligande', author: asa.participantId });
    const hider = server.connect(board.boardId, jonas.token);
    await waitUntil(() => readComments(hider.doc).length === 1);
    setCommentHidden(hider.doc, comment, true);
    await waitUntil(() => hider.closes.length > 0);
    expect(hider.closes[0]).toEqual({ code: 1008, reason: 'only the facilitator moderates comments' });

    const facilitator = server.connect(board.boardId, board.facilitatorToken);
    await waitUntil(() => readComments(facilitator.doc).length === 1);
    setCommentHidden(facilitator.doc, comment, true);
    await waitUntil(() => readComments(asaClient.doc)[0]?.hidden === true);
    expect(facilitator.closes).toEqual([]);
  });

  it('takes no +1 and no comment while cards are written silently', async () => {
    const { board, jonas, jonasClient, card } = await room();
    expect((await settings(board, { silentCollect: true })).status).toBe(200);
    const writer = server.connect(board.boardId, jonas.token);
    await synced(writer);
    addComment(writer.doc, { card, text: 'Tyst?', author: jonas.participantId });
    await waitUntil(() => writer.closes.length > 0);
    expect(writer.closes[0]).toEqual({ code: 1008, reason: 'no comments while cards are written silently' });
    toggleReaction(jonasClient.doc, card, jonas.participantId, [jonas.participantId]);
    await waitUntil(() => jonasClient.closes.length > 0);
    expect(jonasClient.closes[0]).toEqual({ code: 1008, reason: 'no +1 while cards are written silently' });
    const reader = server.connect(board.boardId, board.facilitatorToken);
    await synced(reader);
    expect(reactionsOf(reader.doc).size).toBe(0);
    expect(readComments(reader.doc)).toEqual([]);
  });
});

describe('anonymous cards', () => {
  it('turning the setting on gives every +1, comment and question its card key, and off its participant id again', async () => {
    const { board, jonas, jonasClient, card } = await room();
    expect((await settings(board, { questionsOpen: true })).status).toBe(200);
    toggleReaction(jonasClient.doc, card, jonas.participantId, [jonas.participantId]);
    addComment(jonasClient.doc, { card, text: 'Och regionen', author: jonas.participantId });
    askQuestion(jonasClient.doc, { text: 'Vem bjuder in?', author: jonas.participantId });
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => reactionsOf(observer.doc).size === 1 && readComments(observer.doc).length === 1 && readQuestions(observer.doc).length === 1);
    const authors = () => [...reactionsOf(observer.doc).keys()].map((key) => key.split('/')[1]).concat(readComments(observer.doc)[0]!.author, readQuestions(observer.doc)[0]!.author);

    expect((await settings(board, { anonymousCards: true })).status).toBe(200);
    const key = (await api<{ you: { cardKey: string } }>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, jonas.token)).body.you.cardKey;
    await waitUntil(() => authors().every((author) => author === key));
    expect((await settings(board, { anonymousCards: false })).status).toBe(200);
    await waitUntil(() => authors().every((author) => author === jonas.participantId));
  });
  it('refuses a +1 or comment that names its writer while cards are anonymous', async () => {
    const { board, jonas, card } = await room();
    expect((await settings(board, { anonymousCards: true })).status).toBe(200);
    for (const sign of [
      (client: TestClient) => toggleReaction(client.doc, card, jonas.participantId, [jonas.participantId]),
      (client: TestClient) => addComment(client.doc, { card, text: 'Signerat', author: jonas.participantId }),
    ]) {
      const client = server.connect(board.boardId, jonas.token);
      await synced(client);
      sign(client);
      await waitUntil(() => client.closes.length > 0);
      expect(client.closes[0]!.reason).toMatch(/^a (\+1|comment) must carry its own (person|author)$/);
    }
  });
});

describe('the questions round', () => {
  it('takes questions only while open; others +1 them and only the facilitator picks the current one', async () => {
    const { board, asa, jonas, asaClient, jonasClient } = await room();
    askQuestion(asaClient.doc, { text: 'Vem bjuder in regionen?', author: asa.participantId });
    await waitUntil(() => asaClient.closes.length > 0);
    expect(asaClient.closes[0]).toEqual({ code: 1008, reason: 'the questions round is closed' });

    expect((await settings(board, { questionsOpen: true })).status).toBe(200);
    const asker = server.connect(board.boardId, asa.token);
    await synced(asker);
    const first = askQuestion(asker.doc, { text: 'Vem bjuder in regionen?', author: asa.participantId });
    const second = askQuestion(asker.doc, { text: 'När ses vi igen?', author: asa.participantId });
    await waitUntil(() => readQuestions(jonasClient.doc).length === 2);
    toggleReaction(jonasClient.doc, second, jonas.participantId, [jonas.participantId]);
    await waitUntil(() => counted(asker, second) === 1);
    const order = plenaryOrder(readQuestions(asker.doc), readReactions(asker.doc, () => false).count);
    expect(order.rest.map((q) => q.id)).toEqual([second, first]);

    pickQuestion(jonasClient.doc, first);
    await waitUntil(() => jonasClient.closes.length > 0);
    expect(jonasClient.closes[0]).toEqual({ code: 1008, reason: 'only the facilitator moderates questions' });
    const facilitator = server.connect(board.boardId, board.facilitatorToken);
    await waitUntil(() => readQuestions(facilitator.doc).length === 2);
    pickQuestion(facilitator.doc, first);
    await waitUntil(() => plenaryOrder(readQuestions(asker.doc), {}).current?.id === first);
    expect(asker.closes).toEqual([]);
  });
});
