import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { exportFormat } from '../../shared/api.js';
import { addCard, addCluster, cardsOf, clustersOf, plainText, readCards, readClusters } from '../../shared/boardDoc.js';
import { LIMITS } from '../../shared/limits.js';
import { privateListDoc, privateListRoom } from '../../shared/rooms.js';
import { encodeUpdateMessage } from '../../server/rooms/wire.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import { api, connect, createBoard, join, rawClose, startTestServer, synced, tempDataDir, waitUntil, type TestClient } from './support.js';

/**
 * A hostile participant, Mallory, tries each attack on the board's content with a crafted y-websocket client,
 * while an honest participant keeps working on the same board. Each attack must be refused with 1008 and a
 * reason that names the rule, must leave nothing stored, and must not stop the workshop: the honest person still
 * adds cards, silent cards are still revealed, and every export still answers. Each attack comes from a Mallory
 * who joined for it: the server also limits how many refused changes one writer may cause in a burst. The board's
 * own allowance of refusals is lifted here, since every attack of this file runs on one board in a few seconds
 * (attack-costs.test.ts holds that allowance to its bound).
 */

type Close = { code: number; reason: string };
type Server = Awaited<ReturnType<typeof startTestServer>>;

let server: Server;
let board: CreateBoardResponse;
let honestPerson: JoinResponse;
let mallory: JoinResponse;
let honest: TestClient;
let malloryCard: string;

beforeAll(async () => {
  server = await startTestServer(tempDataDir(), { REFUSALS_PER_BOARD: '0' });
  board = await createBoard(server.url);
  honestPerson = await join(server.url, board, 'Åsa Lindqvist', 'Företag', 'Verkstads AB');
  await setPhase('collect');
  await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: false, participantsCluster: true, participantsExport: false }, board.facilitatorToken);
  honest = connect(server.url, board.boardId, honestPerson.token);
  await synced(honest);
  addCard(honest.doc, { title: 'Svårt att rekrytera svetsare', author: honestPerson.participantId });
  await waitUntil(async () => (await boardAsStored()).cards.length === 1);
});

let attackers = 0;
async function newMallory(): Promise<void> {
  mallory = await join(server.url, board, `Mallory ${++attackers}`, 'Företag');
}

afterAll(async () => {
  honest.destroy();
  await server.close();
});

async function setPhase(phase: string): Promise<void> {
  expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase }, board.facilitatorToken)).status).toBe(200);
}

/** The board as a fresh observer receives it from the server now. */
async function boardAsStored(): Promise<{ doc: Y.Doc; cards: ReturnType<typeof readCards> }> {
  const observer = connect(server.url, board.boardId, board.observerToken);
  try {
    await synced(observer);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(observer.doc));
    return { doc, cards: readCards(doc) };
  } finally {
    observer.destroy();
  }
}

/**
 * Mallory starts from the server's state, makes her change locally and sends only that change on a raw socket,
 * as a crafted client would; the server's close is the answer.
 */
async function craft(change: (doc: Y.Doc) => void): Promise<Close> {
  const copy = connect(server.url, board.boardId, mallory.token);
  await synced(copy);
  const before = Y.encodeStateVector(copy.doc);
  copy.doc.transact(() => change(copy.doc));
  const update = Y.encodeStateAsUpdate(copy.doc, before);
  copy.destroy();
  const url = `${server.url.replace('http', 'ws')}/ws/${board.boardId}?token=${mallory.token}`;
  return rawClose(url, (ws) => ws.once('message', () => ws.send(encodeUpdateMessage(update))));
}

function bodyOf(doc: Y.Doc, cardId: string): Y.XmlFragment {
  return cardsOf(doc).get(cardId)!.get('body') as Y.XmlFragment;
}

/**
 * After an attack the workshop goes on: the honest participant's connection was never touched and adds a card,
 * a silent card is revealed, and every export format answers 200.
 */
