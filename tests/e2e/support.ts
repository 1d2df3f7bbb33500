import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** The contexts people were given in the running test, closed when it ends. */
const contexts = new Set<BrowserContext>();

/**
 * The test every spec uses: Playwright's own, plus closing everyone's browser context when a test ends. The
 * `browser` is shared by all tests of a run, so a context left open would keep its page connected, re-rendering
 * and sending presence for the rest of the run, and slow every later test down.
 */
export const test = base.extend<{ closePeople: void }>({
  closePeople: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use();
      await Promise.all([...contexts].map((context) => context.close().catch(() => undefined)));
      contexts.clear();
    },
    { auto: true },
  ],
});

/**
 * One person at the workshop: their own browser context, so nothing is shared but the server. `locale` is their
 * browser's language (en-GB unless said), which their interface follows when it is one of ours.
 */
export async function person(browser: Browser, options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: options.locale ?? 'en-GB', viewport: options.viewport ?? { width: 1280, height: 900 } });
  contexts.add(context);
  return context.newPage();
}

export async function createWorkshop(page: Page, input: { title: string; question: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Title of the workshop').fill(input.title);
  await page.getByLabel('Guiding question').fill(input.question);
  await page.getByRole('button', { name: 'Create workshop' }).click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: input.title })).toBeVisible();
}

export async function joinForm(page: Page, input: { name: string; organisation: string; group: string }): Promise<void> {
  await page.getByLabel('Your name').fill(input.name);
  await page.getByLabel('Organisation').fill(input.organisation);
  await page.getByLabel('Stakeholder group').selectOption({ label: input.group });
  await page.getByRole('button', { name: 'Join the workshop' }).click();
  await expect(page).toHaveURL(/\/b\/[A-Za-z0-9_-]+$/);
}

export async function addCard(page: Page, title: string): Promise<void> {
  await page.getByLabel('New challenge').fill(title);
  await page.getByRole('button', { name: 'Add card' }).click();
  await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
}

/**
 * Opens the facilitator's Workshop tools drawer (invite, settings, details, people, access, notes, closing).
 * It is a modal dialog: the rest of the page waits until closeWorkshopTools presses its Close button.
 */
export async function openWorkshopTools(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Workshop tools', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Workshop tools', exact: true });
  await expect(drawer).toBeVisible();
  return drawer;
}

export async function closeWorkshopTools(page: Page): Promise<void> {
  const drawer = page.getByRole('dialog', { name: 'Workshop tools', exact: true });
  await drawer.getByRole('button', { name: 'Close', exact: true }).click();
  await expect(drawer).toBeHidden();
}

/**
 * Scans the page as a screen-reader and voice-control user meets it: every WCAG 2.0, 2.1 and 2.2 A and AA rule and
 * axe's best practices (headings in order, landmarks, named regions), moderate findings included, plus
 * label-content-name-mismatch, which axe counts as experimental: voice control ("click +1", "click Present") finds
 * each control by the words it shows, so its name must contain them.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, found.join('\n')).toEqual([]);
}

/**
 * Whether a projector slide fits its screen, measured once in one evaluation after it has settled: no text under
 * 28 px of a 1080p screen (28 × 720/1080 at 720p, where the slide is drawn smaller) and none past the screen's edge
 * (the projector clips rather than scrolls, so text past the edge is text nobody sees).
 */
export const slideFit = (wall: Page) =>
  wall.evaluate(() => {
    const smallest = 28 * Math.min(innerWidth / 1920, innerHeight / 1080) - 0.05;
    const texts = [...document.querySelectorAll<HTMLElement>('.projector *')].filter(
      (el) => !el.closest('.visually-hidden') && el.getClientRects().length > 0 && [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim()),
    );
    const small = texts.filter((el) => parseFloat(getComputedStyle(el).fontSize) < smallest).map((el) => el.textContent);
    const outside = texts.filter((el) => {
      const box = el.getBoundingClientRect();
      return box.bottom > innerHeight + 1 || box.right > innerWidth + 1;
    });
    return { scrolls: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth, small, outside: outside.map((el) => el.textContent) };
  });

/**
 * For each label, whether its radio button or checkbox sits on the line of its text and close before it, measured
 * in one evaluation: a control drawn a column apart from its words reads as belonging to the wrong option.
 */
export const controlsBesideLabels = (labels: Locator) =>
  labels.evaluateAll((elements) =>
    elements.map((label) => {
      const control = label.querySelector('input')!.getBoundingClientRect();
      const words = document.createTreeWalker(label, NodeFilter.SHOW_TEXT, (node) => (node.textContent!.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP)).nextNode()!;
      const range = document.createRange();
      range.selectNodeContents(words);
      const text = range.getClientRects()[0]!;
      const gap = text.left - control.right;
      return control.top < text.bottom && text.top < control.bottom && gap >= 0 && gap <= 16;
    }),
  );
