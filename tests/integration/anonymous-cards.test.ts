import { describe, expect, it } from 'vitest';
import { addCard, readCards, setCardTitle } from '../../shared/boardDoc.js';
import type { BoardSummary, CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import type { PriorityList } from '../../shared/export/index.js';
import { REMOVED_PARTICIPANT } from '../../shared/people.js';
import { privateListRoom } from '../../shared/rooms.js';
import type { RoundState } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

/** Anonymous cards: each person still edits only their own cards, and only the facilitator learns who wrote which. */

async function collecting(): Promise<{ board: CreateBoardResponse; asa: JoinResponse; jonas: JoinResponse }> {
  const board = await createBoard(server.url);
  const asa = await join(server.url, board, 'Åsa Lindqvist', 'Fackförbund');
  const jonas = await join(server.url, board, 'Jonas Öberg', 'Företag');
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  return { board, asa, jonas };
}

const settings = (board: CreateBoardResponse, anonymousCards: boolean) =>
  api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { anonymousCards, participantsExport: true }, board.facilitatorToken);

const cardKeyOf = async (board: CreateBoardResponse, person: JoinResponse) =>
  (await api<BoardSummary>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, person.token)).body.you.cardKey;

describe('anonymous cards', () => {
  it('turning the setting on renames every card to its card key, and off names them back', async () => {
    const { board, asa } = await collecting();
    const writer = server.connect(board.boardId, asa.token);
    await synced(writer);
    const id = addCard(writer.doc, { title: 'Facket blir inte hört', author: asa.participantId });
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(observer.doc).length === 1);

    expect((await settings(board, true)).status).toBe(200);
    const key = await cardKeyOf(board, asa);
    expect(key).toMatch(/^k_/);
    await waitUntil(() => readCards(observer.doc)[0]?.author === key);
    // The author still edits the card, under its key.
    setCardTitle(writer.doc, id, 'Facket blir inte hört i tid');
    await waitUntil(() => readCards(observer.doc)[0]?.title === 'Facket blir inte hört i tid');
    expect(writer.closes).toEqual([]);

    expect((await settings(board, false)).status).toBe(200);
    await waitUntil(() => readCards(observer.doc)[0]?.author === asa.participantId);
  });

  it('refuses a new card that names its writer while cards are anonymous, and another\'s card under its key', async () => {
    const { board, asa, jonas } = await collecting();
    await settings(board, true);
    const signed = server.connect(board.boardId, asa.token);
    await synced(signed);
    addCard(signed.doc, { title: 'Signerat', author: asa.participantId });
    await waitUntil(() => signed.closes.length > 0);
    expect(signed.closes[0]).toEqual({ code: 1008, reason: 'a card must carry its own author' });

    const honest = server.connect(board.boardId, asa.token);
    await synced(honest);
    const id = addCard(honest.doc, { title: 'Anonymt', author: (await cardKeyOf(board, asa))! });
    const attacker = server.connect(board.boardId, jonas.token);
    await waitUntil(() => readCards(attacker.doc).some((card) => card.id === id));
    setCardTitle(attacker.doc, id, 'Vandaliserat');
    await waitUntil(() => attacker.closes.length > 0);
    expect(attacker.closes[0]).toEqual({ code: 1008, reason: 'only the author can edit a card' });
    expect(honest.closes).toEqual([]);
  });

  it("gives each card's group in the facilitator's export only", async () => {
    const { board, asa } = await collecting();
    await settings(board, true);
    const writer = server.connect(board.boardId, asa.token);
    await synced(writer);
    addCard(writer.doc, { title: 'Facket blir inte hört', author: (await cardKeyOf(board, asa))! });
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(observer.doc).length === 1);
    const exported = async (token: string) =>
      (await api<PriorityList>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=json`, undefined, token)).body.items[0]!;
    const union = board.groups.find((group) => group.name === 'Fackförbund')!.id;
    expect((await exported(board.facilitatorToken)).cards[0]!.group).toBe(union);
    for (const token of [board.observerToken, asa.token]) {
      const item = await exported(token);
      expect(item.cards[0]!.group).toBeNull();
      expect(item.provenance).toEqual({});
    }
  });

  it('a version frozen while cards were signed gives card groups to nobody but the facilitator once cards are anonymous', async () => {
    const { board, asa } = await collecting();
    await settings(board, false);
    const writer = server.connect(board.boardId, asa.token);
    await synced(writer);
    const card = addCard(writer.doc, { title: 'Facket blir inte hört', author: asa.participantId });
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(observer.doc).length === 1);
    const as = (method: string, route: string, body?: unknown) => api(server.url, method, `/api/boards/${board.boardId}${route}`, body, board.facilitatorToken);
    const round = (await as('POST', '/rounds', { budget: 3, cap: 3, anonymous: false })).body as RoundState;
    expect((await as('POST', `/rounds/${round.id}/reveal`)).status).toBe(200);
    expect((await as('PUT', '/agreement', { roundId: round.id, items: [{ itemId: card, title: 'Facket blir inte hört' }] })).status).toBe(200);
    expect((await as('POST', '/agreement/freeze')).status).toBe(201);
    await settings(board, true);

    const frozen = async (token: string) =>
      (await api<PriorityList>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=json&version=1`, undefined, token)).body.items[0]!;
    const union = board.groups.find((group) => group.name === 'Fackförbund')!.id;
    expect((await frozen(board.facilitatorToken)).cards[0]!.group).toBe(union);
    for (const token of [board.observerToken, asa.token]) {
      const item = await frozen(token);
      expect(item.cards[0]!.group).toBeNull();
      expect(item.provenance).toEqual({});
    }
  });

  it('a removed participant\'s anonymous cards are kept as a removed participant\'s, or deleted', async () => {
    const { board, asa, jonas } = await collecting();
    await settings(board, true);
    for (const person of [asa, jonas]) {
      const writer = server.connect(board.boardId, person.token);
      await synced(writer);
      addCard(writer.doc, { title: person.participantId === asa.participantId ? 'Åsas kort' : 'Jonas kort', author: (await cardKeyOf(board, person))! });
    }
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(observer.doc).length === 2);
    const remove = (person: JoinResponse, cards: 'keep' | 'delete') =>
      api(server.url, 'DELETE', `/api/boards/${board.boardId}/participants/${person.participantId}`, { cards }, board.facilitatorToken);
    expect((await remove(asa, 'keep')).body).toMatchObject({ cards: { kept: 1, deleted: 0 } });
    expect((await remove(jonas, 'delete')).body).toMatchObject({ cards: { kept: 0, deleted: 1 } });
    await waitUntil(() => readCards(observer.doc).length === 1);
    expect(readCards(observer.doc)[0]).toMatchObject({ title: 'Åsas kort', author: REMOVED_PARTICIPANT });
  });

  it('silent cards revealed while cards are anonymous reach the board under their card keys only', async () => {
    const { board, asa } = await collecting();
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: true, anonymousCards: true }, board.facilitatorToken);
    const list = server.connect(privateListRoom(board.boardId, asa.participantId), asa.token);
    await synced(list);
    addCard(list.doc, { title: 'Tyst kort', author: asa.participantId });
    const observer = server.connect(board.boardId, board.observerToken);
    await synced(observer);
    const stored = server.connect(privateListRoom(board.boardId, asa.participantId), asa.token);
    await waitUntil(() => readCards(stored.doc).length === 1);
    const reveal = await api<{ revealed: number }>(server.url, 'POST', `/api/boards/${board.boardId}/reveal-cards`, undefined, board.facilitatorToken);
    expect(reveal.body.revealed).toBe(1);
    await waitUntil(() => readCards(observer.doc).length === 1);
    expect(readCards(observer.doc)[0]!.author).toBe(await cardKeyOf(board, asa));
    expect(observer.received()).not.toContain(asa.participantId);
  });
});
