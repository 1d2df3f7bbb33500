import { describe, expect, it } from 'vitest';
import { addCard, addCluster, readCards } from '../../shared/boardDoc.js';
import { addComment, readComments } from '../../shared/comments.js';
import { askQuestion, readQuestions } from '../../shared/plenaryQuestions.js';
import { parseReactionKey, reactionsOf, toggleReaction } from '../../shared/reactions.js';
import { readRevealedRounds, readRounds } from '../../shared/controlDoc.js';
import type { BoardSummary, CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import type { PriorityList } from '../../shared/export/index.js';
import { controlRoom, draftsRoom, privateListRoom } from '../../shared/rooms.js';
import type { RoundState } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

/**
 * Everything each role's browser receives, read the way an attacker with the stock y-websocket client and the
 * REST API would, for each kind of round and with anonymous cards on and off: no forbidden fact may be in it.
 * The projector's link is read-only, and receives no more than an observer's.
 */

const GROUPS = ['Företag', 'Fackförbund', 'Region'];
const SECRET_CARD = 'Facket blir inte hört';

interface Workshop {
  board: CreateBoardResponse;
  people: JoinResponse[];
  lone: JoinResponse;
  union: string;
  anonymousRound: RoundState;
  namedRound: RoundState;
}

/**
 * Three in the company group, three in the region, one lone union member, who writes a card of her own. Everyone
 * writes and votes, then leaves, so what a reader receives afterwards is the board as it stays, not who is here.
 */
async function workshop(anonymousCards: boolean): Promise<Workshop> {
  const board = await createBoard(server.url, { groups: GROUPS });
  const as = (route: string, body?: unknown, method = 'POST') => api(server.url, method, `/api/boards/${board.boardId}${route}`, body, board.facilitatorToken);
  await as('/settings', { anonymousCards, participantsExport: true });
  const company = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
  const region = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Region ${i}`, 'Region')));
  const lone = await join(server.url, board, 'Ulla Fack', 'Fackförbund');
  const people = [...company, ...region, lone];
  await as('/phase', { phase: 'collect' });
  const summaryOf = async (person: JoinResponse) =>
    (await api<BoardSummary>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, person.token)).body;
  for (const person of people) {
    const writer = server.connect(board.boardId, person.token);
    await synced(writer);
    const { you } = await summaryOf(person);
    // As the browser does: the card key while cards are anonymous (abilities.newCardAuthor).
    const author = anonymousCards ? (you.cardKey ?? person.participantId) : person.participantId;
    const title = person === lone ? SECRET_CARD : `Kort ${people.indexOf(person) + 1}`;
    addCard(writer.doc, { title, author });
    await waitUntil(() => readCards(writer.doc).some((card) => card.title === title) && writer.closes.length === 0 && writer.provider.synced);
    await waitUntil(async () => {
      const fac = server.connect(board.boardId, board.facilitatorToken);
      await synced(fac);
      const there = readCards(fac.doc).some((card) => card.title === title);
      fac.destroy();
      return there;
    });
    writer.destroy();
  }
  const fac = server.connect(board.boardId, board.facilitatorToken);
  await synced(fac);
  addCluster(fac.doc, { title: 'Kompetens' });
  await waitUntil(async () => {
    const check = server.connect(board.boardId, board.observerToken);
    await synced(check);
    const seen = check.doc.getMap('clusters').size === 1;
    check.destroy();
    return seen;
  });
  fac.destroy();
  await reactAsLone(board, lone, anonymousCards);
  const secretCard = async () => {
    const reader = server.connect(board.boardId, board.observerToken);
    await synced(reader);
    const id = readCards(reader.doc).find((card) => card.title === SECRET_CARD)!.id;
    reader.destroy();
    return id;
  };
  const secret = await secretCard();

  const round = async (anonymous: boolean) => {
    const opened = (await as('/rounds', { budget: 5, cap: 3, anonymous })).body as RoundState;
    for (const person of people) {
      const allocations = person === lone ? { [secret]: 3 } : { [opened.items.find((item) => item.id !== secret)!.id]: 2 };
      expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${opened.id}/ballot`, { allocations }, person.token)).status).toBe(200);
    }
    expect((await as(`/rounds/${opened.id}/reveal`)).status).toBe(200);
    return opened;
  };
  // The anonymous round last: the exports give the latest round's figures.
  const namedRound = await round(false);
  const anonymousRound = await round(true);
  return { board, people, lone, union: board.groups.find((group) => group.name === 'Fackförbund')!.id, anonymousRound, namedRound };
}

