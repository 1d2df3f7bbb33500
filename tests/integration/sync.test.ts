import { describe, expect, it } from 'vitest';
import { addCard, readCards } from '../../shared/boardDoc.js';
import { readMeta } from '../../shared/controlDoc.js';
import { api, createBoard, join, liveServer, rawClose, synced, waitUntil } from './support.js';

const server = liveServer();

describe('live board sync', () => {
  it('two participants who joined see each other\'s cards', async () => {
    const board = await createBoard(server.url);
    const asa = await join(server.url, board, 'Åsa Lindqvist', 'Företag', 'Verkstads AB');
    const leila = await join(server.url, board, 'Leila Haddad', 'union', 'Metallarbetarna avd. 7');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);

    const a = server.connect(board.boardId, asa.token);
    const b = server.connect(board.boardId, leila.token);
    await Promise.all([synced(a), synced(b)]);
    addCard(a.doc, { title: 'Svårt att rekrytera svetsare och CNC-operatörer', author: asa.participantId });
    await waitUntil(() => readCards(b.doc).length === 1);
    expect(readCards(b.doc)[0]).toMatchObject({ title: 'Svårt att rekrytera svetsare och CNC-operatörer', author: asa.participantId });
  });

  it('everyone reads the control document: phase and participants', async () => {
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Karin Ek', 'Företag');
    const control = server.connect(`${board.boardId}/control`, p.token);
    await synced(control);
    expect(readMeta(control.doc)).toMatchObject({ title: 'Industriforum – uppstart', phase: 'setup', language: 'sv' });
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await waitUntil(() => readMeta(control.doc)?.phase === 'collect');
    expect(control.doc.getMap('participants').get(p.participantId)).toMatchObject({ name: 'Karin Ek', group: 'company' });
  });

  it("an observer's write reaches nobody and the observer is disconnected", async () => {
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Eva Sjöberg', 'Region');
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const participant = server.connect(board.boardId, p.token);
    const observer = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(participant), synced(observer)]);
    addCard(observer.doc, { title: 'Smuggled card', author: 'observer' });
    await waitUntil(() => observer.closes.length > 0);
    expect(observer.closes[0]).toEqual({ code: 1008, reason: 'observers cannot change the board' });
    addCard(participant.doc, { title: 'Honest card', author: p.participantId });
    const fresh = server.connect(board.boardId, board.facilitatorToken);
    await synced(fresh);
    await waitUntil(() => readCards(fresh.doc).length === 1);
    expect(readCards(fresh.doc).map((c) => c.title)).toEqual(['Honest card']);
    expect(readCards(participant.doc).map((c) => c.title)).toEqual(['Honest card']);
  });

  it('refuses an unknown board exactly as a bad token, so nobody can find out which boards exist', async () => {
    const board = await createBoard(server.url);
    const ws = server.url.replace('http', 'ws');
    expect(await rawClose(`${ws}/ws/nosuchboard?token=x`)).toEqual({ code: 4401, reason: 'invalid token for this board' });
    expect(await rawClose(`${ws}/ws/${board.boardId}?token=forged`)).toEqual({ code: 4401, reason: 'invalid token for this board' });
    const other = await createBoard(server.url);
    expect(await rawClose(`${ws}/ws/${board.boardId}?token=${other.facilitatorToken}`)).toEqual({ code: 4401, reason: 'invalid token for this board' });
  });

  it('sets presence identity from the token, not from what the client claims', async () => {
    const board = await createBoard(server.url);
    const p = await join(server.url, board, 'Jonas Öberg', 'Företag', 'Gjuteri & Co');
    const liar = server.connect(board.boardId, p.token);
    const watcher = server.connect(board.boardId, board.facilitatorToken);
    await Promise.all([synced(liar), synced(watcher)]);
    liar.provider.awareness.setLocalStateField('user', { name: 'The Regional Director', group: 'region' });
    const seen = () => watcher.provider.awareness.getStates().get(liar.doc.clientID) as { user?: Record<string, unknown> } | undefined;
    await waitUntil(() => seen()?.user !== undefined);
    expect(seen()?.user).toMatchObject({ id: p.participantId, name: 'Jonas Öberg', group: 'company', role: 'participant' });
  });
});
