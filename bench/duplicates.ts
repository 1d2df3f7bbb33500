import { labelledWorkshops, scoreDuplicates, summarise } from '../fixtures/duplicateScores.js';
import { DEFAULT_TUNING, type Tuning } from '../server/suggestions/suggest.js';
import type { Row } from './table.js';

/**
 * `npm run bench -- duplicates`: how many of the pairs people call duplicates (fixtures/duplicates) the
 * suggestions list, within one language and across two, and how many of the listed pairs are right; on the part
 * the threshold was tuned on and on the unseen part, beside the same method without the vocabulary (stems,
 * n-grams and TF-IDF alone) and the threshold that method had before (0.6). The threshold sweep on the tuning
 * part shows where the default sits.
 */
const METHODS: Array<{ name: string; tuning: Tuning }> = [
  { name: 'words only (no vocabulary), threshold 0.6', tuning: { ...DEFAULT_TUNING, vocabulary: false, duplicateThreshold: 0.6 } },
  { name: `words only (no vocabulary), threshold ${DEFAULT_TUNING.duplicateThreshold}`, tuning: { ...DEFAULT_TUNING, vocabulary: false } },
  { name: `with the vocabulary, threshold ${DEFAULT_TUNING.duplicateThreshold} (default)`, tuning: DEFAULT_TUNING },
];
const SWEEP = [0.3, 0.35, 0.4, 0.45, 0.5, 0.6];
/** The bar: at least half the labelled pairs of unseen workshops. */
const TARGET_RECALL = 0.5;

const percent = (x: number) => `${Math.round(x * 100)} %`;

export async function runDuplicates(log: (line: string) => void): Promise<{ rows: Row[] } & Record<string, unknown>> {
  const workshops = labelledWorkshops();
  const rows: Row[] = [];
  const figures: Record<string, unknown> = {};
  for (const split of ['tune', 'unseen'] as const) {
    const part = workshops.filter(({ workshop }) => workshop.split === split);
    for (const { name, tuning } of METHODS) {
      const s = summarise(part.map(({ workshop }) => scoreDuplicates(workshop, tuning)));
      figures[`${split}: ${name}`] = s;
      const isDefault = tuning === DEFAULT_TUNING;
      rows.push({
        section: 'duplicates',
        measure: `${split} (${part.length} workshops, ${s.labelled} pairs): ${name} — recall (within / across languages), precision, near misses listed`,
        value: `${percent(s.recall)} (${percent(s.recallWithin)} / ${percent(s.recallAcross)}), ${percent(s.precision)} of ${s.suggested}, ${s.nearMissesListed} of ${s.nearMisses}`,
        target: split === 'unseen' && isDefault ? `recall ≥ ${percent(TARGET_RECALL)}` : undefined,
        met: split === 'unseen' && isDefault ? s.recall >= TARGET_RECALL : undefined,
      });
    }
  }
  const tune = workshops.filter(({ workshop }) => workshop.split === 'tune');
  for (const threshold of SWEEP) {
    const s = summarise(tune.map(({ workshop }) => scoreDuplicates(workshop, { ...DEFAULT_TUNING, duplicateThreshold: threshold })));
    log(`tune, threshold ${threshold}: recall ${percent(s.recall)}, precision ${percent(s.precision)} of ${s.suggested}`);
  }
  for (const { name, workshop } of workshops.filter(({ workshop }) => workshop.split === 'unseen')) {
    const s = scoreDuplicates(workshop);
    for (const [a, b] of s.wrong) log(`${name}: listed, not labelled: "${a}" ≈ "${b}"`);
    for (const [a, b] of s.missed) log(`${name}: labelled, not listed: "${a}" ≈ "${b}"`);
  }
  return { rows, duplicates: figures };
}
