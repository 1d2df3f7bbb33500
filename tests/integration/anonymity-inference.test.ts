import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { addCard, addCluster, moveCard } from '../../shared/boardDoc.js';
import { readRound, readTally } from '../../shared/controlDoc.js';
import { OTHER_GROUPS, type RoundState, type Tally } from '../../shared/voting/index.js';
import { api, createBoard, join, liveServer, synced, waitUntil } from './support.js';

const server = liveServer();

const THEMES = ['Kompetensförsörjning', 'Energi och elpriser', 'Infrastruktur'];

/** Everything a board publishes about a revealed round, with the board's own ids and times replaced by stable names. */
interface Published {
  tally: unknown;
  roundState: unknown;
  summaries: unknown[];
  exports: Record<string, unknown>;
  turnoutWhileOpen: unknown[];
}

/**
 * One anonymous workshop: three company voters, one trade-union voter and two regional voters. The union's
 * ballot and the first regional voter's ballot are the two arguments, so two calls are two worlds that differ
 * only in which of those two people voted what.
 */
async function workshop(unionBallot: string[], regionBallot: string[]): Promise<Published> {
  const board = await createBoard(server.url, { groups: ['Företag', 'Fackförbund', 'Region'] });
  const fac = server.connect(board.boardId, board.facilitatorToken);
  await synced(fac);
  // Themes made in the same millisecond are ordered by id; fixed ids give both worlds the same item order.
  const themes = THEMES.map((title, i) => addCluster(fac.doc, { title, id: `theme-${i}` }));
  themes.forEach((theme, i) => moveCard(fac.doc, addCard(fac.doc, { title: `Kort ${i + 1}`, author: 'facilitator' }), theme));
  const company = await Promise.all([1, 2, 3].map((i) => join(server.url, board, `Företag ${i}`, 'Företag')));
  const union = await join(server.url, board, 'Per Nyström', 'Fackförbund');
  const region = await Promise.all([1, 2].map((i) => join(server.url, board, `Region ${i}`, 'Region')));
  const observer = server.connect(board.boardId, board.observerToken);
  await waitUntil(() => observer.doc.getMap('clusters').size === 3);

  const round = (await api<RoundState>(server.url, 'POST', `/api/boards/${board.boardId}/rounds`, { budget: 5, cap: 3 }, board.facilitatorToken)).body;
  expect(round.settings.anonymous).toBe(true);
  const control = server.connect(`${board.boardId}/control`, company[0]!.token);
  await synced(control);
  const turnoutWhileOpen: unknown[] = [];
  const byTitle = (titles: string[]) => Object.fromEntries(titles.map((title) => [themes[THEMES.indexOf(title)]!, 3 - titles.indexOf(title)]));
  const vote = async (token: string, titles: string[]) => {
    expect((await api(server.url, 'PUT', `/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { allocations: byTitle(titles) }, token)).status).toBe(200);
    const voted = turnoutWhileOpen.length + 1;
    await waitUntil(() => readRound(control.doc, round.id)?.voters.total === voted);
    turnoutWhileOpen.push(readRound(control.doc, round.id)!.voters);
  };
  // The lone union voter and the pair from the region vote first, while no group has three voters yet.
  await vote(union.token, unionBallot);
  await vote(region[0]!.token, regionBallot);
  await vote(region[1]!.token, ['Infrastruktur']);
  for (const person of company) await vote(person.token, ['Kompetensförsörjning', 'Energi och elpriser']);

  const revealed = await api<Tally>(server.url, 'POST', `/api/boards/${board.boardId}/rounds/${round.id}/reveal`, undefined, board.facilitatorToken);
  expect(revealed.status).toBe(200);
  await waitUntil(() => readTally(control.doc, round.id) !== undefined && readRound(control.doc, round.id)?.state === 'revealed');

  const summaries = [];
  for (const token of [board.facilitatorToken, board.observerToken, union.token, company[0]!.token]) {
    summaries.push((await api<{ rounds: unknown }>(server.url, 'GET', `/api/boards/${board.boardId}`, undefined, token)).body.rounds);
  }
  const exports: Record<string, unknown> = {};
  for (const format of ['csv', 'md']) exports[format] = await download(board.boardId, board.observerToken, format);
  exports.json = JSON.parse(await download(board.boardId, board.observerToken, 'json'));
  exports.xlsx = await xlsxCells(board.boardId, board.observerToken);

  const stable = (value: unknown) => {
    let text = JSON.stringify(value);
    const ids: Array<[string, string]> = [
      [board.boardId, 'BOARD'],
      [round.id, 'ROUND'],
      ...themes.map((id, i): [string, string] => [id, `THEME${i}`]),
      ...[...company, union, ...region].map((person, i): [string, string] => [person.participantId, `PERSON${i}`]),
    ];
    for (const [id, name] of ids) text = text.replaceAll(id, name);
    // Times differ between the two boards; they say when, never what.
    text = text.replace(/"(openedAt|closedAt|revealedAt|exportedAt)":\d+/g, '"$1":0').replace(/\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?Z?)?( UTC)?/g, 'TIME');
    return JSON.parse(text) as unknown;
  };
  return {
    // Raw, not through the typed readers: a key they would leave out is published all the same.
    tally: stable(control.doc.getMap('results').get(round.id)),
    roundState: stable(control.doc.getMap('rounds').get(round.id)),
    summaries: stable(summaries) as unknown[],
    exports: stable(exports) as Record<string, unknown>,
    turnoutWhileOpen: stable(turnoutWhileOpen) as unknown[],
  };
}

async function download(boardId: string, token: string, format: string): Promise<string> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
}

/** Every sheet of the XLSX export as rows of cell values. */
async function xlsxCells(boardId: string, token: string): Promise<unknown> {
  const res = await fetch(`${server.url}/api/boards/${boardId}/export?format=xlsx`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  return book.worksheets.map((sheet) => ({ name: sheet.name, rows: sheet.getSheetValues() }));
}

describe('anonymity against inference', () => {
  it('publishes nothing that tells whether the lone union voter or a regional voter backed skills', async () => {
    const unionOnSkills = await workshop(['Kompetensförsörjning', 'Infrastruktur'], ['Energi och elpriser', 'Infrastruktur']);
    const unionOnEnergy = await workshop(['Energi och elpriser', 'Infrastruktur'], ['Kompetensförsörjning', 'Infrastruktur']);

    // The groups of 1 and 2 voters are one bucket of 3 in every figure, the turnout included.
    const tally = unionOnSkills.tally as Tally;
    expect(tally.groups).toEqual(['company', OTHER_GROUPS]);
    expect(tally.voters).toEqual({ total: 6, byGroup: { company: 3, [OTHER_GROUPS]: 3 } });
    expect(unionOnSkills.roundState).toMatchObject({ state: 'revealed', voters: tally.voters });
    expect(unionOnSkills.turnoutWhileOpen).toEqual([
      { total: 1, byGroup: { [OTHER_GROUPS]: 1 } },
      { total: 2, byGroup: { [OTHER_GROUPS]: 2 } },
      { total: 3, byGroup: { [OTHER_GROUPS]: 3 } },
      { total: 4, byGroup: { [OTHER_GROUPS]: 4 } },
      { total: 5, byGroup: { [OTHER_GROUPS]: 5 } },
      { total: 6, byGroup: { company: 3, [OTHER_GROUPS]: 3 } },
    ]);
    // The bucket says which groups it holds, the same whoever voted what; no other figure names them.
    expect(tally.merged).toEqual(['union', 'region']);
    const { exports, ...controlAndApi } = unionOnSkills;
    // The names the tally keeps (for a later rename) are every group's, voters or not, so they say nothing either.
    expect(Object.keys(tally.groupNames ?? {}).sort()).toEqual(['company', 'region', 'union']);
    expect(JSON.stringify({ ...controlAndApi, tally: { ...tally, merged: undefined, groupNames: undefined } })).not.toMatch(/union|region/);
    // Exports name the board's groups (and count their members, as the presence list does), never their dots.
    // The bucket's figures carry both names ("Fackförbund + Region 3"), never one of them alone.
    expect(JSON.stringify([exports.csv, exports.md, exports.xlsx])).not.toMatch(/Fackförbund:? \d|(?<!\+ )Region:? \d/);

    // Every published figure is the same in both worlds: nothing to infer.
    expect(unionOnSkills.tally).toEqual(unionOnEnergy.tally);
    expect(unionOnSkills.roundState).toEqual(unionOnEnergy.roundState);
    expect(unionOnSkills.summaries).toEqual(unionOnEnergy.summaries);
    expect(unionOnSkills.turnoutWhileOpen).toEqual(unionOnEnergy.turnoutWhileOpen);
    for (const format of ['csv', 'md', 'json', 'xlsx']) expect(unionOnSkills.exports[format], format).toEqual(unionOnEnergy.exports[format]);
  });
});
