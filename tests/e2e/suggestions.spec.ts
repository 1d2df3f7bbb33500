import fs from 'node:fs';
import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, person, slideFit, test } from './support';
import { createRoomBoard, phase, seedBoard, type RoomBoard } from './roomBoard';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });

/**
 * Cards of a kick-off written for this test (not the sample workshops the suggestions were tuned on): four
 * challenges, each worded three ways, and one card said twice (by two people: seedBoard takes authors in turn).
 */
const CARDS = [
  'Welders are hard to find',
  'Hard to find welders',
  'Skills shortage among maintenance technicians',
  'Too few apprentices start a technical education',
  'Grid capacity is too small for electrification',
  'Energy prices make our furnaces unprofitable',
  'Waiting years for a connection to the electricity grid',
  'Permits for a new plant take far too long',
  'Slow and unpredictable permit procedures',
  'Environmental permits hold back investment',
  'Small firms lack the money to digitalise',
  'Digitalisation of production lags behind in small companies',
  'Cyber security is beyond what a small firm can manage',
];

const PILE = 'Not in a theme yet';

async function clusterBoard(request: APIRequestContext, baseURL: string): Promise<RoomBoard> {
  const board = await createRoomBoard(request, 'Metal and energy forum kick-off', ['Anna Lindqvist', 'Pieter van Dijk']);
  await phase(request, board, 'collect');
  await seedBoard(baseURL, board, { titles: CARDS, themes: [], authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await phase(request, board, 'cluster');
  return board;
}

const theme = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const cardIn = (region: Locator, title: string) => region.getByRole('heading', { level: 4, name: title, exact: true });

/** A suggestion in the preview: its name (the new theme's, as in its field) and the titles of its cards. */
async function readSuggestion(item: Locator): Promise<{ name: string; cards: string[] }> {
  const field = item.getByRole('textbox', { name: 'Name of the new theme' });
  const name = (await field.count()) > 0 ? await field.inputValue() : ((await item.locator('.suggestion-name strong').textContent()) ?? '');
  const cards = (await item.locator('.suggestion-cards > li').allTextContents()).map((text) => text.trim());
  return { name, cards };
}

test('suggested themes: two accepted (one renamed), one rejected, seen live by a participant, and undone as one change', async ({ browser, request, baseURL }) => {
  const board = await clusterBoard(request, baseURL!);
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const anna = await person(browser, { viewport: { width: 360, height: 740 } });
  await anna.goto(`/b/${board.boardId}#token=${board.people[0].token}`);
  await expect(cardIn(theme(anna, PILE), CARDS[0])).toBeVisible();

  const open = facilitator.getByRole('button', { name: 'Suggest themes', exact: true });
  await open.click();
  const dialog = facilitator.getByRole('dialog', { name: 'Suggested themes', exact: true });
  await expect(dialog).toBeVisible();
  const items = dialog.locator('.suggestion');
  await expect(items.nth(2)).toBeVisible();
  await facilitator.screenshot({ path: `${SHOTS}/suggestions-preview-1366.png` });
  await expectNoAxeViolations(facilitator);

  const [first, second, third] = [await readSuggestion(items.nth(0)), await readSuggestion(items.nth(1)), await readSuggestion(items.nth(2))];
  const renamed = 'Skilled people';
  await items.nth(0).getByRole('textbox', { name: 'Name of the new theme' }).fill(renamed);
  await items.nth(0).getByRole('button', { name: `Accept the suggestion ${renamed}`, exact: true }).click();
  await items.nth(1).getByRole('button', { name: `Accept the suggestion ${second.name}`, exact: true }).click();
  await items.nth(2).getByRole('button', { name: `Reject the suggestion ${third.name}`, exact: true }).click();
  await expect(items.nth(0).getByRole('button', { name: `Accept the suggestion ${renamed}`, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Apply 2 accepted suggestions', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  const accepted = [
    { name: renamed, cards: first.cards },
    { name: second.name, cards: second.cards },
  ];
  for (const page of [facilitator, anna]) {
    for (const { name, cards } of accepted) {
      for (const title of cards) await expect(cardIn(theme(page, name), title)).toBeVisible();
    }
    for (const title of third.cards) await expect(cardIn(theme(page, PILE), title)).toBeVisible();
    await expect(theme(page, third.name)).toHaveCount(0);
  }
  await anna.screenshot({ path: `${SHOTS}/suggestions-accepted-360.png`, fullPage: true });

  // One Undo takes back the whole acceptance, for everyone.
  await facilitator.locator('.undo-notice').getByRole('button', { name: 'Undo', exact: true }).click();
  for (const page of [facilitator, anna]) {
    for (const { name } of accepted) await expect(theme(page, name)).toHaveCount(0);
    for (const title of CARDS) await expect(cardIn(theme(page, PILE), title)).toBeVisible();
  }
});

test('the preview at 360 and 1920 px, a card changed meanwhile left where it is, and a duplicate pair merged', async ({ browser, request, baseURL }) => {
  const board = await clusterBoard(request, baseURL!);
  const wide = await person(browser, { viewport: { width: 1920, height: 1080 } });
  await wide.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  // By keyboard: Enter opens the preview with the focus inside it, Escape closes it and gives the focus back.
  const suggest = wide.getByRole('button', { name: 'Suggest themes', exact: true });
  await suggest.focus();
  await wide.keyboard.press('Enter');
  const wideDialog = wide.getByRole('dialog', { name: 'Suggested themes', exact: true });
  await expect(wideDialog.locator('.suggestion').first()).toBeVisible();
  await expect(wideDialog.getByRole('button', { name: 'Close without changes', exact: true })).toBeFocused();
  await wide.screenshot({ path: `${SHOTS}/suggestions-preview-1920.png` });
  await wide.keyboard.press('Escape');
  await expect(wideDialog).toBeHidden();
  await expect(suggest).toBeFocused();

  // A participant on a phone, allowed to cluster, asks; meanwhile someone moves one of the suggested cards.
  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(`/b/${board.boardId}#token=${board.people[1].token}`);
  await phone.getByRole('button', { name: 'Suggest themes', exact: true }).click();
  const dialog = phone.getByRole('dialog', { name: 'Suggested themes', exact: true });
  const item = dialog.locator('.suggestion').first();
  await expect(item).toBeVisible();
  const suggestion = await readSuggestion(item);
  expect(suggestion.cards.length).toBeGreaterThan(1);
  const moved = suggestion.cards[0];
  await wide.getByRole('button', { name: `Actions for card: ${moved}`, exact: true }).click();
  await wide.getByRole('button', { name: `Move to theme… ${moved}`, exact: true }).click();
  const move = wide.getByRole('dialog', { name: `Move “${moved}” to`, exact: true });
  await move.getByLabel('Or a new theme').fill('Moved by hand');
  await move.getByRole('button', { name: 'Create and move', exact: true }).click();

  await expect(dialog.getByText('1 card was changed or moved since the suggestion and will stay where it is.')).toBeVisible();
  await expect(item.locator('.suggestion-card-stale')).toHaveText(new RegExp(`^${moved}`));
  await phone.screenshot({ path: `${SHOTS}/suggestions-preview-360.png`, fullPage: true });
  await item.getByRole('button', { name: /^Accept the suggestion / }).click();
  await dialog.getByRole('button', { name: 'Apply 1 accepted suggestion', exact: true }).click();
  for (const title of suggestion.cards.slice(1)) await expect(cardIn(theme(phone, suggestion.name), title)).toBeVisible();
  await expect(cardIn(theme(phone, 'Moved by hand'), moved)).toBeVisible();
  await expect(cardIn(theme(wide, 'Moved by hand'), moved)).toBeVisible();

  // The duplicate pair is marked on both cards; merging keeps both texts and both authors in view.
  const all = phone.locator('.cluster-board');
  // The heading is looked for inside each card (a `has` locator is relative to the element it filters).
  const cardItem = (title: string) => all.getByRole('listitem').filter({ has: phone.getByRole('heading', { level: 4, name: title, exact: true }) });
  await expect(cardItem('Hard to find welders').getByText('Like “Welders are hard to find”')).toBeVisible();
  await expect(cardItem('Welders are hard to find').getByText('Like “Hard to find welders”')).toBeVisible();
  await cardItem('Hard to find welders').getByRole('button', { name: 'Merge “Hard to find welders” and “Welders are hard to find”', exact: true }).click();
  const merged = all.getByRole('listitem').filter({ hasText: 'Hard to find welders' }).filter({ hasText: 'Welders are hard to find' });
  await expect(merged).toHaveCount(1);
  await expect(merged.getByText(/Anna Lindqvist/)).toBeVisible();
  await expect(merged.getByText(/Pieter van Dijk/)).toBeVisible();
  await merged.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: `${SHOTS}/suggestions-merged-360.png` });
  await expect(wide.getByRole('region', { name: /^Merged with “/ })).toBeVisible();
  await expect(wide.locator('.cluster-board').getByRole('heading', { level: 4, name: 'Hard to find welders', exact: true }).or(wide.locator('.cluster-board').getByRole('heading', { level: 4, name: 'Welders are hard to find', exact: true }))).toHaveCount(1);

  // The wall shows the merged pair as the board does: one line, counted once in its theme.
  const wall = await person(browser, { viewport: { width: 1920, height: 1080 } });
  await wall.goto(`/b/${board.boardId}/present#token=${board.facilitatorToken}`);
  const wallTheme = wall.locator('.projector-theme').filter({ hasText: /welders/i });
  await expect(wallTheme).toHaveCount(1);
  await expect(wallTheme.getByRole('listitem').filter({ hasText: /welders/i })).toHaveCount(1);
  await expect(wallTheme.getByRole('listitem').filter({ hasText: /welders/i })).toContainText('+ 1 merged card');
  const heading = (await wallTheme.getByRole('heading', { level: 2 }).textContent())!;
  const [, themeName, count] = /^(.*) \((\d+)\)$/.exec(heading.trim())!;
  await expect(theme(phone, themeName!).getByRole('heading', { level: 4 })).toHaveCount(Number(count));
  expect(await slideFit(wall)).toEqual({ scrolls: false, small: [], outside: [] });
  await wall.screenshot({ path: `${SHOTS}/suggestions-merged-wall-1920.png` });
});

test('"Show only possible duplicates" shows every card the suggestions mark, across Swedish, Dutch and English', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Cross-border industry forum kick-off', ['Anna Lindqvist', 'Pieter van Dijk']);
  await phase(request, board, 'collect');
  const titles = [
    'Brist på svetsare',
    'Tekort aan lassers',
    'Shortage of welders',
    'Höga elpriser',
    'De energieprijzen zijn te hoog',
    'Bostäder saknas för nyanställda',
    'Housing shortage for new employees',
    'Cyber security for small firms',
    'Fler kvinnor i tekniska yrken',
  ];
  await seedBoard(baseURL!, board, { titles, themes: [], authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await phase(request, board, 'cluster');
  const page = await person(browser, { viewport: { width: 1366, height: 800 } });
  await page.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await expect(cardIn(theme(page, PILE), titles[0])).toBeVisible();

  await page.getByRole('button', { name: 'Suggest themes', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Suggested themes', exact: true });
  await expect(dialog.getByText(/pairs of cards say nearly the same/)).toBeVisible();
  const said = Number((await dialog.getByText(/pairs of cards say nearly the same/).textContent())!.match(/\d+/)![0]);
  await dialog.getByRole('button', { name: 'Close without changes', exact: true }).click();

  const pile = theme(page, PILE);
  const marked = pile.locator('.card').filter({ has: page.locator('.dup-pair') });
  const markedTitles = await marked.getByRole('heading', { level: 4 }).allTextContents();
  // Welders three ways (three pairs), electricity prices and housing in two languages (one pair each).
  expect(said).toBe(5);
  expect(new Set(markedTitles)).toEqual(new Set(titles.slice(0, 7)));
  expect(await pile.locator('.dup-pair').count()).toBe(2 * said);

  await page.getByLabel('Show only possible duplicates').check();
  await expect(page.getByText(/cards? match/)).toHaveText(`${markedTitles.length} cards match`);
  await expect(pile.getByRole('heading', { level: 4 })).toHaveText(markedTitles);
  await page.screenshot({ path: `${SHOTS}/duplicates-filter-1366.png` });
});
