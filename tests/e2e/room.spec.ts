import fs from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations, person, slideFit, test } from './support';
import { auth, createRoomBoard, phase, sampleThemes, sampleTitles, seedBoard, writePrivateCards, type RoomBoard } from './roomBoard';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

const PEOPLE = ['Anna Lindqvist', 'Pieter van Dijk', 'Erik Johansson', 'Maria Bergström', 'Lars Nilsson', 'Sanne de Vries', 'Ingrid Holm'];

/** The wall, opened with the facilitator's link or an observer's (the Present button mints a projector link). */
async function projector(browser: Browser, board: RoomBoard, token = board.facilitatorToken, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await person(browser, { viewport });
  await page.goto(`/b/${board.boardId}/present#token=${token}`);
  return page;
}

/** The wall at each of the screen sizes, on the facilitator's link. */
const wallsAt = (browser: Browser, board: RoomBoard, viewports: Array<{ width: number; height: number }>) =>
  Promise.all(viewports.map((viewport) => projector(browser, board, board.facilitatorToken, viewport)));

/** Every wall shows `slide` whole, with nothing too small or off screen; its screenshot is kept. */
async function expectWallsFit(walls: Page[], slide: string): Promise<void> {
  for (const wall of walls) {
    expect(await slideFit(wall), `${slide} at ${wall.viewportSize()!.width}`).toEqual({ scrolls: false, small: [], outside: [] });
    await shot(wall, `projector-${wall.viewportSize()!.width}-${slide}`);
  }
}

const themeOf = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

