import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardSummary, CreateBoardResponse, HistoryResponse } from '../../shared/api.js';
import { addCard, addCluster, cardsOf, clustersOf, deleteCluster, moveCard, plainText, readCards, readClusters } from '../../shared/boardDoc.js';
import { LIMITS } from '../../shared/limits.js';
import { MAX_CARDS_MERGED_PER_MINUTE } from '../../shared/permissions.js';
import type { Phase } from '../../shared/phases.js';
import type { LinksResponse, NewLinkResponse, RevokeLinkResponse } from '../../shared/peopleApi.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();
const boardPath = (board: CreateBoardResponse) => `/api/boards/${board.boardId}`;

function writeBody(doc: Y.Doc, cardId: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  (cardsOf(doc).get(cardId)!.get('body') as Y.XmlFragment).insert(0, [paragraph]);
}

/** A workshop in `phase` with one participant, Karin; Karin, the facilitator and an observer connected. */
async function workshopIn(phase: Phase) {
  const board = await createBoard(server.url);
  const person = await join(server.url, board, 'Karin Ek', 'Företag');
  await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase }, board.facilitatorToken);
  const participant = server.connect(board.boardId, person.token);
  const facilitator = server.connect(board.boardId, board.facilitatorToken);
  const watcher = server.connect(board.boardId, board.observerToken);
  await Promise.all([synced(participant), synced(facilitator), synced(watcher)]);
  return { board, person, participant, facilitator, watcher };
}

/** `themes` themes of `perTheme` cards each, written by the facilitator in one change. */
function clusterCards(facilitator: TestClient, themes: number, perTheme: number): void {
  facilitator.doc.transact(() => {
    for (let t = 0; t < themes; t++) {
      const theme = addCluster(facilitator.doc, { title: `Tema ${t}` });
      for (let c = 0; c < perTheme; c++) moveCard(facilitator.doc, addCard(facilitator.doc, { title: `Kort ${t}.${c}`, author: 'facilitator' }), theme);
    }
  });
}

async function closedWith(client: TestClient): Promise<{ code: number; reason: string }> {
  await waitUntil(() => client.closes.length > 0);
  return client.closes[0];
}

