import { expect } from '@playwright/test';
import { addCard, createWorkshop, expectNoAxeViolations, joinForm, openWorkshopTools, person, test } from './support';

test('the facilitator removes a participant; the participant is told so in their own language', async ({ browser }) => {
  const facilitator = await person(browser, { viewport: { width: 1366, height: 900 } });
  await createWorkshop(facilitator, { title: 'Industriforum Kronoberg – uppstart', question: 'Vilka utmaningar ska forumet ta sig an först?' });
  const link = await facilitator.getByLabel('Participant link', { exact: true }).inputValue();
  await facilitator.getByRole('button', { name: 'Next: Collect' }).click();

  const anna = await person(browser, { viewport: { width: 360, height: 740 } });
  await anna.goto(link);
  await joinForm(anna, { name: 'Anna Lindqvist', organisation: 'Volvo Cars', group: 'Company' });
  await addCard(anna, 'Svårt att rekrytera svetsare');
  // Anna reads the board in Swedish; the removal message must be in her language, not the facilitator's.
  await anna.getByLabel(/Language|Språk|Taal/).first().selectOption('sv');

  // The people panel is among the facilitator's workshop tools.
  await openWorkshopTools(facilitator);
  const people = facilitator.locator('details.people-panel');
  await people.locator('summary').click();
  await expect(people.getByText('Anna Lindqvist')).toBeVisible();
  await expectNoAxeViolations(facilitator);

  // After a correction, focus goes back to the button that opened the form, ready for the next one.
  await people.getByRole('button', { name: 'Correct the details of Anna Lindqvist' }).click();
  await people.getByLabel('Organisation').fill('Volvo Cars Torslanda');
  await people.getByRole('button', { name: 'Save' }).click();
  await expect(people.getByRole('status')).toHaveText('The details of Anna Lindqvist were corrected.');
  await expect(people.getByRole('button', { name: 'Correct the details of Anna Lindqvist' })).toBeFocused();

  await people.getByRole('button', { name: 'Remove Anna Lindqvist from the workshop' }).click();
  await expect(people.getByRole('radio', { name: /Keep their cards/ })).toBeFocused();
  await people.getByRole('radio', { name: 'Delete their cards' }).check();
  await people.getByRole('button', { name: 'Remove Anna Lindqvist' }).click();
  await expect(people.getByRole('status')).toHaveText('Anna Lindqvist was removed from the workshop.');
  // Where the facilitator's focus is in their own page: Anna's page reacting to her removal at the same moment can
  // take the browser's window focus in a test that runs both people in one browser, which toBeFocused also requires.
  await expect.poll(() => facilitator.evaluate(() => document.activeElement?.classList.contains('panel-status') ?? false)).toBe(true);

  await expect(anna.getByRole('alert')).toHaveText('Processledaren har tagit bort dig från workshoppen. Din länk fungerar inte längre.');
  await expect(facilitator.getByRole('heading', { level: 3, name: 'Svårt att rekrytera svetsare' })).toHaveCount(0);

  // A reload keeps telling the truth: the link no longer opens the board, and why.
  await anna.reload();
  await expect(anna.getByRole('heading', { level: 1 })).not.toHaveText('Industriforum Kronoberg – uppstart');
  await expect(anna.getByRole('alert')).toHaveText('Processledaren har tagit bort dig från workshoppen. Din länk fungerar inte längre.');

  // Deleting takes the title typed with an ordinary hyphen for its en dash; until it matches, a hint says why not.
  const tools = facilitator.getByRole('dialog', { name: 'Workshop tools', exact: true });
  await tools.getByText('Access and links', { exact: true }).click();
  const typed = tools.getByLabel('To confirm, type the title of the workshop: Industriforum Kronoberg – uppstart');
  const deleteButton = tools.getByRole('button', { name: 'Delete the workshop for good' });
  await typed.fill('Industriforum Kronoberg - upp');
  await expect(deleteButton).toBeDisabled();
  await expect(typed).toHaveAccessibleDescription('This is not the title yet. Dashes and spaces may differ; the letters must match.');
  const danger = tools.locator('section.danger-zone');
  await danger.scrollIntoViewIfNeeded();
  await danger.screenshot({ path: 'test-reports/screenshots/delete-title-hint-1366.png' });
  await facilitator.setViewportSize({ width: 360, height: 740 });
  await danger.scrollIntoViewIfNeeded();
  await danger.screenshot({ path: 'test-reports/screenshots/delete-title-hint-360.png' });
  await typed.fill('Industriforum Kronoberg - uppstart');
  await deleteButton.click();
  await expect(facilitator.getByRole('alert')).toHaveText('This workshop was deleted by its facilitator, with everything stored for it.');
});
