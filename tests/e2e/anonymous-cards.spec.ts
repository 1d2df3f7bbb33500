import { expect } from '@playwright/test';
import { addCard, person, test } from './support';
import { auth, createRoomBoard, phase, seedBoard } from './roomBoard';

const PHONE = { width: 390, height: 844 };
const TITLE = 'The works council is being ignored';

test('with anonymous cards, another phone sees the card and its text arrive, but not who writes it', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Kick-off with anonymous cards', ['Ulla Berg', 'Erik Lund']);
  expect((await request.post(`/api/boards/${board.boardId}/settings`, { headers: auth(board.facilitatorToken), data: { anonymousCards: true } })).ok()).toBe(true);
  await phase(request, board, 'collect');
  const [ulla, erik] = await Promise.all(board.people.map(() => person(browser, { viewport: PHONE })));
  await ulla.goto(`/b/${board.boardId}#token=${board.people[0]!.token}`);
  await erik.goto(`/b/${board.boardId}#token=${board.people[1]!.token}`);

  // Written through the interface, so under the author's card key: still hers to edit.
  await addCard(ulla, TITLE);
  await expect(ulla.getByText('yours')).toBeVisible();
  await expect(erik.getByRole('heading', { level: 3, name: TITLE })).toBeVisible();
  await expect(erik.getByText('yours')).toHaveCount(0);

  await ulla.getByRole('button', { name: `Actions for card: ${TITLE}` }).click();
  await ulla.getByRole('button', { name: `Open details of card: ${TITLE}` }).click();
  const editor = ulla.getByRole('dialog', { name: TITLE }).getByRole('textbox', { name: 'Details of the card' });
  await editor.click();
  await editor.pressSequentially('Three meetings without an agenda item for us');
  await expect(erik.getByText('Three meetings without an agenda item for us')).toBeVisible();
  const presence = erik.getByRole('region', { name: 'Who is here' });
  await expect(presence.getByText('Ulla Berg')).toBeVisible();
  await editor.pressSequentially(', and a fourth.');
  await expect(erik.getByText('Three meetings without an agenda item for us, and a fourth.')).toBeVisible();
  await expect(presence.getByText(/typing in/)).toHaveCount(0);
  await expect(erik.getByText(/is typing|are typing/)).toHaveCount(0);
});

test('before and while an anonymous round is open, the facilitator sees which groups will be counted together and why, and what turnout tells of small groups', async ({ browser, request, baseURL }) => {
  // Round-robin over six groups: two people in each of the first two groups, one in each of the other four.
  const board = await createRoomBoard(request, 'Kick-off with small groups', ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
  await phase(request, board, 'collect');
  await seedBoard(baseURL!, board, { titles: ['Skills', 'Energy'], themes: [], authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  await phase(request, board, 'vote');
  const facilitator = await person(browser);
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const form = facilitator.locator('.open-round');
  await expect(form.getByText(/^If everyone here votes, .* will be counted together\.$/)).toBeVisible();
  const warning = /^Fewer than 3 people: .* While the round is open, the turnout everyone sees moves when one of them votes: it tells that they voted, never what\.$/;
  // A warning set apart from the hints around it, so that it is read before the round opens.
  await expect(form.getByRole('note').filter({ hasText: warning })).toBeVisible();
  await form.screenshot({ path: 'test-reports/screenshots/anonymous-round-small-groups.png' });
  await form.getByRole('checkbox', { name: /^Anonymous/ }).uncheck();
  await expect(form.getByText(/will be counted together/)).toHaveCount(0);

  // Opened anonymous, the warning stays beside the turnout for as long as the round is open.
  await form.getByRole('checkbox', { name: /^Anonymous/ }).check();
  await form.getByRole('button', { name: 'Open the round', exact: true }).click();
  await expect(facilitator.locator('.round-controls').getByRole('note').filter({ hasText: warning })).toBeVisible();
});
