import fs from 'node:fs';
import { expect } from '@playwright/test';
import { auth, createRoomBoard, phase } from './roomBoard';
import { addCard, expectNoAxeViolations, person, slideFit, test } from './support';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 360, height: 740 };
const CARD = 'Suppliers hear about changes too late';
const QUESTION = 'Who invites the regional suppliers to the next session?';

test('two phones +1 and comment on a card live, and a questions round runs on the wall', async ({ browser, request }) => {
  test.setTimeout(60_000);
  const board = await createRoomBoard(request, 'Industry forum kick-off', ['Åsa Lindqvist', 'Jonas Öberg']);
  await phase(request, board, 'collect');
  const minted = await request.post(`/api/boards/${board.boardId}/projector-links`, { headers: auth(board.facilitatorToken) });
  expect(minted.status()).toBe(201);
  const wall = await person(browser, { viewport: { width: 1920, height: 1080 } });
  await wall.goto(`/b/${board.boardId}/present#token=${(await minted.json()).token}`);
  const [asa, jonas] = await Promise.all(board.people.map(() => person(browser, { viewport: PHONE })));
  await asa.goto(`/b/${board.boardId}#token=${board.people[0]!.token}`);
  await jonas.goto(`/b/${board.boardId}#token=${board.people[1]!.token}`);

  await addCard(asa, CARD);
  await jonas.getByRole('button', { name: `+1 (0 so far) for “${CARD}”` }).click();
  await expect(jonas.getByRole('button', { name: `+1 (1 so far) for “${CARD}”` })).toHaveAttribute('aria-pressed', 'true');
  await expect(asa.getByRole('button', { name: `+1 (1 so far) for “${CARD}”` })).toHaveAttribute('aria-pressed', 'false');
  await expect(wall.getByRole('listitem').filter({ hasText: CARD })).toContainText('+1');

  await jonas.getByRole('button', { name: `0 comments on “${CARD}”` }).click();
  const detail = jonas.getByRole('dialog', { name: CARD });
  await detail.getByLabel('Your comment').fill('The region hears it even later');
  await detail.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(detail.getByText('The region hears it even later')).toBeVisible();
  await jonas.screenshot({ path: `${SHOTS}/reactions-phone-comment.png` });
  await detail.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(asa.getByRole('button', { name: `1 comment on “${CARD}”` })).toBeVisible();
  // A newer card both +1 comes first once the pile is ordered by +1.
  const newer = 'Permits take too long';
  await addCard(asa, newer);
  await asa.getByRole('button', { name: `+1 (0 so far) for “${newer}”` }).click();
  await jonas.getByRole('button', { name: `+1 (1 so far) for “${newer}”` }).click();
  await expect(asa.getByRole('button', { name: `+1 (2 so far) for “${newer}”` })).toBeVisible();
  await expect(asa.locator('.card-list .card-title')).toHaveText([CARD, newer]);
  await asa.getByLabel('Order').selectOption({ label: 'Most +1 first' });
  await expect(asa.locator('.card-list .card-title')).toHaveText([newer, CARD]);
  await asa.screenshot({ path: `${SHOTS}/reactions-phone-card.png` });
  await wall.screenshot({ path: `${SHOTS}/reactions-wall-collect.png` });

  // The facilitator opens the questions round from the workshop tools (closed, it takes no room on the board); the
  // wall turns to the questions, the phones offer a question field.
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await expect(facilitator.getByRole('heading', { name: 'Questions for the plenary' })).toBeHidden();
  await facilitator.getByRole('button', { name: 'Workshop tools' }).click();
  await facilitator.getByRole('button', { name: 'Open the questions round' }).click();
  await facilitator.keyboard.press('Escape');
  await expect(facilitator.getByRole('heading', { name: 'Questions for the plenary' })).toBeVisible();
  await expect(wall.getByRole('heading', { name: 'Questions' })).toBeVisible();
  await asa.getByLabel('Your question').fill(QUESTION);
  await asa.getByRole('button', { name: 'Ask', exact: true }).click();
  await jonas.getByLabel('Your question').fill('When do we meet again?');
  await jonas.getByRole('button', { name: 'Ask', exact: true }).click();
  await jonas.getByRole('button', { name: `+1 (0 so far) for “${QUESTION}”` }).click();
  await expect(asa.getByRole('button', { name: `+1 (1 so far) for “${QUESTION}”` })).toBeVisible();
  await facilitator.getByRole('button', { name: `Answer “${QUESTION}” now` }).click();
  await expect(wall.locator('.projector-current-text')).toHaveText(QUESTION);
  await expect(wall.getByRole('listitem').filter({ hasText: 'When do we meet again?' })).toContainText('+0');
  await facilitator.screenshot({ path: `${SHOTS}/reactions-facilitator-questions.png` });
  await asa.screenshot({ path: `${SHOTS}/reactions-phone-questions.png` });
  await expectNoAxeViolations(asa);

  // A full wall: long questions at the length limit, more than the five listed under the current one.
  for (let i = 1; i <= 7; i++) {
    await asa.getByLabel('Your question').fill(`${i}. ${'How will the forum make sure that the smaller suppliers in the region are heard before decisions are taken? '.repeat(2)}`.slice(0, 200));
    await asa.getByRole('button', { name: 'Ask', exact: true }).click();
  }
  await expect(wall.getByText('+ 3 more questions')).toBeVisible();
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    await wall.setViewportSize(viewport);
    expect(await slideFit(wall)).toEqual({ scrolls: false, small: [], outside: [] });
    await wall.screenshot({ path: `${SHOTS}/reactions-wall-questions-${viewport.width}.png` });
  }

  // Closing the round gives the wall back to the phase; the +1s stay on the card while clustering.
  await facilitator.getByRole('button', { name: 'Close the questions round' }).click();
  await expect(wall.getByRole('heading', { name: 'Questions' })).toBeHidden();
  await phase(request, board, 'cluster');
  await expect(facilitator.getByRole('button', { name: `+1 (1 so far) for “${CARD}”` })).toBeVisible();
  await facilitator.screenshot({ path: `${SHOTS}/reactions-facilitator-cluster.png` });
});
