import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CreateBoardResponse } from '../../shared/api.js';
import type { NewRegisterLink, RegisterItem, RegisterView } from '../../shared/register.js';
import { send } from '../../fixtures/workshopApi.js';
import { api, createBoard, liveServer } from './support.js';

const server = liveServer();

/** A sample workshop with a frozen version 1, its register started by the facilitator. */
async function startedRegister(language = 'en'): Promise<{ board: CreateBoardResponse; view: RegisterView }> {
  const board = (await api<CreateBoardResponse>(server.url, 'POST', '/api/demo-boards', { language })).body;
  const started = await api<RegisterView>(server.url, 'POST', `/api/boards/${board.boardId}/register`, {}, board.facilitatorToken);
  expect(started.status).toBe(201);
  return { board, view: started.body };
}

async function mint(board: CreateBoardResponse, body: { kind: 'owner'; owner: string } | { kind: 'progress' }): Promise<NewRegisterLink> {
  const res = await api<NewRegisterLink>(server.url, 'POST', `/api/boards/${board.boardId}/register/links`, body, board.facilitatorToken);
  expect(res.status).toBe(201);
  return res.body;
}

const read = async (board: CreateBoardResponse, token: string) => (await api<RegisterView>(server.url, 'GET', `/api/boards/${board.boardId}/register`, undefined, token)).body;
const patch = (board: CreateBoardResponse, itemId: string, body: unknown, token: string) =>
  api<{ error: string; code?: string; field?: string } & Partial<RegisterItem>>(server.url, 'PATCH', `/api/boards/${board.boardId}/register/items/${itemId}`, body, token);

