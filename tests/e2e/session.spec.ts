import { expect, test, type Page } from '@playwright/test';
import { addCard, createWorkshop, expectNoSeriousAxeViolations, joinForm, person } from './support';

const workshop = {
  title: 'Industrieforum – startsessie',
  question: 'Welke uitdagingen moet ons industrieforum de komende twee jaar eerst aanpakken?',
};

async function joinByLink(page: Page, link: string, who: { name: string; organisation: string; group: string }) {
  await page.goto(link);
  await joinForm(page, who);
}

async function nextPhase(facilitator: Page, phase: string) {
  await facilitator.getByRole('button', { name: `Next: ${phase}` }).click();
  await expect(facilitator.getByRole('navigation', { name: 'Workshop phases' }).locator('[aria-current="step"]')).toHaveText(new RegExp(phase));
}

test('silent collect keeps cards private until the reveal; the timer runs on every screen', async ({ browser }) => {
  const facilitator = await person(browser);
  await createWorkshop(facilitator, workshop);
  const link = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  await facilitator.getByText('Settings', { exact: true }).click();
  await facilitator.getByLabel(/Silent collection/).check();
  await expect(facilitator.getByLabel(/Silent collection/)).toBeChecked();
  await nextPhase(facilitator, 'Collect');

  const els = await person(browser);
  await joinByLink(els, link, { name: 'Els Vermeulen', organisation: 'Staalbouw Vlaanderen', group: 'Company' });
  const pieter = await person(browser, { viewport: { width: 360, height: 740 } });
  await joinByLink(pieter, link, { name: 'Pieter De Smet', organisation: 'Voeding & Co', group: 'Trade union' });

  await expect(els.getByRole('heading', { name: 'Your private cards' })).toBeVisible();
  await addCard(els, 'Shortage of technically trained staff');
  await addCard(pieter, 'Lifelong learning during working hours');

  // The facilitator follows the silent cards; the other participant does not receive them.
  const drafts = facilitator.getByRole('region', { name: /Silent cards/ });
  await expect(drafts.getByText('Shortage of technically trained staff')).toBeVisible();
  await expect(drafts.getByText('Lifelong learning during working hours')).toBeVisible();
  await expect(pieter.getByText('Shortage of technically trained staff')).toHaveCount(0);
  await expect(els.getByText('Lifelong learning during working hours')).toHaveCount(0);

  // Timer: started by the facilitator, shown to everyone.
  await facilitator.getByLabel('Minutes').fill('3');
  await facilitator.getByRole('button', { name: 'Start timer' }).click();
  for (const page of [facilitator, els, pieter]) {
    await expect(page.getByRole('region', { name: 'Timer' }).getByText(/^[23]:\d\d left$/)).toBeAttached();
  }
  await facilitator.getByRole('button', { name: 'Pause' }).click();
  await expect(els.getByRole('region', { name: 'Timer' }).getByText('Paused', { exact: true })).toBeVisible();

  await facilitator.getByRole('button', { name: 'Reveal all cards' }).click();
  for (const page of [facilitator, els, pieter]) {
    await expect(page.getByRole('heading', { level: 3, name: 'Shortage of technically trained staff' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'Lifelong learning during working hours' })).toBeVisible();
  }
  // Authors survive the reveal: each may still edit their own card, and only theirs.
  await expect(els.getByRole('button', { name: 'Edit card: Shortage of technically trained staff' })).toBeVisible();
  await expect(els.getByRole('button', { name: 'Edit card: Lifelong learning during working hours' })).toHaveCount(0);
  await expectNoSeriousAxeViolations(pieter);
});

