import { LIMITS } from '../../shared/limits.js';
import type { DuplicatePair } from '../../shared/suggestions/api.js';
import { pairKey, titleDuplicatePairs } from '../../shared/suggestions/titleDuplicates.js';
import type { ConceptMatcher, VocabularyEntry } from './concepts.js';
import { idfWeighted, similarityMatrix, type ReadCard, type SparseVector } from './features.js';
import { charGrams } from './words.js';

/**
 * Each card's words as the things they name: a word the field's vocabulary knows counts as that thing in every
 * language ("svetsare", "lassers" and "welders" are one feature), any other word as its stem, with the character
 * n-grams of its compounds at half weight. Words stay what makes two cards duplicates, not the theme they share:
 * "Höga elpriser" and "Effektbrist vid nyetablering" are both energy, and name different things.
 */
export function duplicateVectors(cards: readonly ReadCard[], vocabulary: ConceptMatcher<VocabularyEntry>): SparseVector[] {
  const termsOf = (card: ReadCard) => {
    const named: string[] = vocabulary.phrasesIn(card.text, card.language).map((entry) => `v:${entry}`);
    const grams: string[] = [];
    for (const word of card.words) {
      const entries = vocabulary.conceptsOfWord(word.surface, card.language);
      if (entries.length > 0) for (const entry of entries) named.push(`v:${entry}`);
      else {
        named.push(`s:${word.stem}`);
        for (const gram of charGrams(word.surface)) grams.push(`g:${gram}`);
      }
    }
    return [
      { terms: named, weight: 1 },
      { terms: grams, weight: GRAM_WEIGHT, fragments: true },
    ];
  };
  return idfWeighted(cards.map(termsOf));
}

/** Parts of compounds count half as much as whole words and things named, as they do for themes. */
const GRAM_WEIGHT = 0.5;

/**
 * The `LIMITS.maxDuplicatePairs` pairs of cards, themed or not, that name most nearly the same things, and every
 * pair whose titles repeat each other (`titleDuplicatePairs`, the rule each client applies at once, so what the
 * board marks before anyone asks is always among the suggestions); most alike first. A board of identical cards
 * has every pair above the threshold (two million for 2,000 cards), so only the best are kept while looking, in a
 * heap whose top is the worst kept.
 */
export function findDuplicates(all: readonly ReadCard[], vectors: readonly SparseVector[], threshold: number): DuplicatePair[] {
  const n = all.length;
  const matrix = similarityMatrix(vectors);
  const kept = new WorstFirstHeap<DuplicatePair>(LIMITS.maxDuplicatePairs, duplicateOrder);
  const position = new Map(all.map((card, i) => [card.id, i]));
  const byTitle = new Set<string>();
  for (const pair of titleDuplicatePairs(all)) {
    const [a, b] = pair.cardIds.map((id) => position.get(id)!);
    byTitle.add(pairKey(...pair.cardIds));
    kept.offer({ cardIds: a < b ? pair.cardIds : [pair.cardIds[1], pair.cardIds[0]], similarity: Math.max(pair.similarity, rounded(matrix[a * n + b])) });
  }
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const similarity = matrix[a * n + b];
      if (similarity < threshold) continue;
      // Most pairs of a large board lose to the worst kept on similarity alone; they are not even made.
      if (kept.full() && rounded(similarity) < kept.worst().similarity) continue;
      if (byTitle.has(pairKey(all[a].id, all[b].id))) continue;
      kept.offer({ cardIds: [all[a].id, all[b].id], similarity: rounded(similarity) });
    }
  }
  return kept.items().sort(duplicateOrder);
}

const rounded = (similarity: number) => Math.min(1, Math.round(similarity * 100) / 100);

function duplicateOrder(x: DuplicatePair, y: DuplicatePair): number {
  return y.similarity - x.similarity || x.cardIds[0].localeCompare(y.cardIds[0]) || x.cardIds[1].localeCompare(y.cardIds[1]);
}

/** At most `capacity` items, the worst (by `worse`: positive when its first comes after its second) on top to be pushed out. */
class WorstFirstHeap<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly capacity: number,
    private readonly worse: (x: T, y: T) => number,
  ) {}

  offer(item: T): void {
    if (this.heap.length < this.capacity) {
      this.heap.push(item);
      this.up(this.heap.length - 1);
    } else if (this.capacity > 0 && this.worse(this.heap[0], item) > 0) {
      this.heap[0] = item;
      this.down(0);
    }
  }

  full(): boolean {
    return this.heap.length >= this.capacity;
  }

  worst(): T {
    return this.heap[0];
  }

  items(): T[] {
    return [...this.heap];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.worse(this.heap[i], this.heap[parent]) <= 0) return;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.heap.length && this.worse(this.heap[left], this.heap[worst]) > 0) worst = left;
      if (right < this.heap.length && this.worse(this.heap[right], this.heap[worst]) > 0) worst = right;
      if (worst === i) return;
      [this.heap[i], this.heap[worst]] = [this.heap[worst], this.heap[i]];
      i = worst;
    }
  }
}