describe('the follow-through register', () => {
  it('starts once from the latest frozen version, each priority carrying its cards and figures, and not before a list is frozen', async () => {
    const { board, view } = await startedRegister();
    const frozen = JSON.parse(await (await send(server.url, 'GET', `/api/boards/${board.boardId}/export?format=json&version=1`, undefined, board.facilitatorToken)).text());
    expect(view.register.fromVersion).toBe(1);
    expect(view.reader).toEqual({ kind: 'facilitator' });
    expect(view.register.items.map((item) => [item.position, item.title, item.owner, item.status])).toEqual(
      frozen.items.map((item: { title: string; owner: string }, i: number) => [i + 1, item.title, item.owner, 'not-started']),
    );
    const first = view.register.items[0]!;
    expect(first.source).toMatchObject({ version: 1, rank: 1, votes: { total: frozen.items[0].votes.total } });
    expect(first.source.cards.map((card) => card.title)).toEqual(frozen.items[0].cards.map((card: { title: string }) => card.title));

    const again = await api<{ code: string }>(server.url, 'POST', `/api/boards/${board.boardId}/register`, {}, board.facilitatorToken);
    expect([again.status, again.body.code]).toEqual([409, 'register-exists']);
    const fresh = await createBoard(server.url);
    const early = await api<{ code: string }>(server.url, 'POST', `/api/boards/${fresh.boardId}/register`, {}, fresh.facilitatorToken);
    expect([early.status, early.body.code]).toEqual([409, 'no-frozen-list']);
    const none = await api<{ code: string }>(server.url, 'GET', `/api/boards/${fresh.boardId}/register`, undefined, fresh.facilitatorToken);
    expect([none.status, none.body.code]).toEqual([404, 'no-register']);
  });

  it('lets an owner update their own priorities through their link, logged with who, when and what changed', async () => {
    const { board, view } = await startedRegister();
    const item = view.register.items[0]!;
    const owner = await mint(board, { kind: 'owner', owner: item.owner });
    expect(owner.link).toBe(`${server.url}/b/${board.boardId}/progress#token=${owner.token}`);
    const asOwner = await read(board, owner.token);
    expect(asOwner.reader).toEqual({ kind: 'owner', owner: item.owner });

    const res = await patch(board, item.itemId, { status: 'under-way', progress: 40, nextReview: '2027-03-01', note: 'Pilot with two schools' }, owner.token);
    expect(res.status).toBe(200);
    const progress = await mint(board, { kind: 'progress' });
    const seen = (await read(board, progress.token)).register.items[0]!;
    expect(seen).toMatchObject({ status: 'under-way', progress: 40, nextReview: '2027-03-01' });
    expect(seen.log).toEqual([
      {
        at: expect.any(Number),
        by: item.owner,
        note: 'Pilot with two schools',
        changes: [
          { field: 'status', from: 'not-started', to: 'under-way' },
          { field: 'progress', from: null, to: 40 },
          { field: 'nextReview', from: null, to: '2027-03-01' },
        ],
      },
    ]);

    // Dropped with a reason; the register outlives the workshop, so a closed one still takes updates.
    expect((await api(server.url, 'POST', `/api/boards/${board.boardId}/close`, {}, board.facilitatorToken)).status).toBe(200);
    const dropped = await patch(board, item.itemId, { status: 'dropped', dropReason: 'Covered by the regional skills pact' }, owner.token);
    expect([dropped.status, dropped.body.status, dropped.body.dropReason, dropped.body.log?.length]).toEqual([200, 'dropped', 'Covered by the regional skills pact', 2]);
  });

  it("refuses an owner another owner's priority, and every write through the progress link, with 403 JSON and nothing changed", async () => {
    const { board, view } = await startedRegister();
    const [mine, theirs] = [view.register.items[0]!, view.register.items.find((item) => item.owner !== view.register.items[0]!.owner)!];
    const owner = await mint(board, { kind: 'owner', owner: mine.owner });
    const progress = await mint(board, { kind: 'progress' });
    const before = JSON.stringify((await read(board, board.facilitatorToken)).register);

    const other = await patch(board, theirs.itemId, { status: 'done' }, owner.token);
    expect([other.status, other.body.code]).toEqual([403, 'not-your-item']);
    const handOver = await patch(board, mine.itemId, { owner: 'Someone else' }, owner.token);
    expect([handOver.status, handOver.body.code]).toEqual([403, 'not-your-item']);
    for (const [method, route, body] of [
      ['PATCH', `/register/items/${mine.itemId}`, { status: 'done' }],
      ['PATCH', `/register/items/${mine.itemId}`, { status: 'nonsense' }],
      ['POST', '/register', {}],
      ['POST', '/register/links', { kind: 'progress' }],
      ['GET', '/register/links', undefined],
      ['DELETE', `/register/links/${owner.id}`, undefined],
    ] as const) {
      const res = await send(server.url, method, `/api/boards/${board.boardId}${route}`, body, progress.token);
      expect([route, res.status, res.headers.get('content-type')]).toEqual([route, 403, 'application/json; charset=utf-8']);
      expect(await res.json()).toMatchObject({ code: 'read-only-link' });
    }
    expect(JSON.stringify((await read(board, board.facilitatorToken)).register)).toBe(before);
  });

  it('answers bad input with a 4xx naming the field and stores nothing; a revoked link opens nothing', async () => {
    const { board, view } = await startedRegister();
    const item = view.register.items[0]!;
    const owner = await mint(board, { kind: 'owner', owner: item.owner });
    const before = JSON.stringify((await read(board, board.facilitatorToken)).register);
    for (const [body, field] of [
      [{ status: 'dropped' }, 'dropReason'],
      [{ dropReason: 'No money' }, 'status'],
      [{ progress: 120 }, 'progress'],
      [{ progress: 12.5 }, 'progress'],
      [{ nextReview: '2027-02-30' }, 'nextReview'],
      [{ nextReview: 'next week' }, 'nextReview'],
      [{ note: 'x'.repeat(1001) }, 'note'],
      [{ colour: 'red' }, '(body)'],
      [{}, 'note'],
    ] as const) {
      const res = await patch(board, item.itemId, body, owner.token);
      expect([JSON.stringify(body), res.status, res.body.field ?? '']).toEqual([JSON.stringify(body), 400, field]);
    }
    expect((await patch(board, 'no-such-item', { status: 'done' }, board.facilitatorToken)).status).toBe(404);
    expect((await patch(board, item.itemId, { status: 'done' }, 'made-up-token')).status).toBe(401);
    // The workshop's own observer link is no way into the register.
    expect((await send(server.url, 'GET', `/api/boards/${board.boardId}/register`, undefined, board.observerToken)).status).toBe(403);
    const unknownOwner = await api<{ code: string }>(server.url, 'POST', `/api/boards/${board.boardId}/register/links`, { kind: 'owner', owner: 'Nobody Ltd' }, board.facilitatorToken);
    expect([unknownOwner.status, unknownOwner.body.code]).toEqual([400, 'unknown-owner']);
    expect(JSON.stringify((await read(board, board.facilitatorToken)).register)).toBe(before);

    const links = await api<Array<{ id: string; kind: string; owner: string | null }>>(server.url, 'GET', `/api/boards/${board.boardId}/register/links`, undefined, board.facilitatorToken);
    expect(links.body).toEqual([{ id: owner.id, kind: 'owner', owner: item.owner, createdAt: owner.createdAt }]);
    expect((await api(server.url, 'DELETE', `/api/boards/${board.boardId}/register/links/${owner.id}`, undefined, board.facilitatorToken)).status).toBe(200);
    expect((await patch(board, item.itemId, { status: 'done' }, owner.token)).status).toBe(401);
    expect((await send(server.url, 'GET', `/api/boards/${board.boardId}/register`, undefined, owner.token)).status).toBe(401);
  });
});

