import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { addCard, addCluster, cardsOf, readCards } from '../../shared/boardDoc.js';
import { participantsOf, readParticipant, readRound, readTally } from '../../shared/controlDoc.js';
import { REMOVED_PARTICIPANT } from '../../shared/people.js';
import type { LinksResponse, MyDataExport, NewLinkResponse, RemoveParticipantResponse } from '../../shared/peopleApi.js';
import { controlRoom, privateListRoom } from '../../shared/rooms.js';
import type { RoundState, Tally } from '../../shared/voting/index.js';
import { api, connect, createBoard, join, liveServer, rawClose, startTestServer, synced, tempDataDir, waitUntil, type TestClient } from './support.js';

const server = liveServer();
const GROUPS = ['Företag', 'Fackförbund', 'Region'];
const wsUrl = (room: string, token: string) => `${server.url.replace('http', 'ws')}/ws/${room}?token=${token}`;
const boardPath = (board: CreateBoardResponse) => `/api/boards/${board.boardId}`;

function writeBody(doc: Y.Doc, cardId: string, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  (cardsOf(doc).get(cardId)!.get('body') as Y.XmlFragment).insert(0, [paragraph]);
}

/** A participant's card, written through their own connection as their browser would. */
async function cardBy(board: CreateBoardResponse, person: JoinResponse, title: string, body = ''): Promise<string> {
  const client = server.connect(board.boardId, person.token);
  await synced(client);
  const id = addCard(client.doc, { title, author: person.participantId });
  if (body) writeBody(client.doc, id, body);
  const observer = server.connect(board.boardId, board.observerToken);
  await waitUntil(() => readCards(observer.doc).some((c) => c.id === id));
  return id;
}

async function closedWith(client: TestClient): Promise<{ code: number; reason: string }> {
  await waitUntil(() => client.closes.length > 0);
  return client.closes[0];
}

