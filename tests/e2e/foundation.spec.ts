import { expect } from '@playwright/test';
import { addCard, closeWorkshopTools, createWorkshop, expectNoAxeViolations, joinForm, openWorkshopTools, person, test } from './support';

const workshop = {
  title: 'Manufacturing coalition – kick-off',
  question: 'What should the coalition ask the next government to prioritise for industry?',
};

test('a facilitator and two participants (link and code) see each other\'s cards live', async ({ browser }) => {
  const facilitator = await person(browser);
  await createWorkshop(facilitator, workshop);
  // The token moved from the link into storage; the address bar shows no secret.
  expect(new URL(facilitator.url()).hash).toBe('');

  const participantLink = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  const joinCode = (await facilitator.getByLabel('Join code', { exact: true }).inputValue()).trim();
  expect(joinCode).toMatch(/^[A-Z0-9]{6}$/);
  // The invitation with its QR code is among the facilitator's workshop tools.
  await openWorkshopTools(facilitator);
  await expect(facilitator.getByRole('img', { name: /QR code/ })).toBeVisible();
  await closeWorkshopTools(facilitator);

  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  await expect(facilitator.getByRole('navigation', { name: 'Workshop phases' }).locator('[aria-current="step"]')).toHaveText(/Collect/);

  // Participant 1 follows the link.
  const laura = await person(browser);
  await laura.goto(participantLink);
  await expect(laura.getByRole('heading', { level: 1, name: workshop.title })).toBeVisible();
  await joinForm(laura, { name: 'Laura Bakker', organisation: 'Precision Parts Ltd', group: 'Company' });

  // Participant 2 types the code on the start page, on a phone.
  const ruth = await person(browser, { viewport: { width: 360, height: 740 } });
  await ruth.goto('/');
  await ruth.getByLabel('Workshop code').fill(joinCode.toLowerCase());
  await ruth.getByRole('button', { name: 'Join', exact: true }).click();
  await expect(ruth).toHaveURL(new RegExp(`/join/${joinCode}$`));
  await joinForm(ruth, { name: 'Ruth Okafor', organisation: 'Metalworking SME association', group: "Employers' organisation" });

  await addCard(laura, 'Every pupil should learn some technology at school');
  await addCard(ruth, 'Lifelong learning blocked by rules');
  await addCard(facilitator, 'Fieldlabs need structural funding');

  for (const page of [facilitator, laura, ruth]) {
    for (const title of [
      'Every pupil should learn some technology at school',
      'Lifelong learning blocked by rules',
      'Fieldlabs need structural funding',
    ]) {
      await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
    }
    await expect(page.getByText('Cards: 3')).toBeVisible();
  }

  // Presence by stakeholder group, from the identities the server stamps.
  const presence = facilitator.getByRole('region', { name: 'Who is here' });
  await expect(presence.getByText('Laura Bakker')).toBeVisible();
  await expect(presence.getByText('Ruth Okafor')).toBeVisible();
  await expect(presence.getByRole('heading', { name: /Employers' organisation/ })).toBeVisible();

  // A participant may change only their own card; the phone layout offers the same.
  await ruth.getByRole('button', { name: 'Actions for card: Every pupil should learn some technology at school' }).click();
  await expect(ruth.getByRole('button', { name: 'Open details of card: Every pupil should learn some technology at school' })).toBeVisible();
  await expect(ruth.getByRole('button', { name: 'Edit card: Every pupil should learn some technology at school' })).toHaveCount(0);
  await ruth.keyboard.press('Escape');
  await ruth.getByRole('button', { name: 'Actions for card: Lifelong learning blocked by rules' }).click();
  await ruth.getByRole('button', { name: 'Edit card: Lifelong learning blocked by rules' }).click();
  await ruth.getByLabel('Card title').fill('Lifelong learning blocked by funding rules');
  await ruth.getByRole('button', { name: 'Save' }).click();
  await expect(laura.getByRole('heading', { level: 3, name: 'Lifelong learning blocked by funding rules' })).toBeVisible();

  // On a 360 px screen nothing overflows sideways.
  const overflow = await ruth.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the language switch shows Dutch and Swedish, and <html lang> follows', async ({ browser }) => {
  const page = await person(browser);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language', { exact: true }).selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Workshop aanmaken' })).toBeVisible();
  await expect(page.getByLabel('Titel van de workshop')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByLabel('Taal', { exact: true }).selectOption('sv');
  await expect(page.getByRole('heading', { name: 'Skapa en workshop' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anslut', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
});

test('a board opens in its own language for a browser in a language we lack, and the switch still works there', async ({ browser, request }) => {
  const created = await (
    await request.post('/api/boards', {
      data: { title: 'Industriforum – uppstart', question: 'Vilka är de största utmaningarna för industrin i länet?', language: 'sv' },
    })
  ).json();
  const page = await person(browser, { locale: 'de-DE' });
  await page.goto(created.links.participant);
  await expect(page.getByLabel('Ditt namn')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await page.getByLabel('Ditt namn').fill('Åsa Lindqvist');
  await page.getByLabel('Intressentgrupp').selectOption({ label: 'Företag' });
  await page.getByRole('button', { name: 'Anslut till workshopen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Utmaningar' })).toBeVisible();
  await page.getByLabel('Språk', { exact: true }).selectOption('nl');
  await expect(page.getByRole('heading', { level: 2, name: 'Uitdagingen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test('without an invitation a board asks for the code; an observer link gives a read-only view', async ({ browser, request }) => {
  const created = await (await request.post('/api/boards', { data: { title: 'Observed workshop' } })).json();
  const stranger = await person(browser);
  await stranger.goto(`/b/${created.boardId}`);
  await expect(stranger.getByRole('heading', { name: 'You need an invitation' })).toBeVisible();
  await expect(stranger.getByLabel('Workshop code')).toBeVisible();

  const observer = await person(browser);
  await observer.goto(created.links.observer);
  await expect(observer.getByRole('heading', { level: 1, name: 'Observed workshop' })).toBeVisible();
  await expect(observer.getByText('Read-only view')).toBeVisible();
  await expect(observer.getByLabel('New challenge')).toHaveCount(0);
  expect(new URL(observer.url()).hash).toBe('');
});

test('start, join and board pages have no accessibility violations axe finds', async ({ browser }) => {
  const facilitator = await person(browser);
  await facilitator.goto('/');
  await expectNoAxeViolations(facilitator);

  await createWorkshop(facilitator, workshop);
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  await addCard(facilitator, 'Fieldlabs need structural funding');
  await expect(facilitator.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expectNoAxeViolations(facilitator);

  const participantLink = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(participantLink);
  await expect(phone.getByLabel('Your name')).toBeVisible();
  await expectNoAxeViolations(phone);
  await joinForm(phone, { name: 'Laura Bakker', organisation: 'Precision Parts Ltd', group: 'Company' });
  await addCard(phone, 'Every pupil should learn some technology at school');
  await expectNoAxeViolations(phone);
  // Opening the board, the first Tab reaches the skip link, which takes the keyboard past the top bar to the board.
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 3, name: 'Every pupil should learn some technology at school' })).toBeVisible();
  await phone.keyboard.press('Tab');
  await expect(phone.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await phone.keyboard.press('Enter');
  await expect(phone.getByRole('main')).toBeFocused();
});

test('offline, the board says so and keeps the edits; back online they reach the others', async ({ browser, request }) => {
  const created = await (await request.post('/api/boards', { data: { title: 'Flaky Wi-Fi workshop' } })).json();
  await request.post(`/api/boards/${created.boardId}/phase`, {
    headers: { Authorization: `Bearer ${created.facilitatorToken}` },
    data: { phase: 'collect' },
  });
  const phone = await person(browser, { viewport: { width: 360, height: 740 } });
  await phone.goto(created.links.participant);
  await joinForm(phone, { name: 'Tom de Vries', organisation: 'Installation Services', group: 'Company' });
  const facilitator = await person(browser);
  await facilitator.goto(created.links.facilitator);
  await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();

  await phone.context().setOffline(true);
  await expect(phone.getByRole('status').filter({ hasText: /Offline – your edits are kept/ })).toBeVisible();
  await addCard(phone, 'Grid connection takes years');

  await phone.context().setOffline(false);
  await expect(phone.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible();
  await expect(facilitator.getByRole('heading', { level: 3, name: 'Grid connection takes years' })).toBeVisible();
});
