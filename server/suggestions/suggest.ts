import type { Language } from '../../shared/phases.js';
import type { BoardConcept, SuggestedTheme, SuggestionsResponse } from '../../shared/suggestions/api.js';
import { averageLinkage } from './clustering.js';
import { ConceptMatcher, CURATED_CONCEPTS, fromBoardConcept, VOCABULARY, type VocabularyEntry } from './concepts.js';
import { duplicateVectors, findDuplicates } from './duplicates.js';
import { cosine, FeatureSpace, readCard, similarityMatrix, type SparseVector, type Weights } from './features.js';
import { languageOf } from './languageOf.js';
import { titleFor } from './titles.js';

/** A board as the engine sees it: plain data, so the bench and the tests call it without a server. */
export interface SuggestInput {
  language: Language;
  cards: Array<{ id: string; title: string; body: string; themeId: string | null; authorLanguage?: Language | null }>;
  themes: Array<{ id: string; title: string }>;
  /** The workshop's title and question: what every card is about, so it tells no theme from another. */
  subject?: string;
  /** The facilitator's own concepts for this board, on top of the curated list. */
  concepts?: readonly BoardConcept[];
}

export interface Tuning {
  weights: Weights;
  /** Average similarity two groups need to be joined. */
  threshold: number;
  /** Average similarity a group of unthemed cards needs to an existing theme to be suggested for it. */
  themeThreshold: number;
  /**
   * Average similarity a card needs to the other cards of its group to stay in it: a card the group took in
   * on the strength of a few of its members is left in the pile rather than placed where someone must move it.
   */
  memberThreshold: number;
  /** Similarity of what two cards name (their words, read through the vocabulary) from which they are offered as duplicates. */
  duplicateThreshold: number;
  /** Whether the curated concept list is used (off only to measure what it adds). */
  curatedConcepts: boolean;
  /** Whether duplicates read words as the things the field's vocabulary names (off only to measure what it adds). */
  vocabulary: boolean;
}

/**
 * Tuned on the sample workshops (server/demo/workshops.json), the duplicate threshold on the tuning part of
 * fixtures/duplicates; docs/suggestions.md gives the figures.
 */
export const DEFAULT_TUNING: Tuning = {
  weights: { stems: 1, grams: 0.5, concepts: 0.8, broader: 1, subject: 0.3 },
  threshold: 0.2,
  themeThreshold: 0.3,
  memberThreshold: 0.27,
  duplicateThreshold: 0.4,
  curatedConcepts: true,
  vocabulary: true,
};

/** Compiled once per thread: the vocabulary is the same for every board. */
const VOCABULARY_MATCHER = new ConceptMatcher(VOCABULARY);
const NO_VOCABULARY = new ConceptMatcher<VocabularyEntry>([]);

