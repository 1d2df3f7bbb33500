import { chromium, type Browser, type Page } from 'playwright-core';
import { addCluster, cardsOf } from '../shared/boardDoc.js';
import { api, createBoard } from '../fixtures/workshopApi.js';
import { seedCards } from './seedBoard.js';
import { startForumboard } from './serverProcess.js';
import { sleep, spread, type Spread } from './stats.js';
import { openSyncedYClient } from './yclient.js';

/**
 * The built client in headless Chromium against a real server: how long until a 1,000-card board is on
 * screen (from navigation start, in the page's own clock), and, for the cluster view at workshop size (150
 * cards, 12 themes) and far beyond (1,000 cards), its first render and the frame times while a card is
 * dragged from the pile onto a theme and then on to another theme, with the long animation frames Chromium
 * reports meanwhile (PerformanceObserver 'long-animation-frame': frames whose work took over 50 ms).
 */
const CARDS = 1000;
const CLUSTER_SIZES = [150, 1000];
const THEMES = ['Skills and training', 'Energy prices', 'Grid capacity', 'Digitalisation', 'Circular economy', 'Housing', 'Transport', 'Research funding', 'Permits', 'Export', 'Water', 'Attractiveness'];
const LOADS = 3;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface DragFigures {
  /** Where the card went: 'pile → theme' or 'theme → theme'. */
  gesture: string;
  frames: Spread;
  longFrames: number;
  /** The longest frame of each part of the gesture. */
  longest: { pickUp: number; moving: number; drop: number };
  /** Long animation frames Chromium reported during the gesture: how many, and the longest's duration. */
  longTasks: { count: number; max: number };
  dropped: boolean;
}

export interface ClusterViewFigures {
  cards: number;
  themes: number;
  render: Spread;
  drags: Array<DragFigures | { gesture: string; unavailable: string }>;
}

export interface BrowserFigures {
  cards: number;
  renderList: Spread;
  clusterViews: ClusterViewFigures[];
}

/**
 * Milliseconds from navigation start until `count` card titles are in the DOM, or, for the cluster view, which
 * draws a long list a hundred cards at a time, until the pile shows its first cards and its "show more" button.
 */
async function timeRender(browser: Browser, url: string, count: number): Promise<{ ms: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction((n) => (document.querySelectorAll('.card-title').length >= n || document.querySelector('.theme-pile .theme-more') ? performance.now() : 0), count, {
    polling: 'raf',
    timeout: 60_000,
  });
  return { ms: (await handle.jsonValue()) as number, page };
}