test('a 60-card workshop on a laptop, a phone and the projector: moving by menu, keyboard and selection, undo, and the projector through every phase', async ({ browser, request, baseURL }) => {
  test.setTimeout(600_000);
  const board = await createRoomBoard(request, 'Industry forum kick-off', PEOPLE);
  const wall = await projector(browser, board);

  // Joining: the code and the count of people by group, large.
  await expect(wall.getByText(board.joinCode, { exact: true })).toBeVisible();
  await expect(wall.getByText('7 people have joined')).toBeVisible();
  expect(await wall.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.projector')!).fontSize))).toBeGreaterThanOrEqual(28);
  await shot(wall, 'projector-1-joining');
  await expectNoAxeViolations(wall);

  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const [opened] = await Promise.all([facilitator.context().waitForEvent('page'), facilitator.getByRole('button', { name: 'Present – opens the projector view in a new window', exact: true }).click()]);
  // The projector runs on a projector link of its own, and its address keeps no token (projector.spec.ts).
  await expect(opened).toHaveURL(new RegExp(`/b/${board.boardId}/present$`));
  await expect(opened.getByText(board.joinCode, { exact: true })).toBeVisible();
  await opened.close();

  // Collect: the timer large, and the card count as cards arrive.
  await phase(request, board, 'collect');
  expect((await request.post(`/api/boards/${board.boardId}/timer`, { headers: auth(board.facilitatorToken), data: { action: 'start', seconds: 300 } })).ok()).toBe(true);
  await expect(wall.locator('.projector-clock')).toHaveText(/^4:5\d|5:00$/);
  const titles = sampleTitles(60);
  const themes = sampleThemes(8);
  await seedBoard(baseURL!, board, { titles, themes, authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await expect(wall.getByText('60 cards')).toBeVisible();
  await shot(wall, 'projector-2-collect');

  // Cluster.
  await phase(request, board, 'cluster');
  await expect(wall.getByRole('heading', { name: new RegExp(`^${themes[0]}`) })).toBeVisible();
  await expect(wall.getByText('60 cards not in a theme yet')).toBeVisible();
  await shot(wall, 'projector-3-cluster');
  await expectNoAxeViolations(wall);
  // An observer's link shows the same wall.
  const observerWall = await projector(browser, board, board.observerToken);
  await expect(observerWall.getByText('60 cards not in a theme yet')).toBeVisible();
  await observerWall.context().close();

  // On a 360 px phone, by the card's menu.
  const anna = await person(browser, { viewport: { width: 360, height: 740 } });
  await anna.goto(`/b/${board.boardId}#token=${board.people[0].token}`);
  const menuOfFirst = anna.getByRole('button', { name: `Actions for card: ${titles[0]}`, exact: true });
  await menuOfFirst.click();
  await anna.getByRole('button', { name: `Move to theme… ${titles[0]}`, exact: true }).click();
  // Escape closes the dialog and gives the focus back to the card's menu it was opened from.
  await anna.keyboard.press('Escape');
  await expect(anna.getByRole('dialog')).toHaveCount(0);
  await expect(menuOfFirst).toBeFocused();
  await menuOfFirst.click();
  await anna.getByRole('button', { name: `Move to theme… ${titles[0]}`, exact: true }).click();
  const dialog = anna.getByRole('dialog', { name: `Move “${titles[0]}” to`, exact: true });
  await dialog.getByRole('button', { name: themes[2], exact: true }).click();
  await expect(themeOf(facilitator, themes[2]).getByRole('heading', { name: titles[0], exact: true })).toBeVisible();
  await expect(themeOf(anna, themes[2]).getByRole('heading', { name: titles[0], exact: true })).toBeVisible();
  expect(await anna.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // …and into a theme made on the spot.
  await anna.getByRole('button', { name: `Actions for card: ${titles[1]}`, exact: true }).click();
  await anna.getByRole('button', { name: `Move to theme… ${titles[1]}`, exact: true }).click();
  await anna.getByRole('dialog').getByLabel('Or a new theme').fill('Housing for workers');
  await anna.getByRole('dialog').getByRole('button', { name: 'Create and move', exact: true }).click();
  await expect(themeOf(facilitator, 'Housing for workers').getByRole('heading', { name: titles[1], exact: true })).toBeVisible();
  await shot(anna, 'phone-360-cluster');
  await expectNoAxeViolations(anna);

  // By keyboard, through every theme in turn, announced in words.
  // The pile first, then the themes in the order they stand on the board (oldest first).
  const order = ['Not in a theme yet', ...(await facilitator.locator('.theme-tile h3').allTextContents())];
  expect(order).toHaveLength(themes.length + 2);
  const handle = facilitator.getByRole('button', { name: `Move card: ${titles[2]}`, exact: true });
  await handle.focus();
  await facilitator.keyboard.press('Space');
  await expect(facilitator.getByRole('status').filter({ hasText: `Card ${titles[2]} is over Not in a theme yet.` })).toBeAttached();
  for (const theme of order.slice(1)) {
    await facilitator.keyboard.press('ArrowRight');
    await expect(facilitator.getByRole('status').filter({ hasText: `Card ${titles[2]} is over ${theme}.` })).toBeAttached();
  }
  await facilitator.keyboard.press('Space');
  await expect(themeOf(anna, 'Housing for workers').getByRole('heading', { name: titles[2], exact: true })).toBeVisible();

  // Several at once: select three cards, move them together.
  for (const title of titles.slice(3, 6)) await facilitator.getByRole('checkbox', { name: `Select card: ${title}`, exact: true }).check();
  await expect(facilitator.getByText('3 cards selected')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Move selected to theme…', exact: true }).click();
  await facilitator.getByRole('dialog', { name: 'Move 3 cards to', exact: true }).getByRole('button', { name: themes[0], exact: true }).click();
  for (const title of titles.slice(3, 6)) await expect(themeOf(anna, themes[0]).getByRole('heading', { name: title, exact: true })).toBeVisible();
  await expect(facilitator.getByText('3 cards selected')).toHaveCount(0);

  // Find by author, and the duplicates the room wrote.
  await facilitator.getByLabel('Find cards').fill('Maria Bergström');
  await expect(facilitator.getByText(/cards? match/)).toHaveText(`${titles.filter((_, i) => i % PEOPLE.length === 3).length} cards match`);
  await facilitator.getByLabel('Find cards').fill('');
  await facilitator.getByLabel('Show only possible duplicates').check();
  await expect(themeOf(facilitator, 'Not in a theme yet').getByRole('img', { name: /^Near duplicate: / }).first()).toBeVisible();
  await facilitator.getByLabel('Show only possible duplicates').uncheck();

  // Merging asks first, and can be undone; the participant sees both.
  const housing = themeOf(facilitator, 'Housing for workers');
  await housing.getByText('Theme options').click();
  await housing.getByLabel('Merge theme Housing for workers into').selectOption({ label: themes[0] });
  await housing.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(housing.getByText(`Merge “Housing for workers” into “${themes[0]}”?`)).toBeVisible();
  await housing.getByRole('button', { name: 'Yes, merge', exact: true }).click();
  await expect(themeOf(anna, 'Housing for workers')).toHaveCount(0);
  await expect(themeOf(anna, themes[0]).getByRole('heading', { name: titles[1], exact: true })).toBeVisible();
  await facilitator.getByRole('status').filter({ hasText: 'Theme “Housing for workers” merged' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(themeOf(anna, 'Housing for workers').getByRole('heading', { name: titles[1], exact: true })).toBeVisible();
  await expect(themeOf(anna, 'Housing for workers').getByRole('heading', { name: titles[2], exact: true })).toBeVisible();
  await expect(themeOf(anna, themes[0]).getByRole('heading', { name: titles[3], exact: true })).toBeVisible();
  await shot(facilitator, 'facilitator-1366-cluster-60');
  await expectNoAxeViolations(facilitator);

  // Anonymous cards: nobody sees who wrote what.
  await expect(anna.getByText(`by ${PEOPLE[3]}`).first()).toBeVisible();
  expect((await request.post(`/api/boards/${board.boardId}/settings`, { headers: auth(board.facilitatorToken), data: { anonymousCards: true } })).ok()).toBe(true);
  await expect(anna.getByText(`by ${PEOPLE[3]}`)).toHaveCount(0);

  // Vote: the projector shows how many have voted, never what.
  const opening = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: {} });
  expect(opening.status()).toBe(201);
  const round: { id: string; items: Array<{ id: string }> } = await opening.json();
  await expect(wall.getByText('0 of 7 have voted').first()).toBeVisible();
  for (const [i, voter] of board.people.slice(0, 4).entries()) {
    const allocations = { [round.items[i % round.items.length].id]: 3, [round.items[(i + 2) % round.items.length].id]: 2 };
    expect((await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: auth(voter.token), data: { allocations } })).ok()).toBe(true);
  }
  await expect(wall.getByText('4 of 7 have voted').first()).toBeVisible();
  await shot(wall, 'projector-4-vote');
  await expectNoAxeViolations(wall);

  // Results: revealed on the wall one item at a time, from the last place up, as the facilitator steps.
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  const ranking = wall.locator('.projector-ranking > li');
  await expect(wall.getByText('The ranking is revealed step by step.')).toBeVisible();
  await expect(ranking).toHaveCount(0);
  const total = round.items.length;
  await facilitator.getByRole('button', { name: 'Show next on the projector', exact: true }).click();
  await expect(ranking).toHaveCount(1);
  await expect(facilitator.getByText(`1 of ${total} shown on the projector`)).toBeVisible();
  await shot(wall, 'projector-5-results-step-1');
  await facilitator.getByRole('button', { name: 'Show next on the projector', exact: true }).click();
  await expect(ranking).toHaveCount(2);
  await shot(wall, 'projector-5-results-step-2');
  await facilitator.getByRole('button', { name: 'Show all', exact: true }).click();
  await expect(ranking).toHaveCount(total);
  await expect(ranking.first()).toContainText('1.');
  await expect(wall.locator('.projector-balanced > li')).toHaveCount(total);
  await shot(wall, 'projector-5-results-all');
  await expectNoAxeViolations(wall);

  // Agree: the list as it is being agreed.
  const items = round.items.slice(0, 3).map((item, i) => ({ itemId: item.id, title: `Priority ${i + 1}`, owner: 'Steering group', nextStep: 'Plan a pilot' }));
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: { roundId: round.id, items } })).ok()).toBe(true);
  await phase(request, board, 'agree');
  await expect(wall.locator('.projector-agreed > li')).toHaveCount(3);
  await expect(wall.getByText('Priority 1')).toBeVisible();
  await shot(wall, 'projector-6-agree');
  await expectNoAxeViolations(wall);
});