describe('removing a participant', () => {
  it('revokes the token at once, closes their connections with 4411, and keeps or deletes their cards as chosen', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag', 'Volvo');
    const erik = await join(server.url, board, 'Erik Johansson', 'Fackförbund', 'IF Metall');
    await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const annasCard = await cardBy(board, anna, 'Kompetensbrist inom svetsning');
    const eriksCard = await cardBy(board, erik, 'Arbetsmiljö i gjuterier');

    const annaLive = server.connect(board.boardId, anna.token);
    const watcher = server.connect(controlRoom(board.boardId), board.observerToken);
    const boardView = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(annaLive), synced(watcher), synced(boardView)]);

    const removed = await api<RemoveParticipantResponse>(server.url, 'DELETE', `${boardPath(board)}/participants/${anna.participantId}`, { cards: 'keep' }, board.facilitatorToken);
    expect(removed.status).toBe(200);
    expect(removed.body.cards).toEqual({ kept: 1, deleted: 0 });

    expect(await closedWith(annaLive)).toEqual({ code: 4411, reason: 'you were removed from this workshop' });
    expect((await api(server.url, 'GET', boardPath(board), undefined, anna.token)).status).toBe(401);
    expect(await rawClose(wsUrl(board.boardId, anna.token))).toEqual({ code: 4401, reason: 'invalid token for this board' });
    await waitUntil(() => !participantsOf(watcher.doc).has(anna.participantId));
    await waitUntil(() => readCards(boardView.doc).find((c) => c.id === annasCard)?.author === REMOVED_PARTICIPANT);

    // Erik's cards go with him.
    const gone = await api<RemoveParticipantResponse>(server.url, 'DELETE', `${boardPath(board)}/participants/${erik.participantId}`, { cards: 'delete' }, board.facilitatorToken);
    expect(gone.body.cards).toEqual({ kept: 0, deleted: 1 });
    await waitUntil(() => !readCards(boardView.doc).some((c) => c.id === eriksCard));
    expect(readCards(boardView.doc).map((c) => c.id)).toEqual([annasCard]);

    // Removing someone twice, or as a participant, is refused.
    const again = await api<{ code: string }>(server.url, 'DELETE', `${boardPath(board)}/participants/${erik.participantId}`, { cards: 'keep' }, board.facilitatorToken);
    expect(again).toMatchObject({ status: 404, body: { code: 'unknown-participant' } });
  });

  it('takes their ballot out of an open round and leaves a revealed tally as the room saw it', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const theme = addCluster(fac.doc, { title: 'Energi' });
    const watcher = server.connect(controlRoom(board.boardId), board.observerToken);
    await synced(watcher);
    await waitUntil(() => fac.doc.getMap('clusters').size === 1);
    const voters = [await join(server.url, board, 'Maria Bergström', 'Region'), await join(server.url, board, 'Lars Nilsson', 'Företag')];

    const first = await api<RoundState>(server.url, 'POST', `${boardPath(board)}/rounds`, { anonymous: false }, board.facilitatorToken);
    for (const v of voters) await api(server.url, 'PUT', `${boardPath(board)}/rounds/${first.body.id}/ballot`, { allocations: { [theme]: 3 } }, v.token);
    const tally = await api<Tally>(server.url, 'POST', `${boardPath(board)}/rounds/${first.body.id}/reveal`, undefined, board.facilitatorToken);
    expect(tally.body.items[0].total).toBe(6);
    // Named, so that the room's turnout shows each group (an anonymous round hides groups below 3 voters).
    const second = await api<RoundState>(server.url, 'POST', `${boardPath(board)}/rounds`, { anonymous: false }, board.facilitatorToken);
    for (const v of voters) await api(server.url, 'PUT', `${boardPath(board)}/rounds/${second.body.id}/ballot`, { allocations: { [theme]: 2 } }, v.token);
    await waitUntil(() => readRound(watcher.doc, second.body.id)?.voters.total === 2);

    const removed = await api<RemoveParticipantResponse>(server.url, 'DELETE', `${boardPath(board)}/participants/${voters[0].participantId}`, { cards: 'keep' }, board.facilitatorToken);
    expect(removed.body.ballotsWithdrawn).toBe(1);
    await waitUntil(() => readRound(watcher.doc, second.body.id)?.voters.total === 1);
    expect(readRound(watcher.doc, second.body.id)?.voters.byGroup).toEqual({ company: 1 });

    const revealedAgain = readTally(watcher.doc, first.body.id)!;
    expect(revealedAgain.items[0].total).toBe(6);
    const perPerson = await api<Array<{ participantId: string }>>(server.url, 'GET', `${boardPath(board)}/rounds/${first.body.id}/people`, undefined, board.facilitatorToken);
    expect(perPerson.body.map((p) => p.participantId)).toEqual([voters[1].participantId]);
    const second2 = await api<Tally>(server.url, 'POST', `${boardPath(board)}/rounds/${second.body.id}/reveal`, undefined, board.facilitatorToken);
    expect(second2.body.items[0].total).toBe(2);
  });
});

