import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, person, test } from './support';
import { auth, createRoomBoard, phase, sampleThemes, sampleTitles, seedBoard, type RoomBoard } from './roomBoard';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/board-first-${name}.png`, fullPage: false });

const PEOPLE = ['Anna Lindqvist', 'Pieter van Dijk', 'Erik Johansson', 'Maria Bergström', 'Lars Nilsson', 'Sanne de Vries'];

const boardRegion = (page: Page) => page.getByRole('region', { name: 'The board', exact: true });

/** Where the board starts on the screen, in CSS pixels from the top of the viewport. */
async function boardTop(page: Page): Promise<number> {
  const box = await boardRegion(page).boundingBox();
  if (!box) throw new Error('the board region is not rendered');
  return box.y;
}

test('the facilitator sees the board first in every phase, with the tools in a drawer; a phone reads the results whole', async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const board: RoomBoard = await createRoomBoard(request, 'Industry forum kick-off', PEOPLE);

  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);

  // Setup: the board, not the invitation, comes first.
  await expect(facilitator.getByRole('navigation', { name: 'Workshop phases' })).toContainText('Setup');
  expect(await boardTop(facilitator)).toBeLessThan(800);
  await shot(facilitator, '1366-setup');
  await expectNoAxeViolations(facilitator);

  // The tools drawer, by keyboard: it opens from its button, holds the invitation and the settings, and Escape
  // closes it and gives focus back.
  const tools = facilitator.getByRole('button', { name: 'Workshop tools', exact: true });
  await tools.focus();
  await facilitator.keyboard.press('Enter');
  const drawer = facilitator.getByRole('dialog', { name: 'Workshop tools', exact: true });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText('Invite participants', { exact: true })).toBeVisible();
  await expect(drawer.getByText(board.joinCode, { exact: true }).first()).toBeVisible();
  await expect(drawer.getByText('Settings', { exact: true })).toBeVisible();
  expect(await drawer.evaluate((dialog) => dialog.contains(document.activeElement))).toBe(true);
  await shot(facilitator, '1366-tools');
  await expectNoAxeViolations(facilitator);
  await facilitator.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(tools).toBeFocused();
  // …and the Close button in it does the same.
  await facilitator.keyboard.press('Enter');
  await drawer.getByRole('button', { name: 'Close', exact: true }).press('Enter');
  await expect(drawer).toBeHidden();
  await expect(tools).toBeFocused();

  // Collect and cluster, with cards and themes on the board.
  await phase(request, board, 'collect');
  const titles = sampleTitles(24);
  const themes = sampleThemes(5);
  await seedBoard(baseURL!, board, { titles, themes, authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await expect(facilitator.getByRole('heading', { name: titles[23], exact: true })).toBeVisible();
  expect(await boardTop(facilitator)).toBeLessThan(800);
  await shot(facilitator, '1366-collect');

  await phase(request, board, 'cluster');
  await expect(facilitator.getByRole('region', { name: themes[0], exact: true })).toBeVisible();
  expect(await boardTop(facilitator)).toBeLessThan(800);
  await shot(facilitator, '1366-cluster');
  await expectNoAxeViolations(facilitator);

  // Vote: the items being voted on and the turnout, not the editable cluster board.
  await phase(request, board, 'vote');
  // The facilitator opens the round once the vote phase is on their screen, as they would by its button.
  await expect(facilitator.getByText('Open a vote round', { exact: true })).toBeVisible();
  const opening = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: {} });
  expect(opening.status()).toBe(201);
  const round: { id: string; items: Array<{ id: string; title: string }> } = await opening.json();
  const votingOn = facilitator.getByRole('region', { name: `Voting on ${round.items.length} items`, exact: true });
  await expect(votingOn.getByText(round.items[0].title, { exact: true })).toBeVisible();
  await expect(facilitator.getByText(`0 of ${PEOPLE.length} have voted`).first()).toBeVisible();
  await expect(facilitator.getByRole('region', { name: themes[0], exact: true })).toHaveCount(0);
  expect(await boardTop(facilitator)).toBeLessThan(800);
  await shot(facilitator, '1366-vote');
  await expectNoAxeViolations(facilitator);

  for (const [i, voter] of board.people.entries()) {
    const allocations = { [round.items[i % 3].id]: 3, [round.items[(i + 1) % 5].id]: 2 };
    expect((await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: auth(voter.token), data: { allocations } })).ok()).toBe(true);
  }
  await expect(facilitator.getByText(`${PEOPLE.length} of ${PEOPLE.length} have voted`).first()).toBeVisible();

  // Results.
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  await expect(facilitator.getByRole('navigation', { name: 'Workshop phases' })).toContainText('Step 5 of 6');
  await expect(facilitator.locator('.chart-label').first()).toBeVisible();
  expect(await boardTop(facilitator)).toBeLessThan(800);
  await shot(facilitator, '1366-results');
  await expectNoAxeViolations(facilitator);

  // A participant on a 360 px phone reads the results whole, and keeps the phase in view while scrolling.
  const anna = await person(browser, { viewport: { width: 360, height: 740 } });
  await anna.goto(`/b/${board.boardId}#token=${board.people[0].token}`);
  await expect(anna.locator('.chart-label').first()).toBeVisible();
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBe(360);
  const clipped = await anna.locator('.chart-label, .heat-map caption').evaluateAll((labels) =>
    labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => label.textContent),
  );
  expect(clipped).toEqual([]);
  // Captions wrap within the screen, even above a table that scrolls sideways.
  const captionsBeyondScreen = await anna.locator('.results caption').evaluateAll((captions) =>
    captions.filter((caption) => caption.getBoundingClientRect().right > 360).map((caption) => caption.textContent),
  );
  expect(captionsBeyondScreen).toEqual([]);
  // A table wider than the phone scrolls on its own only where it says so.
  const unhinted = await anna.locator('.table-scroll').evaluateAll((boxes) =>
    boxes.filter((box) => box.scrollWidth > box.clientWidth && !box.querySelector('.scroll-hint')).map((box) => box.getAttribute('aria-label')),
  );
  expect(unhinted).toEqual([]);
  await shot(anna, '360-results-top');
  await expectNoAxeViolations(anna);
  await anna.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(anna.getByText('Results', { exact: true }).and(anna.locator('.phase-now strong'))).toBeInViewport();
  await shot(anna, '360-results-scrolled');

  // Agree.
  await phase(request, board, 'agree');
  await expect(facilitator.getByRole('navigation', { name: 'Workshop phases' })).toContainText('Step 6 of 6');
  expect(await boardTop(facilitator)).toBeLessThan(800);
  await shot(facilitator, '1366-agree');
  await expectNoAxeViolations(facilitator);

  // The projector-sized laptop: the cluster board at 1920 px.
  const wide = await person(browser, { viewport: { width: 1920, height: 1080 } });
  await phase(request, board, 'cluster');
  await wide.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await expect(wide.getByRole('region', { name: themes[0], exact: true })).toBeVisible();
  expect(await boardTop(wide)).toBeLessThan(1080);
  await shot(wide, '1920-cluster');
});