async function expectWorkshopGoesOn(label: string): Promise<void> {
  expect(honest.closes).toEqual([]);
  await setPhase('collect');
  addCard(honest.doc, { title: `Öppet kort efter ${label}`, author: honestPerson.participantId });
  await waitUntil(async () => (await boardAsStored()).cards.some((c) => c.title === `Öppet kort efter ${label}`));

  expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: true }, board.facilitatorToken)).status).toBe(200);
  const list = connect(server.url, privateListRoom(board.boardId, honestPerson.participantId), honestPerson.token);
  await synced(list);
  const silentId = addCard(list.doc, { title: `Tyst kort efter ${label}`, author: honestPerson.participantId });
  const check = connect(server.url, privateListRoom(board.boardId, honestPerson.participantId), honestPerson.token);
  await waitUntil(() => check.provider.synced && cardsOf(check.doc).has(silentId));
  check.destroy();
  list.destroy();
  const reveal = await api<{ revealed: number }>(server.url, 'POST', `/api/boards/${board.boardId}/reveal-cards`, undefined, board.facilitatorToken);
  expect(reveal).toEqual({ status: 200, body: { revealed: 1 } });
  expect((await boardAsStored()).cards.some((c) => c.id === silentId)).toBe(true);
  expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: false }, board.facilitatorToken)).status).toBe(200);

  for (const format of exportFormat.options) {
    const download = () => fetch(`${server.url}/api/boards/${board.boardId}/export?format=${format}`, { headers: { authorization: `Bearer ${board.observerToken}` } });
    let res = await download();
    // This file downloads every format after every attack on one board: past the board's export budget the server
    // says when to ask again (429 with Retry-After), as it would to anyone downloading that often.
    while (res.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * Number(res.headers.get('retry-after') ?? 1)));
      res = await download();
    }
    expect([format, res.status]).toEqual([format, 200]);
  }
}