test('clustering by mouse and keyboard, theme rename and merge, live rich text and notes', async ({ browser }) => {
  // A tall projector screen: dnd-kit scrolls the page when a drag nears the edge, which a scripted mouse does not follow.
  const facilitator = await person(browser, { viewport: { width: 1280, height: 1600 } });
  await createWorkshop(facilitator, workshop);
  const link = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  await nextPhase(facilitator, 'Collect');

  const els = await person(browser);
  await joinByLink(els, link, { name: 'Els Vermeulen', organisation: 'Staalbouw Vlaanderen', group: 'Company' });
  const ingrid = await person(browser, { viewport: { width: 360, height: 740 } });
  await joinByLink(ingrid, link, { name: 'Ingrid Claes', organisation: 'Textielfederatie', group: "Employers' organisation" });

  await addCard(els, 'Shortage of technically trained staff');
  await addCard(ingrid, 'More young people into STEM');
  await addCard(facilitator, 'Energy prices threaten investment');

  // Rich text: Els writes the detail of her card; the others see it arrive live.
  await els.getByRole('button', { name: 'Open details of card: Shortage of technically trained staff' }).click();
  const dialog = els.getByRole('dialog', { name: 'Shortage of technically trained staff' });
  const editor = dialog.getByRole('textbox', { name: 'Details of the card' });
  await editor.click();
  await editor.pressSequentially('Four vacancies open for over a year.');
  await expect(facilitator.getByText('Four vacancies open for over a year.')).toBeVisible();
  await expect(ingrid.getByText('Four vacancies open for over a year.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  await nextPhase(facilitator, 'Cluster');
  await expectNoSeriousAxeViolations(facilitator);

  for (const theme of ['Talent and training', 'Energy and climate']) {
    await facilitator.getByLabel('New theme').fill(theme);
    await facilitator.getByRole('button', { name: 'Add theme' }).click();
    await expect(els.getByRole('heading', { level: 3, name: theme })).toBeVisible();
  }
  const themeOf = (page: typeof facilitator, name: string) => page.getByRole('region', { name, exact: true });

  // A move by mouse (the facilitator at the projector).
  const card = facilitator.getByRole('listitem').filter({ has: facilitator.getByRole('heading', { name: 'Shortage of technically trained staff' }) });
  const from = (await card.boundingBox())!;
  const to = (await themeOf(facilitator, 'Talent and training').boundingBox())!;
  await facilitator.mouse.move(from.x + from.width / 2, from.y + 12);
  await facilitator.mouse.down();
  await facilitator.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 });
  await facilitator.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 12 });
  await facilitator.mouse.up();
  await expect(themeOf(els, 'Talent and training').getByRole('heading', { name: 'Shortage of technically trained staff' })).toBeVisible();

  // A move by keyboard (a participant: clustering is open to participants by default).
  const handle = els.getByRole('button', { name: 'Move card: More young people into STEM' });
  await handle.focus();
  await els.keyboard.press('Space');
  await els.keyboard.press('ArrowRight');
  await els.keyboard.press('ArrowRight');
  await els.keyboard.press('Space');
  await expect(themeOf(facilitator, 'Energy and climate').getByRole('heading', { name: 'More young people into STEM' })).toBeVisible();
  await expect(themeOf(ingrid, 'Energy and climate').getByRole('heading', { name: 'More young people into STEM' })).toBeVisible();

  // Rename a theme, then merge it into the other.
  const energy = themeOf(facilitator, 'Energy and climate');
  await energy.getByText('Theme options').click();
  await energy.getByLabel('Name of theme Energy and climate').fill('Young talent');
  await energy.getByLabel('Name of theme Energy and climate').press('Enter');
  await expect(els.getByRole('heading', { level: 3, name: 'Young talent' })).toBeVisible();
  const young = themeOf(facilitator, 'Young talent');
  await young.getByLabel('Merge theme Young talent into').selectOption({ label: 'Talent and training' });
  await young.getByRole('button', { name: 'Merge' }).click();
  await expect(els.getByRole('heading', { level: 3, name: 'Young talent' })).toHaveCount(0);
  await expect(themeOf(els, 'Talent and training').getByRole('heading', { level: 4 })).toHaveCount(2);

  // Split a card back out of its theme.
  await facilitator.getByRole('button', { name: 'Take card out of its theme: More young people into STEM' }).click();
  await expect(themeOf(ingrid, 'Not in a theme yet').getByRole('heading', { name: 'More young people into STEM' })).toBeVisible();

  // The facilitator's notes, read along by everyone.
  await facilitator.getByRole('textbox', { name: 'Notes of the workshop' }).click();
  await facilitator.keyboard.type('Talent is the first priority.');
  await els.getByText('Notes', { exact: true }).click();
  await expect(els.getByRole('textbox', { name: 'Notes of the workshop' })).toContainText('Talent is the first priority.');
  await expect(els.getByRole('textbox', { name: 'Notes of the workshop' })).toHaveAttribute('contenteditable', 'false');

  await expectNoSeriousAxeViolations(els);
  await expectNoSeriousAxeViolations(ingrid);
});