test('at 1366×800 with 80 cards and 8 themes, every theme is within one screen of the first card on the pile', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const board = await createRoomBoard(request, 'Eighty cards', PEOPLE.slice(0, 3));
  await phase(request, board, 'collect');
  const themes = sampleThemes(8);
  await seedBoard(baseURL!, board, { titles: sampleTitles(80), themes, authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await phase(request, board, 'cluster');
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const pile = themeOf(facilitator, 'Not in a theme yet');
  await expect(pile.getByRole('heading', { level: 4 })).toHaveCount(80, { timeout: 30_000 });
  // Put a few cards in every theme, as clustering goes.
  const titles = sampleTitles(80);
  for (const [i, theme] of themes.entries()) {
    for (const title of titles.slice(i * 4, i * 4 + 4)) await facilitator.getByRole('checkbox', { name: `Select card: ${title}`, exact: true }).check();
    await facilitator.getByRole('button', { name: 'Move selected to theme…', exact: true }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: theme, exact: true }).click();
    await expect(themeOf(facilitator, theme).getByRole('heading', { level: 4 })).toHaveCount(4);
  }
  // Measured together, once the layout has settled, from the top of the page with the pile at its first card:
  // moving cards out of the pile leaves the pile and the page scrolled wherever the last card was.
  const firstCardFromTop = async () => {
    await facilitator.evaluate(() => window.scrollTo(0, 0));
    await pile.evaluate((column) => column.scrollTo(0, 0));
    return (await pile.getByRole('heading', { level: 4 }).first().boundingBox())!;
  };
  const farthestTheme = async () => {
    const firstCard = await firstCardFromTop();
    const boxes = await Promise.all(themes.map(async (theme) => (await themeOf(facilitator, theme).boundingBox())!));
    return Math.max(...boxes.map((box) => Math.abs(box.y - firstCard.y)));
  };
  await expect.poll(farthestTheme).toBeLessThan(800);
  // And the pile itself starts on the first screen, under the phase bar and the forms.
  expect((await firstCardFromTop()).y).toBeLessThan(800);
  await pile.scrollIntoViewIfNeeded();
  await shot(facilitator, 'facilitator-1366-cluster-80');
  await facilitator.getByLabel('Compact themes (names and counts only)').check();
  await shot(facilitator, 'facilitator-1366-cluster-80-compact');
  await expectNoAxeViolations(facilitator);
  // No word is broken at an arbitrary letter: card titles wrap whole and hyphenate by the workshop's language.
  const wrapping = await facilitator.evaluate(() => {
    const title = document.querySelector('.card-title')!;
    return { wrap: getComputedStyle(title).overflowWrap, hyphens: getComputedStyle(title).hyphens, lang: title.closest('[lang]')?.getAttribute('lang') };
  });
  expect(wrapping).toEqual({ wrap: 'break-word', hyphens: 'auto', lang: 'en' });
});

