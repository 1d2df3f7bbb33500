import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { addCard, addCluster, moveCard } from '../../shared/boardDoc.js';
import type { PriorityList } from '../../shared/export/index.js';
import type { RoundState } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

async function download(boardId: string, token: string, query: string): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export?${query}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: (await res.text()).replace(/^\uFEFF/, ''), type: res.headers.get('content-type') };
}

/** The CSV's header row and first priority, split at the separator its language uses. */
function csvRows(text: string, delimiter: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data;
}

describe('an export in the language the reader picks', () => {
  it('tells the same board in Swedish and Dutch, with the separator of the language, the workshop’s by default', async () => {
    const board = await createBoard(server.url, { title: 'Regional Skills Forum', language: 'en', groups: ['Company', 'Trade union'] });
    const fac = server.connect(board.boardId, board.facilitatorToken);
    await synced(fac);
    const skills = addCluster(fac.doc, { title: 'Skills' });
    moveCard(fac.doc, addCard(fac.doc, { title: 'Welders retire faster than we train them', author: 'facilitator' }), skills);
    const voters = await Promise.all(['Company', 'Trade union'].map((group, i) => join(server.url, board, `Voter ${i}`, group)));
    const observer = server.connect(board.boardId, board.observerToken);
    await waitUntil(() => observer.doc.getMap('cards').size === 1);
    const round = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, {}, board.facilitatorToken)).body;
    for (const voter of voters) {
      await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations: { [skills]: 2 } }, voter.token);
    }
    await api(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken);

    const english = await download(board.boardId, board.observerToken, 'format=csv');
    const swedish = await download(board.boardId, board.observerToken, 'format=csv&lang=sv');
    const dutch = await download(board.boardId, board.observerToken, 'format=csv&lang=nl');
    expect([english.status, swedish.status, dutch.status]).toEqual([200, 200, 200]);
    expect(csvRows(english.text, ',')[0].slice(0, 4)).toEqual(['Rank', 'Priority', 'Type', 'Votes']);
    expect(csvRows(swedish.text, ';')[0].slice(0, 4)).toEqual(['Plats', 'Prioritering', 'Typ', 'Röster']);
    expect(csvRows(dutch.text, ';')[0].slice(0, 4)).toEqual(['Rang', 'Prioriteit', 'Soort', 'Stemmen']);
    // What people typed stays as written, in every language.
    expect(csvRows(swedish.text, ';')[1].slice(0, 4)).toEqual(['1', 'Skills', 'Tema', '4']);

    const json = JSON.parse((await download(board.boardId, board.observerToken, 'format=json&lang=nl')).text) as PriorityList;
    expect(json.board.language).toBe('nl');
    // Group names people typed stay, the bucket's too: it is named by the groups inside it, in any language.
    expect(json.groups.map((g) => g.name)).toEqual(['Company', 'Trade union', 'Company + Trade union']);
    const markdown = await download(board.boardId, board.observerToken, 'format=md&lang=sv');
    expect(markdown.text).toContain('**Fråga:**');

    // A frozen version keeps its content, in the words of whoever reads it.
    await api(server.url, 'PUT', `/api/boards/${board.boardId}/agreement`, { roundId: round.id, items: [{ itemId: skills, title: 'Skills', owner: 'Trade union', nextStep: 'Apprenticeship pilot' }] }, board.facilitatorToken);
    await api(server.url, 'POST', `/api/boards/${board.boardId}/agreement/freeze`, undefined, board.facilitatorToken);
    const frozenDutch = csvRows((await download(board.boardId, board.observerToken, 'format=csv&version=1&lang=nl')).text, ';');
    expect(frozenDutch[0]).toContain('Volgende stap');
    expect(frozenDutch[1]).toContain('Apprenticeship pilot');
  });

  it.each([
    ['format=csv&lang=de', 'lang'],
    ['format=csv&lang=', 'lang'],
    ['format=pdf&lang=sv', 'format'],
    ['format=csv&version=0', 'version'],
  ])('refuses %s with 400 JSON naming %s', async (query, field) => {
    const board = await createBoard(server.url);
    const res = await download(board.boardId, board.observerToken, query);
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(JSON.parse(res.text)).toMatchObject({ field });
  });
});
