import type { Duplicate } from '../cards/CardItem';

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

/**
 * Which cards repeat another: `exact` when the titles are the same once normalised, `near` when they hold the
 * same words in another order or differ by a typo or two (an edit distance of at most one in ten characters).
 */
export function findDuplicates(cards: ReadonlyArray<{ id: string; title: string }>): Map<string, Duplicate> {
  const found = new Map<string, Duplicate>();
  const byExact = groupBy(cards, (c) => normaliseTitle(c.title));
  for (const [key, group] of byExact) if (key !== '' && group.length > 1) for (const c of group) found.set(c.id, 'exact');

  const markNear = (group: ReadonlyArray<{ id: string }>) => {
    for (const c of group) if (!found.has(c.id)) found.set(c.id, 'near');
  };
  const byWords = groupBy(cards, (c) => normaliseTitle(c.title).split(' ').sort().join(' '));
  for (const [key, group] of byWords) if (key !== '' && group.length > 1) markNear(group);

  const distinct = Array.from(byExact.entries()).filter(([key]) => key.length >= 6);
  if (distinct.length > EDIT_DISTANCE_LIMIT) return found;
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const [a, groupA] = distinct[i];
      const [b, groupB] = distinct[j];
      const allowed = Math.floor(Math.max(a.length, b.length) / 10) || 1;
      if (Math.abs(a.length - b.length) > allowed) continue;
      if (editDistance(a, b, allowed) <= allowed) markNear([...groupA, ...groupB]);
    }
  }
  return found;
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
