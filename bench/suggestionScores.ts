import { tokens } from '../server/suggestions/words.js';
import { STOP_WORDS } from '../server/suggestions/words.js';
import type { Language } from '../shared/phases.js';
import type { SuggestionsResponse } from '../shared/suggestions/api.js';

/**
 * How close suggested groups come to the themes people chose: the adjusted Rand index (0 is what chance
 * gives, 1 the same grouping) and pairwise precision, recall and F1 (of the pairs of cards people put
 * together, how many the suggestion put together too). A card the suggestion leaves out counts as alone.
 */
export interface Score {
  ari: number;
  precision: number;
  recall: number;
  f1: number;
  leftOut: number;
  groups: number;
}

/** A workshop with the themes people gave its cards: the sample workshops' and the tests' fixtures' shape. */
export interface ThemedWorkshop {
  language: Language;
  title: string;
  themes: string[];
  cards: Array<{ title: string; body: string; theme: string }>;
}

/** Group labels per card (index in the workshop): cards left out each get a label of their own. */
export function labelsOf(response: SuggestionsResponse, cardIds: string[]): number[] {
  const labels = cardIds.map((_, i) => -1 - i);
  const position = new Map(cardIds.map((id, i) => [id, i]));
  response.themes.forEach((theme, g) => theme.cardIds.forEach((id) => (labels[position.get(id)!] = g)));
  return labels;
}

export function score(truth: readonly (string | number)[], predicted: readonly number[]): Score {
  const n = truth.length;
  let both = 0;
  let inTruth = 0;
  let inPredicted = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const t = truth[a] === truth[b];
      const p = predicted[a] === predicted[b];
      if (t) inTruth++;
      if (p) inPredicted++;
      if (t && p) both++;
    }
  }
  const pairs = (n * (n - 1)) / 2;
  const expected = pairs === 0 ? 0 : (inTruth * inPredicted) / pairs;
  const maxIndex = (inTruth + inPredicted) / 2;
  const ari = maxIndex === expected ? (both === expected ? 1 : 0) : (both - expected) / (maxIndex - expected);
  const precision = inPredicted === 0 ? 0 : both / inPredicted;
  const recall = inTruth === 0 ? 0 : both / inTruth;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const counts = new Map<number, number>();
  for (const label of predicted) counts.set(label, (counts.get(label) ?? 0) + 1);
  return { ari, precision, recall, f1, leftOut: predicted.filter((l) => l < 0).length, groups: [...counts.values()].filter((c) => c > 1).length };
}

/** Baseline: every card in a group of its own. */
export function eachAlone(n: number): number[] {
  return Array.from({ length: n }, (_, i) => -1 - i);
}

/** Baseline: cards that share a word as written (stop words aside) end up in one group, transitively. */
export function sharedWords(texts: string[], language: Language): number[] {
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const firstWith = new Map<string, number>();
  texts.forEach((text, i) => {
    for (const word of new Set(tokens(text))) {
      if (word.length < 3 || STOP_WORDS[language].has(word)) continue;
      const first = firstWith.get(word);
      if (first === undefined) firstWith.set(word, i);
      else parent[find(i)] = find(first);
    }
  });
  const roots = texts.map((_, i) => find(i));
  const sizes = new Map<number, number>();
  for (const r of roots) sizes.set(r, (sizes.get(r) ?? 0) + 1);
  return roots.map((r, i) => (sizes.get(r)! > 1 ? r : -1 - i));
}
