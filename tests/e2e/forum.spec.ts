import { expect } from '@playwright/test';
import type { CreateBoardResponse } from '../../shared/api';
import { expectNoAxeViolations, openWorkshopTools, person, test } from './support';

const SHOTS = 'test-reports/screenshots';

test('a facilitator groups a Swedish and an English workshop into a forum, and the steering group reads how the themes moved', async ({ browser, request }) => {
  // Two sample workshops with frozen lists: the Swedish kick-off first, the English one after it.
  const demo = async (language: string): Promise<CreateBoardResponse> => (await request.post('/api/demo-boards', { data: { language } })).json();
  const swedish = await demo('sv');
  const english = await demo('en');

  // From the English workshop's tools the facilitator starts a forum, then adds the Swedish one by its link.
  const facilitator = await person(browser, { viewport: { width: 1366, height: 900 } });
  await facilitator.goto(english.links.facilitator);
  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Forum', { exact: true }).click();
  await tools.getByLabel('Name of the new forum').fill('Industry forum – strategy 2027');
  await tools.getByRole('button', { name: 'Create a forum' }).click();
  await expect(tools.getByText('Forum created. Keep its link: it is shown only now.')).toBeVisible();
  await tools.getByRole('link', { name: 'Open the forum' }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Industry forum – strategy 2027' })).toBeVisible();
  await facilitator.getByLabel("The workshop's facilitator link").fill(swedish.links.facilitator);
  await facilitator.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(facilitator.getByRole('status').filter({ hasText: 'Workshop added.' })).toBeVisible();
  // The status stands right under the Add button that it reports on, and the heading comes before the print button.
  const layout = await facilitator.evaluate(() => {
    const add = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Add')!.getBoundingClientRect();
    const status = [...document.querySelectorAll('[role=status]')].find((element) => element.textContent === 'Workshop added.')!.getBoundingClientRect();
    const print = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Print or save as PDF')!;
    return { statusBelowAdd: Math.round(status.top - add.bottom), headingFirst: Boolean(document.querySelector('h1')!.compareDocumentPosition(print) & Node.DOCUMENT_POSITION_FOLLOWING) };
  });
  expect(layout.headingFirst).toBe(true);
  expect(layout.statusBelowAdd).toBeGreaterThanOrEqual(0);
  expect(layout.statusBelowAdd).toBeLessThan(24);

  const timeline = facilitator.getByRole('list').filter({ has: facilitator.getByRole('heading', { level: 3 }) });
  await expect(timeline.getByRole('heading', { level: 3 })).toHaveText(['Industriforum – uppstart', 'Manufacturing coalition – kick-off']);
  const table = facilitator.getByRole('table', { name: 'Rank of each theme per workshop' });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  // Movement is said in words (and a mark) in the table and beside each line of the chart, not by colour alone;
  // the sample workshops' votes vary, so which theme moved how varies too.
  const words = await table.locator('td.move-word').allInnerTexts();
  expect(words.length).toBeGreaterThan(0);
  for (const word of words) expect(word).toMatch(/^(▲ rose|▼ faded|★ new|✕ gone|= steady)$/);
  const chartLabels = await facilitator.locator('.theme-line text').allTextContents();
  expect(chartLabels.filter((label) => /\((rose|faded|new|gone|steady)\)$/.test(label))).toHaveLength(words.length);
  await expect(facilitator.getByRole('img', { name: /^Ranks of \d+ themes across 2 workshops$/ })).toBeVisible();
  await expectNoAxeViolations(facilitator);
  await facilitator.screenshot({ path: `${SHOTS}/forum-facilitator-1366.png`, fullPage: true });
  await facilitator.setViewportSize({ width: 1920, height: 1080 });
  await facilitator.screenshot({ path: `${SHOTS}/forum-facilitator-1920.png`, fullPage: true });

  await facilitator.getByRole('button', { name: 'New read link' }).click();
  const readLink = await facilitator.getByRole('textbox', { name: 'New link, shown only now' }).inputValue();
  expect(readLink).toMatch(/\/f\/[A-Za-z0-9_-]+#token=/);

  // The steering group opens the read link on a phone: the same chart and timeline, no controls.
  const steering = await person(browser, { viewport: { width: 360, height: 740 } });
  await steering.goto(readLink);
  await expect(steering.getByText('Read-only view for the steering group.')).toBeVisible();
  expect(steering.url()).not.toContain('token=');
  await expect(steering.getByRole('heading', { name: 'Forum controls' })).toHaveCount(0);
  await expect(steering.getByRole('table', { name: 'Rank of each theme per workshop' }).getByRole('row')).toHaveCount(await table.getByRole('row').count());
  await expectNoAxeViolations(steering);
  expect(await steering.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  // On a phone the chart says that it scrolls sideways, as the table does, and no theme's label is cut off at its right edge.
  await expect(steering.locator('.theme-chart-scroll').getByText('Wider than the screen: swipe sideways to see every column →')).toBeVisible();
  const chartFit = await steering.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('.theme-chart svg')!;
    const right = svg.getBoundingClientRect().right;
    return [...svg.querySelectorAll('.theme-line text')].filter((label) => label.getBoundingClientRect().right > right).map((label) => label.textContent);
  });
  expect(chartFit).toEqual([]);
  await steering.screenshot({ path: `${SHOTS}/forum-read-360.png`, fullPage: true });
  await steering.emulateMedia({ media: 'print' });
  await steering.setViewportSize({ width: 1123, height: 794 });
  await steering.screenshot({ path: `${SHOTS}/forum-print.png`, fullPage: true });
});