describe('access links', () => {
  it('a rotated join code stops the old one at once; people who joined stay in', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    const rotated = await api<{ joinCode: string; links: { participant: string } }>(server.url, 'POST', `${boardPath(board)}/join-code`, {}, board.facilitatorToken);
    expect(rotated.status).toBe(200);
    expect(rotated.body.joinCode).not.toBe(board.joinCode);
    expect(rotated.body.links.participant).toMatch(new RegExp(`/join/${rotated.body.joinCode}$`));

    expect((await api(server.url, 'GET', `/api/join/${board.joinCode}`)).status).toBe(404);
    const late = await api<{ code: string }>(server.url, 'POST', `${boardPath(board)}/join`, { joinCode: board.joinCode, name: 'Sen', group: 'Region' });
    expect(late).toMatchObject({ status: 403, body: { code: 'wrong-join-code' } });
    const onTime = await api(server.url, 'POST', `${boardPath(board)}/join`, { joinCode: rotated.body.joinCode, name: 'Ny', group: 'Region' });
    expect(onTime.status).toBe(201);
    expect((await api(server.url, 'GET', boardPath(board), undefined, anna.token)).status).toBe(200);
    expect((await api(server.url, 'GET', `/api/join/${rotated.body.joinCode}`)).status).toBe(200);
    expect((await api(server.url, 'POST', `${boardPath(board)}/join-code`, {}, anna.token)).status).toBe(403);
  });

  it('a revoked observer link closes its connections with 4412; other links keep working', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const extra = await api<{ token: string }>(server.url, 'POST', `${boardPath(board)}/observer-links`, {}, board.facilitatorToken);
    const links = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    expect(links.body.observers).toHaveLength(2);
    expect(links.body.coFacilitators).toEqual([]);

    const revokedViewer = server.connect(board.boardId, extra.body.token);
    const steeringGroup = server.connect(board.boardId, board.observerToken);
    await Promise.all([synced(revokedViewer), synced(steeringGroup)]);
    // The list names links by a prefix of the token's hash; the link minted second is the one to revoke.
    const target = links.body.observers[1];
    const revoked = await api(server.url, 'DELETE', `${boardPath(board)}/links/${target.id}`, undefined, board.facilitatorToken);
    expect(revoked).toEqual({ status: 200, body: { revoked: target.id, alsoRevoked: [] } });

    expect(await closedWith(revokedViewer)).toEqual({ code: 4412, reason: 'this link was revoked' });
    // A screen that was reconnecting at that moment is told the same when it comes back, not that the link is wrong.
    expect(await rawClose(wsUrl(board.boardId, extra.body.token))).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect((await api(server.url, 'GET', boardPath(board), undefined, extra.body.token)).status).toBe(401);
    expect((await api(server.url, 'GET', boardPath(board), undefined, board.observerToken)).status).toBe(200);
    expect(steeringGroup.closes).toEqual([]);
    const after = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    expect(after.body.observers.map((l) => l.id)).toEqual([links.body.observers[0].id]);
    const twice = await api<{ code: string }>(server.url, 'DELETE', `${boardPath(board)}/links/${target.id}`, undefined, board.facilitatorToken);
    expect(twice).toMatchObject({ status: 404, body: { code: 'unknown-link' } });
  });

  it('a co-facilitator link is minted with a name, runs the workshop, and is closed out when revoked', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    expect((await api(server.url, 'POST', `${boardPath(board)}/co-facilitator-links`, { name: 'Maria' }, anna.token)).status).toBe(403);
    const minted = await api<NewLinkResponse>(server.url, 'POST', `${boardPath(board)}/co-facilitator-links`, { name: 'Maria Bergström' }, board.facilitatorToken);
    expect(minted.status).toBe(201);
    expect(minted.body).toMatchObject({ role: 'facilitator', name: 'Maria Bergström' });
    expect(minted.body.link).toContain(`/b/${board.boardId}#token=${minted.body.token}`);
    const co = minted.body.token;

    // The facilitator's rights over the workshop: run a phase, see silent drafts (its edges: roles-with-edges.test.ts).
    expect((await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'collect' }, co)).status).toBe(200);
    const summary = await api<{ you: { role: string }; share?: unknown }>(server.url, 'GET', boardPath(board), undefined, co);
    expect(summary.body.you.role).toBe('facilitator');
    expect(summary.body.share).toBeDefined();
    const coBoard = server.connect(board.boardId, co);
    const coDrafts = server.connect(`${board.boardId}/drafts`, co);
    await Promise.all([synced(coBoard), synced(coDrafts)]);
    const fromCo = addCard(coBoard.doc, { title: 'Från medprocessledaren', author: 'facilitator' });
    const check = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(check.doc).some((c) => c.id === fromCo));
    // Presence names the co-facilitator by the link's name, stamped by the server.
    coBoard.provider.awareness.setLocalStateField('typing', null);
    const names = () => [...check.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string; role?: string } | undefined));
    await waitUntil(() => names().some((u) => u?.name === 'Maria Bergström' && u.role === 'facilitator')).catch(() => {
      throw new Error(`presence seen: ${JSON.stringify(names())}`);
    });

    const list = await api<LinksResponse>(server.url, 'GET', `${boardPath(board)}/links`, undefined, board.facilitatorToken);
    expect(list.body.coFacilitators).toEqual([{ id: minted.body.id, role: 'facilitator', name: 'Maria Bergström', createdAt: minted.body.createdAt }]);

    await api(server.url, 'DELETE', `${boardPath(board)}/links/${minted.body.id}`, undefined, board.facilitatorToken);
    expect(await closedWith(coBoard)).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect(await closedWith(coDrafts)).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect((await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'cluster' }, co)).status).toBe(401);
    expect(await rawClose(wsUrl(board.boardId, co))).toEqual({ code: 4412, reason: 'this link was revoked' });
    expect((await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'cluster' }, board.facilitatorToken)).status).toBe(200);
  });
});

