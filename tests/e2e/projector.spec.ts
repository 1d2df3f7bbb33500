import fs from 'node:fs';
import { expect, type APIRequestContext } from '@playwright/test';
import type { CreateBoardResponse } from '../../shared/api';
import type { NewLinkResponse } from '../../shared/peopleApi';
import { addCard, closeWorkshopTools, openWorkshopTools, person, test } from './support';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const WALL = { width: 1920, height: 1080 };

async function newWorkshop(request: APIRequestContext): Promise<CreateBoardResponse> {
  const created = await request.post('/api/boards', { data: { title: 'Industry forum kick-off', question: 'What holds our industry back?', language: 'en' } });
  expect(created.status()).toBe(201);
  return (await created.json()) as CreateBoardResponse;
}

test('the projector opened from the facilitator’s screen runs on its own link: no facilitator token in its address, the join code on the wall', async ({ browser, request }) => {
  const board = await newWorkshop(request);
  const facilitator = await person(browser, { viewport: WALL });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const [wall] = await Promise.all([
    facilitator.context().waitForEvent('page'),
    facilitator.getByRole('button', { name: 'Present – opens the projector view in a new window', exact: true }).click(),
  ]);
  await expect(wall.getByText(board.joinCode, { exact: true })).toBeVisible();
  await expect(wall.getByRole('img', { name: /QR/ })).toBeVisible();
  expect(wall.url()).toBe(new URL(`/b/${board.boardId}/present`, facilitator.url()).href);
  expect(wall.url()).not.toContain(board.facilitatorToken);
  // What the projector window keeps for itself is its own token (the browser's local storage is the laptop's).
  const kept = await wall.evaluate(() => JSON.stringify({ ...sessionStorage }));
  expect(kept).toContain(`forumboard-projector:${board.boardId}`);
  expect(kept).not.toContain(board.facilitatorToken);
  await wall.screenshot({ path: `${SHOTS}/projector-link-join.png` });

  // A reload keeps showing the room; the history holds no token either.
  await wall.reload();
  await expect(wall.getByText(board.joinCode, { exact: true })).toBeVisible();
  expect(wall.url()).not.toContain('token');

  // Pressing Present again reuses the projector link: one is listed, and revoking it clears the wall at once.
  // It reloads the open projector window: wait for that reload, or the old page would answer for the new one.
  const reloaded = wall.waitForEvent('load');
  await facilitator.getByRole('button', { name: 'Present – opens the projector view in a new window', exact: true }).click();
  await reloaded;
  await expect(wall.getByText(board.joinCode, { exact: true })).toBeVisible();
  await expect(wall).toHaveURL(new URL(`/b/${board.boardId}/present`, facilitator.url()).href);
  const links = (await (await request.get(`/api/boards/${board.boardId}/links`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } })).json()) as {
    projectors: Array<{ id: string }>;
  };
  expect(links.projectors).toHaveLength(1);
  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Access and links', { exact: true }).click();
  await tools.getByRole('button', { name: /^Revoke Projector link/ }).click();
  await expect(wall.getByRole('alert')).toHaveText('This projector link was revoked. Open the projector again from the facilitator’s screen.');
  await expect(wall.getByText(board.joinCode, { exact: true })).toBeHidden();
});

