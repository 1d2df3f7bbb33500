import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addCard, cardsOf, plainText, readCards } from '../../shared/boardDoc.js';
import { readDrafts } from '../../shared/draftsDoc.js';
import { draftsRoom, privateListRoom } from '../../shared/rooms.js';
import { api, createBoard, join, liveServer, rawClose, synced, waitUntil } from './support.js';

const server = liveServer();

describe('silent collect', () => {
  it("keeps a participant's cards from other participants until the facilitator reveals them", async () => {
    const board = await createBoard(server.url, { title: 'Kick-off Waardeketen Maakindustrie', language: 'nl' });
    const ruud = await join(server.url, board, 'Ruud Jansen', 'Bedrijf');
    const fatima = await join(server.url, board, 'Fatima El Amrani', 'Vakbond');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { silentCollect: true }, board.facilitatorToken);

    const otherBoard = new Y.Doc();
    const other = server.connect(board.boardId, fatima.token, otherBoard);
    const otherControl = server.connect(`${board.boardId}/control`, fatima.token);
    const secret = 'Netcongestie remt elektrificatie van de procesindustrie';

    // In silent mode a card on the shared board is refused; it belongs in the private list.
    const ruudBoard = server.connect(board.boardId, ruud.token);
    await Promise.all([synced(other), synced(otherControl), synced(ruudBoard)]);
    addCard(ruudBoard.doc, { title: 'Leaked early', author: ruud.participantId });
    await waitUntil(() => ruudBoard.closes.length > 0);
    expect(ruudBoard.closes[0]).toEqual({ code: 1008, reason: 'silent collect: cards go to your private list' });
    // The browser drops a refused change with its copy of the document; this bare client would resend it.
    ruudBoard.provider.disconnect();

    const ruudPrivate = server.connect(privateListRoom(board.boardId, ruud.participantId), ruud.token);
    await synced(ruudPrivate);
    const cardId = addCard(ruudPrivate.doc, { title: secret, author: ruud.participantId });
    const body = cardsOf(ruudPrivate.doc).get(cardId)!.get('body') as Y.XmlFragment;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Wachttijd voor een aansluiting is vijf jaar.')]);
    body.insert(0, [paragraph]);

    // The facilitator follows the silent cards through the drafts document.
    const drafts = server.connect(draftsRoom(board.boardId), board.facilitatorToken);
    await synced(drafts);
    await waitUntil(() => readDrafts(drafts.doc)[0]?.bodyText === 'Wachttijd voor een aansluiting is vijf jaar.');
    expect(readDrafts(drafts.doc)[0]).toMatchObject({ title: secret, author: ruud.participantId });

    // Another participant may open neither the private list nor the drafts.
    const ws = server.url.replace('http', 'ws');
    expect(await rawClose(`${ws}/ws/${privateListRoom(board.boardId, ruud.participantId)}?token=${fatima.token}`)).toEqual({ code: 4403, reason: 'this document is not yours to open' });
    expect(await rawClose(`${ws}/ws/${draftsRoom(board.boardId)}?token=${fatima.token}`)).toEqual({ code: 4403, reason: 'this document is not yours to open' });
    expect(await rawClose(`${ws}/ws/${draftsRoom(board.boardId)}?token=${board.observerToken}`)).toEqual({ code: 4403, reason: 'this document is not yours to open' });

    await new Promise((r) => setTimeout(r, 100));
    expect(other.received() + otherControl.received()).not.toContain('Netcongestie');
    expect(other.received() + otherControl.received()).not.toContain('Wachttijd');
    expect(readCards(otherBoard)).toEqual([]);

    const reveal = await api<{ revealed: number }>(server.url, 'POST', `/api/boards/${board.boardId}/reveal-cards`, undefined, board.facilitatorToken);
    expect(reveal.body).toEqual({ revealed: 1 });
    await waitUntil(() => readCards(otherBoard).length === 1);
    expect(readCards(otherBoard)[0]).toMatchObject({ id: cardId, title: secret, author: ruud.participantId, cluster: null });
    expect(plainText(cardsOf(otherBoard).get(cardId)!.get('body') as Y.XmlFragment)).toBe('Wachttijd voor een aansluiting is vijf jaar.');
    expect(other.received()).toContain('Netcongestie'); // the wiretap does hear card text, once it may be sent
    await waitUntil(() => cardsOf(ruudPrivate.doc).size === 0 && readDrafts(drafts.doc).length === 0);

    // After the reveal the author still owns the card, and new cards go straight to the board.
    const ruudAgain = server.connect(board.boardId, ruud.token);
    await synced(ruudAgain);
    cardsOf(ruudAgain.doc).get(cardId)!.set('title', secret + ' (regio Rotterdam)');
    addCard(ruudAgain.doc, { title: 'Tekort aan technici', author: ruud.participantId });
    await waitUntil(() => readCards(otherBoard).length === 2 && readCards(otherBoard)[0].title.endsWith('(regio Rotterdam)'));
  });
});
