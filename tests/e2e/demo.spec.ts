import { expect } from '@playwright/test';
import { person, test } from './support';

test('the sample workshop opens filled and clustered, with the visitor as facilitator', async ({ browser }) => {
  const page = await person(browser);
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the sample workshop' }).click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Manufacturing coalition – kick-off' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Energy transition' })).toBeVisible();
  await expect(page.getByText('Facilitator', { exact: true }).first()).toBeVisible();
});