test('the projector fits 1920×1080 and 1280×720 in every phase: twelve themes of eighty cards, ten results, eight agreed priorities', async ({ browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const board = await createRoomBoard(request, 'Industriforum – uppstart', PEOPLE);
  const walls = await wallsAt(browser, board, [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]);
  const expectFits = (slide: string) => expectWallsFit(walls, slide);
  const onEveryWall = async (text: string | RegExp, timeout?: number) => {
    for (const wall of walls) await expect(wall.getByText(text).first()).toBeVisible({ timeout });
  };

  await onEveryWall(board.joinCode);
  await expectFits('join');

  // Silent collection: the wall counts the private cards written, and shows none of them.
  expect((await request.post(`/api/boards/${board.boardId}/settings`, { headers: auth(board.facilitatorToken), data: { silentCollect: true } })).ok()).toBe(true);
  await phase(request, board, 'collect');
  const silentTitles = ['Vätgas i stålindustrin', 'Bostäder för nyanställda', 'Elnätets kapacitet i norr'];
  await writePrivateCards(baseURL!, board, silentTitles);
  await onEveryWall('3 cards written');
  for (const wall of walls) await expect(wall.getByText(silentTitles[0])).toHaveCount(0);
  await expectFits('collect-silent');
  // An observer's link may not read the drafts the count comes from: a neutral line instead, never "0 cards".
  const observerWall = await person(browser, { viewport: { width: 1280, height: 720 } });
  await observerWall.goto(`/b/${board.boardId}/present#token=${board.observerToken}`);
  await expect(observerWall.getByText('Cards are being written')).toBeVisible();
  await expect(observerWall.getByText(/^0 cards/)).toHaveCount(0);
  await observerWall.context().close();

  // Open collection: the clock, the count and the newest cards.
  expect((await request.post(`/api/boards/${board.boardId}/settings`, { headers: auth(board.facilitatorToken), data: { silentCollect: false } })).ok()).toBe(true);
  await onEveryWall('3 cards');
  const themes = sampleThemes(12);
  const titles = sampleTitles(80);
  await seedBoard(baseURL!, board, { titles, themes, authors: board.people.map((p) => ({ id: p.participantId, token: p.token })), clustered: true });
  expect((await request.post(`/api/boards/${board.boardId}/timer`, { headers: auth(board.facilitatorToken), data: { action: 'start', seconds: 10 } })).ok()).toBe(true);
  await onEveryWall('83 cards');
  // The six newest, from the last written (cards written in the same millisecond may stand in either order).
  for (const wall of walls) {
    const newest = wall.getByRole('region', { name: 'The newest cards' }).getByRole('listitem');
    await expect(newest).toHaveCount(6);
    for (const text of await newest.allTextContents()) expect(titles.slice(-20)).toContain(text);
  }
  await expectFits('collect-open');
  // The ten-second timer runs out on the server's clock, which each wall follows through its own estimate of it.
  await onEveryWall('Time is up', 30_000);
  await expectFits('collect-time-up');

  await phase(request, board, 'cluster');
  for (const wall of walls) await expect(wall.locator('.projector-theme')).toHaveCount(12);
  await expectFits('cluster-12');

  await phase(request, board, 'vote');
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: {} });
  const round: { id: string; items: Array<{ id: string }> } = await opened.json();
  for (const [i, voter] of board.people.entries()) {
    const allocations = { [round.items[i % 10]!.id]: 3, [round.items[(i + 3) % 10]!.id]: 2 };
    expect((await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: auth(voter.token), data: { allocations } })).ok()).toBe(true);
  }
  await onEveryWall(`${PEOPLE.length} of ${PEOPLE.length} have voted`);
  await expectFits('turnout');

  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  expect((await request.post(`/api/boards/${board.boardId}/presentation`, { headers: auth(board.facilitatorToken), data: { roundId: round.id, revealed: 10 } })).ok()).toBe(true);
  for (const wall of walls) await expect(wall.locator('.projector-item')).toHaveCount(10);
  await expectFits('results-10');

  await phase(request, board, 'agree');
  const agreed = round.items.slice(0, 8).map((item, i) => ({ itemId: item.id, title: `${themes[i]}: gemensam handlingsplan`, owner: `Region, samordnare ${i + 1}`, nextStep: 'Kartlägg behoven före juni' }));
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: { roundId: round.id, items: agreed } })).ok()).toBe(true);
  for (const wall of walls) await expect(wall.locator('.projector-agreed li')).toHaveCount(8);
  await expectFits('agree-8');

  // Deleted: the wall of a shared venue PC keeps nothing of the workshop.
  expect((await request.delete(`/api/boards/${board.boardId}`, { headers: auth(board.facilitatorToken), data: { confirmTitle: 'Industriforum – uppstart' } })).ok()).toBe(true);
  await onEveryWall('This workshop was deleted.');
  for (const wall of walls) await expect(wall.getByText(agreed[0]!.title)).toHaveCount(0);
});