describe('correcting a participant', () => {
  it('the participant corrects themselves until voting starts; the facilitator at any time', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const pieter = await join(server.url, board, 'Pieter van Dyk', 'Företag', 'TU Delft', 'nl');
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    const watcher = server.connect(controlRoom(board.boardId), board.observerToken);
    await synced(watcher);
    const path_ = `${boardPath(board)}/participants/${pieter.participantId}`;

    const own = await api(server.url, 'PATCH', path_, { name: 'Pieter van Dijk', group: 'Region' }, pieter.token);
    expect(own).toEqual({ status: 200, body: { id: pieter.participantId, name: 'Pieter van Dijk', organisation: 'TU Delft', group: 'region' } });
    await waitUntil(() => readParticipant(watcher.doc, pieter.participantId)?.name === 'Pieter van Dijk').catch(() => {
      throw new Error(`participants seen: ${JSON.stringify(participantsOf(watcher.doc).toJSON())}`);
    });
    // The language he joined in (what his cards are read in for suggestions) is not his to lose by a correction.
    expect(readParticipant(watcher.doc, pieter.participantId)).toMatchObject({ group: 'region', organisation: 'TU Delft', language: 'nl' });
    const summary = await api<{ you: { name: string; group: string } }>(server.url, 'GET', boardPath(board), undefined, pieter.token);
    expect(summary.body.you).toMatchObject({ name: 'Pieter van Dijk', group: 'region' });

    expect((await api(server.url, 'PATCH', path_, { name: 'Someone else' }, anna.token)).status).toBe(403);
    expect((await api(server.url, 'PATCH', path_, { name: 'Nobody' }, board.observerToken)).status).toBe(403);
    expect(await api(server.url, 'PATCH', path_, { group: 'Akademi' }, pieter.token)).toMatchObject({ status: 400, body: { code: 'unknown-group' } });
    expect((await api(server.url, 'PATCH', path_, {}, pieter.token)).status).toBe(400);

    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    addCluster(fac.doc, { title: 'Energi' });
    await waitUntil(() => fac.doc.getMap('clusters').size === 1);
    const round = await api<RoundState>(server.url, 'POST', `${boardPath(board)}/rounds`, { anonymous: false }, board.facilitatorToken);
    await api(server.url, 'PUT', `${boardPath(board)}/rounds/${round.body.id}/ballot`, { allocations: { [round.body.items[0].id]: 1 } }, pieter.token);

    const late = await api(server.url, 'PATCH', path_, { organisation: 'Chalmers' }, pieter.token);
    expect(late).toMatchObject({ status: 409, body: { code: 'voting-started' } });
    const byFacilitator = await api(server.url, 'PATCH', path_, { group: 'Fackförbund' }, board.facilitatorToken);
    expect(byFacilitator).toMatchObject({ status: 200, body: { group: 'union' } });
    // The ballot in the open round keeps the group it was cast in: the move takes effect at the next round.
    await waitUntil(() => readRound(watcher.doc, round.body.id)?.voters.byGroup.region === 1);
    expect(readRound(watcher.doc, round.body.id)?.voters.byGroup).toEqual({ region: 1 });
  });
});

