import { expect, type Page } from '@playwright/test';
import { addCard, closeWorkshopTools, createWorkshop, expectNoAxeViolations, joinForm, openWorkshopTools, person, test } from './support';

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

/** What dnd-kit's live region tells a screen reader; waiting for it also lets the drag settle before the next key. */
function announcement(page: Page, text: string) {
  return page.getByRole('status').filter({ hasText: text });
}

/** Picks a card up with the keyboard and steps it right along `path` (from the theme it is in), dropping it at the end. */
async function moveByKeyboard(page: Page, title: string, path: string[]) {
  const [start, ...steps] = path;
  await page.getByRole('button', { name: `Move card: ${title}` }).focus();
  await page.keyboard.press('Space');
  await expect(announcement(page, `Card ${title} is over ${start}.`)).toBeAttached();
  for (const theme of steps) {
    await page.keyboard.press('ArrowRight');
    await expect(announcement(page, `Card ${title} is over ${theme}.`)).toBeAttached();
  }
  await page.keyboard.press('Space');
  await expect(announcement(page, `Card ${title} was dropped in ${path.at(-1)}.`)).toBeAttached();
}

/** Opens a card's one action menu (Details, Edit, Delete, Move to theme…, Take out of theme). */
async function openCardMenu(page: Page, title: string) {
  await page.getByRole('button', { name: `Actions for card: ${title}` }).click();
}

