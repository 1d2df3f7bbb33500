import { describe, expect, it } from 'vitest';
import type { RoundState, Tally } from '../../shared/voting/index.js';
import { addCluster } from '../../shared/boardDoc.js';
import { readRound } from '../../shared/controlDoc.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

/**
 * The sock-puppet attack on an anonymous round: the trade union has one voter, whose ballot is secret as long as
 * the union is counted with others. Anyone holding the join code joins made-up people into the union once the round
 * is open and casts empty ballots for them, hoping to lift the union over the threshold of three.
 */
describe('made-up voters', () => {
  it('cannot lift a lone voter\'s group over the threshold of an anonymous round', async () => {
    const board = await createBoard(server.url, { groups: ['Företag', 'Fackförbund', 'Region'] });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const themes = ['Kompetensförsörjning', 'Energi', 'Infrastruktur'].map((title) => addCluster(fac.doc, { title }));
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => observer.doc.getMap('clusters').size === 3);
    const company = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
    const region = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Region ${i}`, 'Region')));
    const lone = await join(server.url, board, 'Per Nyström', 'Fackförbund');
    const round = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken)).body;
    const vote = async (token: string, allocations: Record<string, number>) =>
      expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations }, token)).status).toBe(200);

    await vote(lone.token, { [themes[0]!]: 3, [themes[2]!]: 2 });
    for (const person of [...company, ...region]) await vote(person.token, { [themes[1]!]: 2 });
    // Two puppets join the union after the round opened: one with an empty ballot, one with a dot.
    const puppets = await Promise.all([1, 2].map((i) => join(server.url, board, `Puppet ${i}`, 'Fackförbund')));
    await vote(puppets[0]!.token, {});
    await vote(puppets[1]!.token, { [themes[1]!]: 1 });

    const tally = (await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken)).body;
    const union = board.groups.find((group) => group.name === 'Fackförbund')!.id;
    expect(tally.groups).not.toContain(union);
    // The union is counted with another group, and the bucket says so.
    expect(tally.merged).toContain(union);
    expect(tally.merged!.length).toBeGreaterThan(1);
  });
});

/**
 * The regrouping attack: the facilitator joins two made-up people into another group before the round, lets them
 * vote, and moves them into the lone union voter's group mid-round. Their ballots stay in the group they were
 * cast in; the move takes effect at the next round.
 */
describe('voters moved between groups mid-round', () => {
  it('keep their ballots in the group they voted in, so a lone voter\'s group stays merged', async () => {
    const board = await createBoard(server.url, { groups: ['Företag', 'Fackförbund', 'Region'] });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const themes = ['Kompetensförsörjning', 'Energi'].map((title) => addCluster(fac.doc, { title }));
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => observer.doc.getMap('clusters').size === 2);
    const company = await Promise.all([1, 2, 3, 4, 5].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
    const region = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Region ${i}`, 'Region')));
    const lone = await join(server.url, board, 'Per Nyström', 'Fackförbund');
    const round = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken)).body;
    const vote = async (token: string, allocations: Record<string, number>) =>
      expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations }, token)).status).toBe(200);
    await vote(lone.token, { [themes[0]!]: 3 });
    for (const person of [...company, ...region]) await vote(person.token, { [themes[1]!]: 2 });
    const union = board.groups.find((group) => group.name === 'Fackförbund')!.id;
    for (const moved of company.slice(0, 2)) {
      const patched = await api(server.url, 'PATCH', `/api/boards/${board.boardId}/participants/${moved.participantId}`, { group: union }, board.facilitatorToken);
      expect(patched.status).toBe(200);
      await vote(moved.token, { [themes[1]!]: 1 });
    }

    const tally = (await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken)).body;
    expect(tally.groups).not.toContain(union);
    expect(tally.merged).toContain(union);
  });

  it('vote in the group they had when the round opened, even when moved before their first ballot', async () => {
    const board = await createBoard(server.url, { groups: ['Företag', 'Fackförbund', 'Region'] });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const themes = ['Kompetensförsörjning', 'Energi'].map((title) => addCluster(fac.doc, { title }));
    const observer = server.connect(`${board.boardId}/control`, board.observerToken);
    await synced(observer);
    const company = await Promise.all([1, 2, 3, 4, 5].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
    const region = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Region ${i}`, 'Region')));
    const lone = await join(server.url, board, 'Per Nyström', 'Fackförbund');
    const union = board.groups.find((group) => group.name === 'Fackförbund')!.id;
    const open = async () => (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken)).body;
    const vote = async (round: RoundState, token: string, allocations: Record<string, number>) =>
      expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations }, token)).status).toBe(200);
    const reveal = async (round: RoundState) =>
      (await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken)).body;

    const first = await open();
    // The facilitator moves two company people into the union before they vote: their first ballots come after the move.
    for (const moved of company.slice(0, 2)) {
      const patched = await api(server.url, 'PATCH', `/api/boards/${board.boardId}/participants/${moved.participantId}`, { group: union }, board.facilitatorToken);
      expect(patched.status).toBe(200);
    }
    await vote(first, lone.token, { [themes[0]!]: 3 });
    for (const person of [...company, ...region]) await vote(first, person.token, { [themes[1]!]: 2 });
    await waitUntil(() => readRound(observer.doc, first.id)?.voters.total === 9);
    // The room's turnout shows no union line of its own: the moved people are counted in the company.
    expect(Object.keys(readRound(observer.doc, first.id)!.voters.byGroup)).not.toContain(union);
    const tally = await reveal(first);
    expect(tally.groups).not.toContain(union);
    expect(tally.merged).toContain(union);
    expect(tally.voters.byGroup[board.groups.find((group) => group.name === 'Företag')!.id]).toBe(5);

    // The move takes effect at the next round: there the union has three voters and is shown on its own.
    const second = await open();
    for (const person of [lone, ...company, ...region]) await vote(second, person.token, { [themes[1]!]: 1 });
    expect((await reveal(second)).groups).toContain(union);
  });
});