describe('a hostile participant writing rich text', () => {
  beforeEach(async () => {
    await newMallory();
    // Mallory's own card, added honestly: the attacks on a body go into a card she may edit.
    const own = connect(server.url, board.boardId, mallory.token);
    await synced(own);
    malloryCard = addCard(own.doc, { title: `Mallorys kort ${attackers}`, author: mallory.participantId });
    await waitUntil(async () => (await boardAsStored()).cards.some((c) => c.id === malloryCard));
    own.destroy();
  });

  it('5,000 nested elements in her own card body are refused for depth, and nothing is stored', async () => {
    const close = await craft((doc) => {
      let parent: Y.XmlFragment = bodyOf(doc, malloryCard);
      for (let i = 0; i < 5000; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
    });
    expect(close).toEqual({ code: 1008, reason: `rich text nested deeper than ${LIMITS.maxRichTextDepth} levels (maxRichTextDepth)` });
    expect(bodyOf((await boardAsStored()).doc, malloryCard).length).toBe(0);
    await expectWorkshopGoesOn('djup');
  });

  it('an iframe node is refused as unknown to the editor', async () => {
    const close = await craft((doc) => {
      const frame = new Y.XmlElement('iframe');
      frame.setAttribute('src', 'https://evil.example/');
      bodyOf(doc, malloryCard).insert(0, [frame]);
    });
    expect(close).toEqual({ code: 1008, reason: 'unknown rich-text node "iframe"' });
    expect(bodyOf((await boardAsStored()).doc, malloryCard).length).toBe(0);
    await expectWorkshopGoesOn('iframe');
  });

  it('an empty list item is refused: the editor of every reader would rebuild it, and be refused for that', async () => {
    const close = await craft((doc) => {
      const list = new Y.XmlElement('bulletList');
      list.insert(0, [new Y.XmlElement('listItem')]);
      bodyOf(doc, malloryCard).insert(0, [list]);
    });
    expect(close).toEqual({ code: 1008, reason: 'an empty "listItem"' });
    expect(bodyOf((await boardAsStored()).doc, malloryCard).length).toBe(0);
    await expectWorkshopGoesOn('tom punkt');
  });

  it('a heading with level "-5" is refused for its attribute value', async () => {
    const close = await craft((doc) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', '-5');
      heading.insert(0, [new Y.XmlText('Rubrik')]);
      bodyOf(doc, malloryCard).insert(0, [heading]);
    });
    expect(close).toEqual({ code: 1008, reason: '"heading" attribute "level" has a value the editor does not know' });
    expect(bodyOf((await boardAsStored()).doc, malloryCard).length).toBe(0);
    await expectWorkshopGoesOn('rubrik');
  });

  it(`a card body over ${LIMITS.maxCardBody} characters is refused, while one at the limit is kept`, async () => {
    const paragraphOf = (length: number) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('x'.repeat(length))]);
      return paragraph;
    };
    const close = await craft((doc) => bodyOf(doc, malloryCard).insert(0, [paragraphOf(LIMITS.maxCardBody)]));
    expect(close).toEqual({ code: 1008, reason: `card body (maxCardBody) over ${LIMITS.maxCardBody} characters` });
    expect(bodyOf((await boardAsStored()).doc, malloryCard).length).toBe(0);

    // Every node counts as one character: a paragraph holding limit − 1 characters fills the body exactly.
    const own = connect(server.url, board.boardId, mallory.token);
    await synced(own);
    bodyOf(own.doc, malloryCard).insert(0, [paragraphOf(LIMITS.maxCardBody - 1)]);
    await waitUntil(async () => plainText(bodyOf((await boardAsStored()).doc, malloryCard)).length === LIMITS.maxCardBody - 1);
    expect(own.closes).toEqual([]);
    bodyOf(own.doc, malloryCard).delete(0, 1);
    await waitUntil(async () => bodyOf((await boardAsStored()).doc, malloryCard).length === 0);
    own.destroy();
    await expectWorkshopGoesOn('stor text');
  });

  it(`a board over its budget of ${LIMITS.maxBoardContent} characters of text takes no more`, async () => {
    // Full bodies, 40 to an update (a frame stays under its own limit), until the budget is reached.
    const perBody = LIMITS.maxCardBody - 1;
    const fill = connect(server.url, board.boardId, mallory.token);
    await synced(fill);
    const cardsThatFit = Math.floor(LIMITS.maxBoardContent / LIMITS.maxCardBody);
    for (let done = 0; done < cardsThatFit; done += 40) {
      fill.doc.transact(() => {
        for (let i = done; i < Math.min(done + 40, cardsThatFit); i++) {
          const id = addCard(fill.doc, { title: `Fyllnad ${i}`, author: mallory.participantId });
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText('y'.repeat(perBody - 1))]);
          bodyOf(fill.doc, id).insert(0, [paragraph]);
        }
      });
    }
    await waitUntil(async () => (await boardAsStored()).cards.filter((c) => c.title.startsWith('Fyllnad')).length === cardsThatFit, 20_000);
    expect(fill.closes).toEqual([]);
    fill.destroy();

    const close = await craft((doc) => {
      const id = addCard(doc, { title: 'Över budget', author: mallory.participantId });
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('z'.repeat(perBody - 1))]);
      bodyOf(doc, id).insert(0, [paragraph]);
    });
    expect(close).toEqual({ code: 1008, reason: `board over its budget of ${LIMITS.maxBoardContent} characters of text (maxBoardContent)` });
    expect((await boardAsStored()).cards.some((c) => c.title === 'Över budget')).toBe(false);
    // Cards without text still fit: the budget counts text, not cards.
    await expectWorkshopGoesOn('budget');

    // Deleting makes room again.
    const tidy = connect(server.url, board.boardId, mallory.token);
    await synced(tidy);
    // A participant removes at most a handful of cards per change (mayRemoveAtOnce): five at a time.
    const filler = readCards(tidy.doc).filter((c) => c.title.startsWith('Fyllnad'));
    for (let i = 0; i < filler.length; i += 5) tidy.doc.transact(() => filler.slice(i, i + 5).forEach((c) => cardsOf(tidy.doc).delete(c.id)));
    await waitUntil(async () => !(await boardAsStored()).cards.some((c) => c.title.startsWith('Fyllnad')), 10_000);
    tidy.destroy();
  });
});