export function suggest(input: SuggestInput, tuning: Tuning = DEFAULT_TUNING): SuggestionsResponse {
  const concepts = [...(tuning.curatedConcepts ? CURATED_CONCEPTS : []), ...(input.concepts ?? []).map(fromBoardConcept)];
  const matcher = new ConceptMatcher(concepts);
  const all = input.cards.map((card) => {
    const text = card.body ? `${card.title}\n${card.body}` : card.title;
    return readCard({ id: card.id, title: card.title, text, language: languageOf(text, card.authorLanguage ?? null, input.language) }, matcher);
  });
  const subject = input.subject ? readCard({ id: '', title: input.subject, text: input.subject, language: languageOf(input.subject, null, input.language) }, matcher) : undefined;
  const space = new FeatureSpace(all, matcher, tuning.weights, subject);
  const vectors = space.vectors();
  const duplicates = findDuplicates(all, duplicateVectors(all, tuning.vocabulary ? VOCABULARY_MATCHER : NO_VOCABULARY), tuning.duplicateThreshold);

  const unthemed = input.cards.map((card, i) => (card.themeId === null ? i : -1)).filter((i) => i >= 0);
  const unthemedVectors = unthemed.map((i) => vectors[i]);
  const groups = averageLinkage(similarityMatrix(unthemedVectors), unthemed.length, tuning.threshold).map((group) =>
    withoutWeakMembers(
      group.map((k) => unthemed[k]),
      vectors,
      tuning.memberThreshold,
    ),
  );
  const profiles = themeProfiles(input, vectors, space, matcher);

  const byTheme = new Map<string, number[]>();
  const fresh: number[][] = [];
  for (const group of groups) {
    const fit = bestTheme(group, vectors, profiles, tuning.themeThreshold);
    if (fit) byTheme.set(fit, [...(byTheme.get(fit) ?? []), ...group]);
    else if (group.length > 1) fresh.push(group);
    // A card alike to no other card and to no theme is left out: the facilitator places it by hand.
  }

  const themes: SuggestedTheme[] = [];
  for (const theme of input.themes) {
    const members = byTheme.get(theme.id);
    if (members) themes.push({ title: theme.title, cardIds: members.sort((a, b) => a - b).map((i) => all[i].id), themeId: theme.id });
  }
  for (const group of fresh.sort((x, y) => y.length - x.length || x[0] - y[0])) {
    themes.push({ title: titleFor(group.map((i) => all[i]), matcher, input.language), cardIds: group.map((i) => all[i].id) });
  }
  return { themes, duplicates };
}

interface ThemeProfile {
  id: string;
  vector: SparseVector;
}

/** What each existing theme is about: its name and the cards already in it, as one vector. */
function themeProfiles(input: SuggestInput, vectors: SparseVector[], space: FeatureSpace, matcher: ConceptMatcher): ThemeProfile[] {
  return input.themes.map((theme) => {
    const named = space.vectorOfText(readCard({ id: theme.id, title: theme.title, text: theme.title, language: languageOf(theme.title, null, input.language) }, matcher));
    const sum = new Map<number, number>();
    const add = (v: SparseVector) => v.keys.forEach((k, i) => sum.set(k, (sum.get(k) ?? 0) + v.values[i]));
    add(named);
    input.cards.forEach((card, i) => {
      if (card.themeId === theme.id) add(vectors[i]);
    });
    const keys = [...sum.keys()].sort((a, b) => a - b);
    const norm = Math.hypot(...sum.values()) || 1;
    return { id: theme.id, vector: { keys: Int32Array.from(keys), values: Float32Array.from(keys, (k) => sum.get(k)! / norm) } };
  });
}

/** The existing theme the group fits best, if its cards are on average alike enough to it. */
function bestTheme(group: number[], vectors: SparseVector[], profiles: ThemeProfile[], threshold: number): string | null {
  let best: string | null = null;
  let bestScore = threshold;
  for (const profile of profiles) {
    let sum = 0;
    for (const i of group) sum += cosine(vectors[i], profile.vector);
    const score = sum / group.length;
    if (score >= bestScore && (best === null || score > bestScore)) {
      best = profile.id;
      bestScore = score;
    }
  }
  return best;
}


/**
 * The group less the cards whose average similarity to its other cards is below `threshold`, read off the
 * group's summed vector (the vectors are unit length), so a group of m cards costs m sparse products.
 * A pair is kept whole: it was joined on its own similarity.
 */
function withoutWeakMembers(group: number[], vectors: SparseVector[], threshold: number): number[] {
  if (group.length < 3) return group;
  const sum = new Map<number, number>();
  for (const i of group) vectors[i].keys.forEach((k, j) => sum.set(k, (sum.get(k) ?? 0) + vectors[i].values[j]));
  const toOthers = (i: number) => {
    let dot = 0;
    vectors[i].keys.forEach((k, j) => (dot += vectors[i].values[j] * sum.get(k)!));
    return (dot - 1) / (group.length - 1);
  };
  return group.filter((i) => toOthers(i) >= threshold);
}
