import fs from 'node:fs';
import { expect, type APIRequestContext } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCard, addCluster, moveCard } from '../../shared/boardDoc';
import { privateListRoom } from '../../shared/rooms';

/** The sample workshops' cards and themes (server/demo/workshops.json), the way a real kick-off words them. */
interface Sample {
  language: string;
  themes: string[];
  cards: Array<{ title: string; theme: string }>;
}
const samples: Sample[] = JSON.parse(fs.readFileSync(new URL('../../server/demo/workshops.json', import.meta.url), 'utf8')).workshops;

export interface RoomBoard {
  boardId: string;
  facilitatorToken: string;
  observerToken: string;
  joinCode: string;
  groupIds: string[];
  people: Array<{ name: string; token: string; participantId: string; group: string }>;
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Moves the workshop to `next` as its facilitator would, through the REST API; fails the test if refused. */
export async function phase(request: APIRequestContext, board: Pick<RoomBoard, 'boardId' | 'facilitatorToken'>, next: string): Promise<void> {
  expect((await request.post(`/api/boards/${board.boardId}/phase`, { headers: auth(board.facilitatorToken), data: { phase: next } })).ok()).toBe(true);
}

/** A workshop with `people` joined (round-robin over its groups), created through the REST API. */
export async function createRoomBoard(request: APIRequestContext, title: string, people: string[]): Promise<RoomBoard> {
  const created = await request.post('/api/boards', { data: { title, question: 'What should our forum tackle first?' } });
  expect(created.status()).toBe(201);
  const board = await created.json();
  const info = await (await request.get(`/api/join/${board.joinCode}`)).json();
  const groupIds: string[] = info.groups.map((group: { id: string }) => group.id);
  const joined = [];
  for (const [i, name] of people.entries()) {
    const group = groupIds[i % groupIds.length];
    const answer = await request.post(`/api/boards/${board.boardId}/join`, { data: { joinCode: board.joinCode, name, organisation: `Org ${i + 1}`, group } });
    expect(answer.status()).toBe(201);
    joined.push({ name, group, ...(await answer.json()) });
  }
  return { boardId: board.boardId, facilitatorToken: board.facilitatorToken, observerToken: board.observerToken, joinCode: board.joinCode, groupIds, people: joined };
}

/**
 * `count` card titles from the sample workshops in all three languages; past the samples, the same words in
 * another order, as a room of sixty writes the same challenge twice.
 */
export function sampleTitles(count: number): string[] {
  const titles = samples.flatMap((s) => s.cards.map((c) => c.title));
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const base = titles[i % titles.length];
    const round = Math.floor(i / titles.length);
    out.push(round === 0 ? base : round === 1 ? base.split(' ').reverse().join(' ') : `${base} (${round})`);
  }
  return out;
}

export function sampleThemes(count: number): string[] {
  return samples.flatMap((s) => s.themes).slice(0, count);
}

/**
 * Writes themes (as the facilitator) and cards (each by its author, round-robin over `authors`: the server
 * takes a card only from the person it names) through real y-websocket clients, as browsers do, and waits
 * until a fresh connection reads them all back from the server. Cards already on the board stay where they are.
 */
export async function seedBoard(
  baseURL: string,
  board: RoomBoard,
  input: { titles: string[]; themes: string[]; authors: Array<{ id: string; token: string }>; clustered?: boolean },
): Promise<void> {
  const wsUrl = `${baseURL.replace(/^http/, 'ws')}/ws`;
  const facilitator = await openDoc(wsUrl, board.boardId, board.facilitatorToken);
  const existing = facilitator.doc.getMap('cards').size;
  for (const theme of input.themes) addCluster(facilitator.doc, { title: theme });
  const writers = await Promise.all(input.authors.map((author) => openDoc(wsUrl, board.boardId, author.token)));
  // One millisecond apart, so the writing order is the titles' order even when the loop runs within a millisecond.
  const writtenFrom = Date.now() - input.titles.length;
  const cardIds = input.titles.map((title, i) =>
    addCard(writers[i % writers.length].doc, { title, author: input.authors[i % writers.length].id, createdAt: writtenFrom + i }),
  );
  if (input.clustered) {
    // The facilitator sorts every card into a theme, round-robin, once its card has reached them.
    await expect.poll(() => facilitator.doc.getMap('cards').size).toBe(existing + cardIds.length);
    const themeIds = [...facilitator.doc.getMap('clusters').keys()];
    cardIds.forEach((cardId, i) => moveCard(facilitator.doc, cardId, themeIds[i % themeIds.length]!));
  }
  await expect
    .poll(async () => {
      const probe = await openDoc(wsUrl, board.boardId, board.facilitatorToken);
      const counts = [probe.doc.getMap('cards').size, probe.doc.getMap('clusters').size];
      probe.provider.destroy();
      return counts;
    })
    .toEqual([existing + input.titles.length, input.themes.length]);
  for (const client of [facilitator, ...writers]) client.provider.destroy();
}

/** Cards written during silent collection, one on each person's private list in turn, as their phones write them. */
export async function writePrivateCards(baseURL: string, board: RoomBoard, titles: string[]): Promise<void> {
  const wsUrl = `${baseURL.replace(/^http/, 'ws')}/ws`;
  await Promise.all(
    titles.map(async (title, i) => {
      const author = board.people[i % board.people.length]!;
      const list = await openDoc(wsUrl, privateListRoom(board.boardId, author.participantId), author.token);
      addCard(list.doc, { title, author: author.participantId });
      await expect.poll(async () => {
        const probe = await openDoc(wsUrl, privateListRoom(board.boardId, author.participantId), author.token);
        const count = probe.doc.getMap('cards').size;
        probe.provider.destroy();
        return count;
      }).toBeGreaterThan(0);
      list.provider.destroy();
    }),
  );
}

async function openDoc(wsUrl: string, boardId: string, token: string): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, boardId, doc, {
    params: { token },
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  provider.awareness.setLocalState(null);
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider };
}