test('silent collect keeps each participant\'s cards private until the reveal; the timer runs on every screen', async ({ browser }) => {
  const facilitator = await person(browser);
  await createWorkshop(facilitator, workshop);
  const link = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  const tools = await openWorkshopTools(facilitator);
  await tools.getByText('Settings', { exact: true }).click();
  await tools.getByLabel(/Silent collection/).check();
  await expect(tools.getByLabel(/Silent collection/)).toBeChecked();
  await closeWorkshopTools(facilitator);
  await nextPhase(facilitator, 'Collect');

  const els = await person(browser);
  await joinByLink(els, link, { name: 'Els Vermeulen', organisation: 'Staalbouw Vlaanderen', group: 'Company' });
  const pieter = await person(browser, { viewport: { width: 360, height: 740 } });
  await joinByLink(pieter, link, { name: 'Pieter De Smet', organisation: 'Voeding & Co', group: 'Trade union' });
  const asa = await person(browser);
  await joinByLink(asa, link, { name: 'Åsa Lindqvist', organisation: 'Teknikföretagen Väst', group: "Employers' organisation" });
  const participants = [els, pieter, asa];
  const everyone = [facilitator, ...participants];

  const silentCards = new Map([
    [els, 'Shortage of technically trained staff'],
    [pieter, 'Lifelong learning during working hours'],
    [asa, 'Svårt att rekrytera svetsare och CNC-operatörer'],
  ]);
  for (const [page, title] of silentCards) {
    await expect(page.getByRole('heading', { name: 'Your private cards' })).toBeVisible();
    await addCard(page, title);
  }

  // The facilitator follows the silent cards; no participant receives anyone else's.
  const drafts = facilitator.getByRole('region', { name: /^Private cards so far: / });
  for (const title of silentCards.values()) await expect(drafts.getByText(title)).toBeVisible();
  for (const [page, own] of silentCards) {
    for (const title of silentCards.values()) {
      if (title !== own) await expect(page.getByText(title)).toHaveCount(0);
    }
  }
  await expectNoAxeViolations(facilitator);
  await expectNoAxeViolations(asa);

  // Timer: started by the facilitator, shown to everyone.
  await facilitator.getByLabel('Minutes').fill('3');
  await facilitator.getByRole('button', { name: 'Start timer' }).click();
  for (const page of everyone) {
    await expect(page.getByRole('region', { name: 'Timer' }).getByText(/^[23]:\d\d left$/)).toBeAttached();
  }
  await facilitator.getByRole('button', { name: 'Pause' }).click();
  for (const page of participants) {
    await expect(page.getByRole('region', { name: 'Timer' }).getByText('Paused', { exact: true })).toBeVisible();
  }

  // Revealing is in the phase toolbar while cards are collected silently.
  await facilitator.getByRole('button', { name: 'Reveal all cards' }).click();
  for (const page of everyone) {
    for (const title of silentCards.values()) await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  }
  // Authors survive the reveal: each may still edit their own card, and only theirs.
  for (const [page, own] of silentCards) {
    for (const title of silentCards.values()) {
      await openCardMenu(page, title);
      await expect(page.getByRole('button', { name: `Open details of card: ${title}` })).toBeVisible();
      await expect(page.getByRole('button', { name: `Edit card: ${title}` })).toHaveCount(title === own ? 1 : 0);
      await page.keyboard.press('Escape');
    }
  }
  await expectNoAxeViolations(pieter);
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
  const sanne = await person(browser);
  await joinByLink(sanne, link, { name: 'Sanne de Jong', organisation: 'Provincie Zeeland', group: 'Regional government' });
  const watchers = [facilitator, ingrid, sanne];

  await addCard(els, 'Shortage of technically trained staff');
  await addCard(ingrid, 'More young people into STEM');
  await addCard(facilitator, 'Energy prices threaten investment');
  await addCard(sanne, 'Netcongestie remt elektrificatie van de procesindustrie');

  // Rich text: Els writes the detail of her card while Sanne has it open read-only; the others see it arrive live.
  await openCardMenu(sanne, 'Shortage of technically trained staff');
  await sanne.getByRole('button', { name: 'Open details of card: Shortage of technically trained staff' }).click();
  const sanneDialog = sanne.getByRole('dialog', { name: 'Shortage of technically trained staff' });
  const sanneView = sanneDialog.getByRole('textbox', { name: 'Details of the card' });
  await expect(sanneView).toHaveAttribute('contenteditable', 'false');

  await openCardMenu(els, 'Shortage of technically trained staff');
  await els.getByRole('button', { name: 'Open details of card: Shortage of technically trained staff' }).click();
  const dialog = els.getByRole('dialog', { name: 'Shortage of technically trained staff' });
  const editor = dialog.getByRole('textbox', { name: 'Details of the card' });
  await editor.click();
  await editor.pressSequentially('Four vacancies open for over a year, ');
  await dialog.getByRole('button', { name: 'Bold' }).click();
  await editor.pressSequentially('two of them for welders.');
  await editor.press('Enter');
  await dialog.getByRole('button', { name: 'Bullet list' }).click();
  await editor.pressSequentially('Welder (MIG/MAG)');
  await editor.press('Enter');
  await editor.pressSequentially('CNC operator');

  await expect(sanneView.getByRole('strong')).toHaveText('two of them for welders.');
  await expect(sanneView.getByRole('listitem')).toHaveText(['Welder (MIG/MAG)', 'CNC operator']);
  await expect(facilitator.getByText('Four vacancies open for over a year')).toBeVisible();
  await expect(ingrid.getByText('Four vacancies open for over a year')).toBeVisible();
  await expectNoAxeViolations(sanne);
  // Closed by its button, or by Escape even from inside the editor, the dialog hands the focus back to the card's
  // menu it was opened from.
  await sanneDialog.getByRole('button', { name: 'Close' }).click();
  await expect(sanneDialog).toHaveCount(0);
  await expect(sanne.getByRole('button', { name: 'Actions for card: Shortage of technically trained staff' })).toBeFocused();
  await expect(editor).toBeFocused();
  await els.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(els.getByRole('button', { name: 'Actions for card: Shortage of technically trained staff' })).toBeFocused();

  await nextPhase(facilitator, 'Cluster');
  await expectNoAxeViolations(facilitator);

  for (const theme of ['Talent and training', 'Energy and climate']) {
    await facilitator.getByLabel('New theme').fill(theme);
    await facilitator.getByRole('button', { name: 'Add theme' }).click();
    for (const page of [els, ingrid, sanne]) await expect(page.getByRole('heading', { level: 3, name: theme })).toBeVisible();
  }
  const themeOf = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

  // A move by mouse (the facilitator at the projector).
  const card = facilitator.getByRole('listitem').filter({ has: facilitator.getByRole('heading', { name: 'Shortage of technically trained staff' }) });
  const from = (await card.boundingBox())!;
  const to = (await themeOf(facilitator, 'Talent and training').boundingBox())!;
  await facilitator.mouse.move(from.x + from.width / 2, from.y + 12);
  await facilitator.mouse.down();
  await facilitator.mouse.move(from.x + from.width / 2 + 10, from.y + 20, { steps: 3 });
  await facilitator.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 12 });
  await facilitator.mouse.up();
  for (const page of [els, ingrid, sanne]) {
    await expect(themeOf(page, 'Talent and training').getByRole('heading', { name: 'Shortage of technically trained staff' })).toBeVisible();
  }

  // A move by keyboard (a participant: clustering is open to participants by default).
  await moveByKeyboard(els, 'More young people into STEM', ['Not in a theme yet', 'Talent and training', 'Energy and climate']);
  for (const page of watchers) {
    await expect(themeOf(page, 'Energy and climate').getByRole('heading', { name: 'More young people into STEM' })).toBeVisible();
  }

  // Rename a theme, then merge it into the other.
  const energy = themeOf(facilitator, 'Energy and climate');
  await energy.getByText('Theme options').click();
  // The colours are named: the second theme took the second colour.
  await expect(energy.getByRole('radio', { name: 'Blue', exact: true })).toBeChecked();
  await energy.getByLabel('Name of theme Energy and climate').fill('Young talent');
  await energy.getByLabel('Name of theme Energy and climate').press('Enter');
  for (const page of [els, sanne]) await expect(page.getByRole('heading', { level: 3, name: 'Young talent' })).toBeVisible();
  await expect(themeOf(sanne, 'Young talent').getByRole('heading', { name: 'More young people into STEM' })).toBeVisible();
  const young = themeOf(facilitator, 'Young talent');
  await young.getByLabel('Merge theme Young talent into').selectOption({ label: 'Talent and training' });
  await young.getByRole('button', { name: 'Merge', exact: true }).click();
  await young.getByRole('button', { name: 'Yes, merge' }).click();
  for (const page of [els, sanne]) {
    await expect(page.getByRole('heading', { level: 3, name: 'Young talent' })).toHaveCount(0);
    await expect(themeOf(page, 'Talent and training').getByRole('heading', { level: 4 })).toHaveText([
      'Shortage of technically trained staff',
      'More young people into STEM',
    ]);
  }
  await expect(themeOf(sanne, 'Talent and training').getByText('Four vacancies open for over a year')).toBeVisible();

  // Split a card back out of its theme.
  await openCardMenu(facilitator, 'More young people into STEM');
  await facilitator.getByRole('button', { name: 'Take card out of its theme: More young people into STEM' }).click();
  for (const page of [ingrid, sanne]) {
    await expect(themeOf(page, 'Not in a theme yet').getByRole('heading', { name: 'More young people into STEM' })).toBeVisible();
  }

  // The facilitator's notes, read along by everyone.
  const notesTools = await openWorkshopTools(facilitator);
  await notesTools.getByRole('textbox', { name: 'Notes of the workshop' }).click();
  await facilitator.keyboard.type('Talent is the first priority.');
  await closeWorkshopTools(facilitator);
  await els.getByText('Notes', { exact: true }).click();
  await expect(els.getByRole('textbox', { name: 'Notes of the workshop' })).toContainText('Talent is the first priority.');
  await expect(els.getByRole('textbox', { name: 'Notes of the workshop' })).toHaveAttribute('contenteditable', 'false');

  await expectNoAxeViolations(els);
  await expectNoAxeViolations(ingrid);
});
