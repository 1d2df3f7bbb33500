import { expect, type Page } from '@playwright/test';
import { addCard, closeWorkshopTools, createWorkshop, joinForm, openWorkshopTools, person, test } from './support';

const shots = process.env.SCREENSHOT_DIR;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

test('the facilitator link moves the workshop to another device, and My workshops lists both roles', async ({ browser, request }) => {
  const office = await person(browser, { viewport: { width: 1366, height: 800 } });
  await createWorkshop(office, { title: 'Industriforum Kronoberg kick-off', question: 'What holds industry in Kronoberg back?' });
  const keep = office.getByRole('region', { name: 'Keep your facilitator link' });
  await expect(keep.getByText('the only way back into this workshop')).toBeVisible();
  await expect(keep.getByRole('link', { name: 'Mail it to myself' })).toHaveAttribute('href', /^mailto:\?subject=Facilitator%20link/);
  await shoot(office, 'created-board-link-1366');
  await office.setViewportSize({ width: 360, height: 740 });
  await shoot(office, 'created-board-link-360');
  expect(await office.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const link = await keep.getByRole('textbox', { name: 'Your facilitator link' }).inputValue();
  expect(link).toMatch(/\/b\/[A-Za-z0-9_-]+#token=/);
  await keep.getByRole('button', { name: 'I have kept it' }).click();
  await expect(keep).toHaveCount(0);
  // The invite panel, among the workshop tools, keeps showing it.
  await openWorkshopTools(office);
  await expect(office.getByRole('textbox', { name: 'Your facilitator link' })).toHaveValue(link);
  await closeWorkshopTools(office);

  // The venue PC opens the link and runs the next phase; the office laptop follows.
  const venue = await person(browser, { viewport: { width: 1366, height: 800 } });
  await venue.goto(link);
  await expect(venue.getByRole('heading', { level: 1, name: 'Industriforum Kronoberg kick-off' })).toBeVisible();
  await expect(venue.getByText('Facilitator', { exact: true }).first()).toBeVisible();
  await venue.getByRole('button', { name: 'Next: Collect' }).click();
  await expect(office.getByRole('button', { name: 'Next: Cluster' })).toBeVisible();

  // The venue PC also joins someone else's workshop as a participant.
  const other = await (await request.post('/api/boards', { data: { title: 'Value chain Småland', language: 'en' } })).json();
  await venue.goto(other.links.participant);
  await joinForm(venue, { name: 'Erik Johansson', organisation: 'IF Metall', group: 'Trade union' });

  await venue.goto('/');
  const mine = venue.getByRole('region', { name: 'My workshops' });
  const facilitated = mine.getByRole('listitem').filter({ hasText: 'Industriforum Kronoberg kick-off' });
  await expect(facilitated.getByText('Facilitator', { exact: true })).toBeVisible();
  await expect(facilitated.getByText('Collect', { exact: true })).toBeVisible();
  // An en-GB browser reads day before month and a 24-hour clock, not "December 1, 2026 at 11:03 PM".
  await expect(facilitated.getByText(/^Last activity \d{1,2} [A-Z][a-z]+ \d{4}(,| at) \d{2}:\d{2}$/)).toBeVisible();
  const joined = mine.getByRole('listitem').filter({ hasText: 'Value chain Småland' });
  await expect(joined.getByText('Participant', { exact: true })).toBeVisible();
  await expect(joined.getByText('Setup', { exact: true })).toBeVisible();
  await shoot(venue, 'start-my-workshops-1366');
  await venue.setViewportSize({ width: 360, height: 740 });
  await shoot(venue, 'start-my-workshops-360');
  expect(await venue.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await joined.getByRole('link', { name: 'Value chain Småland' }).click();
  await expect(venue.getByRole('heading', { level: 1, name: 'Value chain Småland' })).toBeVisible();
  await expect(venue.getByText('Participant', { exact: true }).first()).toBeVisible();

  // A new workshop starts from the one this device now facilitates, or from a built-in template.
  await venue.goto('/');
  await venue.getByLabel('Start from').selectOption({ label: 'Industriforum Kronoberg kick-off' });
  await expect(venue.getByLabel('Guiding question')).toHaveValue('What holds industry in Kronoberg back?');
  await venue.getByLabel('Start from').selectOption({ label: 'Value-chain co-creation' });
  await expect(venue.getByLabel('Group 1', { exact: true })).toHaveValue('Supplier');
});

test('a Dutch browser joins a Swedish workshop in Dutch; the English facilitator stays in English', async ({ browser }) => {
  const facilitator = await person(browser);
  await facilitator.goto('/');
  await facilitator.getByLabel('Title of the workshop').fill('Industriforum Kronoberg – uppstart');
  await facilitator.getByLabel('Workshop language').selectOption('sv');
  await facilitator.getByRole('button', { name: 'Create workshop' }).click();
  await expect(facilitator.getByRole('heading', { level: 2, name: 'Challenges' })).toBeVisible();
  const participantLink = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();

  const pieter = await person(browser, { locale: 'nl-NL', viewport: { width: 360, height: 740 } });
  await pieter.goto(participantLink);
  await expect(pieter.locator('html')).toHaveAttribute('lang', 'nl');
  await pieter.getByLabel('Je naam').fill('Pieter van Dijk');
  await pieter.getByLabel('Stakeholdergroep').selectOption({ label: 'Lärosäte' });
  await pieter.getByRole('button', { name: 'Deelnemen aan de workshop' }).click();
  await expect(pieter.getByRole('heading', { level: 2, name: 'Uitdagingen' })).toBeVisible();
});

test('the facilitator edits the title live, closes the workshop read-only for a participant, and reopens it', async ({ browser }) => {
  const facilitator = await person(browser);
  await createWorkshop(facilitator, { title: 'Kick-off draft title', question: 'What are the biggest challenges?' });
  await facilitator.getByRole('button', { name: 'I have kept it' }).click();
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  const participantLink = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();

  const anna = await person(browser);
  await anna.goto(participantLink);
  await joinForm(anna, { name: 'Anna Lindqvist', organisation: 'Volvo CE', group: 'Company' });
  await addCard(anna, 'Too few welders');

  // Details and closing are among the facilitator's workshop tools.
  await openWorkshopTools(facilitator);
  await facilitator.getByText('Workshop details').click();
  const details = facilitator.locator('details.details-panel');
  await details.getByLabel('Title of the workshop').fill('Industriforum Kronoberg kick-off');
  // Anna's group can be renamed but not removed.
  await expect(details.getByRole('button', { name: /Remove group 1/ })).toHaveCount(0);
  await details.getByRole('button', { name: 'Save changes' }).click();
  await expect(facilitator.getByText('Saved. Everyone sees the new details.')).toBeVisible();
  await expect(anna.getByRole('heading', { level: 1, name: 'Industriforum Kronoberg kick-off' })).toBeVisible();

  await facilitator.getByRole('button', { name: 'Close the workshop' }).click();
  await facilitator.getByRole('button', { name: 'Yes, close it' }).click();
  await expect(anna.getByRole('heading', { name: 'This workshop is closed' })).toBeVisible();
  await expect(anna.getByLabel('New challenge')).toHaveCount(0);
  await expect(anna.getByRole('button', { name: 'Edit card: Too few welders' })).toHaveCount(0);
  await expect(anna.getByRole('heading', { level: 3, name: 'Too few welders' })).toBeVisible();
  await expect(facilitator.getByRole('button', { name: 'Next: Cluster' })).toHaveCount(0);

  await facilitator.getByRole('button', { name: 'Reopen the workshop' }).click();
  await expect(anna.getByRole('heading', { name: 'This workshop is closed' })).toHaveCount(0);
  await addCard(anna, 'Energy prices');
  await expect(facilitator.getByRole('heading', { level: 3, name: 'Energy prices' })).toBeVisible();
});