describe('a hostile participant writing themes', () => {
  beforeEach(async () => {
    await setPhase('cluster');
    await newMallory();
  });

  it('a theme title of 400,000 characters is refused', async () => {
    await setPhase('cluster');
    const close = await craft((doc) => addCluster(doc, { title: 'T'.repeat(400_000) }));
    expect(close).toEqual({ code: 1008, reason: `theme name over ${LIMITS.maxClusterTitle} characters (maxClusterTitle)` });
    expect(readClusters((await boardAsStored()).doc)).toEqual([]);
    await expectWorkshopGoesOn('lång rubrik');
  });

  it('a theme title that is not text is refused, also as a rename', async () => {
    await setPhase('cluster');
    const close = await craft((doc) => {
      const id = addCluster(doc, { title: 'tmp' });
      clustersOf(doc).get(id)!.set('title', { toString: 'x' } as unknown as string);
    });
    expect(close).toEqual({ code: 1008, reason: 'a theme name must be text' });

    const own = connect(server.url, board.boardId, mallory.token);
    await synced(own);
    const themeId = addCluster(own.doc, { title: 'Kompetens' });
    await waitUntil(async () => readClusters((await boardAsStored()).doc).some((c) => c.id === themeId));
    own.destroy();
    const rename = await craft((doc) => clustersOf(doc).get(themeId)!.set('title', 42 as unknown as string));
    expect(rename).toEqual({ code: 1008, reason: 'a theme name must be text' });
    expect(readClusters((await boardAsStored()).doc).map((c) => c.title)).toEqual(['Kompetens']);
    await expectWorkshopGoesOn('rubrik som inte är text');
  });

  it(`more than ${LIMITS.maxClustersPerBoard} themes are refused`, async () => {
    await setPhase('cluster');
    const existing = readClusters((await boardAsStored()).doc).length;
    const close = await craft((doc) => {
      for (let i = existing; i <= LIMITS.maxClustersPerBoard; i++) addCluster(doc, { title: `Tema ${i}` });
    });
    expect(close).toEqual({ code: 1008, reason: `a board holds at most ${LIMITS.maxClustersPerBoard} themes (maxClustersPerBoard)` });
    expect(readClusters((await boardAsStored()).doc).length).toBe(existing);

    // Up to the cap is allowed, one theme at a time too; the one after is not.
    const own = connect(server.url, board.boardId, mallory.token);
    await synced(own);
    own.doc.transact(() => {
      for (let i = existing; i < LIMITS.maxClustersPerBoard; i++) addCluster(own.doc, { title: `Tema ${i}` });
    });
    await waitUntil(async () => readClusters((await boardAsStored()).doc).length === LIMITS.maxClustersPerBoard);
    own.destroy();
    expect((await craft((doc) => addCluster(doc, { title: 'En för mycket' }))).reason).toBe(`a board holds at most ${LIMITS.maxClustersPerBoard} themes (maxClustersPerBoard)`);
    await expectWorkshopGoesOn('många teman');
  });

  it('after a restart the board holds none of the refused content', async () => {
    honest.destroy();
    await server.close();
    server = await startTestServer(server.dataDir);
    honest = connect(server.url, board.boardId, honestPerson.token);
    await synced(honest);
    const { doc } = await boardAsStored();
    expect(bodyOf(doc, malloryCard).length).toBe(0);
    expect(readClusters(doc).every((c) => c.title.length <= LIMITS.maxClusterTitle && typeof c.title === 'string')).toBe(true);
    expect(readCards(doc).some((c) => c.title === 'Över budget')).toBe(false);
    await expectWorkshopGoesOn('omstart');
  });
});

