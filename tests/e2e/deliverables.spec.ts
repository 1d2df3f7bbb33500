import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { auth, createRoomBoard, phase, sampleThemes, sampleTitles, seedBoard } from './roomBoard';
import { addCard, closeWorkshopTools, openWorkshopTools, person, test } from './support';

interface Board {
  boardId: string;
  joinCode: string;
  facilitatorToken: string;
  links: { facilitator: string };
}


/** Ten priorities with long titles, and owners and next steps long enough to wrap, in Swedish and Dutch. */
const priorities = Array.from({ length: 10 }, (_, i) => ({
  title: `Prioritet ${i + 1}: kompetensförsörjning för svetsare och CNC-operatörer i länets företag`,
  owner: `Region Gävleborg, samordnare ${i + 1}`,
  nextStep: `Kartlägg behoven med arbetsförmedlingen och lärosätena före juni; bijeenkomst met de vakbonden (${i + 1})`,
}));

/** Creates a Swedish board with the given cards, and an anonymous round that three groups voted in, revealed. */
async function votedBoard(request: APIRequestContext, page: Page, titles: string[]): Promise<{ board: Board; roundId: string; itemIds: string[] }> {
  const board: Board = await (await request.post('/api/boards', { data: { title: 'Industriforum Gävleborg – uppföljning', question: 'Vad prioriterar forumet?', language: 'sv' } })).json();
  await page.goto(board.links.facilitator);
  await page.getByRole('button', { name: /Nästa: Samla|Next: Collect/ }).click();
  for (const title of titles) await addCard(page, title);
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: { anonymous: true } });
  expect(opened.status()).toBe(201);
  const round: { id: string; items: Array<{ id: string }> } = await opened.json();
  const itemIds = round.items.map((item) => item.id);
  const groups = ['foretag', 'fackforbund', 'region'];
  const meta = await (await request.get(`/api/join/${board.joinCode}`)).json().catch(() => null);
  const groupIds: string[] = meta?.groups?.map((group: { id: string }) => group.id) ?? groups;
  for (let person = 0; person < 9; person++) {
    const joined = await request.post(`/api/boards/${board.boardId}/join`, { data: { joinCode: board.joinCode, name: `Röstare ${person + 1}`, group: groupIds[person % 3] } });
    expect(joined.status()).toBe(201);
    const { token } = await joined.json();
    const allocations = { [itemIds[person % itemIds.length]!]: 3, [itemIds[(person * 3 + 1) % itemIds.length]!]: 2 };
    expect((await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: auth(token), data: { allocations } })).status()).toBe(200);
  }
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  return { board, roundId: round.id, itemIds };
}

