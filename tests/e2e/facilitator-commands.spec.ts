import { expect } from '@playwright/test';
import { closeWorkshopTools, expectNoAxeViolations, openWorkshopTools, person, test } from './support';
import { auth, createRoomBoard, phase } from './roomBoard';

/**
 * The facilitator's commands as the client runs them: a command the server refuses says why, in the reader's
 * language; the drawer of workshop tools closes with Escape from inside the notes; the agreed list's owner and
 * next step have room on a laptop.
 */

test('a timer command refused by the server says why, translated: a second facilitator screen that lags behind', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Regional forum', ['Anna Lindqvist']);
  const timer = (data: object) => request.post(`/api/boards/${board.boardId}/timer`, { headers: auth(board.facilitatorToken), data });

  // The facilitator's second screen, in Dutch, on a connection whose updates from the server can be held back:
  // the real server and the real documents, only late, as on a venue's overloaded Wi-Fi.
  const lagging = await person(browser, { locale: 'nl-NL', viewport: { width: 1366, height: 800 } });
  let held = false;
  await lagging.routeWebSocket(/\/ws\//, (page) => {
    const server = page.connectToServer();
    page.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (!held) page.send(message);
    });
  });
  await lagging.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await expect(lagging.getByRole('button', { name: 'Timer starten' })).toBeVisible();

  expect((await timer({ action: 'start', seconds: 300 })).ok()).toBe(true);
  const pause = lagging.getByRole('button', { name: 'Pauzeren', exact: true });
  await expect(pause).toBeVisible();

  // The timer stops elsewhere; this screen has not heard yet and still offers to pause it.
  held = true;
  expect((await timer({ action: 'stop' })).ok()).toBe(true);
  await pause.click();
  await expect(lagging.getByRole('alert').filter({ hasText: 'De timer loopt niet.' })).toBeVisible();
  await expect(lagging.getByText('De timer kon niet worden gewijzigd. Probeer het opnieuw.')).toHaveCount(0);
});

test('Escape inside the notes editor closes the workshop tools, and focus returns to their button', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Regional forum', ['Anna Lindqvist']);
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const drawer = await openWorkshopTools(facilitator);
  const notes = drawer.getByRole('textbox', { name: 'Notes of the workshop' });
  await notes.click();
  await facilitator.keyboard.type('Agreed: the steering group meets in March.');
  await facilitator.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(facilitator.getByRole('button', { name: 'Workshop tools', exact: true })).toBeFocused();
  // What was typed stays: closing the drawer is not undoing the notes.
  await openWorkshopTools(facilitator);
  await expect(notes).toContainText('Agreed: the steering group meets in March.');
  await closeWorkshopTools(facilitator);

  // The open editor's name follows a change of the interface's language.
  await facilitator.getByRole('combobox', { name: 'Language', exact: true }).selectOption('nl');
  const drawerNl = facilitator.getByRole('dialog', { name: 'Workshopinstrumenten' });
  await facilitator.getByRole('button', { name: 'Workshopinstrumenten', exact: true }).click();
  await expect(drawerNl.getByRole('textbox', { name: 'Notities van de workshop' })).toContainText('Agreed: the steering group meets in March.');
});

