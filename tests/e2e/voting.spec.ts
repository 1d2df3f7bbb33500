import { expect, type Browser, type Page } from '@playwright/test';
import { addCard, expectNoAxeViolations, joinForm, person, test } from './support';

const phone = { width: 360, height: 740 };
const items = ['Energy prices', 'Skills shortage', 'Digitalisation of SMEs', 'Transport infrastructure'];

/**
 * The votes make exactly one item contested: Energy prices gets 6 of the company's 10 dots (at least 1.5 times
 * an even share) and none of the trade union's 8, from 3 voters in all. Company and union have two voters each
 * (a colleague of each votes through the API); the one regional voter is a person, not a group's view.
 * Skills shortage gets dots from every group; the rest are nobody's favourite.
 */
const voters = [
  { name: 'Laura Bakker', organisation: 'Precision Parts Ltd', group: 'Company', dots: { 'Energy prices': 3, 'Skills shortage': 2 } },
  { name: 'Ruth Okafor', organisation: 'Metalworkers’ union', group: 'Trade union', dots: { 'Skills shortage': 3 } },
  { name: 'Sven Holm', organisation: 'Province of Gelderland', group: 'Regional government', dots: { 'Skills shortage': 3, 'Energy prices': 2 } },
];
const colleagues = [
  { name: 'Pieter de Vries', group: 'company', dots: { 'Energy prices': 3, 'Skills shortage': 2 } },
  { name: 'Aisha Mensah', group: 'union', dots: { 'Skills shortage': 3, 'Digitalisation of SMEs': 2 } },
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
  // A participant's browser reports no failed request and no error on the way, a first ballot included.
  const consoleErrors: string[] = [];
  for (const voter of voters) {
    const page = await person(browser, { viewport: phone });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${voter.name}: ${message.text()}`);
    });
    await page.goto(created.links.participant);
    await joinForm(page, voter);
    phones.push(page);
  }

  const colleagueTokens: string[] = [];
  for (const colleague of colleagues) {
    const joined = await request.post(`/api/boards/${created.boardId}/join`, { data: { joinCode: created.joinCode, name: colleague.name, group: colleague.group } });
    colleagueTokens.push((await joined.json()).token);
  }

  await facilitator.getByRole('button', { name: 'Next: Cluster' }).click();
  await facilitator.getByRole('button', { name: 'Next: Vote' }).click();
  await expect(facilitator.getByLabel('Dots per person')).toHaveValue('5');
  await expect(facilitator.getByLabel('Most dots on one item')).toHaveValue('3');
  // One person per group: only a named round shows each group on its own.
  await facilitator.getByRole('checkbox', { name: /^Anonymous/ }).uncheck();
  await expect(facilitator.getByText(/^Unticked, the round is named: after the reveal, facilitators see each person’s name and dots/)).toBeVisible();
  await facilitator.getByRole('button', { name: 'Open the round' }).click();
  await expect(facilitator.getByText('0 of 5 have voted')).toBeVisible();

  for (const [index, voter] of voters.entries()) {
    const page = phones[index]!;
    await expect(page.getByRole('heading', { name: 'Vote – round 1' })).toBeVisible();
    if (index === 1) await expectNoAxeViolations(page);
    await expect(page.getByRole('note')).toHaveText(/^This round is named, not anonymous: after the reveal the facilitator sees your name and your dots/);
    for (const [title, dots] of Object.entries(voter.dots)) await placeDots(page, title, dots);
    await expect(page.getByText(/^Saved ✓/)).toBeVisible();
    await expect(facilitator.getByText(`${index + 1} of 5 have voted`)).toBeVisible();
  }
  const auth = { Authorization: `Bearer ${created.facilitatorToken}` };
  const roundId = (await (await request.get(`/api/boards/${created.boardId}`, { headers: auth })).json()).rounds[0].id;
  const listed: { items: Array<{ itemId: string; title: string }> } = await (await request.get(`/api/boards/${created.boardId}/export?format=json`, { headers: auth })).json();
  for (const [index, colleague] of colleagues.entries()) {
    const allocations = Object.fromEntries(Object.entries(colleague.dots).map(([title, dots]) => [listed.items.find((item) => item.title === title)!.itemId, dots]));
    const stored = await request.put(`/api/boards/${created.boardId}/rounds/${roundId}/ballot`, { headers: { Authorization: `Bearer ${colleagueTokens[index]}` }, data: { allocations } });
    expect(stored.status()).toBe(200);
  }
  await expect(facilitator.getByText('5 of 5 have voted')).toBeVisible();

  const laura = phones[0]!;
  await expect(laura.getByText('Dots left: 0 of 5')).toBeVisible();
  await expect(laura.getByRole('button', { name: /^Add a dot to Transport infrastructure/ })).toBeDisabled();
  // The budget stays in view while the voter scrolls to the last item.
  await laura.getByRole('button', { name: /^Add a dot to Transport infrastructure/ }).scrollIntoViewIfNeeded();
  await expect(laura.getByText('Dots left: 0 of 5')).toBeInViewport();
  await laura.screenshot({ path: 'test-results/vote-phone.png' });

  const ruth = phones[1]!;
  await expect(ruth.getByRole('button', { name: 'Add a dot to Skills shortage (3 of 3)' })).toBeDisabled();
  expect(consoleErrors).toEqual([]);
  // Offline: the change waits on the phone and is sent when the connection is back.
  await ruth.context().setOffline(true);
  await ruth.getByRole('button', { name: 'Remove a dot from Skills shortage (3 of 3)' }).click();
  await expect(ruth.getByText('Not saved yet – will send when back online')).toBeVisible();
  await ruth.getByRole('button', { name: 'Add a dot to Skills shortage (2 of 3)' }).click();
  await ruth.context().setOffline(false);
  await expect(ruth.getByText(/^Saved ✓/)).toBeVisible({ timeout: 20_000 });
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
  expect(expected[0]).toMatch(/^1 \| Skills shortage \| 13 \| /);
  expect(expected[1]).toMatch(/^2 \| Energy prices\s+⚑ Contested \| 8 \| /);
  for (const page of everyone) {
    expect(await rawRanking(page)).toEqual(expected);
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.locator('.contested-badge')).toHaveCount(2); // in both rankings
    await expect(results.getByRole('img', { name: /Bar chart of the dots per item/ })).toBeVisible();
    const legend = results.getByRole('list', { name: 'Stakeholder groups' });
    for (const group of ['Company', 'Trade union', 'Regional government']) await expect(legend.getByText(group)).toBeVisible();
    // The group split of Energy prices: company 6 (of its 10 dots), union 0, region 2 (of 5), total 8.
    const energy = results.locator('table.heat-map tr', { hasText: 'Energy prices' });
    await expect(energy.locator('td.heat')).toHaveText(['6 60%', '0 0%', '2 40%'].map((text) => new RegExp(`^${text.replace(' ', '\\s*')}$`)));
    await expect(energy.locator('td.total')).toHaveText('8');
  }
  await expect(facilitator.getByText(/Group-balanced score: every stakeholder group weighs the same/)).toBeVisible();
  // The named round's per-person figures, on the facilitator's screen only.
  const perPerson = facilitator.getByRole('table', { name: 'Dots each person placed, by item' });
  await expect(perPerson.locator('tbody tr')).toHaveCount(5);
  await expect(perPerson.getByRole('row', { name: /Laura Bakker/ })).toContainText('Company');
  await expect(perPerson.getByRole('row', { name: /Laura Bakker/ })).toContainText('Skills shortage: 2 · Energy prices: 3');
  for (const page of phones) await expect(page.getByRole('table', { name: 'Dots each person placed, by item' })).toHaveCount(0);
  await phones[2]!.screenshot({ path: 'test-results/results-phone.png', fullPage: true });
  await facilitator.screenshot({ path: 'test-results/results-facilitator.png', fullPage: true });
  await expectNoAxeViolations(phones[2]!);
  await expectNoAxeViolations(facilitator);

  // A run-off on the top two; the first round stays readable.
  await facilitator.getByText('Open a vote round').click();
  await facilitator.getByLabel('Items').selectOption({ label: 'Run-off on the top of round 1' });
  await facilitator.getByLabel('How many of the top items').fill('2');
  await facilitator.getByRole('button', { name: 'Open the round' }).click();
  await expect(laura.getByRole('heading', { name: 'Vote – round 2' })).toBeVisible();
  await expect(laura.locator('.ballot-item-title')).toHaveText(['Skills shortage', 'Energy prices']);
  await placeDots(laura, 'Energy prices', 1);
  await expect(laura.getByText(/^Saved ✓/)).toBeVisible();
  await facilitator.getByRole('button', { name: 'Reveal results' }).click();
  const results = laura.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('heading', { name: 'Round 2' })).toBeVisible();
  await expect(results.locator('table.raw-ranking tbody tr')).toHaveCount(2);
  // Only Laura voted again: the two rounds side by side could tell the others' ballots, and the results say so.
  const runoffWarning = results.getByRole('note').filter({ hasText: 'This run-off’s voters are not those of round 1: set side by side, the two rounds’ figures can give away how someone voted.' });
  await expect(runoffWarning).toBeVisible();
  await results.screenshot({ path: 'test-reports/screenshots/voting-runoff-warning-phone.png' });
  await results.getByLabel('Show the results of').selectOption({ label: 'Round 1 (4 items)' });
  expect(await rawRanking(laura)).toEqual(expected);
});
