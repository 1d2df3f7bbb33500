import fs from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { expect, type Page } from '@playwright/test';
import type { NewRegisterLink, RegisterView } from '../../shared/register';
import { auth, createRoomBoard, phase, seedBoard } from './roomBoard';
import { expectNoAxeViolations, person, test } from './support';

const SHOTS = 'test-reports/screenshots';
const OWNERS = ['Port of Gävle', 'Region Gävleborg', 'University of Gävle', 'Chamber of Commerce Mid Sweden'];
const TITLES = [
  'Welders and CNC operators: a shared training centre for the region',
  'Grid capacity for electrified process heat in the industrial parks',
  'Apprenticeships that small suppliers can afford to host',
  'Rail freight to the port instead of trucks on the E4',
  'Digital twins and data sharing along the forest-products chain',
  'Recruiting engineers from abroad: housing, schools and partners',
  'Circular steel: collecting and sorting scrap within the county',
  'Hydrogen for heavy transport: a filling station at the port',
  'Permits for new plants in months, not years',
  'Upskilling for automation in the paper mills, with the unions',
];
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('an owner updates a priority on a phone, the steering group sees it, and ten priorities print on at most two A4 pages', async ({ browser, request, baseURL }) => {
  // A voted, agreed and frozen list of ten priorities with four owners, and its register started.
  const board = await createRoomBoard(request, 'Industry forum Gävleborg – follow-up', ['Ada', 'Bo', 'Cleo', 'Dirk', 'Eva', 'Finn']);
  await phase(request, board, 'collect');
  await seedBoard(baseURL!, board, { titles: TITLES, themes: [], authors: board.people.map((p) => ({ id: p.participantId, token: p.token })) });
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: { anonymous: true } });
  const round: { id: string; items: Array<{ id: string; title: string }> } = await opened.json();
  for (const [n, p] of board.people.entries()) {
    const allocations = { [round.items[n % 10]!.id]: 3, [round.items[(n + 3) % 10]!.id]: 2 };
    expect((await request.put(`/api/boards/${board.boardId}/rounds/${round.id}/ballot`, { headers: auth(p.token), data: { allocations } })).ok()).toBe(true);
  }
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  const items = round.items.map((item, i) => ({ itemId: item.id, title: item.title, owner: OWNERS[i % OWNERS.length]!, nextStep: '' }));
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: { roundId: round.id, items } })).ok()).toBe(true);
  expect((await request.post(`/api/boards/${board.boardId}/agreement/freeze`, { headers: auth(board.facilitatorToken) })).status()).toBe(201);
  const started = await request.post(`/api/boards/${board.boardId}/register`, { headers: auth(board.facilitatorToken) });
  expect(started.status()).toBe(201);
  const { register }: RegisterView = await started.json();
  // Reviews planned by the facilitator: two already overdue, the rest to come.
  for (const [i, item] of register.items.entries()) {
    const update = { nextReview: dayFromNow(i < 2 ? -10 + i : 20 + i * 7), progress: i % 3 === 0 ? 'Partners named, first meeting held' : i * 10, status: i % 4 === 3 ? 'done' : 'under-way' };
    expect((await request.patch(`/api/boards/${board.boardId}/register/items/${item.itemId}`, { headers: auth(board.facilitatorToken), data: update })).ok()).toBe(true);
  }
  const mint = async (data: object): Promise<NewRegisterLink> => (await request.post(`/api/boards/${board.boardId}/register/links`, { headers: auth(board.facilitatorToken), data })).json();
  const owner = await mint({ kind: 'owner', owner: OWNERS[0] });
  const progress = await mint({ kind: 'progress' });
  const first = register.items[0]!;

  // The port's coordinator opens their link on a phone and reports progress on priority 1.
  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(owner.link);
  await expect(phone.getByText(`You can update the priorities of ${OWNERS[0]}.`)).toBeVisible();
  expect(phone.url()).not.toContain(owner.token);
  await phone.getByRole('button', { name: `Update priority 1: ${first.title}` }).first().click();
  const form = phone.getByRole('form', { name: `Update priority 1: ${first.title}` });
  await form.getByLabel('Status').selectOption('under-way');
  await form.getByLabel('Progress').fill('60 %');
  await form.getByLabel('Note for the log').fill('Tender for the training centre published');
  await phone.screenshot({ path: `${SHOTS}/register-owner-form-360.png` });
  await expectNoAxeViolations(phone);
  await form.getByRole('button', { name: 'Save update' }).click();
  await expect(phone.getByRole('status').filter({ hasText: 'Update saved.' })).toBeVisible();
  await expect(phone.getByRole('article', { name: first.title }).first().getByText('60 %', { exact: true })).toBeVisible();
  // Only the port's own priorities offer an update.
  await expect(phone.getByRole('button', { name: /^Update priority/ })).toHaveCount(register.items.filter((i) => i.owner === OWNERS[0]).length);
  await noWiderThanTheScreen(phone);
  await phone.screenshot({ path: `${SHOTS}/register-owner-360.png`, fullPage: true });
  await phone.evaluate(() => window.scrollTo(0, 0));
  await phone.screenshot({ path: `${SHOTS}/register-owner-360-top.png` });

  // The steering group reads it through the progress link: overdue reviews first, nothing to change.
  const steering = await person(browser, { viewport: { width: 1366, height: 900 } });
  await steering.goto(progress.link);
  await expect(steering.getByText('Read-only view for the steering group.')).toBeVisible();
  const overdue = steering.getByRole('region', { name: 'Reviews overdue' });
  await expect(overdue.getByRole('article')).toHaveCount(2);
  const updated = overdue.getByRole('article', { name: first.title });
  await expect(updated.getByText('60 %', { exact: true })).toBeVisible();
  await expect(updated.getByText(`Owner: ${OWNERS[0]}`)).toBeVisible();
  await expect(updated.locator('.register-note')).toHaveText('Tender for the training centre published');
  await expect(steering.getByRole('button', { name: /^Update priority/ })).toHaveCount(0);
  await expect(steering.getByRole('region', { name: OWNERS[1] }).getByText('Under way').first()).toBeVisible();
  await steering.screenshot({ path: `${SHOTS}/register-progress-1366.png`, fullPage: true });
  await expectNoAxeViolations(steering);
  await steering.setViewportSize({ width: 1920, height: 1080 });
  await steering.screenshot({ path: `${SHOTS}/register-progress-1920.png`, fullPage: true });

  // The facilitator makes a link for an owner from the page; the steering group's link is listed beside it.
  const facilitator = await person(browser, { viewport: { width: 1366, height: 900 } });
  await facilitator.goto(`/b/${board.boardId}/progress#token=${board.facilitatorToken}`);
  await facilitator.getByRole('button', { name: `Link for ${OWNERS[2]}` }).click();
  await expect(facilitator.getByRole('textbox', { name: `New link, shown only now: Owner: ${OWNERS[2]}` })).toHaveValue(new RegExp(`/b/${board.boardId}/progress#token=`));
  await expect(facilitator.getByRole('button', { name: `Revoke: Owner: ${OWNERS[2]}` })).toBeVisible();
  await expect(facilitator.getByRole('button', { name: 'Revoke: Progress (read-only)' })).toBeVisible();
  await facilitator.getByRole('region', { name: 'Links into the register' }).screenshot({ path: `${SHOTS}/register-links-1366.png` });
  await expectNoAxeViolations(facilitator);

  // Printed on A4: A4 portrait less 14 mm margins is 182 mm wide, 688 CSS pixels; two pages at most.
  await steering.setViewportSize({ width: 688, height: 1000 });
  await steering.emulateMedia({ media: 'print' });
  await noWiderThanTheScreen(steering);
  await steering.screenshot({ path: `${SHOTS}/register-print.png`, fullPage: true });
  const pdf = await steering.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  fs.writeFileSync(`${SHOTS}/register.pdf`, pdf);
  const pages = (await PDFDocument.load(pdf)).getPageCount();
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
});

async function noWiderThanTheScreen(page: Page): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('main *')].filter((element) => element.getBoundingClientRect().right > width + 0.5).map((element) => `${element.tagName}.${element.className}`);
  });
  expect(overflowing).toEqual([]);
}
