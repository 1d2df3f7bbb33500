import fs from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { auth, createRoomBoard, phase, seedBoard } from './roomBoard';
import { expectNoAxeViolations, person, test } from './support';

const SHOTS = 'test-reports/screenshots';
fs.mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 360, height: 740 };
const WALL = { width: 1920, height: 1080 };

test('delegates of four groups sign version 1 on their phones while the projector shows it group by group', async ({ browser, request, baseURL }) => {
  const board = await createRoomBoard(request, 'Regional skills forum', ['Anna', 'Bram', 'Cleo', 'Dirk']);
  const facilitator = { id: 'facilitator', token: board.facilitatorToken };
  await seedBoard(baseURL!, board, { titles: ['Welders retire faster than we train them'], themes: [], authors: [facilitator] });
  const opened = await request.post(`/api/boards/${board.boardId}/rounds`, { headers: auth(board.facilitatorToken), data: {} });
  const round: { id: string; items: Array<{ id: string; title: string }> } = await opened.json();
  expect((await request.post(`/api/boards/${board.boardId}/rounds/${round.id}/reveal`, { headers: auth(board.facilitatorToken) })).ok()).toBe(true);
  const draft = { roundId: round.id, items: [{ itemId: round.items[0]!.id, title: 'Train welders in the region', owner: 'Regional government', nextStep: 'Pilot in May' }] };
  expect((await request.put(`/api/boards/${board.boardId}/agreement`, { headers: auth(board.facilitatorToken), data: draft })).ok()).toBe(true);
  await phase(request, board, 'agree');
  expect((await request.post(`/api/boards/${board.boardId}/agreement/freeze`, { headers: auth(board.facilitatorToken) })).status()).toBe(201);
  const delegates = Object.fromEntries(board.people.map((p) => [p.group, [p.participantId]]));
  expect((await request.put(`/api/boards/${board.boardId}/signoff`, { headers: auth(board.facilitatorToken), data: { rule: 'every-group', delegates } })).ok()).toBe(true);

  const minted = await request.post(`/api/boards/${board.boardId}/projector-links`, { headers: auth(board.facilitatorToken) });
  const wall = await person(browser, { viewport: WALL });
  await wall.goto(((await minted.json()) as { link: string }).link);
  await expect(wall.getByRole('heading', { name: /Sign-off by delegates · Version 1/ })).toBeVisible();
  await expect(wall.getByText('The list is signed off when every group with delegates consents.')).toBeVisible();
  await expect(wall.locator('.signoff-group')).toHaveCount(4);

  const phones: Page[] = [];
  for (const delegate of board.people) {
    const phone = await person(browser, { viewport: PHONE });
    await phone.goto(`/b/${board.boardId}#token=${delegate.token}`);
    await expect(phone.getByRole('heading', { name: /Does .+ agree to version 1 of the priority list\?/ })).toBeVisible();
    phones.push(phone);
  }
  await phones[0]!.screenshot({ path: `${SHOTS}/signoff-delegate-360.png` });
  await expectNoAxeViolations(phones[0]!);

  for (const phone of phones.slice(0, 3)) {
    await phone.getByRole('button', { name: 'Consent' }).click();
    await expect(phone.getByText(/You answered: Consent\./)).toBeVisible();
  }
  const last = phones[3]!;
  await expect(last.getByRole('button', { name: 'Object' })).toBeDisabled();
  await last.getByLabel('Reason (needed to object)').fill('Owners are missing for the pilot');
  await last.getByRole('button', { name: 'Object' }).click();
  await expect(wall.locator('.signoff-group.standing-objects')).toContainText('Owners are missing for the pilot');
  await expect(wall.locator('.signoff-group.standing-consents')).toHaveCount(3);
  await expect(wall.getByText('Not signed off yet.')).toBeVisible();

  await last.getByRole('button', { name: 'Consent' }).click();
  await expect(wall.getByText('Signed off: the rule is met.')).toBeVisible();
  await expect(wall.locator('.signoff-group.standing-consents')).toHaveCount(4);
  await wall.screenshot({ path: `${SHOTS}/signoff-projector-1920.png` });
  await expectNoAxeViolations(wall);

  // The facilitator follows the same live, below the rule and the delegates they named.
  const desk = await person(browser, { viewport: { width: 1366, height: 800 } });
  await desk.goto(`/b/${board.boardId}#token=${board.facilitatorToken}`);
  const panel = desk.getByRole('region', { name: 'Sign-off by delegates' });
  await expect(panel.getByText('Signed off: the rule is met.')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await desk.screenshot({ path: `${SHOTS}/signoff-facilitator-1366.png` });
  await expectNoAxeViolations(desk);

  // The printed report carries the decision record, pinned by the record's seal.
  await desk.goto(`/b/${board.boardId}/report`);
  const decisionRecord = desk.getByRole('region', { name: 'Decision record, version 1' });
  await expect(decisionRecord.getByRole('row')).toHaveCount(5);
  await expect(decisionRecord.getByText(/Seal of the record \(SHA-256\): [0-9a-f]{64}/)).toBeVisible();
  await decisionRecord.screenshot({ path: `${SHOTS}/signoff-report-record.png` });
  await expectNoAxeViolations(desk);
  await last.screenshot({ path: `${SHOTS}/signoff-delegate-signed-360.png`, fullPage: true });
});
