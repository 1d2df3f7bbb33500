import type { Language } from '../../shared/phases.js';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import { ConceptMatcher, CURATED_CONCEPTS, fromBoardConcept, type Concept } from './concepts.js';
import { languageOf } from './languageOf.js';
import { words } from './words.js';

/** A concept named in a theme's title says more about it than one card does. */
const TITLE_WEIGHT = 3;

/** The concepts a board's themes are matched against: the curated list, then the board's own. */
export function conceptMatcherFor(boardConcepts: readonly BoardConcept[]): ConceptMatcher {
  return new ConceptMatcher<Concept>([...CURATED_CONCEPTS, ...boardConcepts.map(fromBoardConcept)]);
}

/**
 * What a theme is about: the concept its title and its cards' titles mention most (each text read in the
 * language it is written in, the workshop's when unsure), its index in the matcher's list; null for none.
 * Themes of tables, and priorities of a forum's workshops, meet through it whatever their language.
 */
export function themeConcept(matcher: ConceptMatcher, theme: { title: string; cardTitles: readonly string[] }, language: Language): number | null {
  const mentions = (text: string) => {
    const lang = languageOf(text, null, language);
    return matcher.match(text, words(text, lang), lang);
  };
  const weight = new Map<number, number>();
  for (const concept of mentions(theme.title)) weight.set(concept, (weight.get(concept) ?? 0) + TITLE_WEIGHT);
  for (const title of theme.cardTitles) for (const concept of mentions(title)) weight.set(concept, (weight.get(concept) ?? 0) + 1);
  const top = [...weight].sort(([a, x], [b, y]) => y - x || a - b)[0];
  return top ? top[0] : null;
}