test('a ten-priority agreement prints on at most two A4 pages, nothing wider than the page', async ({ browser, request }) => {
  const page = await person(browser);
  const titles = [...priorities.map((_, i) => `Kort ${i + 1}`), 'Kort 11'];
  const { board, roundId, itemIds } = await votedBoard(request, page, titles);
  const items = itemIds.map((itemId, i) => (priorities[i] ? { itemId, ...priorities[i] } : { itemId, title: 'Kort 11', dropped: { reason: 'Dubblett av prioritet 2' } }));
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: { roundId, items } })).ok()).toBe(true);
  expect((await request.post(`/api/boards/${board.boardId}/agreement/freeze`, { headers: auth(board.facilitatorToken) })).status()).toBe(201);

  await page.goto(`/b/${board.boardId}/report`);
  await expect(page.getByText(/^(Agreed priorities, version 1|Överenskomna prioriteringar, version 1)/)).toBeVisible();
  await expect(page.locator('.report-priority')).toHaveCount(10);
  await expect(page.getByText(priorities[9]!.nextStep)).toBeVisible();
  await expect(page.getByText(/Contested:|Omstridd:/)).toBeVisible();

  // A4 portrait less 15 mm margins is 180 mm wide: 680 CSS pixels. Nothing may reach beyond it.
  await page.setViewportSize({ width: 680, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  // Measured and printed only once the report itself is on the page, never its loading line.
  await expect(page.locator('.report-priority')).toHaveCount(10);
  await expect(page.getByText(priorities[9]!.nextStep)).toBeVisible();
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName}.${element.className}`);
  });
  expect(overflowing).toEqual([]);
  // Every heading keeps to what follows it, the dropped items' heading too: none is left alone at a page's foot.
  const headings = page.locator('main h2, main h3');
  await expect(headings.filter({ hasText: /^(Strukna|Dropped)/ })).toHaveCount(1);
  expect(new Set(await headings.evaluateAll((all) => all.map((heading) => getComputedStyle(heading).breakAfter)))).toEqual(new Set(['avoid']));
  await page.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });

  await expect(page.locator('.report-priority')).toHaveCount(10);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  await import('node:fs/promises').then((fs) => fs.writeFile(test.info().outputPath('report.pdf'), pdf));
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

test('before freezing, the exports carry the draft with the owners typed; the XLSX reads back with numbers and text intact', async ({ browser, request }) => {
  const page = await person(browser);
  const titles = ['Kompetensförsörjning för svetsare', 'Bijna geen gedeelde infrastructuur (ij-test)', 'Energiomställning: nätkapacitet'];
  const { board, itemIds } = await votedBoard(request, page, titles);

  // The facilitator starts the list in Agree and types an owner and a next step; nothing is frozen.
  await page.getByRole('button', { name: /Nästa: Enas|Next: Agree/ }).click();
  await page.getByRole('button', { name: /Starta från rangordningen efter alla prickar|Start from the ranking by all dots/ }).click();
  await page.getByRole('textbox', { name: /Ansvarig för prioritering 1|Owner of priority 1/ }).fill('Åsa Öberg, Länsstyrelsen');
  await page.getByRole('textbox', { name: /Nästa steg för prioritering 1|Next step of priority 1/ }).fill('Möte i maj – bijeenkomst');
  await expect(page.getByText(/Utkast sparat ✓|Draft saved ✓/)).toBeVisible();

  const exported = async () => (await request.get(`/api/boards/${board.boardId}/export?format=json`, { headers: auth(board.facilitatorToken) })).json();
  // The draft saver sends the typing once it pauses; the export follows the draft as saved.
  await expect.poll(async () => (await exported()).items[0].nextStep).toBe('Möte i maj – bijeenkomst');
  const json = await exported();
  expect(json).toMatchObject({ schemaVersion: 3, status: 'draft', version: null, decisionRecord: null });
  expect(json.items[0]).toMatchObject({ owner: 'Åsa Öberg, Länsstyrelsen', nextStep: 'Möte i maj – bijeenkomst' });
  const csv = await (await request.get(`/api/boards/${board.boardId}/export?format=csv`, { headers: auth(board.facilitatorToken) })).text();
  expect(csv).toContain('Åsa Öberg, Länsstyrelsen');
  const markdown = await (await request.get(`/api/boards/${board.boardId}/export?format=md`, { headers: auth(board.facilitatorToken) })).text();
  expect(markdown).toContain('Utkast, ännu inte låst');

  // The XLSX, downloaded from the Downloads panel as the facilitator would.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Excel \(XLSX\).*(aktuell|current)/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/-draft-sv\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Prioriteringar', 'Omgång 1']);
  const sheet = workbook.worksheets[0]!;
  expect(String(sheet.getCell('A2').value)).toMatch(/^Utkast, ännu inte låst/);
  const header = (sheet.getRow(4).values as unknown[]).slice(1);
  const row = (sheet.getRow(5).values as unknown[]).slice(1);
  expect(typeof row[header.indexOf('Röster')]).toBe('number');
  expect(typeof row[header.indexOf('Balanserad poäng (%)')]).toBe('number');
  expect(row[header.indexOf('Ansvarig')]).toBe('Åsa Öberg, Länsstyrelsen');
  const allText = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('\n');
  for (const title of titles) expect(allText).toContain(title);
  expect(itemIds).toHaveLength(3);
});

test('the sample workshop shows revealed results and an agreed list', async ({ browser }) => {
  const page = await person(browser);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Manufacturing coalition – kick-off' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Priorities in the agreed order' }).getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('textbox', { name: 'Next step of priority 1' })).not.toHaveValue('');
  await expect(page.getByText(/^Version 1, frozen /)).toBeVisible();
  await expect(page.getByRole('img', { name: /Bar chart of the dots per item/ }).first()).toBeVisible();
  for (const width of [1366, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByRole('table', { name: 'Priorities in the agreed order' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`agree-${width}.png`) });
  }
});

test('status texts agree with each other as a participant reads them, and each facilitator command says it was done', async ({ browser, request }) => {
  const board: Board = await (await request.post('/api/boards', { data: { title: 'Status check', question: 'What should the forum work on first?', language: 'en' } })).json();
  const facilitator = await person(browser);
  await facilitator.goto(board.links.facilitator);
  const joined = await request.post(`/api/boards/${board.boardId}/join`, { data: { joinCode: board.joinCode, name: 'Els Vermeulen', group: 'company' } });
  const { token } = await joined.json();
  const participant = await person(browser);
  await participant.goto(`/b/${board.boardId}#token=${token}`);
  const phaseLine = participant.getByRole('navigation', { name: 'Workshop phases' });
  const said = (text: string) => facilitator.getByRole('status').filter({ hasText: text });

  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Settings', { exact: true }).click();
  await tools.getByLabel(/Silent collection/).check();
  await expect(said('Settings saved.')).toBeVisible();
  await closeWorkshopTools(facilitator);
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  await expect(said('Moved to step 2 of 6: Collect.')).toBeVisible();

  // Silent collect: the participant's cards are counted where they are, and the empty board says why it is empty.
  await expect(participant.getByRole('heading', { name: 'Your private cards: 0' })).toBeVisible();
  await addCard(participant, 'Shortage of welders');
  await addCard(participant, 'Grid connections take years');
  await expect(participant.getByRole('heading', { name: 'Your private cards: 2' })).toBeVisible();
  await expect(participant.getByText('No cards on the board yet: they appear when the facilitator reveals them.')).toBeVisible();
  await expect(participant.getByText(/^Cards: \d+$/)).toHaveCount(0);
  await expect(participant.getByText('No cards yet.')).toHaveCount(0);
  const drafts = facilitator.getByRole('region', { name: 'Private cards so far: 2' });
  await expect(drafts.getByText('Each author sees their own cards here too')).toBeVisible();
  await expect(facilitator.getByText(/seen only by you/)).toHaveCount(0);
  await expect(facilitator.getByText(/^Cards: \d+$/)).toHaveCount(0);

  // The reveal is in the phase toolbar during silent collection, not among the workshop tools; saying it was done
  // leaves the timer where it was and the tools on its row.
  const rowOf = async (name: string) => {
    const box = (await facilitator.getByRole('button', { name, exact: true }).boundingBox())!;
    return [Math.round(box.x), Math.round(box.y)];
  };
  await facilitator.setViewportSize({ width: 1024, height: 768 });
  const rowsBefore = [await rowOf('Workshop tools'), await rowOf('Start timer')];
  await facilitator.getByRole('button', { name: 'Reveal all cards' }).click();
  await expect(said('The silent cards are now on the board for everyone.')).toBeVisible();
  expect([(await rowOf('Workshop tools'))[1], await rowOf('Start timer')]).toEqual([rowsBefore[0]![1], rowsBefore[1]]);
  // The line goes under the controls, not between them, where a longer sentence pushes the tools off their row.
  const line = (await said('The silent cards are now on the board for everyone.').boundingBox())!;
  expect(line.y).toBeGreaterThanOrEqual((await facilitator.getByRole('button', { name: 'Workshop tools', exact: true }).boundingBox())!.y + 30);
  await facilitator.locator('.board-toolbar').screenshot({ path: 'test-reports/screenshots/toolbar-after-reveal-1024.png' });
  await expect(facilitator.getByRole('button', { name: 'Reveal all cards' })).toHaveCount(0);
  await expect(participant.getByText('Cards: 2')).toBeVisible();

  // Voting: the phase line describes the phase; whether voting is open or closed is said once, below it.
  await facilitator.getByRole('button', { name: 'Next: Cluster' }).click();
  await facilitator.getByRole('button', { name: 'Next: Vote' }).click();
  await expect(participant.getByText('Voting has not started yet.')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Open the round' }).click();
  await expect(said('Round 1 is open: participants can place their dots.')).toBeVisible();
  await expect(participant.getByText(/^Dots left/)).toBeVisible();
  await facilitator.getByRole('button', { name: 'Close voting' }).click();
  await expect(said('Round 1 is closed: no more dots can be placed.')).toBeVisible();
  await expect(participant.getByText('Voting is closed. The results will be shown shortly.')).toBeVisible();
  // Only cards are on this ballot (no theme yet), and the hint says so.
  await expect(phaseLine.getByText('Step 4 of 6: Vote – Dot voting on the cards.')).toBeVisible();
  await expect(participant.getByText(/voting is (open|under way)/i)).toHaveCount(0);

  await facilitator.getByRole('button', { name: 'Reveal results' }).click();
  await expect(said('Round 1 is revealed: everyone sees the results.')).toBeVisible();
  await expect(phaseLine.getByText('Step 5 of 6: Results – The results are shown.')).toBeVisible();
  await expect(participant.getByText(/voting is (open|closed|under way)/i)).toHaveCount(0);
});