/** The lone union member +1s and comments on another's card and asks the plenary a question, as her browser does. */
async function reactAsLone(board: CreateBoardResponse, lone: JoinResponse, anonymousCards: boolean): Promise<void> {
  await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { questionsOpen: true }, board.facilitatorToken);
  const { you } = (await api<BoardSummary>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, lone.token)).body;
  const me = anonymousCards ? you.cardKey! : lone.participantId;
  const writer = server.connect(board.boardId, lone.token);
  await synced(writer);
  const other = readCards(writer.doc).find((card) => card.title === 'Kort 1')!.id;
  toggleReaction(writer.doc, other, me, [me]);
  addComment(writer.doc, { card: other, text: 'Håller med, facket också', author: me });
  askQuestion(writer.doc, { text: 'Vem bjuder in regionen?', author: me });
  const reader = server.connect(board.boardId, board.facilitatorToken);
  await waitUntil(() => reactionsOf(reader.doc).size === 1 && readComments(reader.doc).length === 1 && readQuestions(reader.doc).length === 1);
  expect(writer.closes).toEqual([]);
  reader.destroy();
  writer.destroy();
}

interface Received {
  board: TestClient;
  control: TestClient;
  /** Every REST answer and export, as text. */
  answers: Map<string, string>;
}

type Reader = { role: 'facilitator' | 'observer' | 'projector'; token: string } | { role: 'participant'; token: string; participantId: string };

/** Opens every document the reader may open and asks every REST route it may ask, as its browser does. */
async function receive(w: Workshop, reader: Reader): Promise<Received> {
  const id = w.board.boardId;
  const board = server.connect(id, reader.token);
  const control = server.connect(controlRoom(id), reader.token);
  await Promise.all([synced(board), synced(control)]);
  await waitUntil(() => readRevealedRounds(control.doc).length === 2);
  const answers = new Map<string, string>();
  const ask = async (route: string) => {
    const answer = await api(server.url, 'GET', `/api/boards/${id}${route}`, undefined, reader.token);
    answers.set(route, `${answer.status} ${typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body)}`);
  };
  await ask('');
  for (const format of ['json', 'csv', 'md']) await ask(`/export?format=${format}`);
  for (const round of [w.anonymousRound, w.namedRound]) {
    await ask(`/rounds/${round.id}/people`);
    await ask(`/rounds/${round.id}/ballot`);
  }
  if (reader.role === 'participant') await ask('/my-data');
  await ask('/waiting');
  return { board, control, answers };
}

/** What a reader of each role is, in the workshop: the facilitator, a company participant, the observer and projector links. */
async function readers(w: Workshop): Promise<Reader[]> {
  const participant = w.people[0]!;
  const projector = await api<{ token: string }>(server.url, 'POST', `/api/boards/${w.board.boardId}/projector-links`, undefined, w.board.facilitatorToken);
  expect(projector.status).toBe(201);
  return [
    { role: 'facilitator', token: w.board.facilitatorToken },
    { role: 'participant', token: participant.token, participantId: participant.participantId },
    { role: 'observer', token: w.board.observerToken },
    { role: 'projector', token: projector.body.token },
  ];
}