test('a 360×740 phone ballot of eighty-three cards in ten themes fits in two screens, with the dots left and the saved state always in view', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const board = await createRoomBoard(request, 'Kick-off', PEOPLE.slice(0, 3));
  await phase(request, board, 'collect');
  const themes = sampleThemes(10);
  await seedBoard(baseURL!, board, { titles: sampleTitles(83), themes, authors: board.people.map((p) => ({ id: p.participantId, token: p.token })), clustered: true });
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: {} });
  expect(opened.status()).toBe(201);
  const round: { id: string } = await opened.json();
  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(`/b/${board.boardId}#token=${board.people[0].token}`);
  await expect(phone.locator('.ballot-item')).toHaveCount(10);
  await expect(phone.getByText('No dots placed yet.')).toBeVisible();
  // Every card is in a theme, so the ballot holds themes only, and the step's hint says so.
  await expect(phone.getByText('Dot voting on the themes.', { exact: false })).toBeAttached();
  // The step bar that follows the voter, with a timer running, is one slim line.
  expect((await request.post(`/api/boards/${board.boardId}/timer`, { headers: auth(board.facilitatorToken), data: { action: 'start', seconds: 300 } })).ok()).toBe(true);
  await expect(phone.locator('.timer-running')).toBeVisible();
  expect((await phone.locator('.board-toolbar-follow').boundingBox())!.height).toBeLessThanOrEqual(64);
  // Measured once, after the page has settled: two screens at most, nothing wider than the phone.
  const size = await phone.evaluate(() => ({ height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth }));
  expect(size.width).toBeLessThanOrEqual(360);
  expect(size.height).toBeLessThanOrEqual(2 * 740);
  // One line per theme where the width allows: its name and its − dots + side by side.
  const last = themes[9]!;
  const title = (await phone.locator('.ballot-item-title').filter({ hasText: last }).boundingBox())!;
  const plus = (await phone.getByRole('button', { name: `Add a dot to ${last} (0 of`, exact: false }).boundingBox())!;
  expect(Math.abs(plus.y + plus.height / 2 - (title.y + title.height / 2))).toBeLessThan(plus.height / 2);
  // The last "+" reached, the dots left and the saved state are still on screen.
  await phone.getByRole('button', { name: `Add a dot to ${last} (0 of`, exact: false }).click();
  await expect(phone.getByText(/^Saved ✓/)).toBeInViewport();
  await expect(phone.getByText(/^Dots left: \d+ of \d+$/)).toBeInViewport();
  await shot(phone, 'phone-360-ballot-83');
  await phone.getByText('Show cards', { exact: false }).first().click();
  await shot(phone, 'phone-360-ballot-83-cards-shown');
  await expectNoAxeViolations(phone);

  // Results on the same phone, read in Swedish (decimal commas, long headings): every figure of both rankings whole,
  // none cut at the edge of a table that scrolls sideways (the tables by group may scroll: they have a column a group).
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  await phone.getByLabel('Language').selectOption('sv');
  await expect(phone.locator('table.ranking')).toHaveCount(2);
  const cut = await phone.evaluate(() =>
    [...document.querySelectorAll('.table-scroll:has(table.ranking)')].flatMap((box) => {
      const edge = box.getBoundingClientRect().right + 0.5;
      return [...box.querySelectorAll('td')].filter((cell) => cell.getBoundingClientRect().right > edge).map((cell) => cell.textContent);
    }),
  );
  expect(cut).toEqual([]);
  await shot(phone, 'phone-360-results-sv');
});

