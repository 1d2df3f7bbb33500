import type { Language } from '../../shared/phases.js';
import type { ConceptMatcher } from './concepts.js';
import { charGrams, words, type Word } from './words.js';

/** What the engine knows of one card once its text is read. */
export interface ReadCard {
  id: string;
  text: string;
  title: string;
  language: Language;
  words: Word[];
  concepts: number[];
}

/** A sparse vector: feature index → weight, L2-normalised. */
export interface SparseVector {
  keys: Int32Array;
  values: Float32Array;
}

/**
 * How much each kind of evidence counts in the similarity of two cards (tuned on the sample workshops, see
 * docs/suggestions.md): shared stems, shared character n-grams (parts of compounds), shared concepts, and
 * shared broader concepts ("energy prices" and "climate" are both energy).
 */
export interface Weights {
  stems: number;
  grams: number;
  concepts: number;
  broader: number;
  /**
   * Factor for what the workshop is about: at an offshore-wind forum every card is about wind, so "wind"
   * (and the energy concept it names) is the subject, not a theme.
   */
  subject: number;
}

/** N-grams in more than this share of the cards (and more than this many) are left out of the vectors. */
const FREQUENT_GRAM_SHARE = 0.05;
const FREQUENT_GRAM_MIN = 20;

export function readCard(input: { id: string; title: string; text: string; language: Language }, matcher: ConceptMatcher): ReadCard {
  const cardWords = words(input.text, input.language);
  return { id: input.id, title: input.title, text: input.text, language: input.language, words: cardWords, concepts: matcher.match(input.text, cardWords, input.language) };
}

/**
 * TF-IDF over the board: a stem or n-gram that half the cards share ("production") tells less than one that
 * three cards share ("lassers"). Concepts are not weighted by frequency: the board's largest theme is as much
 * a theme as its smallest.
 */
export class FeatureSpace {
  private readonly index = new Map<string, number>();
  private readonly documentFrequency: number[] = [];

  private readonly subjectKeys = new Set<number>();

  /** `subject`: the workshop's title and question, read like a card. */
  constructor(
    private readonly cards: readonly ReadCard[],
    private readonly matcher: ConceptMatcher,
    private readonly weights: Weights,
    subject?: ReadCard,
  ) {
    if (subject) {
      for (const key of this.termsOf(subject)) this.subjectKeys.add(this.idOf(key));
      for (const c of subject.concepts) this.subjectKeys.add(this.idOf(`c:${c}`));
    }
    for (const card of cards) for (const key of new Set(this.termsOf(card))) this.documentFrequency[this.idOf(key)] = (this.documentFrequency[this.idOf(key)] ?? 0) + 1;
  }

  /** Each card's vector, in the order of the cards given. */
  vectors(): SparseVector[] {
    return this.cards.map((card) => this.vectorOf(card));
  }

  /** A vector for text outside the board (an existing theme's name), in the board's feature space. */
  vectorOfText(card: ReadCard): SparseVector {
    return this.vectorOf(card);
  }

  private termsOf(card: ReadCard): string[] {
    const out: string[] = [];
    for (const word of card.words) {
      out.push(`s:${word.stem}`);
      for (const gram of charGrams(word.surface)) out.push(`g:${gram}`);
    }
    return out;
  }

  private subjectFactor(id: number): number {
    return this.subjectKeys.has(id) ? this.weights.subject : 1;
  }

  private idOf(key: string): number {
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.index.size;
      this.index.set(key, id);
    }
    return id;
  }

  private vectorOf(card: ReadCard): SparseVector {
    const total = this.cards.length;
    const stems = new Map<number, number>();
    const grams = new Map<number, number>();
    for (const key of this.termsOf(card)) {
      const id = this.index.get(key);
      // A term no card of the board has (a theme name's own word) cannot make two things alike.
      if (id === undefined) continue;
      const frequency = this.documentFrequency[id] ?? 0;
      const isStem = key.startsWith('s:');
      if (!isStem && isSuffix(frequency, total)) continue;
      const target = isStem ? stems : grams;
      target.set(id, (target.get(id) ?? 0) + idf(frequency, total) * this.subjectFactor(id));
    }
    const parts: Array<[Map<number, number>, number]> = [
      [stems, this.weights.stems],
      [grams, this.weights.grams],
    ];
    const concepts = new Map<number, number>();
    const broader = new Map<number, number>();
    for (const c of card.concepts) {
      const id = this.idOf(`c:${c}`);
      concepts.set(id, this.subjectFactor(id));
      const wider = this.matcher.concepts[c]?.broader;
      if (wider) broader.set(this.idOf(`b:${wider}`), 1);
    }
    parts.push([concepts, this.weights.concepts], [broader, this.weights.broader]);
    return merged(parts);
  }
}

