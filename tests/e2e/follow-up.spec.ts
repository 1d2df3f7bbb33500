import { expect } from '@playwright/test';
import type { CreateBoardResponse, JoinResponse } from '../../shared/api';
import type { NewRegisterLink, RegisterView } from '../../shared/register';
import { auth } from './roomBoard';
import { expectNoAxeViolations, person, slideFit, test } from './support';

const SHOTS = 'test-reports/screenshots';

test("a follow-up workshop's progress check updates the register", async ({ browser, request }) => {
  // A workshop whose agreed list was frozen, and its register started: what the steering group follows up.
  const source: CreateBoardResponse = await (await request.post('/api/demo-boards', { data: { language: 'en' } })).json();
  const started = await request.post(`/api/boards/${source.boardId}/register`, { headers: auth(source.facilitatorToken) });
  expect(started.status()).toBe(201);
  const first = ((await started.json()) as RegisterView).register.items[0]!;

  // The facilitator picks the steering-group template and names the register by pasting its facilitator link.
  const facilitator = await person(browser, { viewport: { width: 1366, height: 900 } });
  await facilitator.goto('/');
  await facilitator.getByLabel('Start from').selectOption({ label: 'Steering-group follow-up' });
  await facilitator.getByLabel('Title of the workshop').fill('Steering group, spring review');
  await facilitator.getByRole('button', { name: 'Create workshop' }).click();
  await expect(facilitator.getByRole('alert')).toHaveText('Choose a workshop or paste its facilitator link.');
  await facilitator.getByLabel('Or paste its facilitator link').fill(source.links.facilitator);
  await facilitator.getByRole('button', { name: 'Create workshop' }).click();
  await expect(facilitator).toHaveURL(/\/b\/[A-Za-z0-9_-]+$/);
  const boardId = new URL(facilitator.url()).pathname.split('/').pop()!;
  const token = await facilitator.evaluate((id) => localStorage.getItem(`forumboard:token:${id}`)!, boardId);
  const steps = facilitator.getByRole('navigation', { name: 'Workshop phases' });
  await expect(steps.getByRole('listitem')).toHaveText([/Setup/, /Progress check/, /Collect/, /Cluster/, /Vote/, /Results/, /Agree/]);

  // An owner joins on a phone; the room's screen opens.
  const { share } = await (await request.get(`/api/boards/${boardId}`, { headers: auth(token) })).json();
  const joined = await request.post(`/api/boards/${boardId}/join`, { data: { joinCode: share.joinCode, name: 'Ingrid Vos', group: 'Company' } });
  expect(joined.status()).toBe(201);
  const owner: JoinResponse = await joined.json();
  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(`/b/${boardId}#token=${owner.token}`);
  const wall = await person(browser, { viewport: { width: 1920, height: 1080 } });
  await wall.goto(((await (await request.post(`/api/boards/${boardId}/projector-links`, { headers: auth(token) })).json()) as { link: string }).link);

  await steps.getByRole('button', { name: 'Next: Progress check' }).click();
  const check = facilitator.getByRole('region', { name: 'Progress check' });
  await expect(check.getByText(`Priority 1 of`)).toBeVisible();
  // The progress check is the whole of its step: the cards carried over do not show below it.
  await expect(facilitator.getByRole('region', { name: 'Challenges' })).toHaveCount(0);
  await expect(phone.getByRole('region', { name: 'Challenges' })).toHaveCount(0);
  await expect(wall.getByRole('heading', { name: new RegExp(first.title) })).toBeVisible();
  await check.getByLabel('Who reports on this priority').selectOption({ label: 'Ingrid Vos' });

  // The owner reports on their phone.
  await expect(phone.getByText('The facilitator asked you to report on this priority.')).toBeVisible();
  await phone.getByRole('button', { name: `Update priority 1: ${first.title}` }).click();
  const form = phone.getByRole('form', { name: `Update priority 1: ${first.title}` });
  await form.getByLabel('Status').selectOption('under-way');
  await form.getByLabel('Progress').fill('40 %');
  await form.getByLabel('Note for the log').fill('Training centre: site chosen');
  await phone.screenshot({ path: `${SHOTS}/follow-up-owner-form-360.png`, fullPage: true });
  await form.getByRole('button', { name: 'Save update' }).click();

  // Every screen shows it live, the wall readable from the back of the room.
  await expect(wall.getByRole('heading', { name: new RegExp(first.title) }).getByText('Under way')).toBeVisible();
  await expect(wall.getByText('40 %', { exact: true })).toBeVisible();
  await expect(check.getByText('40 %', { exact: true })).toBeVisible();
  await expect(phone.getByText('40 %', { exact: true })).toBeVisible();
  expect(await slideFit(wall)).toEqual({ scrolls: false, small: [], outside: [] });
  expect(await phone.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  await expectNoAxeViolations(facilitator);
  await expectNoAxeViolations(phone);
  await wall.screenshot({ path: `${SHOTS}/follow-up-wall-1920.png` });
  await facilitator.screenshot({ path: `${SHOTS}/follow-up-facilitator-1366.png`, fullPage: true });
  await phone.screenshot({ path: `${SHOTS}/follow-up-owner-360.png`, fullPage: true });

  // The source register's progress page shows the new status, logged as reported in the follow-up.
  const progress: NewRegisterLink = await (await request.post(`/api/boards/${source.boardId}/register/links`, { headers: auth(source.facilitatorToken), data: { kind: 'progress' } })).json();
  const steering = await person(browser, { viewport: { width: 1366, height: 900 } });
  await steering.goto(progress.link);
  const item = steering.getByRole('article', { name: first.title }).first();
  await expect(item.getByText('Under way', { exact: true })).toBeVisible();
  await expect(item.getByText('40 %', { exact: true })).toBeVisible();
  await item.getByText(/^Updates/).click();
  await expect(item.getByText(/Ingrid Vos · reported in Steering group, spring review/)).toBeVisible();
  await steering.screenshot({ path: `${SHOTS}/follow-up-source-progress-1366.png` });
});