test('at 1366 px the agreed list gives each priority’s owner and next step room to be read', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Regional forum', ['Anna Lindqvist', 'Pieter van Dijk', 'Erik Johansson']);
  const facilitatorApi = auth(board.facilitatorToken);
  await phase(request, board, 'collect');
  for (const [i, title] of ['Too few welders', 'Grid connections take years', 'Permits for new plants', 'Energy prices'].entries()) {
    const author = board.people[i % board.people.length]!;
    // Cards through the board like anyone's: added in the participant's own browser.
    const page = await person(browser);
    await page.goto(`/b/${board.boardId}#token=${author.token}`);
    await page.getByLabel('New challenge').fill(title);
    await page.getByRole('button', { name: 'Add card' }).click();
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    await page.context().close();
  }
  await phase(request, board, 'vote');
  const round = await (await request.post(`/api/boards/${board.boardId}/rounds`, { headers: facilitatorApi, data: {} })).json();
  for (const [i, voter] of board.people.entries()) {
    await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: auth(voter.token), data: { allocations: { [round.items[i % 2].id]: 3 } } });
  }
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: facilitatorApi })).ok()).toBe(true);
  await phase(request, board, 'agree');

  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  await facilitator.getByRole('button', { name: 'Start from the group-balanced ranking' }).click();
  const owner = facilitator.getByLabel('Owner of priority 1');
  const nextStep = facilitator.getByLabel('Next step of priority 1');
  await expect(owner).toBeVisible();
  // Room for an organisation's name and for a sentence (they were squeezed to about 105 px each), and the whole
  // table on the screen without scrolling sideways.
  expect((await owner.boundingBox())!.width).toBeGreaterThanOrEqual(125);
  expect((await nextStep.boundingBox())!.width).toBeGreaterThanOrEqual(190);
  const table = facilitator.locator('.agree-table-scroll');
  expect(await table.evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
  // A sentence typed as the next step wraps and stays readable whole: the box grows with it.
  const before = (await nextStep.boundingBox())!.height;
  await nextStep.fill('Map the grid capacity with the national operator before June and report to the steering group in September');
  await expect.poll(async () => (await nextStep.boundingBox())!.height).toBeGreaterThan(before);
  expect(await nextStep.evaluate((box) => box.scrollHeight <= box.clientHeight + 1)).toBe(true);
  await table.screenshot({ path: 'test-reports/screenshots/agree-table-1366.png' });

  // Choosing where to merge an item asks first: nothing is merged until it is confirmed, and Cancel keeps it.
  const kept = facilitator.locator('tr.kept-priority');
  const count = await kept.count();
  const secondTitle = await facilitator.getByLabel('Wording of priority 2').inputValue();
  const firstTitle = await facilitator.getByLabel('Wording of priority 1').inputValue();
  await facilitator.getByRole('combobox', { name: `Merge into: ${secondTitle}` }).selectOption({ label: firstTitle });
  await expect(kept).toHaveCount(count);
  await facilitator.getByRole('button', { name: 'Cancel' }).click();
  await expect(kept).toHaveCount(count);
  await facilitator.getByRole('combobox', { name: `Merge into: ${secondTitle}` }).selectOption({ label: firstTitle });
  await facilitator.getByRole('button', { name: `Merge into “${firstTitle}”` }).click();
  await expect(kept).toHaveCount(count - 1);
});

test('the facilitator jumps to any step from the step bar, by mouse or keyboard; a participant follows and cannot jump', async ({ browser, request }) => {
  const board = await createRoomBoard(request, 'Regional forum', ['Anna Lindqvist']);
  const facilitator = await person(browser, { viewport: { width: 1366, height: 800 } });
  await facilitator.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const anna = await person(browser, { viewport: { width: 360, height: 740 } });
  await anna.goto(`/b/${board.boardId}#token=${board.people[0]!.token}`);
  const steps = (page: typeof facilitator) => page.getByRole('navigation', { name: 'Workshop phases' });
  await expect(steps(anna)).toContainText('Step 1 of 6: Setup');

  await expectNoAxeViolations(facilitator);

  await steps(facilitator).getByRole('button', { name: 'Go to step 3: Cluster', exact: true }).click();
  await expect(steps(facilitator)).toContainText('Step 3 of 6: Cluster');
  await expect(steps(anna)).toContainText('Step 3 of 6: Cluster');
  // The current step is not a button; by keyboard, back to Collect.
  await expect(steps(facilitator).getByRole('button', { name: /Go to step 3/ })).toHaveCount(0);
  await steps(facilitator).getByRole('button', { name: 'Go to step 2: Collect', exact: true }).focus();
  await facilitator.keyboard.press('Enter');
  await expect(steps(anna)).toContainText('Step 2 of 6: Collect');
  await expect(steps(anna).getByRole('button')).toHaveCount(0);

  // Leaving Agree backwards takes everyone out of the decision: it asks first, and Cancel stays.
  await steps(facilitator).getByRole('button', { name: 'Go to step 6: Agree', exact: true }).click();
  await expect(steps(anna)).toContainText('Step 6 of 6: Agree');
  await steps(facilitator).getByRole('button', { name: 'Go to step 3: Cluster', exact: true }).click();
  const asking = steps(facilitator).getByRole('group', { name: 'Go back to step 3: Cluster? Everyone’s screen goes back with you.' });
  await expect(asking).toBeVisible();
  await expect(asking.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await steps(facilitator).screenshot({ path: 'test-reports/screenshots/phase-confirm-back-1366.png' });
  await facilitator.setViewportSize({ width: 360, height: 740 });
  await steps(facilitator).screenshot({ path: 'test-reports/screenshots/phase-confirm-back-360.png' });
  await facilitator.setViewportSize({ width: 1366, height: 800 });
  await asking.getByRole('button', { name: 'Cancel' }).click();
  await expect(asking).toHaveCount(0);
  await expect(steps(anna)).toContainText('Step 6 of 6: Agree');
  await steps(facilitator).getByRole('button', { name: 'Go to step 3: Cluster', exact: true }).click();
  await asking.getByRole('button', { name: 'Yes, go back' }).click();
  await expect(steps(anna)).toContainText('Step 3 of 6: Cluster');
});