test('before any round, the facilitator downloads the cards and themes collected so far from the workshop tools', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Kick-off Gävleborg', ['Anna Lindqvist']);
  await phase(request, board, 'collect');
  const titles = sampleTitles(6);
  const themes = sampleThemes(2);
  await seedBoard(baseURL!, board, { titles, themes, authors: [{ id: board.people[0]!.participantId, token: board.people[0]!.token }] });
  await phase(request, board, 'cluster');

  const page = await person(browser, { viewport: { width: 1366, height: 800 } });
  await page.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const drawer = await openWorkshopTools(page);
  await expect(drawer.getByText('before any round, the cards and themes collected so far')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByRole('button', { name: 'Download CSV: current list', exact: true }).click()]);
  const csv = fs.readFileSync((await download.path())!, 'utf8');
  for (const text of [...titles, ...themes]) expect(csv).toContain(text);
  // The way to the printable report is a target a finger or a shaky hand hits: 44 px high, not a 19 px text link.
  const reportLink = (await drawer.getByRole('link', { name: 'Printable report', exact: true }).boundingBox())!;
  expect(Math.min(reportLink.width, reportLink.height)).toBeGreaterThanOrEqual(44);
  await drawer.getByRole('heading', { name: 'Downloads', exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-reports/screenshots/tools-downloads-1366.png' });
  await closeWorkshopTools(page);
});

