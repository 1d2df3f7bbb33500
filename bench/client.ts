import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureInBrowser, type BrowserFigures, type ClusterViewFigures } from './browserTimings.js';
import { buildClient, measureBundle, type BundleFigures } from './bundleSizes.js';
import { kB, ms, type Row } from './table.js';

/** The client: what a phone downloads before the first screen, and what a 1,000-card board costs in Chromium. */
const TARGET_INITIAL_GZIP = 250 * 1024;

export async function runClient(log: (line: string) => void): Promise<{ rows: Row[]; bundle?: BundleFigures; browser?: BrowserFigures }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forumboard-client-'));
  try {
    const bundle = measureBundle(outDir, buildClient(outDir));
    log(`built in ${bundle.buildSeconds.toFixed(1)} s: initial ${kB(bundle.initial.gzip)} gzip, ${bundle.lazy.length} lazy chunks`);
    const rows: Row[] = [
      {
        section: 'client bundle',
        measure: `initial route JS, gzip (raw, as served today) — ${bundle.initial.files.length} files`,
        value: `${kB(bundle.initial.gzip)} (${kB(bundle.initial.raw)})`,
        target: `< ${kB(TARGET_INITIAL_GZIP)} gzip`,
        met: bundle.initial.gzip < TARGET_INITIAL_GZIP,
      },
      { section: 'client bundle', measure: 'initial route CSS, gzip (raw)', value: `${kB(bundle.initialCss.gzip)} (${kB(bundle.initialCss.raw)})` },
      ...bundle.lazy.map((chunk) => ({
        section: 'client bundle',
        measure: `lazy: ${chunk.name} (loaded by ${chunk.loadedBy}), gzip (raw)`,
        value: `${kB(chunk.gzip)} (${kB(chunk.raw)})`,
      })),
    ];
    try {
      const browser = await measureInBrowser(outDir, log);
      rows.push(
        { section: 'client in Chromium', measure: `${browser.cards} cards on screen, card list (collect), p50/max of 3 loads`, value: `${ms(browser.renderList.p50)} / ${ms(browser.renderList.max)}` },
        ...browser.clusterViews.flatMap((view) => [
          {
            section: 'client in Chromium',
            measure: `cluster view, ${view.cards} cards and ${view.themes} themes on screen, p50/max of 3 loads`,
            value: `${ms(view.render.p50)} / ${ms(view.render.max)}`,
          },
          ...view.drags.flatMap((drag) => dragRows(view.cards, drag)),
        ]),
      );
      return { rows, bundle, browser };
    } catch (err) {
      log(`ERROR in the browser part: ${err instanceof Error ? err.message : String(err)}`);
      rows.push({ section: 'client in Chromium', measure: 'browser measurements failed', value: String(err instanceof Error ? err.message : err).slice(0, 80), met: null });
      return { rows, bundle };
    }
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

/** The targets: a 16.7 ms median frame (60 per second) and no frame over 50 ms while a card is dragged. */
const TARGET_P50_FRAME_MS = 16.7;

function dragRows(cards: number, drag: ClusterViewFigures['drags'][number]): Row[] {
  const section = 'client in Chromium';
  if ('unavailable' in drag) return [{ section, measure: `frame time while dragging a card ${drag.gesture} (${cards} cards)`, value: `n/a: ${drag.unavailable}` }];
  return [
    {
      section,
      measure: `${cards} cards: frame time while dragging a card ${drag.gesture}, p50/p95/max (${drag.frames.n} frames)`,
      value: `${ms(drag.frames.p50)} / ${ms(drag.frames.p95)} / ${ms(drag.frames.max)}; ${drag.longFrames} over 50 ms; drop ${drag.dropped ? 'stored' : 'NOT stored'}`,
      target: `p50 ≤ ${TARGET_P50_FRAME_MS} ms, none over 50 ms`,
      met: drag.frames.p50 <= TARGET_P50_FRAME_MS && drag.longFrames === 0,
    },
    {
      section,
      measure: `${cards} cards, ${drag.gesture}: longest frame at pick-up / moving / drop; long animation frames (count, longest)`,
      value: `${ms(drag.longest.pickUp)} / ${ms(drag.longest.moving)} / ${ms(drag.longest.drop)}; ${drag.longTasks.count}, ${ms(drag.longTasks.max)}`,
    },
  ];
}