test('compact clustering at 1366×800: titles first with their controls beside them, five cards a theme in view, every theme at a glance, undo from anywhere on the page', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const board = await createRoomBoard(request, 'Kick-off', PEOPLE.slice(0, 3));
  await phase(request, board, 'collect');
  const themes = sampleThemes(10);
  const titles = sampleTitles(83);
  await seedBoard(baseURL!, board, { titles, themes, authors: board.people.map((p) => ({ id: p.participantId, token: p.token })), clustered: true });
  await phase(request, board, 'cluster');
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await expect(facilitator.getByRole('heading', { level: 4 })).toHaveCount(83, { timeout: 30_000 });

  // Every theme with its count at once, on the first screen.
  const overview = facilitator.getByRole('navigation', { name: 'Themes at a glance' });
  await expect(overview.getByRole('link')).toHaveCount(11);
  for (const theme of themes) await expect(overview.getByRole('link', { name: new RegExp(`^${theme} \\d+$`) })).toBeInViewport();

  // Measured once after settling: each theme shows at least five whole cards without scrolling inside it, and a
  // card's title stands on its top line, beside its selection box.
  // Each tile is brought on screen first: the browser draws only the cards near the screen, at their real size.
  const fit = await facilitator.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const tiles = [];
    for (const tile of document.querySelectorAll('.theme-tile')) {
      tile.scrollIntoView({ block: 'start' });
      await frame();
      const list = tile.querySelector('.theme-cards')!.getBoundingClientRect();
      const whole = [...tile.querySelectorAll('.card')].filter((card) => card.getBoundingClientRect().bottom <= list.bottom + 1).length;
      const first = tile.querySelector('.card')!;
      const title = first.querySelector('.card-title')!.getBoundingClientRect();
      const box = first.querySelector('.card-select')!.getBoundingClientRect();
      tiles.push({ whole: Math.min(whole, 5), titleBesideBox: title.top < box.bottom && title.left > box.right });
    }
    scrollTo(0, 0);
    return tiles;
  });
  expect(fit).toEqual(themes.map(() => ({ whole: 5, titleBesideBox: true })));

  // A card marked as a duplicate keeps its +1 whole: on a narrow tile the badge gives way to its mark, and keeps
  // its name for a screen reader. Measured once, on every such card, after the layout settles.
  const marked = await facilitator.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return [...document.querySelectorAll('.theme-tile .card')]
      .filter((card) => card.querySelector('.dup-badge') && card.querySelector('.card-reactions'))
      .map((card) => {
        const edge = card.getBoundingClientRect().right - parseFloat(getComputedStyle(card).paddingRight);
        const badge = card.querySelector('.dup-badge')!;
        const plusOne = card.querySelector('.card-reactions button')!;
        const within = (element: Element) => element.getBoundingClientRect().right <= edge + 0.5 && element.scrollWidth <= element.clientWidth;
        return { badge: within(badge), plusOne: within(plusOne), named: /^(Near duplicate|Duplicate): /.test(badge.getAttribute('aria-label')!) };
      });
  });
  expect(marked.length).toBeGreaterThan(0);
  expect(marked.filter((card) => !card.badge || !card.plusOne || !card.named)).toEqual([]);
  await facilitator.locator('.theme-tile .card', { has: facilitator.locator('.dup-badge') }).first().screenshot({ path: `${SHOTS}/facilitator-1366-cluster-duplicate-mark.png` });
  await shot(facilitator, 'facilitator-1366-cluster-83-compact-tiles');

  // Eight colours for ten themes: each colour carries the theme's number, so the first and the ninth differ.
  const numbers = themes.map((_, index) => String(index + 1));
  expect(await overview.locator('.swatch').allTextContents()).toEqual(numbers);
  expect(await facilitator.locator('.theme-tile .theme-head .swatch').allTextContents()).toEqual(numbers);

  // A theme's "Merge into" select shows its whole prompt, not "Choose a the".
  const options = themeOf(facilitator, themes[0]!).locator('details.theme-options');
  await options.locator('summary').click();
  const mergeSelect = options.getByRole('combobox', { name: `Merge theme ${themes[0]} into` });
  const room = await mergeSelect.evaluate((select: HTMLSelectElement) => {
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = style.font;
    const text = context.measureText(select.selectedOptions[0]!.text).width;
    // The native arrow takes about 20 px beside the text.
    return select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20 - text;
  });
  expect(room).toBeGreaterThanOrEqual(0);
  await options.screenshot({ path: `${SHOTS}/theme-options-merge-1366.png` });
  await options.locator('summary').click();
  await facilitator.setViewportSize({ width: 360, height: 740 });
  await overview.scrollIntoViewIfNeeded();
  await shot(facilitator, 'facilitator-360-theme-numbers');
  await facilitator.setViewportSize({ width: 1366, height: 800 });

  // "Create and move" says where the card went, by the new theme's name.
  const card = titles[0]!;
  await facilitator.getByRole('button', { name: `Actions for card: ${card}`, exact: true }).click();
  await facilitator.getByRole('button', { name: `Move to theme… ${card}`, exact: true }).click();
  await facilitator.getByRole('dialog').getByLabel('Or a new theme').fill('Housing for workers');
  await facilitator.getByRole('dialog').getByRole('button', { name: 'Create and move', exact: true }).click();
  await expect(facilitator.getByRole('status').filter({ hasText: '1 card moved to Housing for workers.' })).toBeAttached();
  await expect(themeOf(facilitator, 'Housing for workers').getByRole('heading', { name: card, exact: true })).toBeVisible();

  // Ctrl+Z with the focus outside the board (a click on the workshop's title) still undoes the move.
  await facilitator.getByRole('heading', { level: 1 }).click();
  await facilitator.keyboard.press('Control+z');
  await expect(themeOf(facilitator, 'Housing for workers').getByRole('heading', { name: card, exact: true })).toHaveCount(0);
  await expect(themeOf(facilitator, themes[0]!).getByRole('heading', { name: card, exact: true })).toBeVisible();
  await expectNoAxeViolations(facilitator);
});

