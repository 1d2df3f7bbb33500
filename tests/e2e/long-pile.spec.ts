import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { person, test } from './support';
import { createRoomBoard, phase, sampleThemes, sampleTitles, seedBoard } from './roomBoard';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });

test('a pile of 250 cards draws a hundred at a time; the rest are a button press or a search away and keep the focus', async ({ browser, request, baseURL }) => {
  test.setTimeout(180_000);
  const board = await createRoomBoard(request, 'Big kick-off', ['Anna Lindqvist', 'Pieter van Dijk']);
  await phase(request, board, 'collect');
  const titles = sampleTitles(250);
  await seedBoard(baseURL!, board, { titles, themes: sampleThemes(3), authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await phase(request, board, 'cluster');
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const pile = facilitator.locator('.theme-pile');
  await expect(pile.getByRole('heading', { level: 3 })).toHaveText('Not in a theme yet');
  await expect(pile.locator('.count')).toHaveText('250 cards');

  // The pile's list names its cards, not its button, and draws the first hundred.
  await expect(pile.getByRole('listitem')).toHaveCount(100, { timeout: 30_000 });
  const more = pile.getByRole('button', { name: 'Show 100 more cards (150 not shown)' });
  await shot(facilitator, 'facilitator-1366-cluster-250-pile');

  // A card far down the pile is found by search, and one can be moved from there.
  const last = titles[249]!;
  await facilitator.getByLabel('Find cards').fill(last);
  await expect(pile.getByRole('heading', { level: 4, name: last, exact: true })).toBeVisible();
  await facilitator.getByLabel('Find cards').fill('');
  await expect(pile.getByRole('listitem')).toHaveCount(100);

  // The keyboard reaches the rest through the button (scrolled to, it draws more by itself too), and goes on
  // from the first card the press drew.
  await more.focus();
  await facilitator.keyboard.press('Enter');
  const focusedAt = () =>
    facilitator.evaluate(() => {
      const item = document.activeElement?.closest('.theme-pile .theme-cards > li');
      return item ? [...item.parentElement!.children].indexOf(item) : -1;
    });
  await expect.poll(focusedAt).toBeGreaterThanOrEqual(100);
  await expect(facilitator.locator(':focus')).toHaveAccessibleName(/^Select card: /);
  await expect(pile.getByRole('listitem')).not.toHaveCount(100);
  await shot(facilitator, 'facilitator-1366-cluster-250-pile-more');
});
