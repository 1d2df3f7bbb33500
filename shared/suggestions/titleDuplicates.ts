import { LIMITS } from '../limits.js';
import type { DuplicatePair } from './api.js';

/**
 * Cards whose titles repeat one another, the part of the duplicate rule every client can apply at once without
 * asking the server; the server's suggestions (server/suggestions/duplicates.ts) start from the same pairs and
 * add those that name the same things in other words or languages.
 */

/** A title as people mean it: case, accents, punctuation and spacing do not make two cards different. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Above this many distinct titles, only exact and same-words matches are looked for: edit distances grow with the square. */
const EDIT_DISTANCE_LIMIT = 600;

/** Similarity of two titles that hold the same words in another order or differ by a typo. */
const NEAR_TITLE_SIMILARITY = 0.9;

/**
 * Pairs of cards whose titles are the same once normalised (similarity 1), or hold the same words in another
 * order or differ by a typo or two (an edit distance of at most one in ten characters); at most
 * `LIMITS.maxDuplicatePairs`, the same titles first.
 */
export function titleDuplicatePairs(cards: ReadonlyArray<{ id: string; title: string }>): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const seen = new Set<string>();
  const add = (group: ReadonlyArray<{ id: string }>, similarity: number) => {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        if (pairs.length >= LIMITS.maxDuplicatePairs) return;
        const key = pairKey(group[i].id, group[j].id);
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ cardIds: [group[i].id, group[j].id], similarity });
      }
    }
  };
  const byExact = groupBy(cards, (c) => normaliseTitle(c.title));
  for (const [key, group] of byExact) if (key !== '') add(group, 1);
  for (const [key, group] of groupBy(cards, (c) => normaliseTitle(c.title).split(' ').sort().join(' '))) if (key !== '') add(group, NEAR_TITLE_SIMILARITY);

  const distinct = Array.from(byExact.entries()).filter(([key]) => key.length >= 6);
  if (distinct.length > EDIT_DISTANCE_LIMIT) return pairs;
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const [a, groupA] = distinct[i];
      const [b, groupB] = distinct[j];
      const allowed = Math.floor(Math.max(a.length, b.length) / 10) || 1;
      if (Math.abs(a.length - b.length) > allowed) continue;
      if (editDistance(a, b, allowed) <= allowed) for (const x of groupA) add([x, ...groupB], NEAR_TITLE_SIMILARITY);
    }
  }
  return pairs;
}

/** One key for a pair of cards, whichever comes first. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

function groupBy<T>(items: ReadonlyArray<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Levenshtein distance, giving up (returning limit + 1) once every path is longer than `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