async function mintCoFacilitator(board: CreateBoardResponse, name: string): Promise<NewLinkResponse> {
  const minted = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/co-facilitator-links`, { name }, board.facilitatorToken);
  expect(minted.status).toBe(201);
  return minted.body;
}

describe('a co-facilitator', () => {
  it('runs the workshop but cannot mint links, revoke a co-facilitator or delete the workshop, and is told why', async () => {
    const board = await createBoard(server.url);
    const maria = await mintCoFacilitator(board, 'Maria Bergström');
    const olle = await mintCoFacilitator(board, 'Olle Svensson');
    const observer = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/observer-links`, {}, board.facilitatorToken);
    const co = maria.token;

    const summary = await api<BoardSummary>(server.url, 'GET', boardPath(board), undefined, co);
    expect(summary.body.you).toMatchObject({ role: 'facilitator', coFacilitator: true });
    expect((await api<BoardSummary>(server.url, 'GET', boardPath(board), undefined, board.facilitatorToken)).body.you.coFacilitator).toBe(false);

    // Running the workshop: phases, the join code, the list of links.
    expect((await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'collect' }, co)).status).toBe(200);
    expect((await api(server.url, 'POST', `${boardPath(board)}/join-code`, {}, co)).status).toBe(200);
    expect((await api(server.url, 'GET', `${boardPath(board)}/links`, undefined, co)).status).toBe(200);

    const refused = { status: 403, body: { code: 'creator-only' } };
    expect(await api(server.url, 'POST', `${boardPath(board)}/co-facilitator-links`, { name: 'Spare' }, co)).toMatchObject(refused);
    expect(await api(server.url, 'POST', `${boardPath(board)}/observer-links`, {}, co)).toMatchObject(refused);
    expect(await api(server.url, 'DELETE', `${boardPath(board)}/links/${olle.id}`, undefined, co)).toMatchObject(refused);
    expect(await api(server.url, 'DELETE', `${boardPath(board)}/links/${maria.id}`, undefined, co)).toMatchObject(refused);
    expect(await api(server.url, 'DELETE', boardPath(board), { confirmTitle: 'Industriforum – uppstart' }, co)).toMatchObject(refused);

    const links = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    expect(links.body.coFacilitators.map((l) => l.id)).toEqual([maria.id, olle.id]);
    expect(links.body.observers).toHaveLength(2);
    expect((await api(server.url, 'GET', boardPath(board), undefined, olle.token)).status).toBe(200);

    // An observer link is the room's, not the creator's: a co-facilitator may end one.
    expect(await api(server.url, 'DELETE', `${boardPath(board)}/links/${observer.body.id}`, undefined, co)).toEqual({
      status: 200,
      body: { revoked: observer.body.id, alsoRevoked: [] },
    });
  });

  it('revoked, ends the projector links it opened and their connections with it', async () => {
    const board = await createBoard(server.url);
    const maria = await mintCoFacilitator(board, 'Maria Bergström');
    const projector = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/projector-links`, {}, maria.token);
    expect(projector.status).toBe(201);
    const creatorsProjector = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/projector-links`, {}, board.facilitatorToken);
    const wall = server.connect(board.boardId, projector.body.token);
    const otherWall = server.connect(board.boardId, creatorsProjector.body.token);
    await Promise.all([synced(wall), synced(otherWall)]);

    const revoked = await api<RevokeLinkResponse>(server.url, 'DELETE', `${boardPath(board)}/links/${maria.id}`, undefined, board.facilitatorToken);
    expect(revoked).toEqual({ status: 200, body: { revoked: maria.id, alsoRevoked: [projector.body.id] } });
    expect(await closedWith(wall)).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect((await api(server.url, 'GET', boardPath(board), undefined, projector.body.token)).status).toBe(401);
    expect((await api(server.url, 'GET', boardPath(board), undefined, creatorsProjector.body.token)).status).toBe(200);
    expect(otherWall.closes).toEqual([]);
    const links = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    expect(links.body.projectors.map((l) => l.id)).toEqual([creatorsProjector.body.id]);
  });
});

describe('links', () => {
  it('are capped per board, and revoking one frees its place', async () => {
    const board = await createBoard(server.url);
    const mint = () => api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/projector-links`, {}, board.facilitatorToken);
    for (let i = 0; i < LIMITS.maxLinksPerBoard; i++) expect((await mint()).status).toBe(201);
    expect(await mint()).toMatchObject({ status: 409, body: { code: 'too-many-links' } });
    const links = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    await api(server.url, 'DELETE', `${boardPath(board)}/links/${links.body.projectors[0].id}`, undefined, board.facilitatorToken);
    expect((await mint()).status).toBe(201);
  });
});

describe('a projector link', () => {
  it('opens the projector address, shows the join code, changes nothing, and a revoked one closes the projector', async () => {
    const board = await createBoard(server.url);
    const minted = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/projector-links`, {}, board.facilitatorToken);
    expect(minted.status).toBe(201);
    expect(minted.body.role).toBe('projector');
    expect(minted.body.link).toMatch(new RegExp(`/b/${board.boardId}/present#token=${minted.body.token}$`));
    const projector = minted.body.token;

    const summary = await api<BoardSummary>(server.url, 'GET', boardPath(board), undefined, projector);
    expect(summary.body.you.role).toBe('projector');
    expect(summary.body.share).toEqual({ joinCode: board.joinCode, links: { participant: board.links.participant } });

    // Read-only: no command, no download, no list of links, no change to the board.
    expect((await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'collect' }, projector)).status).toBe(403);
    expect((await api(server.url, 'GET', `${boardPath(board)}/export?format=csv`, undefined, projector)).status).toBe(403);
    expect((await api(server.url, 'GET', `${boardPath(board)}/links`, undefined, projector)).status).toBe(403);
    expect((await api(server.url, 'POST', `${boardPath(board)}/projector-links`, {}, projector)).status).toBe(403);
    const wall = server.connect(board.boardId, projector);
    const facilitator = server.connect(board.boardId, board.facilitatorToken);
    await Promise.all([synced(wall), synced(facilitator)]);
    addCard(facilitator.doc, { title: 'Kompetensbrist', author: 'facilitator' });
    await waitUntil(() => readCards(wall.doc).length === 1);
    addCard(wall.doc, { title: 'Från väggen', author: 'facilitator' });
    expect((await closedWith(wall)).code).toBe(1008);
    wall.destroy();

    const again = server.connect(board.boardId, projector);
    await synced(again);
    const links = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    expect(links.body.projectors).toEqual([{ id: minted.body.id, role: 'projector', name: '', createdAt: minted.body.createdAt }]);
    await api(server.url, 'DELETE', `${boardPath(board)}/links/${minted.body.id}`, undefined, board.facilitatorToken);
    expect(await closedWith(again)).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect(readCards(facilitator.doc).map((c) => c.title)).toEqual(['Kompetensbrist']);
  });
});

