import fs from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { openWorkshopTools, person, test } from './support';
import { auth, createRoomBoard, phase, seedBoard, type RoomBoard } from './roomBoard';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

/** What a person sees of `what`, on a 360 px phone and on a 1366 px laptop. */
async function shoot(page: Page, name: string, what: Locator): Promise<void> {
  const size = page.viewportSize();
  for (const [width, height] of [
    [360, 740],
    [1366, 800],
  ]) {
    await page.setViewportSize({ width, height });
    await what.scrollIntoViewIfNeeded();
    // The board lays itself out again for the new width (sticky pile, card tiles) over a frame or two.
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
  }
  if (size) await page.setViewportSize(size);
}

async function openBoard(browser: Parameters<typeof person>[0], board: RoomBoard, token: string): Promise<Page> {
  const page = await person(browser, { viewport: { width: 1366, height: 800 } });
  await page.goto(`/b/${board.boardId}#token=${token}`);
  return page;
}

const post = (request: Parameters<typeof phase>[0], board: RoomBoard, path: string, data: unknown = {}) =>
  request.post(`/api/boards/${board.boardId}${path}`, { headers: auth(board.facilitatorToken), data });

test('in Setup an observer is told they follow the board, a participant that cards come once collection starts', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Industry forum kick-off', ['Anna Lindqvist']);
  const observer = await openBoard(browser, board, board.observerToken);
  const hint = observer.locator('.phase-hint');
  await expect(hint).toHaveText(/You follow the board; observers do not add cards\./);
  await expect(hint).not.toHaveText(/Cards can be added/);
  await shoot(observer, 'copy-observer-setup', hint);

  const anna = await openBoard(browser, board, board.people[0].token);
  await expect(anna.locator('.phase-hint')).toHaveText(/Cards can be added once collection starts\./);
});

test('a closed workshop speaks of downloads only to those who may download', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Industry forum kick-off', ['Anna Lindqvist']);
  const anna = await openBoard(browser, board, board.people[0].token);
  const observer = await openBoard(browser, board, board.observerToken);
  expect((await post(request, board, '/close')).ok()).toBe(true);

  const annaNotice = anna.getByRole('region', { name: 'This workshop is closed' });
  await expect(annaNotice).toContainText('Everything can still be read, but nothing can be changed.');
  await expect(annaNotice).not.toContainText('download');
  await shoot(anna, 'copy-closed-participant', annaNotice);
  await expect(observer.getByRole('region', { name: 'This workshop is closed' })).toContainText('Everything can be read and the exports downloaded');
});

test('the clustering text shows while clustering, not under the ballot', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Industry forum kick-off', ['Anna Lindqvist']);
  const author = { id: board.people[0].participantId, token: board.people[0].token };
  await phase(request, board, 'collect');
  await seedBoard(baseURL!, board, { titles: ['Too few welders', 'Energy prices hit small firms'], themes: [], authors: [author] });
  expect((await post(request, board, '/settings', { participantsCluster: false })).ok()).toBe(true);
  await phase(request, board, 'cluster');
  const anna = await openBoard(browser, board, author.token);
  const clusteringText = anna.getByText('The facilitator groups the cards into themes; you can follow along.');
  await expect(clusteringText).toBeVisible();

  await phase(request, board, 'vote');
  expect((await post(request, board, '/rounds')).ok()).toBe(true);
  const ballot = anna.getByRole('heading', { name: 'Vote – round 1' });
  await expect(ballot).toBeVisible();
  await expect(clusteringText).toHaveCount(0);
  await shoot(anna, 'copy-vote-no-cluster-text', ballot);
});