/** Drags the first card of the theme `fromTheme` (or of the pile) onto `toTheme` while the page records every frame. */
async function drag(page: Page, fromTheme: string | null, toTheme: string): Promise<Omit<DragFigures, 'dropped'> | { gesture: string; unavailable: string }> {
  const gesture = fromTheme === null ? 'pile → theme' : 'theme → theme';
  const source = fromTheme === null ? page.locator('.theme-pile') : page.getByRole('region', { name: fromTheme, exact: true });
  const card = source.locator('.theme-cards > li').first();
  if ((await page.locator('.drag-handle').count()) === 0 || (await card.count()) === 0) {
    return { gesture, unavailable: 'the board shows no draggable cards (no .drag-handle in the cluster view)' };
  }
  await card.scrollIntoViewIfNeeded();
  const from = await card.locator('.card-title').boundingBox();
  const to = await page.getByRole('heading', { level: 3, name: toTheme }).boundingBox();
  if (!from || !to) return { gesture, unavailable: 'card or theme not laid out' };
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.benchFrames = [];
    window.benchLong = [];
    window.benchRecording = true;
    let last = performance.now();
    const tick = (t) => {
      window.benchFrames.push(t - last);
      last = t;
      if (window.benchRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.benchObserver?.disconnect();
    window.benchObserver = new PerformanceObserver((list) => {
      if (window.benchRecording) for (const entry of list.getEntries()) window.benchLong.push(entry.duration);
    });
    const types = PerformanceObserver.supportedEntryTypes;
    window.benchObserver.observe({ type: types.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask' });
  })()`);
  const mark = async () => (await page.evaluate('window.benchFrames.length')) as number;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 12, { steps: 4 });
  await sleep(100);
  const pickedUp = await mark();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height + 40, { steps: 40 });
  const moved = await mark();
  await page.mouse.up();
  await sleep(300);
  const frames = (await page.evaluate('window.benchRecording = false, window.benchFrames')) as number[];
  const long = (await page.evaluate('window.benchLong')) as number[];
  const longest = (from: number, to?: number) => Math.max(0, ...frames.slice(from, to));
  return {
    gesture,
    frames: spread(frames.slice(1)),
    longFrames: frames.slice(1).filter((f) => f > 50).length,
    longest: { pickUp: longest(1, pickedUp), moving: longest(pickedUp, moved), drop: longest(moved) },
    longTasks: { count: long.length, max: Math.max(0, ...long) },
  };
}

export async function measureInBrowser(clientDir: string, log: (line: string) => void): Promise<BrowserFigures> {
  const server = await startForumboard({ CLIENT_DIR: clientDir });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const board = await createBoard(server.url, { title: 'Browser bench', language: 'en' });
    await seedCards(server, board.boardId, board.facilitatorToken, CARDS);
    const url = `${server.url}/b/${board.boardId}#token=${board.facilitatorToken}`;
    await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'collect' }, board.facilitatorToken);
    const list: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const { ms, page } = await timeRender(browser, url, CARDS);
      list.push(ms);
      await page.context().close();
    }
    log(`card list of ${CARDS}: rendered after ${list.map((t) => t.toFixed(0)).join(', ')} ms`);

    const clusterViews: ClusterViewFigures[] = [];
    for (const cards of CLUSTER_SIZES) clusterViews.push(await measureClusterView(server, browser, cards, log));
    return { cards: CARDS, renderList: spread(list), clusterViews };
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** A board of `cards` cards and twelve themes in the cluster view: first render (3 loads), then a card dragged onto a theme and on to another. */
async function measureClusterView(server: Awaited<ReturnType<typeof startForumboard>>, browser: Browser, cards: number, log: (line: string) => void): Promise<ClusterViewFigures> {
  const board = await createBoard(server.url, { title: `Cluster bench ${cards}`, language: 'en' });
  await seedCards(server, board.boardId, board.facilitatorToken, cards);
  const url = `${server.url}/b/${board.boardId}#token=${board.facilitatorToken}`;
  const facilitator = await openSyncedYClient(server.wsUrl, board.boardId, board.facilitatorToken);
  for (const title of THEMES) addCluster(facilitator.doc, { title });
  await api(server.url, 'POST', `/api/boards/${board.boardId}/phase`, { phase: 'cluster' }, board.facilitatorToken);
  const renders: number[] = [];
  const drags: ClusterViewFigures['drags'] = [];
  for (let i = 0; i < LOADS; i++) {
    const { ms, page } = await timeRender(browser, url, cards);
    renders.push(ms);
    if (i === LOADS - 1) {
      await sleep(500);
      for (const [from, to] of [
        [null, THEMES[0]],
        [THEMES[0], THEMES[1]],
      ] as const) {
        const moved = new Promise<boolean>((resolve) => {
          const seen = () => {
            cardsOf(facilitator.doc).unobserveDeep(seen);
            resolve(true);
          };
          cardsOf(facilitator.doc).observeDeep(seen);
          setTimeout(() => resolve(false), 5000);
        });
        const result = await drag(page, from, to);
        drags.push('unavailable' in result ? result : { ...result, dropped: await moved });
        await sleep(500);
      }
    }
    await page.context().close();
  }
  facilitator.close();
  log(`cluster view of ${cards} cards, ${THEMES.length} themes: rendered after ${renders.map((t) => t.toFixed(0)).join(', ')} ms`);
  return { cards, themes: THEMES.length, render: spread(renders), drags };
}
