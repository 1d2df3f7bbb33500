import { expect, test, type Browser, type Page } from '@playwright/test';
import { addCard, expectNoSeriousAxeViolations, joinForm, person } from './support';

const phone = { width: 360, height: 740 };
const items = ['Energy prices', 'Skills shortage', 'Digitalisation of SMEs', 'Transport infrastructure'];

/**
 * The votes make exactly one item contested: Energy prices is the company's first choice and gets no dot
 * from the trade union (its bottom third). Skills shortage is in every group's top third; the rest get no dots.
 */
const voters = [
  { name: 'Laura Bakker', organisation: 'Precision Parts Ltd', group: 'Company', dots: { 'Energy prices': 3, 'Skills shortage': 2 } },
  { name: 'Ruth Okafor', organisation: 'Metalworkers’ union', group: 'Trade union', dots: { 'Skills shortage': 3 } },
  { name: 'Sven Holm', organisation: 'Province of Gelderland', group: 'Regional government', dots: { 'Skills shortage': 3, 'Energy prices': 2 } },
];

async function openBoardAsFacilitator(browser: Browser, request: import('@playwright/test').APIRequestContext) {
  const created = await (await request.post('/api/boards', { data: { title: 'Energy-intensive industry forum', question: 'What should the forum work on first?' } })).json();
  const facilitator = await person(browser);
  await facilitator.goto(created.links.facilitator);
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Energy-intensive industry forum' })).toBeVisible();
  return { created, facilitator };
}

async function placeDots(page: Page, title: string, dots: number) {
  for (let i = 0; i < dots; i++) {
    await page.getByRole('button', { name: `Add a dot to ${title} (${i} of 3)` }).click();
  }
}

async function rawRanking(page: Page): Promise<string[]> {
  const rows = page.locator('table.raw-ranking tbody tr');
  await expect(rows).toHaveCount(items.length);
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (cell) => cell.textContent?.trim()).join(' | ')));
}

