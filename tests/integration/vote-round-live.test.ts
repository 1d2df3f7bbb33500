import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addCard } from '../../shared/boardDoc.js';
import { readMeta, readRound } from '../../shared/controlDoc.js';
import { controlRoom } from '../../shared/rooms.js';
import type { RoundState } from '../../shared/voting/index.js';
import { api, connect, createBoard, join, startTestServer, synced, waitUntil, type TestClient } from './support.js';

// Sixty fresh boards from one address: the creation limit is lifted for this server.
let running: Awaited<ReturnType<typeof startTestServer>>;
const clients: TestClient[] = [];
beforeAll(async () => {
  running = await startTestServer(undefined, { BOARDS_PER_HOUR: '0' });
});
afterEach(() => clients.splice(0).forEach((c) => c.destroy()));
afterAll(() => running.close());
const server = {
  get url() {
    return running.url;
  },
  connect(room: string, token: string): TestClient {
    const client = connect(running.url, room, token);
    clients.push(client);
    return client;
  },
};

/** A fresh board with one card to vote on, and a participant's token. */
async function boardToVoteOn() {
  const board = await createBoard(server.url);
  const fac = server.connect(board.boardId, board.facilitatorToken);
  await synced(fac);
  addCard(fac.doc, { title: 'Svårt att rekrytera svetsare', author: 'facilitator' });
  // The round's items are read from the server's board document: wait until the card is there.
  const check = server.connect(board.boardId, board.observerToken);
  await waitUntil(() => check.doc.getMap('cards').size === 1);
  check.destroy();
  const participant = await join(server.url, board, 'Åsa Lindqvist', 'Företag');
  return { board, participant };
}

/** The phase changes to vote and the round opens straight after, as the facilitator's page does. */
async function voteAndOpenRound(boardId: string, facilitatorToken: string): Promise<RoundState> {
  expect((await api(server.url, 'POST', `/api/boards/${boardId}/phase`, { phase: 'vote' }, facilitatorToken)).status).toBe(200);
  const opened = await api<RoundState>(server.url, 'POST', `/api/boards/${boardId}/rounds`, { budget: 3, cap: 2 }, facilitatorToken);
  expect(opened.status).toBe(201);
  return opened.body;
}

const showsRound = (client: TestClient, roundId: string) =>
  readMeta(client.doc)?.phase === 'vote' && readRound(client.doc, roundId)?.state === 'open';

describe('a vote round opened right after the phase changes to vote', () => {
  it('reaches the facilitator and a participant already connected to the control document, 30 boards in a row', async () => {
    for (let i = 0; i < 30; i++) {
      const { board, participant } = await boardToVoteOn();
      const clients = [board.facilitatorToken, participant.token].map((token) => server.connect(controlRoom(board.boardId), token));
      await Promise.all(clients.map((c) => synced(c)));
      const round = await voteAndOpenRound(board.boardId, board.facilitatorToken);
      await waitUntil(() => clients.every((c) => showsRound(c, round.id)), 3000);
      expect(clients.every((c) => c.closes.length === 0)).toBe(true);
      clients.forEach((c) => c.destroy());
    }
  });

  it('reaches clients that connect while the two commands are on their way, 30 boards in a row', async () => {
    for (let i = 0; i < 30; i++) {
      const { board, participant } = await boardToVoteOn();
      // One client connects just before the commands, the other between them: neither has synced yet.
      const early = server.connect(controlRoom(board.boardId), board.facilitatorToken);
      expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'vote' }, board.facilitatorToken)).status).toBe(200);
      const between = server.connect(controlRoom(board.boardId), participant.token);
      const opened = await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 3, cap: 2 }, board.facilitatorToken);
      expect(opened.status).toBe(201);
      const late = server.connect(controlRoom(board.boardId), board.facilitatorToken);
      const clients = [early, between, late];
      await waitUntil(() => clients.every((c) => showsRound(c, opened.body.id)), 3000);
      expect(clients.every((c) => c.closes.length === 0)).toBe(true);
      clients.forEach((c) => c.destroy());
    }
  });
});
