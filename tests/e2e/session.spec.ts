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
