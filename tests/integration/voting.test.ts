import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api.js';
import { addCard, addCluster, moveCard } from '../../shared/boardDoc.js';
import { readRound, readTallies, readTally } from '../../shared/controlDoc.js';
import { encodeSeen } from '../../shared/seenState.js';
import { OTHER_GROUPS, type RoundState, type Tally } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

const GROUPS = ['Företag', 'Fackförbund', 'Region', 'Lärosäte'];

/** A board with three themes and one loose card, clustered by the facilitator. */
async function boardWithThemes(): Promise<{ board: CreateBoardResponse; themes: string[]; loose: string }> {
  const board = await createBoard(server.url, { groups: GROUPS });
  const fac = server.connect(board.boardId, board.facilitatorToken);
  await synced(fac);
  const themes = ['Kompetensförsörjning', 'Energi och elpriser', 'Infrastruktur'].map((title) => addCluster(fac.doc, { title }));
  const card = addCard(fac.doc, { title: 'Svårt att rekrytera svetsare', author: 'facilitator' });
  moveCard(fac.doc, card, themes[0]);
  const loose = addCard(fac.doc, { title: 'Cybersäkerhet i uppkopplade maskiner', author: 'facilitator' });
  const check = server.connect(board.boardId, board.observerToken);
  await waitUntil(() => check.doc.getMap('cards').size === 2 && check.doc.getMap('clusters').size === 3);
  return { board, themes, loose };
}

