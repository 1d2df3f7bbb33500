import type { Language } from '../../shared/phases.js';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import { ConceptMatcher, CURATED_CONCEPTS, fromBoardConcept } from './concepts.js';
import { languageOf } from './languageOf.js';
import { words } from './words.js';

/** One table's theme, as the merge of breakout tables offers it for combining. */
export interface ThemeOfTable {
  tableId: string;
  themeId: string;
  title: string;
  cardTitles: string[];
}

export interface AlikeThemes {
  /** The concept they share, in the workshop's language, or the title they share. */
  title: string;
  themes: Array<Pick<ThemeOfTable, 'tableId' | 'themeId'>>;
}

/** A concept named in a theme's title says more about it than one card does. */
const TITLE_WEIGHT = 3;

/**
 * Themes of different tables that are about the same thing: those whose most mentioned concept (the curated
 * concept list and the board's own, as for suggested themes) is the same, or whose titles are the same. Each
 * group holds themes of at least two tables; the facilitator confirms which to combine.
 */
export function themesAlike(themes: readonly ThemeOfTable[], language: Language, boardConcepts: readonly BoardConcept[]): AlikeThemes[] {
  const concepts = [...CURATED_CONCEPTS, ...boardConcepts.map(fromBoardConcept)];
  const matcher = new ConceptMatcher(concepts);
  const mentions = (text: string) => {
    const lang = languageOf(text, null, language);
    return matcher.match(text, words(text, lang), lang);
  };
  const groups = new Map<string, AlikeThemes>();
  for (const theme of themes) {
    const weight = new Map<number, number>();
    for (const concept of mentions(theme.title)) weight.set(concept, (weight.get(concept) ?? 0) + TITLE_WEIGHT);
    for (const title of theme.cardTitles) for (const concept of mentions(title)) weight.set(concept, (weight.get(concept) ?? 0) + 1);
    const top = [...weight].sort(([a, x], [b, y]) => y - x || a - b)[0];
    const key = top ? `concept:${top[0]}` : `title:${theme.title.trim().toLocaleLowerCase()}`;
    const group = groups.get(key) ?? { title: top ? concepts[top[0]]!.label[language] : theme.title.trim(), themes: [] };
    group.themes.push({ tableId: theme.tableId, themeId: theme.themeId });
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => new Set(group.themes.map((t) => t.tableId)).size > 1);
}
