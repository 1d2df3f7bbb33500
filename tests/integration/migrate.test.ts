import { spawnSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardSummary, CreateBoardResponse, HistoryPoint, HistoryResponse } from '../../shared/api.js';
import { addCard, deleteCard } from '../../shared/boardDoc.js';
import { boardsWithDifferentExports } from '../../server/export/storedExports.js';
import { openPostgresStores } from '../../server/storage/postgres/openPostgresStores.js';
import { openSqliteStores } from '../../server/storage/sqlite/openSqliteStores.js';
import { startPostgres, type RunningPostgres } from '../../fixtures/postgres.js';
import { api, connect, createBoard, join, startTestServer, tempDataDir, waitUntil } from './support.js';

/**
 * Moving up: a SQLite database copied into PostgreSQL with `npm run migrate` serves the same workshops. Every
 * board's exports, in every format and version, must come out identical from the server on PostgreSQL.
 */
let postgres: RunningPostgres | undefined;
afterAll(() => postgres?.dispose());

const FORMATS = ['csv', 'md', 'json', 'xlsx'] as const;
/** Both servers name themselves alike, so the links they hand out compare. */
const PUBLIC_URL = 'https://forum.example.org';

/** Each export's bytes; an XLSX by its cells, since the zip carries the moment it was written. */
async function exportsOf(base: string, board: CreateBoardResponse, versions: number[]): Promise<Record<string, unknown>> {
  const files: Record<string, unknown> = {};
  for (const version of [undefined, ...versions]) {
    for (const format of FORMATS) {
      for (const lang of [undefined, 'nl']) {
        const query = new URLSearchParams({ format, ...(version ? { version: String(version) } : {}), ...(lang ? { lang } : {}) });
        const res = await fetch(`${base}/api/boards/${board.boardId}/export?${query}`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } });
        expect(res.status, `${query}`).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        files[`${query}`] = format === 'xlsx' ? await xlsxCells(bytes) : withoutExportMoment(format, Buffer.from(bytes).toString('utf8'));
      }
    }
  }
  return files;
}

/**
 * A list not frozen is built when it is downloaded and names that moment; the moment is left out of the
 * comparison, everything else must be byte for byte the same. A frozen list carries no such moment.
 */
function withoutExportMoment(format: string, text: string): string {
  if (format === 'json') {
    const list = JSON.parse(text) as { board: { exportedAt?: number } };
    if (list.board.exportedAt === undefined) return text;
    delete list.board.exportedAt;
    return JSON.stringify(list);
  }
  return format === 'md' ? text.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '(exported)') : text;
}

