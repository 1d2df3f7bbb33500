import fs from 'node:fs/promises';
import { expect } from '@playwright/test';
import { person, test } from './support';

test('the reader picks the language of a download and of the report, while the interface stays in its own', async ({ browser }) => {
  const page = await person(browser);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page.getByText(/^Version 1, frozen /)).toBeVisible();

  // The frozen version, downloaded in Swedish from an English workshop: Swedish headers, Swedish separator.
  await page.getByRole('combobox', { name: 'Language of the files: version 1' }).selectOption('sv');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV: version 1' }).click()]);
  const csv = (await fs.readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
  expect(csv.split('\r\n')[0]).toMatch(/^Plats;Prioritering;/);

  // The report opens in the reader's interface language (here the workshop's too), and is told in Dutch once the
  // reader picks it.
  await page.goto(`${new URL(page.url()).pathname}/report`);
  const reportLanguage = page.getByRole('combobox', { name: 'Language of the report' });
  await expect(reportLanguage).toHaveValue('en');
  await expect(page.getByRole('heading', { name: 'Participants per group' })).toBeVisible();
  await reportLanguage.selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Deelnemers per groep' })).toBeVisible();
  await expect(page.locator('.report-body').locator('xpath=..')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('button', { name: 'Print / save as PDF' })).toBeVisible();

  // A reader whose interface is in Swedish opens the English workshop's report in Swedish, not in English.
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('sv');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Rapportens språk' })).toHaveValue('sv');
  await expect(page.getByRole('heading', { name: 'Deltagare per grupp' })).toBeVisible();
  // What people typed keeps the workshop's language inside the Swedish report, so it hyphenates by English rules.
  const owner = page.locator('.report-priorities tbody tr:first-child td').nth(4);
  expect(await owner.evaluate((cell) => cell.closest('[lang]')!.getAttribute('lang'))).toBe('en');
});