test('two unnamed observer links are told apart by a number and the second they were made', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Industry forum kick-off', []);
  expect((await post(request, board, '/observer-links')).ok()).toBe(true);
  const facilitator = await openBoard(browser, board, board.facilitatorToken);
  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Access and links', { exact: true }).click();
  const rows = tools.getByRole('region', { name: 'Observer links' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/^Observer link 1 \(created .*\d{1,2}:\d\d:\d\d/);
  await expect(rows.nth(1)).toContainText(/^Observer link 2 \(created .*\d{1,2}:\d\d:\d\d/);
  await shoot(facilitator, 'copy-observer-links', rows.nth(1));
});

test('under a search, each theme says how many of its cards match', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Industry forum kick-off', ['Anna Lindqvist']);
  const author = { id: board.people[0].participantId, token: board.people[0].token };
  await phase(request, board, 'collect');
  const titles = ['Energy prices hit small firms', 'Too few welders', 'Grid connections take years'];
  await seedBoard(baseURL!, board, { titles, themes: ['Energy', 'Skills'], authors: [author] });
  await phase(request, board, 'cluster');
  const facilitator = await openBoard(browser, board, board.facilitatorToken);
  const theme = (name: string) => facilitator.getByRole('region', { name, exact: true });
  for (const [title, target] of [
    [titles[0], 'Energy'],
    [titles[2], 'Energy'],
    [titles[1], 'Skills'],
  ]) {
    await facilitator.getByRole('button', { name: `Actions for card: ${title}`, exact: true }).click();
    await facilitator.getByRole('button', { name: `Move to theme… ${title}`, exact: true }).click();
    await facilitator.getByRole('dialog', { name: `Move “${title}” to`, exact: true }).getByRole('button', { name: target, exact: true }).click();
    await expect(theme(target).getByRole('heading', { name: title, exact: true })).toBeVisible();
  }
  await expect(theme('Skills').locator('.theme-head .count')).toHaveText('1 card');

  await facilitator.getByLabel('Find cards').fill('energ');
  await expect(theme('Energy').locator('.theme-head .count')).toHaveText('1 of 2 cards');
  await expect(theme('Skills').locator('.theme-head .count')).toHaveText('0 of 1 card');
  await expect(theme('Not in a theme yet').locator('.theme-head .count')).toHaveText('0 cards');
  await shoot(facilitator, 'copy-find-counts', theme('Skills'));
});

test('the Undo notice goes by itself after some seconds, and at once when the phase moves on', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Industry forum kick-off', ['Anna Lindqvist']);
  const author = { id: board.people[0].participantId, token: board.people[0].token };
  await phase(request, board, 'collect');
  await seedBoard(baseURL!, board, { titles: ['Too few welders', 'Energy prices hit small firms', 'Grid connections take years'], themes: [], authors: [author] });
  await phase(request, board, 'cluster');
  const anna = await openBoard(browser, board, author.token);
  const remove = async (title: string) => {
    await anna.getByRole('button', { name: `Actions for card: ${title}`, exact: true }).click();
    await anna.getByRole('button', { name: `Delete card: ${title}`, exact: true }).click();
    await anna.getByRole('button', { name: 'Yes, delete', exact: true }).click();
  };
  const notice = anna.locator('.undo-notice');

  await remove('Too few welders');
  await expect(notice).toContainText('Card “Too few welders” deleted.');
  await shoot(anna, 'copy-undo-notice', notice);
  await anna.mouse.move(0, 0);
  await anna.waitForTimeout(5_000);
  await expect(notice).toBeVisible();
  await expect(notice).toBeHidden({ timeout: 15_000 });

  await remove('Energy prices hit small firms');
  await expect(notice).toContainText('Card “Energy prices hit small firms” deleted.');
  await phase(request, board, 'vote');
  await expect(notice).toBeHidden({ timeout: 3_000 });
});

test('a template chosen before the workshop language follows the language until its text is edited', async ({ browser }) => {
  const page = await person(browser, { viewport: { width: 1366, height: 800 } });
  await page.goto('/');
  await page.getByLabel('Start from').selectOption({ label: 'Industry forum kick-off' });
  await page.getByLabel('Workshop language').selectOption({ label: 'Svenska' });
  const question = page.getByLabel('Guiding question');
  await expect(question).toHaveValue('Vilka är de största utmaningarna för industrin i vår region de kommande fem åren?');
  await expect(page.getByLabel('Group 1', { exact: true })).toHaveValue('Företag');
  await shoot(page, 'copy-template-language', question);

  await question.fill('Vad ska forumet ta itu med först?');
  await page.getByLabel('Workshop language').selectOption({ label: 'English' });
  await expect(question).toHaveValue('Vad ska forumet ta itu med först?');
  await expect(page.getByLabel('Group 1', { exact: true })).toHaveValue('Company');
});