test('the printable report tells every vote round, the run-off beside the round it followed', async ({ browser, request }) => {
  const page = await person(browser);
  const { board, roundId } = await votedBoard(request, page, ['Kort 1', 'Kort 2', 'Kort 3', 'Kort 4']);
  const runoff = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: { anonymous: false, runoff: { fromRound: roundId, top: 2 } } });
  expect(runoff.status()).toBe(201);
  const second: { id: string; items: Array<{ id: string; title: string }> } = await runoff.json();
  const joined = await (await request.post(`/api/boards/${board.boardId}/join`, { data: { joinCode: board.joinCode, name: 'Sena röstaren', group: 'region' } })).json();
  const ballot = { allocations: { [second.items[1]!.id]: 3 } };
  expect((await request.put(`/api/boards/${board.boardId}/rounds/${second.id}/ballot`, { headers: auth(joined.token), data: ballot })).status()).toBe(200);
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${second.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);

  await page.goto(`/b/${board.boardId}/report`);
  // Told in the workshop's language, which its English reader picks.
  await page.getByRole('combobox', { name: 'Language of the report' }).selectOption('sv');
  const rounds = page.locator('.report-rounds li');
  await expect(rounds).toHaveCount(2);
  await expect(rounds.nth(0)).toHaveText(/^Omgång 1: 4 punkter, 9 röstande, anonym; först: /);
  // The run-off says which round it settled, and that its one voter turned that round's order round.
  await expect(rounds.nth(1)).toHaveText(`Omgång 2, andra omgång om toppen i omgång 1: 2 punkter, 1 röstande, med namn; först: ${second.items[1]!.title}; ordningen från omgång 1 ändrades`);
});