describe('the register as files', () => {
  it('carries the register in CSV, XLSX and JSON, in the workshop language', async () => {
    const { board, view } = await startedRegister('nl');
    const item = view.register.items[0]!;
    await patch(board, item.itemId, { status: 'under-way', progress: 'Aanbesteding gepubliceerd', note: 'Eerste stap' }, board.facilitatorToken);
    const progress = await mint(board, { kind: 'progress' });
    const file = (format: string) => send(server.url, 'GET', `/api/boards/${board.boardId}/register/export?format=${format}`, undefined, progress.token);

    const csv = await file('csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Plaats;Prioriteit;Eigenaar;Status;/);
    expect(lines[1]).toContain(`1;${item.title};${item.owner};Onderweg;;Aanbesteding gepubliceerd;`);
    expect(lines.filter(Boolean)).toHaveLength(view.register.items.length + 1);

    const json = await (await file('json')).json();
    expect(json).toMatchObject({ schemaVersion: 1, fromVersion: 1, board: { language: 'nl' }, exportedAt: expect.any(Number) });
    expect(json.items[0]).toMatchObject({ title: item.title, status: 'under-way', progress: 'Aanbesteding gepubliceerd', log: [{ by: 'facilitator', note: 'Eerste stap' }] });

    const xlsx = await file('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Register', 'Updates']);
    const [items, updates] = workbook.worksheets;
    expect(items!.getRow(5).values).toEqual(expect.arrayContaining([1, item.title, item.owner, 'Onderweg', 'Aanbesteding gepubliceerd']));
    expect(updates!.getRow(5).values).toEqual(expect.arrayContaining([item.title, 'Facilitator', 'Eerste stap']));
  });

  it('gives the review dates as an iCalendar feed that a strict reader accepts, through the owner or the progress link', async () => {
    const { board, view } = await startedRegister('sv');
    const [first, second] = view.register.items;
    const owner = await mint(board, { kind: 'owner', owner: first!.owner });
    // Text that must be escaped (comma, semicolon, backslash, a line break) and folded (long, with å/ä/ö).
    const words = 'Upphandling, steg 1; klar\\nästa: förstudie om vätgas och elnät i hamnområdet';
    expect((await patch(board, first!.itemId, { progress: words, nextReview: '2027-01-15' }, owner.token)).status).toBe(200);
    expect((await patch(board, second!.itemId, { nextReview: '2027-02-01' }, board.facilitatorToken)).status).toBe(200);
    const progress = await mint(board, { kind: 'progress' });

    // A calendar subscribes by address alone: the token in the query.
    const res = await fetch(`${server.url}/api/boards/${board.boardId}/register/export?format=ics&token=${progress.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = parseICalendar(await res.text());
    expect(events).toHaveLength(2);
    const review = events.find((event) => event.DTSTART === '20270115')!;
    expect(review).toMatchObject({ 'DTSTART;VALUE=DATE': '20270115', 'DTEND;VALUE=DATE': '20270116', SUMMARY: `Uppföljning: ${first!.title}` });
    expect(review.UID).toBe(`register-${board.boardId}-${first!.itemId}@forumboard`);
    expect(review.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
    expect(review.DESCRIPTION).toBe(`Ansvarig: ${first!.owner}\nStatus: Inte påbörjad\nFramsteg: ${words}`);
    expect((await send(server.url, 'GET', `/api/boards/${board.boardId}/register/export?format=ics`, undefined, owner.token)).status).toBe(200);
    expect((await send(server.url, 'GET', `/api/boards/${board.boardId}/register/export?format=pdf`, undefined, owner.token)).status).toBe(400);
  });
});

/**
 * A strict reading of RFC 5545's line structure: CRLF only, at most 75 octets a line, continuation lines
 * unfolded, BEGIN/END balanced, the calendar's required properties and each event's UID, DTSTAMP and DTSTART,
 * TEXT values unescaped. Returns each VEVENT's properties by name (with parameters kept in a second key).
 */
function parseICalendar(text: string): Array<Record<string, string>> {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
  }
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  expect(lines).toContain('VERSION:2.0');
  expect(lines.some((line) => line.startsWith('PRODID:'))).toBe(true);
  const events: Array<Record<string, string>> = [];
  let event: Record<string, string> | null = null;
  for (const line of lines.slice(1, -1)) {
    const colon = line.indexOf(':');
    expect(colon).toBeGreaterThan(0);
    const [nameWithParams, value] = [line.slice(0, colon), line.slice(colon + 1)];
    expect(nameWithParams).toMatch(/^[A-Z-]+(;[A-Z-]+=[^;:]+)*$/);
    if (line === 'BEGIN:VEVENT') {
      expect(event).toBeNull();
      event = {};
    } else if (line === 'END:VEVENT') {
      expect(event).toMatchObject({ UID: expect.any(String), DTSTAMP: expect.any(String), DTSTART: expect.any(String) });
      events.push(event!);
      event = null;
    } else if (event) {
      // An unescaped comma or semicolon in a TEXT value would split it into several values.
      if (['SUMMARY', 'DESCRIPTION'].includes(nameWithParams)) expect(value).not.toMatch(/(^|[^\\])(\\\\)*[,;]/);
      const unescaped = value.replace(/\\([\\;,nN])/g, (_all, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
      event[nameWithParams.split(';')[0]!] = unescaped;
      event[nameWithParams] = unescaped;
    }
  }
  expect(event).toBeNull();
  return events;
}