describe('deleting a board', () => {
  it('needs the typed title, closes every connection with 4410, leaves no row; REST answers as for an unknown board, a reconnecting socket hears 4410', async () => {
    const board = await createBoard(server.url, { groups: GROUPS, title: 'Raderas snart' });
    const keep = await createBoard(server.url, { groups: GROUPS, title: 'Ska finnas kvar' });
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    await join(server.url, keep, 'Erik Johansson', 'Region');
    await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'collect' }, board.facilitatorToken);
    await api(server.url, 'POST', `${boardPath(keep)}/phase`, { phase: 'collect' }, keep.facilitatorToken);
    const card = await cardBy(board, anna, 'Elpriser', 'Detaljer om elpriset');
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    addCluster(fac.doc, { title: 'Energi' });
    await waitUntil(() => fac.doc.getMap('clusters').size === 1);
    const round = await api<RoundState>(server.url, 'POST', `${boardPath(board)}/rounds`, {}, board.facilitatorToken);
    await api(server.url, 'PUT', `${boardPath(board)}/rounds/${round.body.id}/ballot`, { allocations: { [round.body.items[0].id]: 2 } }, anna.token);
    await api(server.url, 'POST', `${boardPath(board)}/rounds/${round.body.id}/reveal`, undefined, board.facilitatorToken);
    await api(server.url, 'PUT', `${boardPath(board)}/agreement`, { roundId: round.body.id, items: [{ itemId: round.body.items[0].id, title: 'Energi' }] }, board.facilitatorToken);
    expect((await api(server.url, 'POST', `${boardPath(board)}/agreement/freeze`, undefined, board.facilitatorToken)).status).toBe(201);
    await api(server.url, 'POST', `${boardPath(board)}/co-facilitator-links`, { name: 'Maria' }, board.facilitatorToken);
    const annaLive = server.connect(board.boardId, anna.token);
    const annaControl = server.connect(controlRoom(board.boardId), anna.token);
    await Promise.all([synced(annaLive), synced(annaControl)]);
    expect(readCards(annaLive.doc).map((c) => c.id)).toEqual([card]);

    const wrong = await api<{ code: string }>(server.url, 'DELETE', boardPath(board), { confirmTitle: 'Raderas' }, board.facilitatorToken);
    expect(wrong).toMatchObject({ status: 400, body: { code: 'confirmation-mismatch' } });
    expect((await api(server.url, 'DELETE', boardPath(board), { confirmTitle: 'Raderas snart' }, anna.token)).status).toBe(403);
    expect((await api(server.url, 'GET', boardPath(board), undefined, anna.token)).status).toBe(200);

    const deleted = await api(server.url, 'DELETE', boardPath(board), { confirmTitle: 'Raderas snart' }, board.facilitatorToken);
    expect(deleted).toEqual({ status: 200, body: { deleted: board.boardId } });
    expect(await closedWith(annaLive)).toEqual({ code: 4410, reason: 'this workshop was deleted' });
    expect(await closedWith(annaControl)).toEqual({ code: 4410, reason: 'this workshop was deleted' });

    const db = new Database(path.join(server.dataDir, 'forumboard.db'), { readonly: true });
    const rowsOf = (boardId: string) => {
      const counts: Record<string, number> = {};
      for (const { name } of db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>) {
        const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(name) as Array<{ name: string }>).map((c) => c.name);
        const column = name === 'boards' ? 'id' : columns.includes('board_id') ? 'board_id' : null;
        if (column) counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name}" WHERE ${column} = ?`).get(boardId) as { n: number }).n;
      }
      counts.ballots = (db.prepare('SELECT count(*) AS n FROM ballots WHERE round_id = ?').get(round.body.id) as { n: number }).n;
      counts.participantBallots = (db.prepare('SELECT count(*) AS n FROM ballots WHERE participant_id = ?').get(anna.participantId) as { n: number }).n;
      return counts;
    };
    const left = rowsOf(board.boardId);
    const kept = rowsOf(keep.boardId);
    db.close();
    expect(Object.keys(left)).toEqual(expect.arrayContaining(['boards', 'tokens', 'participants', 'doc_log', 'doc_heads', 'doc_snapshots', 'rounds', 'agreements', 'ballots']));
    expect(Object.values(left).every((n) => n === 0), JSON.stringify(left)).toBe(true);
    expect(kept.boards).toBe(1);
    expect(kept.participants).toBe(1);

    // It answers exactly like a board that never existed.
    const unknown = await api(server.url, 'GET', '/api/boards/neverExisted0', undefined, board.facilitatorToken);
    const gone = await api(server.url, 'GET', boardPath(board), undefined, board.facilitatorToken);
    expect(gone).toEqual(unknown);
    // A screen reconnecting after the deletion (a projector was between sockets) is told it was deleted, not that its link is wrong.
    expect(await rawClose(wsUrl(board.boardId, anna.token))).toEqual({ code: 4410, reason: 'this workshop was deleted' });
    expect(await rawClose(wsUrl('neverExisted0', anna.token))).toEqual({ code: 4401, reason: 'invalid token for this board' });
    expect((await api(server.url, 'GET', `/api/join/${board.joinCode}`)).status).toBe(404);
    expect((await api(server.url, 'GET', boardPath(keep), undefined, keep.facilitatorToken)).status).toBe(200);
  });

  it('takes the title typed with an ordinary hyphen and other spacing for its en dash, but not other words', async () => {
    const board = await createBoard(server.url, { title: 'Industriforum – uppstart' });
    const wrong = await api<{ code: string }>(server.url, 'DELETE', boardPath(board), { confirmTitle: 'Industriforum - nedläggning' }, board.facilitatorToken);
    expect(wrong).toMatchObject({ status: 400, body: { code: 'confirmation-mismatch' } });
    const typed = await api(server.url, 'DELETE', boardPath(board), { confirmTitle: ' Industriforum-uppstart ' }, board.facilitatorToken);
    expect(typed).toEqual({ status: 200, body: { deleted: board.boardId } });
  });
});

