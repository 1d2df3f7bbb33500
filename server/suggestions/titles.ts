import type { Language } from '../../shared/phases.js';
import type { ConceptMatcher } from './concepts.js';
import type { ReadCard } from './features.js';

/**
 * A suggested theme's title, in the workshop's language: the concept most of the group's cards mention (its
 * label is a theme title already); else the shortest card title of the group written in the workshop's
 * language, which a person wrote and the facilitator can keep or edit; else the shortest title of all. A word
 * the cards share is no title: it was as often an adjective ("Gezamenlijke") as a thing, and in the language of
 * whoever wrote most of the group, not the workshop's.
 */
export function titleFor(group: ReadCard[], matcher: ConceptMatcher, language: Language): string {
  const conceptCounts = new Map<number, number>();
  for (const card of group) for (const c of card.concepts) conceptCounts.set(c, (conceptCounts.get(c) ?? 0) + 1);
  const topConcept = [...conceptCounts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
  if (topConcept && topConcept[1] >= group.length / 2) return matcher.concepts[topConcept[0]].label[language];
  const inLanguage = group.filter((card) => card.language === language);
  return [...(inLanguage.length > 0 ? inLanguage : group)].sort((x, y) => x.title.length - y.title.length || x.title.localeCompare(y.title))[0].title;
}