describe('bulk destruction', () => {
  /** A workshop in the cluster phase with `themes` themes of `perTheme` cards each. */
  async function clusteredBoard(themes: number, perTheme: number) {
    const workshop = await workshopIn('cluster');
    clusterCards(workshop.facilitator, themes, perTheme);
    await waitUntil(() => readCards(workshop.participant.doc).length === themes * perTheme);
    return workshop;
  }

  /** After a refusal the browser drops its copy and loads the board again: a new client with the same token. */
  async function afresh(refused: TestClient, token: string, board: CreateBoardResponse): Promise<TestClient> {
    refused.destroy();
    const client = server.connect(board.boardId, token);
    await synced(client);
    return client;
  }

  const mergeAllInto = (client: TestClient, count: number) => {
    const ids = [...cardsOf(client.doc).keys()].sort();
    client.doc.transact(() => ids.slice(1, count + 1).forEach((id) => cardsOf(client.doc).get(id)!.set('mergedInto', ids[0])));
  };
  const merged = (client: TestClient) => readCards(client.doc).filter((c) => c.mergedInto !== undefined).length;

  it('refuses a participant one change that merges more than five cards, and takes five', async () => {
    const { board, person, participant, watcher } = await clusteredBoard(2, 10);
    mergeAllInto(participant, 19);
    expect(await closedWith(participant)).toEqual({
      code: 1008,
      reason: 'one change may merge or delete at most 5 cards and no theme that holds cards; the facilitator may',
    });
    const again = await afresh(participant, person.token, board);
    expect(merged(again)).toBe(0);
    expect(merged(watcher)).toBe(0);

    mergeAllInto(again, 5);
    await waitUntil(() => merged(watcher) === 5);
    expect(again.closes).toEqual([]);
  });

  it(`refuses a participant merging more than ${MAX_CARDS_MERGED_PER_MINUTE} of other people's cards a minute five at a time; the facilitator may`, async () => {
    const { board, person, facilitator, participant, watcher } = await clusteredBoard(4, 10);
    const ids = [...cardsOf(participant.doc).keys()].sort();
    const mergeFive = (client: TestClient, from: number) =>
      client.doc.transact(() => ids.slice(from, from + 5).forEach((id) => cardsOf(client.doc).get(id)!.set('mergedInto', ids[0])));
    for (let k = 0; k < MAX_CARDS_MERGED_PER_MINUTE / 5; k++) mergeFive(participant, 1 + k * 5);
    await waitUntil(() => merged(watcher) === MAX_CARDS_MERGED_PER_MINUTE);
    mergeFive(participant, 1 + MAX_CARDS_MERGED_PER_MINUTE);
    expect(await closedWith(participant)).toEqual({
      code: 1008,
      reason: `one person may merge at most ${MAX_CARDS_MERGED_PER_MINUTE} other people's cards a minute; the facilitator may`,
    });
    const again = await afresh(participant, person.token, board);
    expect(merged(again)).toBe(MAX_CARDS_MERGED_PER_MINUTE);

    mergeFive(facilitator, 1 + MAX_CARDS_MERGED_PER_MINUTE);
    await waitUntil(() => merged(watcher) === MAX_CARDS_MERGED_PER_MINUTE + 5);
    expect(facilitator.closes).toEqual([]);
  });

  it('refuses a participant deleting themes that hold cards, but not an empty one; the facilitator may do both', async () => {
    const { board, person, facilitator, participant, watcher } = await clusteredBoard(3, 2);
    const [first, second, third] = readClusters(participant.doc).map((t) => t.id);
    participant.doc.transact(() => [first, second, third].forEach((id) => deleteCluster(participant.doc, id)));
    expect((await closedWith(participant)).code).toBe(1008);

    const again = await afresh(participant, person.token, board);
    expect(readClusters(again.doc)).toHaveLength(3);
    deleteCluster(again.doc, first);
    expect((await closedWith(again)).code).toBe(1008);
    expect(readClusters(watcher.doc)).toHaveLength(3);
    expect(readCards(watcher.doc).every((c) => c.cluster !== null)).toBe(true);

    const later = await afresh(again, person.token, board);
    const empty = addCluster(later.doc, { title: 'Tomt tema' });
    await waitUntil(() => readClusters(watcher.doc).length === 4);
    later.doc.transact(() => clustersOf(later.doc).delete(empty));
    await waitUntil(() => readClusters(watcher.doc).length === 3);
    expect(later.closes).toEqual([]);

    facilitator.doc.transact(() => [first, second, third].forEach((id) => deleteCluster(facilitator.doc, id)));
    await waitUntil(() => readClusters(watcher.doc).length === 0);
    expect(readCards(watcher.doc).every((c) => c.cluster === null)).toBe(true);
    expect(facilitator.closes).toEqual([]);
  });

  it('refuses a participant deleting more than five of their own cards in one change', async () => {
    const { board, person, participant, watcher } = await workshopIn('collect');
    const own = Array.from({ length: 6 }, (_, i) => addCard(participant.doc, { title: `Mitt kort ${i}`, author: person.participantId }));
    await waitUntil(() => readCards(watcher.doc).length === 6);
    participant.doc.transact(() => own.forEach((id) => cardsOf(participant.doc).delete(id)));
    expect((await closedWith(participant)).code).toBe(1008);
    const again = await afresh(participant, person.token, board);
    expect(readCards(again.doc)).toHaveLength(6);
    again.doc.transact(() => own.slice(1).forEach((id) => cardsOf(again.doc).delete(id)));
    await waitUntil(() => readCards(watcher.doc).length === 1);
    expect(again.closes).toEqual([]);
  });
});