test('a co-facilitator runs the workshop but is offered no link minting, no co-facilitators and no deletion', async ({ browser, request }) => {
  const board = await newWorkshop(request);
  const minted = await request.post(`/api/boards/${board.boardId}/co-facilitator-links`, {
    headers: { authorization: `Bearer ${board.facilitatorToken}` },
    data: { name: 'Maria Bergström' },
  });
  const co = (await minted.json()) as NewLinkResponse;
  const page = await person(browser, { viewport: WALL });
  await page.goto(`/b/${board.boardId}#token=${co.token}`);
  const tools = await openWorkshopTools(page);
  await expect(tools.getByText(board.joinCode, { exact: true }).first()).toBeVisible();
  await expect(tools.getByRole('button', { name: 'Create an observer link (read-only)' })).toHaveCount(0);
  await tools.getByText('Access and links', { exact: true }).click();
  await expect(tools.getByText(/You are a co-facilitator: you run the workshop/)).toBeVisible();
  await expect(tools.getByRole('heading', { name: 'Co-facilitators' })).toHaveCount(0);
  await expect(tools.getByRole('button', { name: 'Create co-facilitator link' })).toHaveCount(0);
  await expect(tools.getByRole('heading', { name: 'Projector links' })).toBeVisible();
  await expect(tools.getByRole('heading', { name: 'Delete this workshop' })).toHaveCount(0);
  await tools.getByRole('heading', { name: 'Projector links' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/co-facilitator-access.png` });
});

test('the facilitator restores the board from its history, and everyone’s board follows', async ({ browser, request }) => {
  const board = await newWorkshop(request);
  await request.post(`/api/boards/${board.boardId}/phase`, { headers: { authorization: `Bearer ${board.facilitatorToken}` }, data: { phase: 'collect' } });
  const facilitator = await person(browser, { viewport: WALL });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await addCard(facilitator, 'Skills shortage in welding');
  await addCard(facilitator, 'Energy prices');
  const observer = await person(browser);
  await observer.goto(`/b/${board.boardId}#token=${board.observerToken}`);
  await expect(observer.getByRole('heading', { level: 3, name: 'Energy prices' })).toBeVisible();

  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Board history', { exact: true }).click();
  await expect(tools.getByText(/^Change \d+ · cards: 2, merged: 0, in themes: 0, themes: 0/)).toBeVisible();
  const oneCard = tools.getByRole('listitem').filter({ hasText: /cards: 1,/ });
  await facilitator.screenshot({ path: `${SHOTS}/board-history.png` });
  await oneCard.getByRole('button', { name: /^Restore the board as it was after change/ }).click();
  await expect(tools.getByText(/^The board is back as it was after change \d+\.$/)).toBeVisible();
  await expect(observer.getByRole('heading', { level: 3, name: 'Skills shortage in welding' })).toBeVisible();
  await expect(observer.getByRole('heading', { level: 3, name: 'Energy prices' })).toBeHidden();

  // Past COMPACT_EVERY changes the log is compacted: an earlier board is still there, as a kept point.
  await closeWorkshopTools(facilitator);
  for (let i = 1; i <= 10; i++) await addCard(facilitator, `Idea ${i}`);
  await openWorkshopTools(facilitator);
  // Opened afresh, so it reads the history again.
  const history = tools.getByText('Board history', { exact: true });
  if (await tools.locator('details.history-panel').evaluate((panel) => (panel as HTMLDetailsElement).open)) await history.click();
  await history.click();
  const kept = tools.getByRole('listitem').filter({ hasText: /\(kept from earlier\)/ }).first();
  await expect(kept).toBeVisible();
  for (const [name, width] of [['360', 360], ['1366', 1366], ['1920', 1920]] as const) {
    await facilitator.setViewportSize({ width, height: 900 });
    await kept.scrollIntoViewIfNeeded();
    await facilitator.screenshot({ path: `${SHOTS}/board-history-kept-${name}.png` });
  }
  await kept.getByRole('button', { name: /^Restore the board as it was after change/ }).click();
  await expect(observer.getByRole('heading', { level: 3, name: 'Idea 10' })).toBeHidden();
  await expect(observer.getByRole('heading', { level: 3, name: 'Skills shortage in welding' })).toBeVisible();
});

test('a deleted workshop leaves the projector at once, without a reload', async ({ browser, request }) => {
  const board = await newWorkshop(request);
  const minted = await request.post(`/api/boards/${board.boardId}/projector-links`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } });
  const wall = await person(browser, { viewport: WALL });
  await wall.goto(((await minted.json()) as NewLinkResponse).link);
  await expect(wall.getByText(board.joinCode, { exact: true })).toBeVisible();
  const deleted = await request.delete(`/api/boards/${board.boardId}`, {
    headers: { authorization: `Bearer ${board.facilitatorToken}` },
    data: { confirmTitle: 'Industry forum kick-off' },
  });
  expect(deleted.status()).toBe(200);
  await expect(wall.getByRole('alert')).toHaveText('This workshop was deleted.');
  await expect(wall.getByText('Industry forum kick-off')).toBeHidden();
});

test('the facilitator raises how many people may join from one network, for a large room behind one address', async ({ browser, request }) => {
  const board = await newWorkshop(request);
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Access and links', { exact: true }).click();
  const allowance = tools.getByRole('spinbutton', { name: 'People per address per hour' });
  await expect(allowance).toHaveValue('300');
  await allowance.fill('500');
  await tools.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(tools.getByText('Up to 500 people may now join from one address per hour.')).toBeVisible();
  const stored = await request.get(`/api/boards/${board.boardId}/join-allowance`, { headers: { authorization: `Bearer ${board.facilitatorToken}` } });
  expect(await stored.json()).toEqual({ perAddress: 500 });
  await tools.screenshot({ path: `${SHOTS}/join-allowance.png` });
});