const put = (board: CreateBoardResponse, roundId: string, token: string, allocations: Record<string, number>) =>
  api<{ error?: string; code?: string; field?: string; allocations?: Record<string, number> }>(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${roundId}/ballot`, { allocations }, token);

describe('the ballot box', () => {
  it('a round opened just after a card was typed holds that card, whichever message reaches the server first', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    addCluster(fac.doc, { title: 'Kompetensförsörjning' });
    const check = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => check.doc.getMap('clusters').size === 1);
    // The card is typed while its message is still on the way: the command leaves before it.
    fac.provider.disconnect();
    addCard(fac.doc, { title: 'Vätgasledning till hamnen', author: 'facilitator' });
    const seen = encodeSeen(fac.doc);
    const opening = api<RoundState & { code?: string }>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { seen }, board.facilitatorToken);
    setTimeout(() => fac.provider.connect(), 300);
    const opened = await opening;
    expect(opened.status).toBe(201);
    expect(opened.body.items.map((item) => item.title)).toEqual(['Kompetensförsörjning', 'Vätgasledning till hamnen']);
  });

  it('a round whose facilitator’s edits never arrive is refused with board-behind, and none is opened', async () => {
    const board = await createBoard(server.url, { groups: GROUPS });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    fac.provider.disconnect();
    addCard(fac.doc, { title: 'Elpriser', author: 'facilitator' });
    const refused = await api<{ code: string; field: string }>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { seen: encodeSeen(fac.doc) }, board.facilitatorToken);
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([409, 'board-behind', 'seen']);
    const garbled = await api<{ field: string }>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { seen: 'gICAgA==' }, board.facilitatorToken);
    expect([garbled.status, garbled.body.field]).toEqual([400, 'seen']);
    // Back online, the same press opens the board's first round: the refused ones left nothing behind.
    fac.provider.connect();
    const first = await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { seen: encodeSeen(fac.doc) }, board.facilitatorToken);
    expect([first.status, first.body.number, first.body.items.map((item) => item.title)]).toEqual([201, 1, ['Elpriser']]);
  });

  it('50 concurrent voters: the revealed tally is exact, ballots never reach a document before reveal', async () => {
    const { board, themes, loose } = await boardWithThemes();
    const voters: Array<JoinResponse & { group: string }> = [];
    for (let i = 0; i < 50; i++) {
      const group = GROUPS[i % 4];
      voters.push({ ...(await join(server.url, board, `Deltagare ${i}`, group)), group });
    }
    const opened = await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken);
    expect(opened.status).toBe(201);
    expect(opened.body.items.map((i) => i.id).sort()).toEqual([...themes, loose].sort());
    expect(opened.body.items.map((i) => i.kind)).toEqual(['theme', 'theme', 'theme', 'card']);
    const roundId = opened.body.id;

    const watcher = server.connect(`${board.boardId}/control`, voters[0].token);
    const boardDoc = server.connect(board.boardId, voters[1].token);
    await Promise.all([synced(watcher), synced(boardDoc)]);

    // Each voter: 3 dots on the first theme, 2 on the theme of their index.
    const ballotOf = (i: number) => ({ [themes[0]]: 3, [themes[1 + (i % 2)]]: 2 });
    const started = performance.now();
    const answers = await Promise.all(voters.map((v, i) => put(board, roundId, v.token, ballotOf(i))));
    const elapsed = performance.now() - started;
    expect(answers.every((a) => a.status === 200)).toBe(true);
    console.log(`50 concurrent ballots stored in ${elapsed.toFixed(0)} ms`);

    // The room sees how many voted, per group, and nothing else.
    await waitUntil(() => readRound(watcher.doc, roundId)?.voters.total === 50);
    expect(readRound(watcher.doc, roundId)?.voters.byGroup).toEqual({ company: 13, union: 13, region: 12, knowledge: 12 });
    const everything = JSON.stringify([watcher.doc.toJSON(), boardDoc.doc.toJSON(), [...watcher.provider.awareness.getStates().values()], [...boardDoc.provider.awareness.getStates().values()]]);
    expect(everything).not.toContain('allocations');
    expect(everything).not.toContain(voters[0].participantId + '":3');
    expect(readTallies(watcher.doc)).toEqual([]);
    const db = new Database(path.join(server.dataDir, 'forumboard.db'), { readonly: true });
    const stored = db.prepare('SELECT data FROM doc_log WHERE board_id = ?').all(board.boardId) as Array<{ data: Buffer }>;
    const serverDocs = new Y.Doc();
    stored.forEach((row) => Y.applyUpdate(serverDocs, new Uint8Array(row.data)));
    db.close();
    expect(JSON.stringify(serverDocs.getMap('rounds').toJSON())).not.toContain('allocations');

    const revealed = await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${roundId}/reveal`, undefined, board.facilitatorToken);
    expect(revealed.status).toBe(200);
    const byId = Object.fromEntries(revealed.body.items.map((i) => [i.id, i]));
    expect(byId[themes[0]].total).toBe(150);
    expect(byId[themes[1]].total).toBe(50);
    expect(byId[themes[2]].total).toBe(50);
    expect(byId[loose].total).toBe(0);
    expect(byId[themes[0]].byGroup).toEqual({ company: 39, union: 39, region: 36, knowledge: 36 });
    expect(revealed.body.items[0]).toMatchObject({ id: themes[0], rank: 1 });
    expect(JSON.stringify(revealed.body)).not.toContain('byPerson');
    await waitUntil(() => readTally(watcher.doc, roundId) !== undefined);
    expect(readTally(watcher.doc, roundId)).toEqual(revealed.body);
  });

  it('refuses bad ballots and keeps the stored one unchanged', async () => {
    const { board, themes, loose } = await boardWithThemes();
    const asa = await join(server.url, board, 'Åsa Lindqvist', 'Företag');
    const leila = await join(server.url, board, 'Leila Haddad', 'Fackförbund');
    const round = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken)).body;
    const good = { [themes[0]]: 3, [loose]: 2 };
    expect((await put(board, round.id, asa.token, good)).status).toBe(200);

    const refusals: Array<[Record<string, number>, number, string, string | undefined]> = [
      [{ [themes[0]]: 3, [themes[1]]: 3 }, 400, 'allocations', 'over-budget'],
      [{ [themes[0]]: 4 }, 400, `allocations.${themes[0]}`, 'over-cap'],
      [{ nosuchitem: 1 }, 400, 'allocations.nosuchitem', 'unknown-item'],
      [{ [themes[0]]: -1 }, 400, `allocations.${themes[0]}`, undefined],
    ];
    for (const [allocations, status, field, code] of refusals) {
      const res = await put(board, round.id, asa.token, allocations);
      expect([res.status, res.body.field, res.body.code]).toEqual([status, field, code]);
    }
    const other = await createBoard(server.url);
    expect((await put(board, round.id, other.facilitatorToken, good)).status).toBe(401);
    expect((await put(board, round.id, board.facilitatorToken, good)).status).toBe(403);
    expect((await put(board, round.id, board.observerToken, good)).status).toBe(403);
    // A voter cannot name another voter: the ballot belongs to the token, and extra fields are refused.
    const forged = await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { participantId: leila.participantId, allocations: good }, asa.token);
    expect(forged.status).toBe(400);
    const none = await api(server.url, 'GET', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, undefined, leila.token);
    expect([none.status, none.body]).toEqual([200, { roundId: round.id, allocations: {}, updatedAt: null }]);

    const mine = await api<{ allocations: Record<string, number> }>(server.url, 'GET', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, undefined, asa.token);
    expect(mine.body.allocations).toEqual(good);

    await api(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/close`, undefined, board.facilitatorToken);
    const late = await put(board, round.id, leila.token, good);
    expect([late.status, late.body.code, late.body.error]).toEqual([409, 'round-not-open', 'this round is closed']);
    expect((await put(board, 'r_nosuch', asa.token, good)).status).toBe(404);
  });

  it('anonymous rounds merge groups of fewer than 3 voters, also in their turnout; named rounds show each person; run-off on the top items', async () => {
    const { board, themes } = await boardWithThemes();
    const people = [
      ...(await Promise.all([0, 1, 2].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')))),
      await join(server.url, board, 'Per Nyström', 'Fackförbund'),
    ];
    const anon = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken)).body;
    const watcher = server.connect(`${board.boardId}/control`, people[0].token);
    await synced(watcher);
    const turnout = () => readRound(watcher.doc, anon.id)?.voters;
    await put(board, anon.id, people[3].token, { [themes[1]]: 2, [themes[2]]: 1 });
    await waitUntil(() => turnout()?.total === 1);
    expect(turnout()).toEqual({ total: 1, byGroup: { [OTHER_GROUPS]: 1 } });
    for (const p of people.slice(0, 3)) await put(board, anon.id, p.token, { [themes[1]]: 2, [themes[2]]: 1 });
    await waitUntil(() => turnout()?.total === 4);
    // Turnout groups the voters as the tally will: the bucket of one takes the company in, as the result does.
    expect(turnout()).toEqual({ total: 4, byGroup: { [OTHER_GROUPS]: 4 } });
    const tally = (await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${anon.id}/reveal`, undefined, board.facilitatorToken)).body;
    // The union's one voter cannot be a bucket alone (it would be their ballot): the company joins it.
    expect(tally.groups).toEqual([OTHER_GROUPS]);
    expect(tally.voters.byGroup).toEqual({ [OTHER_GROUPS]: 4 });
    expect(tally.items.every((item) => item.consensus === null && !item.contested)).toBe(true);
    await waitUntil(() => readRound(watcher.doc, anon.id)?.state === 'revealed');
    expect(turnout()).toEqual(tally.voters);

    const runoff = await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { anonymous: false, runoff: { fromRound: anon.id, top: 2 } }, board.facilitatorToken);
    expect(runoff.status).toBe(201);
    expect(runoff.body.items.map((i) => i.id)).toEqual([themes[1], themes[2]]);
    await put(board, runoff.body.id, people[3].token, { [themes[2]]: 3 });
    const named = (await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${runoff.body.id}/reveal`, undefined, board.facilitatorToken)).body;
    expect(named.groups).toEqual(['union']);
    // Who gave what reaches the facilitator's own request only: not the tally every link syncs, not another role.
    await waitUntil(() => readTally(watcher.doc, runoff.body.id) !== undefined);
    expect(JSON.stringify(watcher.doc.getMap('results').get(runoff.body.id))).not.toContain(people[3].participantId);
    const perPerson = (token: string) => api<unknown>(server.url, 'GET', `/api/boards/${board.boardId}/rounds/${runoff.body.id}/people`, undefined, token);
    expect((await perPerson(board.facilitatorToken)).body).toEqual([{ participantId: people[3].participantId, dots: [{ itemId: themes[2], dots: 3 }] }]);
    for (const token of [board.observerToken, people[0].token]) expect((await perPerson(token)).status).toBe(403);
    expect((await api<{ code: string }>(server.url, 'GET', `/api/boards/${board.boardId}/rounds/${anon.id}/people`, undefined, board.facilitatorToken)).body.code).toBe('round-anonymous');

    const summary = await api<{ rounds: Array<{ number: number; state: string }> }>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, people[0].token);
    expect(summary.body.rounds).toEqual([
      { id: anon.id, number: 1, state: 'revealed' },
      { id: runoff.body.id, number: 2, state: 'revealed' },
    ]);
  });

  it('a run-off says whether its voters are those of its round: after someone is removed they are not', async () => {
    const { board, themes } = await boardWithThemes();
    const people = await Promise.all([0, 1, 2].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
    const rounds = `/api/boards/${board.boardId}/rounds`;
    const voteAndReveal = async (roundId: string, voters: JoinResponse[]) => {
      for (const p of voters) await put(board, roundId, p.token, { [themes[1]]: 2, [themes[2]]: 1 });
      return (await api<Tally>(server.url, 'POST', `${rounds}/${roundId}/reveal`, undefined, board.facilitatorToken)).body;
    };
    const first = (await api<RoundState>(server.url, 'POST', rounds, {}, board.facilitatorToken)).body;
    expect((await voteAndReveal(first.id, people)).runoff).toBeUndefined();
    const runoff = async () => (await api<RoundState>(server.url, 'POST', rounds, { runoff: { fromRound: first.id, top: 2 } }, board.facilitatorToken)).body.id;

    expect((await voteAndReveal(await runoff(), people)).runoff).toEqual({ fromRound: first.id, votersDiffer: false });
    expect((await api(server.url, 'DELETE', `/api/boards/${board.boardId}/participants/${people[2].participantId}`, { cards: 'keep' }, board.facilitatorToken)).status).toBe(200);
    const after = await voteAndReveal(await runoff(), people.slice(0, 2));
    expect(after.runoff).toEqual({ fromRound: first.id, votersDiffer: true });
    // Every reader of the control document gets the warning with the figures.
    const watcher = server.connect(`${board.boardId}/control`, people[0].token);
    await synced(watcher);
    await waitUntil(() => readTally(watcher.doc, after.roundId)?.runoff?.votersDiffer === true);
  });

  it('a group renamed after the reveal keeps the name its figures were counted under, on screens and in exports', async () => {
    const { board, themes } = await boardWithThemes();
    const company = await join(server.url, board, 'Anna Lindqvist', 'Företag');
    await join(server.url, board, 'Per Nyström', 'Fackförbund');
    const round = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { anonymous: false }, board.facilitatorToken)).body;
    await put(board, round.id, company.token, { [themes[1]]: 3 });
    await api(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken);

    const swapped = board.groups.map((group) => ({ id: group.id, name: group.name === 'Företag' ? 'Fackförbund' : group.name === 'Fackförbund' ? 'Företag' : group.name }));
    expect((await api(server.url, 'PATCH', `/api/boards/${board.boardId}`, { groups: swapped }, board.facilitatorToken)).status).toBe(200);

    const companyId = board.groups.find((group) => group.name === 'Företag')!.id;
    const exported = await api<{ groups: Array<{ id: string; name: string }> }>(server.url, 'GET', `/api/boards/${board.boardId}/export?format=json`, undefined, board.facilitatorToken);
    expect(exported.body.groups.find((group) => group.id === companyId)?.name).toBe('Företag');
    const watcher = server.connect(`${board.boardId}/control`, board.observerToken);
    await synced(watcher);
    await waitUntil(() => readTally(watcher.doc, round.id) !== undefined);
    expect(readTally(watcher.doc, round.id)!.groupNames?.[companyId]).toBe('Företag');
  });
});