test('the wall keeps the countdown beside the phase while voting, and marks the agreed list a draft until a version is frozen and again once it changed', async ({ browser, request, baseURL }) => {
  test.setTimeout(60_000);
  const board = await createRoomBoard(request, 'Kick-off', PEOPLE.slice(0, 2));
  await phase(request, board, 'collect');
  await seedBoard(baseURL!, board, { titles: sampleTitles(12), themes: sampleThemes(4), authors: board.people.map((p) => ({ id: p.participantId, token: p.token })), clustered: true });
  await phase(request, board, 'vote');
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: {} });
  const round: { id: string; items: Array<{ id: string }> } = await opened.json();
  const walls = await wallsAt(browser, board, [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 360, height: 740 },
  ]);
  const expectFits = (slide: string) => expectWallsFit(walls, slide);

  expect((await request.post(`/api/boards/${board.boardId}/timer`, { headers: auth(board.facilitatorToken), data: { action: 'start', seconds: 300 } })).ok()).toBe(true);
  for (const wall of walls) await expect(wall.locator('.projector-head .projector-head-clock')).toContainText(/^(4:5\d|5:00) left/);
  await expectFits('turnout-timer');

  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  await phase(request, board, 'agree');
  const agreed = round.items.slice(0, 3).map((item, i) => ({ itemId: item.id, title: `Gemensam handlingsplan ${i + 1}`, owner: 'Region', nextStep: 'Kartlägg behoven före juni' }));
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: { roundId: round.id, items: agreed } })).ok()).toBe(true);
  for (const wall of walls) {
    await expect(wall.getByText('Draft – not frozen yet')).toBeVisible();
    await expect(wall.locator('.projector-agreed li').first()).toContainText('1. Gemensam handlingsplan 1');
  }
  await expectFits('agree-draft');

  expect((await request.post(`/api/boards/${board.boardId}/agreement/freeze`, { headers: auth(board.facilitatorToken) })).status()).toBe(201);
  for (const wall of walls) {
    await expect(wall.getByText(/^Version 1, frozen /)).toBeVisible();
    await expect(wall.getByText('Draft – not frozen yet')).toHaveCount(0);
  }
  await expectFits('agree-frozen');

  // An owner changed after the freeze: the wall no longer passes the list for version 1.
  const edited = agreed.map((item, i) => (i === 1 ? { ...item, owner: 'Kommunen' } : item));
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: { roundId: round.id, items: edited } })).ok()).toBe(true);
  for (const wall of walls) await expect(wall.getByText('Draft, changed since version 1')).toBeVisible();
  await expectFits('agree-changed');
});
