import { readFile } from 'node:fs/promises';
import { expect, type APIRequestContext } from '@playwright/test';
import Papa from 'papaparse';
import { addCard, expectNoAxeViolations, openWorkshopTools, person, test } from './support';

const title = 'Steel and hydrogen valley';
const items = ['Hydrogen pipeline', 'Apprenticeships in welding', 'Grid congestion'];

/**
 * Three company voters and one union voter. In an anonymous round the union's one voter cannot be shown on
 * its own, and a bucket of one would be that ballot (the totals minus the company's figures would give it
 * away), so the company joins the bucket: only the bucket, named by its groups, is shown.
 */
const ballots = [
  { group: 'company', dots: { 'Hydrogen pipeline': 3, 'Grid congestion': 2 } },
  { group: 'company', dots: { 'Grid congestion': 3, 'Apprenticeships in welding': 2 } },
  { group: 'company', dots: { 'Hydrogen pipeline': 3, 'Grid congestion': 1 } },
  { group: 'union', dots: { 'Apprenticeships in welding': 3, 'Hydrogen pipeline': 2 } },
];
/** The ranking by all dots the ballots make, with no ties: the list in Agree starts in this order. */
const ranking = ['Hydrogen pipeline', 'Grid congestion', 'Apprenticeships in welding'];

interface Board {
  boardId: string;
  joinCode: string;
  facilitatorToken: string;
}

/** Opens an anonymous round through the API and casts the ballots of four people who joined by code. */
async function voteThroughApi(request: APIRequestContext, board: Board) {
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: { Authorization: `Bearer ${board.facilitatorToken}` }, data: {} });
  expect(opened.status()).toBe(201);
  const round: { id: string; items: Array<{ id: string; title: string }> } = await opened.json();
  const idOf = (itemTitle: string) => round.items.find((item) => item.title === itemTitle)!.id;
  for (const [index, ballot] of ballots.entries()) {
    const joined = await request.post(`/api/boards/${board.boardId}/join`, { data: { joinCode: board.joinCode, name: `Voter ${index + 1}`, group: ballot.group } });
    const { token } = await joined.json();
    const allocations = Object.fromEntries(Object.entries(ballot.dots).map(([itemTitle, dots]) => [idOf(itemTitle), dots]));
    const stored = await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: { Authorization: `Bearer ${token}` }, data: { allocations } });
    expect(stored.status()).toBe(200);
  }
}

