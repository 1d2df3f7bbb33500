import fs from 'node:fs';
import { expect } from '@playwright/test';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api';
import type { NewLinkResponse } from '../../shared/peopleApi';
import { addCard, closeWorkshopTools, controlsBesideLabels, expectNoAxeViolations, openWorkshopTools, person, slideFit, test } from './support';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const WALL = { width: 1920, height: 1080 };
const PHONE = { width: 360, height: 740 };

test('a facilitator seats the room at three mixed tables, each table collects on its own board, the wall shows the tables and the merge keeps every card with its table', async ({ browser, request }) => {
  const created = await request.post('/api/boards', { data: { title: 'Regional kick-off', question: 'What holds our industry back?', language: 'en' } });
  const board = (await created.json()) as CreateBoardResponse;
  const auth = { authorization: `Bearer ${board.facilitatorToken}` };
  const people: JoinResponse[] = [];
  for (const [i, group] of ['Company', 'Company', 'Company', 'Trade union', 'Trade union', 'Trade union', 'Regional government', 'Regional government', 'Knowledge institution'].entries()) {
    const joined = await request.post(`/api/boards/${board.boardId}/join`, { data: { joinCode: board.joinCode, name: `Person ${i + 1}`, group } });
    people.push((await joined.json()) as JoinResponse);
  }
  await request.post(`/api/boards/${board.boardId}/phase`, { headers: auth, data: { phase: 'collect' } });

  const facilitator = await person(browser, { viewport: { width: 1366, height: 900 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Breakout tables', { exact: true }).click();
  const propose = tools.locator('.tables-propose');
  expect(await controlsBesideLabels(propose.locator('label'))).toEqual([true, true]);
  await propose.screenshot({ path: `${SHOTS}/tables-propose.png` });
  await tools.getByLabel('Number of tables').first().check();
  await tools.getByRole('spinbutton', { name: 'Number of tables' }).fill('3');
  await tools.getByRole('button', { name: 'Seat everyone' }).click();
  await expect(tools.getByRole('article', { name: 'Table 3' })).toBeVisible();
  await tools.getByLabel('Name of the table').first().fill('Table 1, by the window');
  await tools.getByLabel('Name of the table').nth(1).focus();
  await expect(tools.getByRole('article', { name: 'Table 1, by the window' })).toBeVisible();
  await tools.screenshot({ path: `${SHOTS}/tables-facilitator-seating.png` });
  await closeWorkshopTools(facilitator);

  const seating = (await (await request.get(`/api/boards/${board.boardId}/tables/merge-suggestions`, { headers: auth })).json()) as unknown;
  expect(seating).toEqual({ combine: [] });

  // One person of each table writes on a phone; each sees their own table's board only.
  const phones = await Promise.all(people.slice(0, 3).map(() => person(browser, { viewport: PHONE })));
  const tableOf: string[] = [];
  for (const [i, phone] of phones.entries()) {
    await phone.goto(`/b/${board.boardId}#token=${people[i]!.token}`);
    const heading = phone.getByRole('heading', { level: 2, name: /^Your table: / });
    await expect(heading).toBeVisible();
    tableOf.push((await heading.textContent())!.replace('Your table: ', ''));
    await addCard(phone, `Idea from ${tableOf[i]}`);
  }
  // The three companies sit at three different tables.
  expect(new Set(tableOf).size).toBe(3);
  await expect(phones[1]!.getByRole('heading', { level: 3, name: `Idea from ${tableOf[0]}` })).toBeHidden();
  await phones[0]!.screenshot({ path: `${SHOTS}/tables-participant-phone.png`, fullPage: true });

  // The facilitator makes the first writer their table's host: on their phone they run the table's own timer,
  // which the wall shows on that table's tile; the other tables' phones have none.
  const hosting = await openWorkshopTools(facilitator);
  await hosting.getByRole('group', { name: tableOf[0] }).getByLabel('Host').selectOption({ label: 'Person 1' });
  await closeWorkshopTools(facilitator);
  const tableTimer = phones[0]!.getByRole('region', { name: `Timer of ${tableOf[0]}` });
  await tableTimer.getByRole('button', { name: 'Start' }).click();
  await expect(tableTimer.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(tableTimer).toContainText(/[0-9]:[0-5][0-9]/);
  await expect(phones[1]!.getByRole('region', { name: /^Timer of / })).toHaveCount(0);
  expect(await phones[0]!.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  await expectNoAxeViolations(phones[0]!);
  await phones[0]!.screenshot({ path: `${SHOTS}/tables-host-phone-timer.png` });
  // The facilitator runs another table's timer from the tables panel; a tablemate's phone shows it.
  const timing = await openWorkshopTools(facilitator);
  const secondTable = timing.getByRole('group', { name: tableOf[1], exact: true });
  await secondTable.getByRole('button', { name: 'Start' }).click();
  await expect(secondTable.getByRole('button', { name: 'Pause' })).toBeVisible();
  await secondTable.screenshot({ path: `${SHOTS}/tables-facilitator-table-timer.png` });
  await closeWorkshopTools(facilitator);
  await expect(phones[1]!.getByRole('region', { name: `Timer of ${tableOf[1]}` })).toContainText(/[0-9]:[0-5][0-9]/);

  const minted = await request.post(`/api/boards/${board.boardId}/projector-links`, { headers: auth });
  const wall = await person(browser, { viewport: WALL });
  await wall.goto(((await minted.json()) as NewLinkResponse).link);
  for (const name of ['Table 1, by the window', 'Table 2', 'Table 3']) {
    await expect(wall.getByRole('article', { name })).toContainText('1 card');
  }
  await expect(wall.getByRole('article', { name: tableOf[0] }).getByRole('heading')).toContainText(/[0-9]:[0-5][0-9]/);
  expect(await slideFit(wall)).toEqual({ scrolls: false, small: [], outside: [] });
  await wall.screenshot({ path: `${SHOTS}/tables-projector-mosaic.png` });
  await expectNoAxeViolations(wall);
  // On request, one table large: its cards and themes readable from the back of the room, until the mosaic is asked back.
  const choosing = await openWorkshopTools(facilitator);
  await choosing.getByRole('group', { name: 'Table 2' }).getByRole('button', { name: 'Show on the wall' }).click();
  const large = wall.getByRole('region', { name: 'Table 2' });
  await expect(large).toContainText('1 card');
  const fit = await wall.evaluate(() => ({
    scrolls: document.scrollingElement!.scrollHeight > window.innerHeight,
    smallest: Math.min(...[...document.querySelectorAll('.table-slide *')].filter((el) => el.textContent?.trim()).map((el) => parseFloat(getComputedStyle(el).fontSize))),
  }));
  expect(fit).toEqual({ scrolls: false, smallest: expect.any(Number) });
  expect(fit.smallest).toBeGreaterThanOrEqual(28);
  await wall.screenshot({ path: `${SHOTS}/tables-projector-one-table.png` });
  await choosing.getByRole('group', { name: 'Table 2' }).getByRole('button', { name: 'Back to the mosaic' }).click();
  await expect(wall.getByRole('article', { name: 'Table 3' })).toBeVisible();
  await closeWorkshopTools(facilitator);
  // The facilitator sees the same tables at a glance above the plenary board.
  await expect(facilitator.getByRole('article', { name: 'Table 2' })).toContainText('1 card');
  await facilitator.screenshot({ path: `${SHOTS}/tables-facilitator-glance.png` });
  await expectNoAxeViolations(facilitator);

  const merging = await openWorkshopTools(facilitator);
  await merging.getByRole('button', { name: 'Merge the tables into the plenary' }).click();
  await expect(merging.getByText('Merged: 3 cards and 0 themes arrived on the plenary board.')).toBeVisible();
  await merging.getByRole('button', { name: 'End the table round' }).click();
  await closeWorkshopTools(facilitator);
  for (const table of tableOf) await expect(facilitator.getByText(`From ${table}`, { exact: true })).toBeVisible();
  await facilitator.screenshot({ path: `${SHOTS}/tables-merged-board.png`, fullPage: true });
  // With the round ended, everyone is back at the plenary board, where the tables' cards now are.
  await expect(phones[2]!.getByRole('heading', { level: 3, name: `Idea from ${tableOf[0]}` })).toBeVisible();
  // A vote on the merged cards: the results, the wall's results slide and the Agree step say which table raised each.
  await request.post(`/api/boards/${board.boardId}/phase`, { headers: auth, data: { phase: 'vote' } });
  const round = (await (await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth, data: {} })).json()) as { id: string; items: Array<{ id: string }> };
  for (const [i, voter] of people.slice(0, 3).entries()) {
    const allocations = { [round.items[i]!.id]: 3, [round.items[(i + 1) % 3]!.id]: 2 };
    expect((await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: { authorization: `Bearer ${voter.token}` }, data: { allocations } })).ok()).toBe(true);
  }
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth })).ok()).toBe(true);
  await expect(facilitator.getByRole('columnheader', { name: 'Raised at' })).toBeVisible();
  for (const table of tableOf) await expect(facilitator.getByRole('cell', { name: `${table} (1)`, exact: true })).toBeVisible();
  await facilitator.screenshot({ path: `${SHOTS}/tables-results.png`, fullPage: true });
  await expect(phones[0]!.getByRole('columnheader', { name: 'Raised at' })).toBeVisible();
  await phones[0]!.getByRole('columnheader', { name: 'Raised at' }).scrollIntoViewIfNeeded();
  expect(await phones[0]!.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  await phones[0]!.screenshot({ path: `${SHOTS}/tables-results-phone.png` });
  await request.post(`/api/boards/${board.boardId}/presentation`, { headers: auth, data: { roundId: round.id, revealed: 3 } });
  for (const table of tableOf) await expect(wall.getByText(`Raised at: ${table} (1)`)).toBeVisible();
  expect(await slideFit(wall)).toEqual({ scrolls: false, small: [], outside: [] });
  await wall.screenshot({ path: `${SHOTS}/tables-results-wall.png` });
  await request.post(`/api/boards/${board.boardId}/phase`, { headers: auth, data: { phase: 'agree' } });
  await facilitator.getByRole('button', { name: 'Start from the ranking by all dots' }).click();
  await expect(facilitator.getByText(`Raised at: ${tableOf[1]} (1)`)).toBeVisible();
  await facilitator.screenshot({ path: `${SHOTS}/tables-agree.png`, fullPage: true });
  // Each sign-off rule's radio button sits on the line of its own label, not a column apart from it.
  expect(await controlsBesideLabels(facilitator.getByRole('group', { name: 'Rule', exact: true }).locator('label'))).toEqual([true, true]);

  // The printable report says which table raised each priority.
  await facilitator.goto(`/b/${board.boardId}/report`);
  for (const table of tableOf) await expect(facilitator.getByText(`Raised at: ${table} (1)`, { exact: true })).toBeVisible();
});