async function xlsxCells(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

/** What else a person relies on after the move: the summary, the join code, the links, the people. */
async function stateOf(base: string, board: CreateBoardResponse) {
  const summary = await api<BoardSummary>(base, 'GET', `/api/boards/${board.boardId}`, undefined, board.facilitatorToken);
  const { lastActivityAt: _lastActivityAt, ...stable } = summary.body;
  const links = await api(base, 'GET', `/api/boards/${board.boardId}/links`, undefined, board.facilitatorToken);
  const code = await api(base, 'GET', `/api/join/${board.joinCode}`);
  return { summary: stable, links: links.body, code: code.body };
}

/** The points of the board's history kept through compactions of its log. */
async function keptPointsOf(base: string, board: CreateBoardResponse): Promise<HistoryPoint[]> {
  const history = await api<HistoryResponse>(base, 'GET', `/api/boards/${board.boardId}/history`, undefined, board.facilitatorToken);
  return history.body.points.filter((point) => point.kept);
}

it('copies every board into PostgreSQL with exports identical in every format and version', async () => {
  const dataDir = tempDataDir();
  // The board documents' logs compacted often, so their histories hold kept points to copy.
  const sqlite = await startTestServer(dataDir, { PUBLIC_URL, COMPACT_EVERY: '2' });
  const boards: Array<{ board: CreateBoardResponse; versions: number[] }> = [];
  let before: Array<{ files: Record<string, unknown>; state: unknown; kept: HistoryPoint[] }> = [];
  try {
    // Two sample workshops (people, cards, themes, two revealed rounds with ballots, a frozen version and a draft)…
    for (const language of ['en', 'sv'] as const) {
      const res = await api<CreateBoardResponse>(sqlite.url, 'POST', '/api/demo-boards', { language });
      expect(res.status).toBe(201);
      boards.push({ board: res.body, versions: [1] });
    }
    // …a second frozen version on one, and a workshop still collecting, with a card and named links.
    const first = boards[0].board;
    expect((await api(sqlite.url, 'POST', `/api/boards/${first.boardId}/agreement/freeze`, undefined, first.facilitatorToken)).status).toBe(201);
    boards[0].versions.push(2);
    const collecting = await createBoard(sqlite.url, { title: 'Forum i uppstart' });
    await api(sqlite.url, 'POST', `/api/boards/${collecting.boardId}/phase`, { phase: 'collect' }, collecting.facilitatorToken);
    const karin = await join(sqlite.url, collecting, 'Karin Ek', 'Företag', 'Verkstad AB');
    await api(sqlite.url, 'POST', `/api/boards/${collecting.boardId}/co-facilitator-links`, { name: 'Medfacilitator' }, collecting.facilitatorToken);
    await api(sqlite.url, 'POST', `/api/boards/${collecting.boardId}/observer-links`, undefined, collecting.facilitatorToken);
    const writer = connect(sqlite.url, collecting.boardId, karin.token);
    await waitUntil(() => writer.provider.synced);
    addCard(writer.doc, { title: 'Kompetensförsörjning', author: karin.participantId });
    deleteCard(writer.doc, addCard(writer.doc, { title: 'Fel kort', author: karin.participantId }));
    await waitUntil(async () => (await keptPointsOf(sqlite.url, collecting)).length > 0);
    await waitUntil(async () => (await api<string>(sqlite.url, 'GET', `/api/boards/${collecting.boardId}/export?format=csv`, undefined, collecting.facilitatorToken)).body.includes('Kompetensförsörjning'));
    writer.destroy();
    boards.push({ board: collecting, versions: [] });

    before = [];
    for (const { board, versions } of boards) before.push({ files: await exportsOf(sqlite.url, board, versions), state: await stateOf(sqlite.url, board), kept: await keptPointsOf(sqlite.url, board) });
    expect(before.some((b) => b.kept.length > 0)).toBe(true);
  } finally {
    await sqlite.close();
  }

  postgres = await startPostgres();
  const url = postgres.createDatabase('moved');
  const started = performance.now();
  const migrate = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts', '--to', url], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  expect(migrate.stderr).toBe('');
  expect(migrate.status).toBe(0);
  expect(migrate.stdout).toMatch(/boards: 3 rows/);
  expect(migrate.stdout).toMatch(/verified: the priority lists of all 3 boards are the same in PostgreSQL/);
  console.log(`migrate: ${Math.round(performance.now() - started)} ms for 3 boards\n${migrate.stdout}`);

  // A second run into the same database refuses, copying nothing twice.
  const again = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts', '--to', url], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('already holds 3 boards');

  // The script's check would see a difference: a card slipped into the copy makes that board differ, and
  // deleting it again (a tombstone, nothing in any list) makes the copy the same as the original once more.
  const original = openSqliteStores(path.join(dataDir, 'forumboard.db'));
  const copy = await openPostgresStores(url);
  try {
    const collecting = boards[2].board;
    const slipped = new Y.Doc();
    const cardId = addCard(slipped, { title: 'Never written by anyone', author: 'facilitator' });
    await copy.log.append(collecting.boardId, 'board', Y.encodeStateAsUpdate(slipped));
    expect(await boardsWithDifferentExports(original, copy)).toEqual({ compared: 3, differing: [collecting.boardId] });
    const added = Y.encodeStateVector(slipped);
    deleteCard(slipped, cardId);
    await copy.log.append(collecting.boardId, 'board', Y.encodeStateAsUpdate(slipped, added));
    expect(await boardsWithDifferentExports(original, copy)).toEqual({ compared: 3, differing: [] });
  } finally {
    await Promise.all([original.close(), copy.close()]);
  }

  const moved = await startTestServer(tempDataDir(), { DATABASE_URL: url, PUBLIC_URL });
  try {
    for (const [i, { board, versions }] of boards.entries()) {
      expect(await exportsOf(moved.url, board, versions)).toEqual(before[i].files);
      expect(await stateOf(moved.url, board)).toEqual(before[i].state);
      expect(await keptPointsOf(moved.url, board)).toEqual(before[i].kept);
    }
    // The workshop goes on where it was: its join code admits newcomers, and new cards are stored after the old ones.
    const collecting = boards[2].board;
    const newcomer = await join(moved.url, collecting, 'Olle Berg', 'Företag');
    const writer = connect(moved.url, collecting.boardId, newcomer.token);
    await waitUntil(() => writer.provider.synced);
    addCard(writer.doc, { title: 'Energipriser', author: newcomer.participantId });
    await waitUntil(async () => {
      const csv = (await api<string>(moved.url, 'GET', `/api/boards/${collecting.boardId}/export?format=csv`, undefined, collecting.facilitatorToken)).body;
      return csv.includes('Energipriser') && csv.includes('Kompetensförsörjning');
    });
    writer.destroy();
  } finally {
    await moved.close();
  }
}, 120_000);