/** The JSON export the reader got, or null when its role gets none (the projector). */
function exportedList(reader: Reader, received: Received): PriorityList | null {
  const answer = received.answers.get('/export?format=json')!;
  if (reader.role === 'projector') {
    expect(answer.startsWith('200 ')).toBe(false);
    return null;
  }
  expect(answer.startsWith('200 ')).toBe(true);
  return JSON.parse(answer.slice(4)) as PriorityList;
}

function everything(received: Received): string {
  return [received.board.received(), received.control.received(), ...received.answers.values()].join('\n');
}

/** No per-person figure of any round reaches anyone but the facilitator; no group below three voters is shown apart. */
function expectNoBallotFacts(w: Workshop, reader: Reader, received: Received): void {
  const text = everything(received);
  expect(text).not.toContain('byPerson');
  for (const { round, tally } of readRevealedRounds(received.control.doc)) {
    // The lone union voter's group never has figures of its own in an anonymous round.
    if (round.settings.anonymous) {
      expect(tally.groups).not.toContain(w.union);
      for (const item of tally.items) expect(Object.keys(item.byGroup)).not.toContain(w.union);
      expect(Object.keys(tally.voters.byGroup)).not.toContain(w.union);
    }
  }
  for (const round of readRounds(received.control.doc)) {
    if (round.settings.anonymous) expect(Object.keys(round.voters.byGroup)).not.toContain(w.union);
  }
  const people = received.answers.get(`/rounds/${w.namedRound.id}/people`)!;
  if (reader.role === 'facilitator') {
    expect(people.startsWith('200 ')).toBe(true);
    expect(people).toContain(w.lone.participantId);
  } else {
    expect(people.startsWith('403 ')).toBe(true);
    expect(people).not.toContain(w.lone.participantId);
  }
  const json = exportedList(reader, received);
  if (json === null) return;
  expect(json.roundId).toBe(w.anonymousRound.id);
  expect(json.votingGroups).not.toContain(w.union);
  for (const item of json.items) expect(Object.keys(item.votes?.byGroup ?? {})).not.toContain(w.union);
}

/** With anonymous cards, no card says who wrote it, in any document, answer or export of anyone but the facilitator. */
function expectNoCardAuthors(w: Workshop, reader: Reader, received: Received): void {
  const others = w.people.filter((person) => reader.role !== 'participant' || person.participantId !== reader.participantId);
  const boardBytes = received.board.received();
  for (const person of others) expect(boardBytes).not.toContain(person.participantId);
  const ids = new Set(w.people.map((person) => person.participantId));
  for (const card of readCards(received.board.doc)) expect(ids.has(card.author)).toBe(false);
  // Nor does a comment, a question or a +1 say who wrote or gave it.
  const comments = readComments(received.board.doc);
  const questions = readQuestions(received.board.doc);
  const marks = Array.from(reactionsOf(received.board.doc).keys(), (key) => parseReactionKey(key)!.person);
  expect(comments.length * questions.length * marks.length).toBe(1);
  for (const author of [...comments.map((c) => c.author), ...questions.map((q) => q.author), ...marks]) expect(ids.has(author)).toBe(false);
  const json = exportedList(reader, received);
  if (reader.role === 'facilitator' || json === null) return;
  for (const item of json.items) {
    for (const card of item.cards) expect(card.group).toBeNull();
    expect(item.provenance).toEqual({});
  }
}