test('three participants vote on phones; every browser shows the same ranking, group split and contested flag', async ({ browser, request }) => {
  const { created, facilitator } = await openBoardAsFacilitator(browser, request);
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  for (const title of items) await addCard(facilitator, title);

  const phones: Page[] = [];
  for (const voter of voters) {
    const page = await person(browser, { viewport: phone });
    await page.goto(created.links.participant);
    await joinForm(page, voter);
    phones.push(page);
  }

  await facilitator.getByRole('button', { name: 'Next: Cluster' }).click();
  await facilitator.getByRole('button', { name: 'Next: Vote' }).click();
  await expect(facilitator.getByLabel('Dots per person')).toHaveValue('5');
  await expect(facilitator.getByLabel('Most dots on one item')).toHaveValue('3');
  // One person per group: only a named round shows each group on its own.
  await facilitator.getByLabel('Anonymous').uncheck();
  await facilitator.getByRole('button', { name: 'Open the round' }).click();
  await expect(facilitator.getByText('0 of 3 have voted')).toBeVisible();

  for (const [index, voter] of voters.entries()) {
    const page = phones[index]!;
    await expect(page.getByRole('heading', { name: 'Vote – round 1' })).toBeVisible();
    if (index === 1) await expectNoSeriousAxeViolations(page);
    for (const [title, dots] of Object.entries(voter.dots)) await placeDots(page, title, dots);
    await expect(page.getByText(/^Stored ✓/)).toBeVisible();
    await expect(facilitator.getByText(`${index + 1} of 3 have voted`)).toBeVisible();
  }

  const laura = phones[0]!;
  await expect(laura.getByText('Dots left: 0 of 5')).toBeVisible();
  await expect(laura.getByRole('button', { name: /^Add a dot to Transport infrastructure/ })).toBeDisabled();
  // The budget stays in view while the voter scrolls to the last item.
  await laura.getByRole('button', { name: /^Add a dot to Transport infrastructure/ }).scrollIntoViewIfNeeded();
  await expect(laura.getByText('Dots left: 0 of 5')).toBeInViewport();
  await laura.screenshot({ path: 'test-results/vote-phone.png' });

  const ruth = phones[1]!;
  await expect(ruth.getByRole('button', { name: 'Add a dot to Skills shortage (3 of 3)' })).toBeDisabled();
  // Offline: the change waits on the phone and is sent when the connection is back.
  await ruth.context().setOffline(true);
  await ruth.getByRole('button', { name: 'Remove a dot from Skills shortage (3 of 3)' }).click();
  await expect(ruth.getByText('Not stored yet – will send when back online')).toBeVisible();
  await ruth.getByRole('button', { name: 'Add a dot to Skills shortage (2 of 3)' }).click();
  await ruth.context().setOffline(false);
  await expect(ruth.getByText(/^Stored ✓/)).toBeVisible({ timeout: 20_000 });
  // A reload restores the ballot from the server.
  await ruth.reload();
  await expect(ruth.getByRole('button', { name: 'Remove a dot from Skills shortage (3 of 3)' })).toBeVisible();
  await expect(ruth.getByText('Dots left: 2 of 5')).toBeVisible();
  const overflow = await ruth.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await facilitator.getByRole('button', { name: 'Close voting' }).click();
  await expect(ruth.getByText('Voting is closed. The results will be shown shortly.')).toBeVisible();
  await facilitator.getByRole('button', { name: 'Reveal results' }).click();

  const everyone = [facilitator, ...phones];
  const expected = await rawRanking(facilitator);
  expect(expected[0]).toMatch(/^1 \| Skills shortage \| 8 \| /);
  expect(expected[1]).toMatch(/^2 \| Energy prices\s+⚑ Contested \| 5 \| /);
  for (const page of everyone) {
    expect(await rawRanking(page)).toEqual(expected);
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.locator('.contested-badge')).toHaveCount(2); // in both rankings
    await expect(results.getByRole('img', { name: /Bar chart of the dots per item/ })).toBeVisible();
    const legend = results.getByRole('list', { name: 'Stakeholder groups' });
    for (const group of ['Company', 'Trade union', 'Regional government']) await expect(legend.getByText(group)).toBeVisible();
    // The group split of Energy prices: company 3, union 0, region 2, total 5.
    const energy = results.locator('table.heat-map tr', { hasText: 'Energy prices' });
    await expect(energy.locator('td.heat')).toHaveText(['3 60%', '0 0%', '2 40%'].map((text) => new RegExp(`^${text.replace(' ', '\\s*')}$`)));
    await expect(energy.locator('td.total')).toHaveText('5');
  }
  await expect(facilitator.getByText(/Group-balanced score: every stakeholder group weighs the same/)).toBeVisible();
  await phones[2]!.screenshot({ path: 'test-results/results-phone.png', fullPage: true });
  await facilitator.screenshot({ path: 'test-results/results-facilitator.png', fullPage: true });
  await expectNoSeriousAxeViolations(phones[2]!);
  await expectNoSeriousAxeViolations(facilitator);

  // A run-off on the top two; the first round stays readable.
  await facilitator.getByText('Open a vote round').click();
  await facilitator.getByLabel('Items').selectOption({ label: 'Run-off on the top of round 1' });
  await facilitator.getByLabel('How many of the top items').fill('2');
  await facilitator.getByRole('button', { name: 'Open the round' }).click();
  await expect(laura.getByRole('heading', { name: 'Vote – round 2' })).toBeVisible();
  await expect(laura.locator('.ballot-item-title')).toHaveText(['Skills shortage', 'Energy prices']);
  await placeDots(laura, 'Energy prices', 1);
  await expect(laura.getByText(/^Stored ✓/)).toBeVisible();
  await facilitator.getByRole('button', { name: 'Reveal results' }).click();
  const results = laura.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('heading', { name: 'Round 2' })).toBeVisible();
  await expect(results.locator('table.raw-ranking tbody tr')).toHaveCount(2);
  await results.getByLabel('Show the results of').selectOption({ label: 'Round 1 (4 items)' });
  expect(await rawRanking(laura)).toEqual(expected);
});
