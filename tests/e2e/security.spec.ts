import { expect, type Page } from '@playwright/test';
import { addCard, closeWorkshopTools, createWorkshop, joinForm, openWorkshopTools, person, test } from './support';

/** Every Content-Security-Policy refusal the browser reports on this page, across navigations. */
function cspRefusals(page: Page): string[] {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) refusals.push(message.text());
  });
  return refusals;
}

test('the real client works under the Content-Security-Policy: QR code, live cards, the rich-text editor', async ({ browser }) => {
  const facilitator = await person(browser);
  const facilitatorRefusals = cspRefusals(facilitator);
  const start = await facilitator.goto('/');
  expect(start?.headers()['content-security-policy']).toContain("script-src 'self'");
  await createWorkshop(facilitator, { title: 'Security kick-off', question: 'What keeps our region strong?' });

  // The QR code is an SVG data URL: drawn only if img-src allows data:. It sits in the invitation among the
  // facilitator's workshop tools.
  const tools = await openWorkshopTools(facilitator);
  const qr = tools.locator('img.qr');
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await closeWorkshopTools(facilitator);

  const link = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();
  const participant = await person(browser);
  const participantRefusals = cspRefusals(participant);
  await participant.goto(link);
  await joinForm(participant, { name: 'Els Vermeulen', organisation: 'Staalbouw Vlaanderen', group: 'Company' });

  // Cards travel over the WebSocket: connect-src 'self' must cover it.
  await addCard(participant, 'Shortage of welders');
  await expect(facilitator.getByRole('heading', { level: 3, name: 'Shortage of welders' })).toBeVisible();

  // TipTap puts its stylesheet into a <style> element when the editor opens.
  await participant.getByRole('button', { name: 'Actions for card: Shortage of welders' }).click();
  await participant.getByRole('button', { name: 'Open details of card: Shortage of welders' }).click();
  const editor = participant.getByRole('dialog', { name: 'Shortage of welders' }).getByRole('textbox', { name: 'Details of the card' });
  await editor.click();
  await editor.pressSequentially('Four vacancies open for a year.');
  await expect(editor).toContainText('Four vacancies open for a year.');
  // Its white-space rule comes only from that stylesheet; a refused <style> would leave the browser's 'normal'.
  expect(await editor.evaluate((el) => getComputedStyle(el).whiteSpace)).not.toBe('normal');

  expect(facilitatorRefusals).toEqual([]);
  expect(participantRefusals).toEqual([]);
});