describe('what each role receives', () => {
  it('with anonymous cards: no card author, no per-person dots, no small group apart, for every role', async () => {
    const w = await workshop(true);
    for (const reader of await readers(w)) {
      const received = await receive(w, reader);
      expectNoBallotFacts(w, reader, received);
      expectNoCardAuthors(w, reader, received);
    }
  }, 60_000);

  it('with cards signed: no per-person dots and no small group apart, for every role', async () => {
    const w = await workshop(false);
    for (const reader of await readers(w)) expectNoBallotFacts(w, reader, await receive(w, reader));
  }, 60_000);

  it('with strict anonymity: a person waiting to be let in, and the groups of a regrouped round, reach nobody but the facilitator', async () => {
    const w = await workshop(false);
    const as = (method: string, route: string, body?: unknown, token = w.board.facilitatorToken) =>
      api(server.url, method, `/api/boards/${w.board.boardId}${route}`, body, token);
    expect((await as('POST', '/settings', { strictAnonymity: true })).status).toBe(200);
    // A third, anonymous round: the facilitator moves the three company people into the lone voter's union before they vote.
    const round = (await as('POST', '/rounds', { budget: 5, cap: 3, anonymous: true })).body as RoundState;
    for (const moved of w.people.slice(0, 3)) expect((await as('PATCH', `/participants/${moved.participantId}`, { group: w.union })).status).toBe(200);
    for (const person of w.people) {
      expect((await as('PUT', `/rounds/${round.id}/ballot`, { allocations: { [round.items[0]!.id]: 1 } }, person.token)).status).toBe(200);
    }
    // Someone joins late, is put on the waiting list, opens the board (and so is present) and tries to vote.
    const late = await join(server.url, w.board, 'Sen Ankomst', 'Fackförbund', 'Hemligt AB');
    const present = server.connect(w.board.boardId, late.token);
    await synced(present);
    expect((await as('PUT', `/rounds/${round.id}/ballot`, { allocations: { [round.items[0]!.id]: 1 } }, late.token)).status).toBe(403);

    for (const reader of await readers(w)) {
      const received = await receive(w, reader);
      await waitUntil(() => readRounds(received.control.doc).find((r) => r.id === round.id)?.voters.total === w.people.length);
      expectNoBallotFacts(w, reader, received);
      const text = everything(received);
      const waiting = received.answers.get('/waiting')!;
      if (reader.role === 'facilitator') {
        expect(waiting.startsWith('200 ')).toBe(true);
        expect(waiting).toContain('Sen Ankomst');
      } else {
        expect(waiting.startsWith('403 ')).toBe(true);
        for (const secret of ['Sen Ankomst', 'Hemligt AB']) expect(text).not.toContain(secret);
      }
      // Presence names nobody who waits, not even to the facilitator: the waiting list is where they are named.
      for (const state of received.board.provider.awareness.getStates().values()) expect(JSON.stringify(state)).not.toContain('Sen Ankomst');
    }
  }, 60_000);

  it('the documents a role may not open are refused: drafts to all but the facilitator, a private list to all but its owner', async () => {
    const w = await workshop(true);
    const participant = w.people[0]!;
    for (const [room, token] of [
      [draftsRoom(w.board.boardId), participant.token],
      [draftsRoom(w.board.boardId), w.board.observerToken],
      [privateListRoom(w.board.boardId, w.lone.participantId), participant.token],
      [privateListRoom(w.board.boardId, w.lone.participantId), w.board.facilitatorToken],
    ] as const) {
      const client = server.connect(room, token);
      await waitUntil(() => client.closes.length > 0);
      expect(client.closes[0]).toEqual({ code: 4403, reason: 'this document is not yours to open' });
      expect(client.provider.synced).toBe(false);
      client.destroy();
    }
  }, 60_000);

  it('with anonymous cards, presence never says which card someone is typing in', async () => {
    const w = await workshop(true);
    const reader = server.connect(w.board.boardId, w.people[0]!.token);
    await synced(reader);
    const secret = readCards(reader.doc).find((card) => card.title === SECRET_CARD)!.id;
    // The browser sends no typing with anonymous cards on; a crafted client does, from its very first state.
    const writer = server.connect(w.board.boardId, w.lone.token);
    writer.provider.awareness.setLocalStateField('typing', secret);
    await synced(writer);
    await waitUntil(() => Array.from(reader.provider.awareness.getStates().values()).some((state) => (state.user as { id?: string } | undefined)?.id === w.lone.participantId));
    for (const state of reader.provider.awareness.getStates().values()) expect(state.typing).toBeUndefined();
    expect(reader.received()).not.toContain(`"typing":"${secret}"`);
  }, 60_000);
});