test('the facilitator agrees and freezes the list; the observer downloads the CSV and prints the report', async ({ browser, request }) => {
  // A whole session in two browsers with two accessibility scans: more than one test's usual time on a busy machine.
  test.setTimeout(180_000);
  const created = await (await request.post('/api/boards', { data: { title, question: 'Which investments should the valley ask for first?' } })).json();
  const facilitator = await person(browser);
  await facilitator.goto(created.links.facilitator);
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  for (const item of items) await addCard(facilitator, item);
  // The round is opened over the API, which cannot say what the facilitator's screen has seen: the observer
  // seeing all three cards shows the server holds them.
  const observer = await person(browser);
  await observer.goto(created.links.observer);
  for (const item of items) await expect(observer.getByRole('heading', { level: 3, name: item })).toBeVisible();

  await voteThroughApi(request, created);
  await expect(facilitator.getByText(/^Open: 3 items/)).toBeVisible();
  await expect(facilitator.getByText('4 of 4 have voted')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Reveal results' }).click();
  const legend = facilitator.getByRole('list', { name: 'Stakeholder groups' });
  await expect(legend.getByRole('listitem')).toHaveText(['Company + Trade union']);
  await expect(facilitator.getByText('Too few voters to show any group apart')).toBeVisible();

  const tools = await openWorkshopTools(facilitator);
  await tools.getByRole('textbox', { name: 'Notes of the workshop' }).click();
  await facilitator.keyboard.type('The province joins the hydrogen working group.');
  await tools.getByRole('button', { name: 'Bold' }).click();
  await facilitator.keyboard.type(' Next meeting in June.');
  // Escape belongs to the editor while it has the focus: the drawer closes by its button.
  await tools.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(tools).toBeHidden();

  // Agree: start from the ranking, reorder, give the first priority an owner, drop one, freeze.
  await facilitator.getByRole('button', { name: 'Next: Agree' }).click();
  await facilitator.getByRole('button', { name: 'Start from the ranking by all dots' }).click();
  const kept = facilitator.getByRole('table', { name: 'Priorities in the agreed order' });
  const wordingAt = (place: number) => kept.getByRole('textbox', { name: `Wording of priority ${place}`, exact: true });
  for (const [index, itemTitle] of ranking.entries()) await expect(wordingAt(index + 1)).toHaveValue(itemTitle);
  await expect(kept.getByRole('textbox', { name: /^Wording of priority \d+$/ })).toHaveCount(3);
  // Each row shows the figures of the round beside the wording, so the order is not set blind.
  await expect(kept.getByRole('row').filter({ has: facilitator.getByRole('textbox', { name: 'Wording of priority 1', exact: true }) })).toContainText(/\d+ · #\d/);
  // Sorting by keyboard (dnd-kit) and by the move buttons.
  const handle = facilitator.getByRole('button', { name: 'Drag to reorder: Apprenticeships in welding' });
  await handle.focus();
  await facilitator.keyboard.press('Space');
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  // Picked up, the row is over its own place; the arrow keys move among the rows once that is announced.
  await expect(facilitator.getByText('Apprenticeships in welding moves to place 3.')).toBeAttached();
  await facilitator.keyboard.press('ArrowUp');
  await expect(facilitator.getByText('Apprenticeships in welding moves to place 2.')).toBeAttached();
  await facilitator.keyboard.press('Space');
  await expect(wordingAt(2)).toHaveValue('Apprenticeships in welding');
  await facilitator.getByRole('button', { name: 'Move down: Hydrogen pipeline' }).click();
  await expect(wordingAt(1)).toHaveValue('Apprenticeships in welding');
  await facilitator.getByRole('button', { name: 'Move up: Hydrogen pipeline' }).click();
  await expect(wordingAt(1)).toHaveValue('Hydrogen pipeline');
  await kept.getByRole('textbox', { name: 'Owner of priority 1', exact: true }).fill('Port authority');
  await kept.getByRole('textbox', { name: 'Next step of priority 1', exact: true }).fill('Feasibility study by March');
  await expect(wordingAt(3)).toHaveValue('Grid congestion');
  await kept.getByRole('button', { name: 'Drop… Grid congestion' }).click();
  await kept.getByLabel('Reason for dropping').fill('Handled by the national grid operator');
  await kept.getByRole('button', { name: 'Drop', exact: true }).click();
  await expect(facilitator.getByText('– dropped: Handled by the national grid operator')).toBeVisible();
  await expect(kept.getByRole('textbox', { name: /^Wording of priority \d+$/ })).toHaveCount(2);
  await expect(facilitator.getByText(/^Draft saved ✓/)).toBeVisible();
  await expect(facilitator.locator('.agreement-standing')).toHaveText('Draft – not frozen yet');
  await expectNoAxeViolations(facilitator);
  await facilitator.screenshot({ path: test.info().outputPath('agree-facilitator.png'), fullPage: true });
  // Freezing asks first, then says what it did.
  await facilitator.getByRole('button', { name: 'Freeze this list' }).click();
  await facilitator.getByRole('button', { name: 'Yes, freeze version 1' }).click();
  await expect(facilitator.getByRole('status').filter({ hasText: 'Version 1 frozen.' })).toBeVisible();
  // The screen says the list is that version as it stands, and lists the version with its downloads.
  await expect(facilitator.locator('.agreement-standing')).toHaveText(/^Version 1, frozen /);
  await expect(facilitator.getByRole('region', { name: 'Frozen versions' }).getByText(/^Version 1, frozen /)).toBeVisible();

  // The observer follows the draft read-only and downloads the frozen list.
  await expect(observer.getByText('Port authority')).toBeVisible();
  await expect(observer.getByRole('button', { name: 'Freeze this list' })).toHaveCount(0);
  const [download] = await Promise.all([observer.waitForEvent('download'), observer.getByRole('button', { name: 'Download CSV: current list' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Steel-and-hydrogen-valley-\d{4}-\d{2}-\d{2}-v1-en\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual(expect.arrayContaining(['Rank', 'Priority', 'Votes', 'Company + Trade union', 'Owner', 'Next step']));
  expect(parsed.meta.fields).not.toContain('Company');
  expect(parsed.meta.fields).not.toContain('Trade union');
  expect(parsed.data.map((row) => [row.Rank, row.Priority, row.Owner])).toEqual([
    ['1', 'Hydrogen pipeline', 'Port authority'],
    ['2', 'Apprenticeships in welding', ''],
    ['', 'Grid congestion', ''],
  ]);
  // The dropped item is in the CSV too, with its reason, as in every other format.
  expect(parsed.data.at(-1)!['Dropped because']).toBe('Handled by the national grid operator');

  // The printable report.
  await observer.getByRole('link', { name: 'Printable report' }).click();
  await expect(observer).toHaveURL(new RegExp(`/b/${created.boardId}/report$`));
  await expect(observer.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(observer.getByText(/^Agreed priorities, version 1, frozen /)).toBeVisible();
  await expect(observer.getByRole('img', { name: /Bar chart of the dots per item/ })).toBeVisible();
  await expect(observer.locator('.chart-bars rect')).not.toHaveCount(0);
  const priorities = observer.getByRole('table').filter({ hasText: 'Next step' });
  await expect(priorities.locator('tbody tr')).toHaveCount(2);
  await expect(priorities.locator('tbody tr').first()).toContainText('Feasibility study by March');
  await expect(observer.getByText('Handled by the national grid operator')).toBeVisible();
  const reportNotes = observer.getByRole('region', { name: 'Notes of the facilitator' });
  await expect(reportNotes.getByText('The province joins the hydrogen working group.')).toBeVisible();
  await expect(reportNotes.locator('strong')).toHaveText('Next meeting in June.');
  await expectNoAxeViolations(observer);

  await observer.emulateMedia({ media: 'print' });
  await expect(observer.getByRole('button', { name: 'Print / save as PDF' })).toBeHidden();
  await expect(observer.locator('.topbar')).toBeHidden();
  await observer.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });
});