describe('content stored before the server judged rich text', () => {
  it('a body 5,000 levels deep and an unknown node block neither exports nor the reveal of the others', async () => {
    const dataDir = tempDataDir();
    let old = await startTestServer(dataDir);
    const target = await createBoard(old.url);
    const person = await join(old.url, target, 'Pieter van Dijk', 'Lärosäte');
    await api(old.url, 'POST', `/api/boards/${target.boardId}/phase`, { phase: 'collect' }, target.facilitatorToken);
    await api(old.url, 'POST', `/api/boards/${target.boardId}/settings`, { silentCollect: true }, target.facilitatorToken);
    await old.close();

    // Written straight into storage, as an older server would have accepted it: one deep card on the board,
    // and one deep card and one with an unknown node in the participant's silent list.
    const deepCard = (doc: Y.Doc, title: string) => {
      const id = addCard(doc, { title, author: person.participantId });
      doc.transact(() => {
        let parent: Y.XmlFragment = bodyOf(doc, id);
        for (let i = 0; i < 5000; i++) {
          const quote = new Y.XmlElement('blockquote');
          parent.insert(0, [quote]);
          parent = quote;
        }
        parent.insert(0, [new Y.XmlText('längst ner')]);
      });
      return id;
    };
    const onBoard = new Y.Doc();
    deepCard(onBoard, 'Djupt kort på tavlan');
    const legacy = new Y.Doc();
    const deepId = deepCard(legacy, 'Djupt tyst kort');
    const frameId = addCard(legacy, { title: 'Kort med iframe', author: person.participantId });
    const frame = new Y.XmlElement('iframe');
    frame.insert(0, [new Y.XmlText('inbäddat')]);
    bodyOf(legacy, frameId).insert(0, [frame]);
    const stores = openSqliteStores(`${dataDir}/forumboard.db`);
    await stores.log.append(target.boardId, 'board', Y.encodeStateAsUpdate(onBoard));
    await stores.log.append(target.boardId, privateListDoc(person.participantId), Y.encodeStateAsUpdate(legacy));
    await stores.close();

    old = await startTestServer(dataDir);
    try {
      const honestList = connect(old.url, privateListRoom(target.boardId, person.participantId), person.token);
      await synced(honestList);
      expect(cardsOf(honestList.doc).size).toBe(2);
      const honestId = addCard(honestList.doc, { title: 'Ärligt kort', author: person.participantId });
      await waitUntil(() => cardsOf(honestList.doc).has(honestId));
      honestList.destroy();
      const reveal = await api<{ revealed: number }>(old.url, 'POST', `/api/boards/${target.boardId}/reveal-cards`, undefined, target.facilitatorToken);
      expect(reveal.status).toBe(200);

      const observer = connect(old.url, target.boardId, target.observerToken);
      await synced(observer);
      await waitUntil(() => cardsOf(observer.doc).size === 4);
      // The copies keep their words as plain paragraphs, which the editor can show.
      expect(plainText(bodyOf(observer.doc, deepId))).toBe('längst ner');
      expect(plainText(bodyOf(observer.doc, frameId))).toBe('inbäddat');
      expect(bodyOf(observer.doc, frameId).toJSON()).toBe('<paragraph>inbäddat</paragraph>');
      observer.destroy();
      for (const format of exportFormat.options) {
        const res = await fetch(`${old.url}/api/boards/${target.boardId}/export?format=${format}`, { headers: { authorization: `Bearer ${target.observerToken}` } });
        expect([format, res.status]).toEqual([format, 200]);
      }
    } finally {
      await old.close();
    }
  });
});