describe('restoring the board', () => {
  const counts = (client: TestClient) => {
    const cards = readCards(client.doc);
    return { cards: cards.length, merged: cards.filter((c) => c.mergedInto !== undefined).length, themed: cards.filter((c) => c.cluster !== null).length, themes: readClusters(client.doc).length };
  };
  const bodyOf = (client: TestClient, id: string) => {
    const body = cardsOf(client.doc).get(id)?.get('body');
    return body instanceof Y.XmlFragment ? plainText(body) : null;
  };

  it('puts the cards and themes back as they were after an earlier change, for everyone at once, and restoring again takes it back', async () => {
    const { board, person, participant, facilitator, watcher } = await workshopIn('collect');
    const own = addCard(participant.doc, { title: 'Kompetensbrist', author: person.participantId });
    writeBody(participant.doc, own, 'Svetsare saknas i hela länet');
    await waitUntil(() => bodyOf(watcher, own) === 'Svetsare saknas i hela länet');
    clusterCards(facilitator, 3, 4);
    const before = { cards: 13, merged: 0, themed: 12, themes: 3 };
    await waitUntil(() => JSON.stringify(counts(watcher)) === JSON.stringify(before));
    const history = await api<HistoryResponse>(server.url, 'GET', `${boardPath(board)}/history`, undefined, board.facilitatorToken);
    expect(history.status).toBe(200);
    const clustered = history.body.points[0];
    expect(clustered).toMatchObject(before);

    // Changes by several people since: five merges, an edited body, a theme gone with its cards moved out.
    await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'cluster' }, board.facilitatorToken);
    const ids = readCards(participant.doc).filter((c) => c.id !== own).map((c) => c.id);
    participant.doc.transact(() => ids.slice(1, 6).forEach((id) => cardsOf(participant.doc).get(id)!.set('mergedInto', ids[0])));
    (cardsOf(participant.doc).get(own)!.get('body') as Y.XmlFragment).delete(0, 1);
    writeBody(participant.doc, own, 'Allt är bra');
    deleteCluster(facilitator.doc, readClusters(facilitator.doc)[0].id);
    const after = { cards: 13, merged: 5, themed: 8, themes: 2 };
    await waitUntil(() => JSON.stringify(counts(watcher)) === JSON.stringify(after) && bodyOf(watcher, own) === 'Allt är bra');

    const restored = await api(server.url, 'POST', `${boardPath(board)}/restore`, { seq: clustered.seq }, board.facilitatorToken);
    expect(restored).toEqual({ status: 200, body: { restoredTo: clustered.seq } });
    await waitUntil(() => JSON.stringify(counts(watcher)) === JSON.stringify(before));
    await waitUntil(() => JSON.stringify(counts(participant)) === JSON.stringify(before));
    expect(bodyOf(watcher, own)).toBe('Svetsare saknas i hela länet');
    expect(readClusters(watcher.doc).map((t) => t.title).sort()).toEqual(['Tema 0', 'Tema 1', 'Tema 2']);

    // The restore is a point of its own; the one before it is the board as it was just before the restore.
    const later = await api<HistoryResponse>(server.url, 'GET', `${boardPath(board)}/history`, undefined, board.facilitatorToken);
    expect(later.body.points[0]).toMatchObject(before);
    expect(later.body.points[1]).toMatchObject(after);
    await api(server.url, 'POST', `${boardPath(board)}/restore`, { seq: later.body.points[1].seq }, board.facilitatorToken);
    await waitUntil(() => JSON.stringify(counts(watcher)) === JSON.stringify(after) && bodyOf(watcher, own) === 'Allt är bra');
    expect([participant, facilitator, watcher].map((c) => c.closes)).toEqual([[], [], []]);
  });

  it('keeps the way back once everyone has left and the board was unloaded', async () => {
    const { board, participant, facilitator, watcher } = await workshopIn('cluster');
    clusterCards(facilitator, 2, 5);
    await waitUntil(() => readCards(participant.doc).length === 10);
    const ids = readCards(participant.doc).map((c) => c.id);
    participant.doc.transact(() => ids.slice(1, 6).forEach((id) => cardsOf(participant.doc).get(id)!.set('mergedInto', ids[0])));
    await waitUntil(() => counts(watcher).merged === 5);
    [participant, facilitator, watcher].forEach((client) => client.destroy());
    const roomsLoaded = async () => {
      const text = (await api<string>(server.url, 'GET', '/metrics')).body;
      return Number(text.split('\n').find((line) => line.startsWith('forumboard_rooms_loaded '))!.split(' ')[1]);
    };
    await waitUntil(async () => (await roomsLoaded()) === 0, 10_000);

    const history = await api<HistoryResponse>(server.url, 'GET', `${boardPath(board)}/history`, undefined, board.facilitatorToken);
    const clustered = history.body.points.find((point) => point.merged === 0 && point.themed === 10);
    expect(clustered, JSON.stringify(history.body.points)).toBeDefined();
    expect((await api(server.url, 'POST', `${boardPath(board)}/restore`, { seq: clustered!.seq }, board.facilitatorToken)).status).toBe(200);
    const back = server.connect(board.boardId, board.observerToken);
    await synced(back);
    expect(counts(back)).toEqual({ cards: 10, merged: 0, themed: 10, themes: 2 });
  });

  it('is the facilitator’s, and a point the log no longer holds is refused', async () => {
    const board = await createBoard(server.url);
    const person = await join(server.url, board, 'Karin Ek', 'Företag');
    const projector = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/projector-links`, {}, board.facilitatorToken);
    for (const token of [person.token, board.observerToken, projector.body.token]) {
      expect((await api(server.url, 'GET', `${boardPath(board)}/history`, undefined, token)).status).toBe(403);
      expect((await api(server.url, 'POST', `${boardPath(board)}/restore`, { seq: 0 }, token)).status).toBe(403);
    }
    expect(await api(server.url, 'POST', `${boardPath(board)}/restore`, { seq: 1_000_000 }, board.facilitatorToken)).toMatchObject({
      status: 409,
      body: { code: 'history-point-gone' },
    });
  });
});
