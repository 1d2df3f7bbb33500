import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, addCluster, cardsOf, deleteCard, moveCard, readCards, readClusters, setCardTitle } from '../../shared/boardDoc.js';
import { metaOf, readMeta } from '../../shared/controlDoc.js';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { api, createBoard, join, liveServer, synced, waitUntil, type TestClient } from './support.js';

const server = liveServer();

interface Scene {
  board: CreateBoardResponse;
  asa: JoinResponse;
  jonas: JoinResponse;
  honest: TestClient;
  facilitator: TestClient;
  cardId: string;
}

/** Åsa (honest) has one card; Jonas is the attacker. */
async function scene(): Promise<Scene> {
  const board = await createBoard(server.url);
  const asa = await join(server.url, board, 'Åsa Lindqvist', 'Företag');
  const jonas = await join(server.url, board, 'Jonas Öberg', 'Företag');
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
  const honest = server.connect(board.boardId, asa.token);
  const facilitator = server.connect(board.boardId, board.facilitatorToken);
  await Promise.all([synced(honest), synced(facilitator)]);
  const cardId = addCard(honest.doc, { title: 'Svårt att rekrytera svetsare', author: asa.participantId });
  await waitUntil(() => readCards(facilitator.doc).length === 1);
  return { board, asa, jonas, honest, facilitator, cardId };
}

async function attack(s: Scene, room: string, act: (doc: Y.Doc) => void): Promise<{ code: number; reason: string }> {
  const attacker = server.connect(room, s.jonas.token);
  await synced(attacker);
  act(attacker.doc);
  await waitUntil(() => attacker.closes.length > 0);
  attacker.provider.disconnect();
  return attacker.closes[0];
}

async function honestStillWorks(s: Scene): Promise<void> {
  const before = readCards(s.facilitator.doc).length;
  addCard(s.honest.doc, { title: 'Höga och oförutsägbara elpriser', author: s.asa.participantId });
  await waitUntil(() => readCards(s.facilitator.doc).length === before + 1);
}

describe('card ownership and control state are enforced on the server', () => {
  it("refuses editing another participant's card", async () => {
    const s = await scene();
    const closed = await attack(s, s.board.boardId, (doc) => setCardTitle(doc, s.cardId, 'Vandalised'));
    expect(closed).toEqual({ code: 1008, reason: 'only the author can edit a card' });
    await honestStillWorks(s);
    expect(readCards(s.facilitator.doc).find((c) => c.id === s.cardId)?.title).toBe('Svårt att rekrytera svetsare');
    expect(readCards(s.honest.doc).find((c) => c.id === s.cardId)?.title).toBe('Svårt att rekrytera svetsare');
  });

  it("refuses editing the rich-text body of another's card", async () => {
    const s = await scene();
    const closed = await attack(s, s.board.boardId, (doc) => {
      const body = cardsOf(doc).get(s.cardId)?.get('body') as Y.XmlFragment;
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('injected')]);
      body.insert(0, [p]);
    });
    expect(closed.code).toBe(1008);
    await honestStillWorks(s);
    expect((cardsOf(s.facilitator.doc).get(s.cardId)?.get('body') as Y.XmlFragment).length).toBe(0);
  });

  it("refuses deleting another's card", async () => {
    const s = await scene();
    const closed = await attack(s, s.board.boardId, (doc) => deleteCard(doc, s.cardId));
    expect(closed).toEqual({ code: 1008, reason: 'only the author can delete a card' });
    await honestStillWorks(s);
    expect(readCards(s.facilitator.doc).map((c) => c.id)).toContain(s.cardId);
  });

  it('refuses a card whose author is someone else, and re-authoring an own card', async () => {
    const s = await scene();
    const forged = await attack(s, s.board.boardId, (doc) => addCard(doc, { title: 'In Åsa\'s name', author: s.asa.participantId }));
    expect(forged).toEqual({ code: 1008, reason: 'a card must carry its own author' });
    const own = server.connect(s.board.boardId, s.jonas.token);
    await synced(own);
    const ownId = addCard(own.doc, { title: 'Gjuteriet behöver el', author: s.jonas.participantId });
    await waitUntil(() => readCards(s.facilitator.doc).some((c) => c.id === ownId));
    cardsOf(own.doc).get(ownId)?.set('author', s.asa.participantId);
    await waitUntil(() => own.closes.length > 0);
    expect(own.closes[0]).toEqual({ code: 1008, reason: 'card field "author" cannot be changed' });
    await honestStillWorks(s);
    expect(readCards(s.facilitator.doc).find((c) => c.id === ownId)?.author).toBe(s.jonas.participantId);
    expect(readCards(s.facilitator.doc).some((c) => c.title === "In Åsa's name")).toBe(false);
  });

  it('refuses any write to the control document, from participants and the facilitator alike', async () => {
    const s = await scene();
    const closed = await attack(s, `${s.board.boardId}/control`, (doc) => metaOf(doc).set('phase', 'results'));
    expect(closed).toEqual({ code: 1008, reason: 'this document is read-only' });
    const fac = server.connect(`${s.board.boardId}/control`, s.board.facilitatorToken);
    await synced(fac);
    fac.doc.getMap('results').set('r1', { forged: true });
    await waitUntil(() => fac.closes.length > 0);
    expect(fac.closes[0].code).toBe(1008);
    const reader = server.connect(`${s.board.boardId}/control`, s.asa.token);
    await synced(reader);
    expect(readMeta(reader.doc)?.phase).toBe('collect');
    expect(reader.doc.getMap('results').size).toBe(0);
    await honestStillWorks(s);
  });

  it('refuses writing to an unknown part of the board document', async () => {
    const s = await scene();
    const closed = await attack(s, s.board.boardId, (doc) => doc.getMap('participants').set('x', 'forged'));
    expect(closed).toEqual({ code: 1008, reason: 'unknown part of the board: participants' });
    await honestStillWorks(s);
  });

  it('participants add cards only while collecting and move them only while clustering is open', async () => {
    const s = await scene();
    await api(server.url, 'POST', `/api/boards/${s.board.boardId}/phase`, { phase: 'cluster' }, s.board.facilitatorToken);
    const late = await attack(s, s.board.boardId, (doc) => addCard(doc, { title: 'Too late', author: s.jonas.participantId }));
    expect(late).toEqual({ code: 1008, reason: 'cards can be added only while collecting' });

    // Clustering is open to participants by default: a participant may create a theme and move any card.
    const mover = server.connect(s.board.boardId, s.jonas.token);
    await synced(mover);
    const theme = addCluster(mover.doc, { title: 'Kompetensförsörjning' });
    moveCard(mover.doc, s.cardId, theme);
    await waitUntil(() => readCards(s.facilitator.doc)[0].cluster === theme);
    expect(readClusters(s.facilitator.doc).map((c) => c.title)).toEqual(['Kompetensförsörjning']);

    await api(server.url, 'POST', `/api/boards/${s.board.boardId}/settings`, { participantsCluster: false }, s.board.facilitatorToken);
    const closed = await attack(s, s.board.boardId, (doc) => moveCard(doc, s.cardId, null));
    expect(closed).toEqual({ code: 1008, reason: 'cards can be moved only while clustering is open' });
    expect(readCards(s.facilitator.doc)[0].cluster).toBe(theme);
  });
});
