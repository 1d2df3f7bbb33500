import type { Language } from '../../shared/phases.js';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import { conceptMatcherFor, themeConcept } from './themeConcept.js';

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

/**
 * Themes of different tables that are about the same thing: those whose concept (themeConcept: the curated
 * concept list and the board's own, as for suggested themes) is the same, or whose titles are the same. Each
 * group holds themes of at least two tables; the facilitator confirms which to combine.
 */
export function themesAlike(themes: readonly ThemeOfTable[], language: Language, boardConcepts: readonly BoardConcept[]): AlikeThemes[] {
  const matcher = conceptMatcherFor(boardConcepts);
  const groups = new Map<string, AlikeThemes>();
  for (const theme of themes) {
    const top = themeConcept(matcher, theme, language);
    const key = top !== null ? `concept:${top}` : `title:${theme.title.trim().toLocaleLowerCase()}`;
    const group = groups.get(key) ?? { title: top !== null ? matcher.concepts[top]!.label[language] : theme.title.trim(), themes: [] };
    group.themes.push({ tableId: theme.tableId, themeId: theme.themeId });
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => new Set(group.themes.map((t) => t.tableId)).size > 1);
}