describe('retention', () => {
  it('at start-up, deletes a board idle longer than the retention period and keeps a recent one', async () => {
    const dataDir = tempDataDir();
    let running = await startTestServer(dataDir);
    const old = await createBoard(running.url, { title: 'Förra årets kick-off' });
    const recent = await createBoard(running.url, { title: 'Veckans kick-off' });
    await running.close();
    const db = new Database(path.join(dataDir, 'forumboard.db'));
    const longAgo = Date.now() - 200 * 86_400_000;
    db.prepare('UPDATE boards SET created_at = ? WHERE id = ?').run(longAgo, old.boardId);
    db.prepare('DELETE FROM board_activity WHERE board_id = ?').run(old.boardId);
    db.close();

    running = await startTestServer(dataDir);
    try {
      expect((await api(running.url, 'GET', `/api/boards/${old.boardId}`, undefined, old.facilitatorToken)).status).toBe(
        (await api(running.url, 'GET', '/api/boards/neverExisted0', undefined, old.facilitatorToken)).status,
      );
      expect((await api(running.url, 'GET', `/api/boards/${recent.boardId}`, undefined, recent.facilitatorToken)).status).toBe(200);
    } finally {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('periodically, deletes an idle board and keeps one in use (tiny retention)', async () => {
    const running = await startTestServer(tempDataDir(), { RETENTION_DAYS: '0.00002', RETENTION_SWEEP_MS: '100' });
    const clients: TestClient[] = [];
    try {
      const idle = await createBoard(running.url, { title: 'Ingen kommer' });
      const active = await createBoard(running.url, { title: 'Alla är här' });
      const here = connect(running.url, active.boardId, active.facilitatorToken);
      clients.push(here);
      await synced(here);
      const db = path.join(running.dataDir, 'forumboard.db');
      await waitUntil(() => {
        const reader = new Database(db, { readonly: true });
        const n = (reader.prepare('SELECT count(*) AS n FROM boards WHERE id = ?').get(idle.boardId) as { n: number }).n;
        reader.close();
        return n === 0;
      }, 15_000, 100);
      expect((await api(running.url, 'GET', `/api/boards/${active.boardId}`, undefined, active.facilitatorToken)).status).toBe(200);
      expect(here.closes).toEqual([]);
    } finally {
      clients.forEach((c) => c.destroy());
      await running.close();
    }
  });
});

describe("a participant's own data", () => {
  it('downloads exactly their details, cards (silent ones too) and ballots, and nothing of anyone else', async () => {
    const board = await createBoard(server.url, { groups: GROUPS, title: 'Min data' });
    const anna = await join(server.url, board, 'Anna Lindqvist', 'Företag', 'Volvo Cars', 'sv');
    const erik = await join(server.url, board, 'Erik Johansson', 'Fackförbund', 'IF Metall');
    await api(server.url, 'POST', `${boardPath(board)}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const annasCard = await cardBy(board, anna, 'Svetsare saknas', 'Tre års väntan på utbildade svetsare');
    await cardBy(board, erik, 'Skiftarbete sliter', 'Nattskift utan återhämtning');

    await api(server.url, 'POST', `${boardPath(board)}/settings`, { silentCollect: true }, board.facilitatorToken);
    const annaPrivate = server.connect(privateListRoom(board.boardId, anna.participantId), anna.token);
    await synced(annaPrivate);
    const silentCard = addCard(annaPrivate.doc, { title: 'Tyst kort om energi', author: anna.participantId });
    const erikPrivate = server.connect(privateListRoom(board.boardId, erik.participantId), erik.token);
    await synced(erikPrivate);
    addCard(erikPrivate.doc, { title: 'Eriks tysta kort', author: erik.participantId });
    await api(server.url, 'POST', `${boardPath(board)}/settings`, { silentCollect: false }, board.facilitatorToken);
    const check = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => readCards(check.doc).length === 4);

    const round = await api<RoundState>(server.url, 'POST', `${boardPath(board)}/rounds`, {}, board.facilitatorToken);
    const [first, second] = round.body.items;
    await api(server.url, 'PUT', `${boardPath(board)}/rounds/${round.body.id}/ballot`, { allocations: { [first.id]: 3, [second.id]: 1 } }, anna.token);
    await api(server.url, 'PUT', `${boardPath(board)}/rounds/${round.body.id}/ballot`, { allocations: { [second.id]: 2 } }, erik.token);

    const res = await fetch(`${server.url}${boardPath(board)}/my-data`, { headers: { authorization: `Bearer ${anna.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = await res.text();
    const data = JSON.parse(text) as MyDataExport;
    expect(data.board).toEqual({ id: board.boardId, title: 'Min data' });
    expect(data.participant).toMatchObject({ id: anna.participantId, name: 'Anna Lindqvist', organisation: 'Volvo Cars', group: { id: 'company', name: 'Företag' }, language: 'sv' });
    expect(data.cards.map((c) => [c.title, c.body])).toEqual([
      ['Svetsare saknas', 'Tre års väntan på utbildade svetsare'],
      ['Tyst kort om energi', ''],
    ]);
    expect(data.cards.map((c) => c.id)).toEqual([annasCard, silentCard]);
    expect(data.ballots).toEqual([
      {
        roundId: round.body.id,
        roundNumber: 1,
        allocations: [
          { itemId: first.id, item: first.title, dots: 3 },
          { itemId: second.id, item: second.title, dots: 1 },
        ],
        updatedAt: expect.any(String),
      },
    ]);
    // The title of an item she gave dots to is part of her ballot, even when someone else wrote it; nothing else of Erik's is.
    for (const foreign of ['Erik', 'IF Metall', erik.participantId, 'Nattskift', 'Eriks tysta kort', 'Fackförbund']) expect(text).not.toContain(foreign);

    expect((await api(server.url, 'GET', `${boardPath(board)}/my-data`, undefined, board.facilitatorToken)).status).toBe(403);
    const erikData = await api<MyDataExport>(server.url, 'GET', `${boardPath(board)}/my-data`, undefined, erik.token);
    expect(erikData.body.participant.name).toBe('Erik Johansson');
    expect(JSON.stringify(erikData.body)).not.toContain('Anna');
  });
});
