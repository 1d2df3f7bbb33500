import { expect, type Page } from '@playwright/test';
import { joinForm, openWorkshopTools, person, test } from './support';
import { auth, createRoomBoard, phase, seedBoard } from './roomBoard';

const SHOTS = 'test-reports/screenshots';
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/waiting-list-${name}.png` });

test('in a strictly anonymous workshop a late phone waits, the facilitator lets it in, and the phone can vote', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Strictly anonymous kick-off', ['Ulla Berg', 'Erik Lund', 'Sven Holm']);
  expect((await request.post(`/api/boards/${board.boardId}/settings`, { headers: auth(board.facilitatorToken), data: { strictAnonymity: true } })).ok()).toBe(true);
  await phase(request, board, 'collect');
  const author = board.people[0]!;
  await seedBoard(baseURL!, board, { titles: ['Energy prices', 'Skills shortage'], themes: [], authors: [{ id: author.participantId, token: author.token }] });
  await phase(request, board, 'vote');
  expect((await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: { budget: 3, cap: 3 } })).status()).toBe(201);

  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(`/join/${board.joinCode}`);
  await joinForm(phone, { name: 'Lena Sand', organisation: 'Nordic Steel', group: 'Company' });
  await expect(phone.getByRole('heading', { name: 'Waiting for the facilitator' })).toBeVisible();
  await expect(phone.getByRole('button', { name: /^Add a dot to/ })).toHaveCount(0);
  await shot(phone, 'phone-360');
  for (const width of [1366, 1920]) {
    await phone.setViewportSize({ width, height: 900 });
    await shot(phone, `phone-${width}`);
  }
  await phone.setViewportSize({ width: 360, height: 740 });

  const facilitator = await person(browser, { viewport: { width: 1366, height: 900 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await expect(facilitator.getByText('0 of 3 have voted')).toBeVisible();
  await openWorkshopTools(facilitator);
  const people = facilitator.locator('details.people-panel');
  await expect(people.locator('summary')).toContainText('1 waiting to vote');
  await people.locator('summary').click();
  const waiting = people.getByRole('region', { name: /Waiting to vote/ });
  await expect(waiting.getByText('Lena Sand')).toBeVisible();
  await people.scrollIntoViewIfNeeded();
  await shot(facilitator, 'facilitator-1366');
  await facilitator.setViewportSize({ width: 1920, height: 1080 });
  await shot(facilitator, 'facilitator-1920');

  await waiting.getByRole('button', { name: 'Let Lena Sand vote' }).click();
  await expect(people.getByRole('status')).toHaveText('Lena Sand can vote now.');
  await expect(people.getByRole('region', { name: /Waiting to vote/ })).toHaveCount(0);

  // Let in, the phone's ballot takes the notice's place, and her ballot counts in the turnout.
  await expect(phone.getByRole('heading', { name: 'Waiting for the facilitator' })).toHaveCount(0);
  await phone.getByRole('button', { name: 'Add a dot to Energy prices (0 of 3)' }).click();
  await expect(facilitator.getByText('1 of 4 have voted')).toBeVisible();
});
