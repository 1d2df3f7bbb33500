import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addCard, addCluster, moveCard, renameCluster } from '../../shared/boardDoc.js';
import type { PriorityList } from '../../shared/export/index.js';
import type { RoundState } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

async function download(boardId: string, token: string, query: string): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  // Decode keeping the byte order mark, which fetch's text() would silently drop.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, text, headers: res.headers };
}

describe('export of the priority list', () => {
  it('carries revealed results only, versions stay byte-identical, participants need permission', async () => {
    const board = await createBoard(server.url, { title: 'Regional Skills & Energy Forum', language: 'en', groups: ['Company', 'Trade union', 'Regional government'] });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const skills = addCluster(fac.doc, { title: 'Skills' });
    const energy = addCluster(fac.doc, { title: 'Energy' });
    moveCard(fac.doc, addCard(fac.doc, { title: 'Skills gap in offshore wind maintenance', author: 'facilitator' }), skills);
    moveCard(fac.doc, addCard(fac.doc, { title: '=HYPERLINK("http://evil.example","click")', author: 'facilitator' }), energy);
    const voters = await Promise.all(
      ['Company', 'Company', 'Company', 'Trade union', 'Trade union', 'Trade union'].map((g, i) => join(server.url, board, `Voter ${i}`, g)),
    );
    const observerCheck = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => observerCheck.doc.getMap('cards').size === 2);

    const round1 = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken)).body;
    for (const [i, v] of voters.entries()) {
      await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round1.id}/ballot`, { allocations: i < 3 ? { [skills]: 3 } : { [energy]: 2 } }, v.token);
    }
    // Before reveal: the export has the cards but no figures at all.
    const early = JSON.parse((await download(board.boardId, board.observerToken, 'format=json')).text) as PriorityList;
    expect(early.status).toBe('no-results');
    expect(early.items.every((item) => item.votes === null)).toBe(true);

    await api(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round1.id}/reveal`, undefined, board.facilitatorToken);
    const live = await download(board.boardId, board.observerToken, 'format=csv');
    expect(live.status).toBe(200);
    expect(live.headers.get('content-disposition')).toMatch(/^attachment; filename="Regional-Skills-Energy-Forum-\d{4}-\d{2}-\d{2}-en\.csv"/);
    expect(live.text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(live.text.slice(1), { skipEmptyLines: true }).data;
    expect(rows[1].slice(0, 4)).toEqual(['1', 'Skills', 'Theme', '9']);
    expect(rows[2][rows[0].indexOf('Cards')]).toBe(`'=HYPERLINK("http://evil.example","click")`);

    // A second round is opened and voted, but not revealed: nothing of it appears.
    const round2 = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken)).body;
    await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round2.id}/ballot`, { allocations: { [energy]: 3 } }, voters[0].token);
    const stillRound1 = JSON.parse((await download(board.boardId, board.facilitatorToken, 'format=json')).text) as PriorityList;
    expect(stillRound1).toMatchObject({ status: 'not-agreed', roundId: round1.id });
    expect(JSON.stringify(stillRound1)).not.toContain(round2.id);

    // Participants may download only once the facilitator allows it.
    expect((await download(board.boardId, voters[0].token, 'format=md')).status).toBe(403);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/settings`, { participantsExport: true }, board.facilitatorToken);
    expect((await download(board.boardId, voters[0].token, 'format=md')).status).toBe(200);
    expect((await download(board.boardId, 'forged', 'format=md')).status).toBe(401);
    expect((await download(board.boardId, board.observerToken, 'format=xlsx')).status).toBe(200);
    const unknownFormat = await download(board.boardId, board.observerToken, 'format=pdf');
    expect(unknownFormat.status).toBe(400);
    expect(unknownFormat.text).toContain('format');

    // Freeze version 1, change the board and freeze version 2: version 1 does not move by a byte.
    await api(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round2.id}/close`, undefined, board.facilitatorToken);
    const draft = { roundId: round1.id, items: [
      { itemId: energy, title: 'Energy', owner: 'Regional government', nextStep: 'Grid capacity study' },
      { itemId: skills, title: 'Skills', owner: 'Trade union', nextStep: 'Apprenticeship pilot' },
    ] };
    expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/agreement`, draft, board.facilitatorToken)).status).toBe(200);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/agreement/freeze`, undefined, board.facilitatorToken)).status).toBe(201);
    const v1 = await Promise.all(['csv', 'md', 'json'].map((f) => download(board.boardId, board.observerToken, `format=${f}&version=1`)));
    const agreed = JSON.parse(v1[2].text) as PriorityList;
    expect(agreed).toMatchObject({ status: 'agreed', version: 1 });
    expect(agreed.items.map((i) => [i.rank, i.title, i.owner])).toEqual([[1, 'Energy', 'Regional government'], [2, 'Skills', 'Trade union']]);

    renameCluster(fac.doc, energy, 'Energy transition');
    await waitUntil(() => (observerCheck.doc.getMap('clusters').get(energy) as { get(k: string): unknown }).get('title') === 'Energy transition');
    await api(server.url, 'PUT', `/api/boards/${board.boardId}/agreement`, { ...draft, items: [{ ...draft.items[0], title: 'Energy transition' }, { ...draft.items[1], dropped: { reason: 'Covered by the national plan' } }] }, board.facilitatorToken);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/agreement/freeze`, undefined, board.facilitatorToken);
    const v1again = await Promise.all(['csv', 'md', 'json'].map((f) => download(board.boardId, board.observerToken, `format=${f}&version=1`)));
    expect(v1again.map((r) => r.text)).toEqual(v1.map((r) => r.text));
    const latest = JSON.parse((await download(board.boardId, board.observerToken, 'format=json')).text) as PriorityList;
    expect(latest).toMatchObject({ version: 2, dropped: [{ itemId: skills, reason: 'Covered by the national plan' }] });
    expect((await download(board.boardId, board.observerToken, 'format=json&version=3')).status).toBe(404);
  });

  it('refuses a draft that is not from a revealed round or names unknown items', async () => {
    const board = await createBoard(server.url);
    const res = await api<{ field: string }>(server.url, 'PUT', `/api/boards/${board.boardId}/agreement`, { roundId: 'r_x', items: [{ itemId: 'a', title: 'A' }] }, board.facilitatorToken);
    expect([res.status, res.body.field]).toEqual([409, 'roundId']);
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/agreement/freeze`, undefined, board.facilitatorToken)).status).toBe(409);
    const p = await join(server.url, board, 'Eva Sjöberg', 'Region');
    expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/agreement`, { roundId: 'r_x', items: [] }, p.token)).status).toBe(403);
  });

  it('puts the language in the file name, so downloads in Swedish, English and Dutch do not overwrite each other', async () => {
    const board = await createBoard(server.url, { title: 'Kick-off Kronoberg', language: 'sv', groups: ['Företag', 'Region'] });
    const nameOf = async (query: string) => (await download(board.boardId, board.observerToken, query)).headers.get('content-disposition');
    const names = await Promise.all(['format=csv', 'format=csv&lang=en', 'format=csv&lang=nl'].map(nameOf));
    expect(names.map((name) => /filename="([^"]+)"/.exec(name ?? '')?.[1])).toEqual([
      expect.stringMatching(/^Kick-off-Kronoberg-\d{4}-\d{2}-\d{2}-sv\.csv$/),
      expect.stringMatching(/-en\.csv$/),
      expect.stringMatching(/-nl\.csv$/),
    ]);
  });
});