/** A fragment in many cards ("ning", "tion") is a suffix, not a shared part: it only costs time. */
function isSuffix(frequency: number, total: number): boolean {
  return frequency > Math.max(FREQUENT_GRAM_MIN, total * FREQUENT_GRAM_SHARE);
}

function idf(frequency: number, total: number): number {
  return Math.log((total + 1) / (frequency + 1)) + 1;
}

/** Blocks of evidence, each normalised and weighted, as one normalised vector. */
function merged(parts: ReadonlyArray<[Map<number, number>, number]>): SparseVector {
  const sum = new Map<number, number>();
  for (const [part, weight] of parts) {
    const norm = Math.hypot(...part.values());
    if (norm === 0 || weight === 0) continue;
    for (const [id, value] of part) sum.set(id, (sum.get(id) ?? 0) + (weight * value) / norm);
  }
  return normalised(sum);
}

/** Terms of one kind, and how much that kind counts; `fragments` are n-grams, left out where they are suffixes. */
export interface TermBlock {
  terms: readonly string[];
  weight: number;
  fragments?: boolean;
}

/** TF-IDF over the given cards' blocks of terms: a term many cards share tells less than one few share. */
export function idfWeighted(cards: ReadonlyArray<readonly TermBlock[]>): SparseVector[] {
  const index = new Map<string, number>();
  const frequency: number[] = [];
  for (const blocks of cards) {
    for (const term of new Set(blocks.flatMap((block) => block.terms))) {
      let id = index.get(term);
      if (id === undefined) index.set(term, (id = index.size));
      frequency[id] = (frequency[id] ?? 0) + 1;
    }
  }
  return cards.map((blocks) =>
    merged(
      blocks.map((block) => {
        const weights = new Map<number, number>();
        for (const term of block.terms) {
          const id = index.get(term)!;
          if (block.fragments && isSuffix(frequency[id], cards.length)) continue;
          weights.set(id, (weights.get(id) ?? 0) + idf(frequency[id], cards.length));
        }
        return [weights, block.weight];
      }),
    ),
  );
}

function normalised(map: Map<number, number>): SparseVector {
  const keys = [...map.keys()].sort((a, b) => a - b);
  const norm = Math.hypot(...map.values()) || 1;
  return { keys: Int32Array.from(keys), values: Float32Array.from(keys, (k) => map.get(k)! / norm) };
}

export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.keys.length && j < b.keys.length) {
    if (a.keys[i] === b.keys[j]) sum += a.values[i++] * b.values[j++];
    else if (a.keys[i] < b.keys[j]) i++;
    else j++;
  }
  return sum;
}

/** Every pair's similarity, through an inverted index: only pairs that share a feature cost anything. */
export function similarityMatrix(vectors: readonly SparseVector[]): Float32Array {
  const n = vectors.length;
  const matrix = new Float32Array(n * n);
  // Postings in two flat arrays per feature, grown as needed: no object per (card, weight) pair.
  const cards = new Map<number, number[]>();
  const weights = new Map<number, number[]>();
  vectors.forEach((v, card) => {
    for (let k = 0; k < v.keys.length; k++) {
      let list = cards.get(v.keys[k]);
      if (!list) {
        cards.set(v.keys[k], (list = []));
        weights.set(v.keys[k], []);
      }
      list.push(card);
      weights.get(v.keys[k])!.push(v.values[k]);
    }
  });
  for (const [feature, list] of cards) {
    const w = weights.get(feature)!;
    for (let x = 0; x < list.length; x++) {
      const rowA = list[x] * n;
      const wa = w[x];
      for (let y = x + 1; y < list.length; y++) {
        const add = wa * w[y];
        matrix[rowA + list[y]] += add;
        matrix[list[y] * n + list[x]] += add;
      }
    }
  }
  return matrix;
}
