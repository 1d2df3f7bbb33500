import type { Language } from '../../shared/phases.js';
import type { ConceptMatcher } from './concepts.js';
import type { ReadCard } from './features.js';

/**
 * A suggested theme's title, in the workshop's language: the concept most of the group's cards mention (its
 * label is a theme title already); else the word most of them share, as they wrote it; else the shortest card
 * title of the group, which a person wrote and the facilitator can keep or edit.
 */
export function titleFor(group: ReadCard[], matcher: ConceptMatcher, language: Language): string {
  const half = group.length / 2;
  const conceptCounts = new Map<number, number>();
  for (const card of group) for (const c of card.concepts) conceptCounts.set(c, (conceptCounts.get(c) ?? 0) + 1);
  const topConcept = [...conceptCounts].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0];
  if (topConcept && topConcept[1] >= half) return matcher.concepts[topConcept[0]].label[language];

  const stemCards = new Map<string, { cards: number; surfaces: Map<string, number> }>();
  for (const card of group) {
    for (const stem of new Set(card.words.map((w) => w.stem))) {
      const entry = stemCards.get(stem) ?? { cards: 0, surfaces: new Map() };
      entry.cards++;
      stemCards.set(stem, entry);
    }
    for (const w of card.words) {
      const entry = stemCards.get(w.stem)!;
      entry.surfaces.set(w.surface, (entry.surfaces.get(w.surface) ?? 0) + 1);
    }
  }
  const topStem = [...stemCards].sort((x, y) => y[1].cards - x[1].cards || y[0].length - x[0].length || x[0].localeCompare(y[0]))[0];
  if (topStem && topStem[1].cards >= Math.max(2, half)) {
    const surface = [...topStem[1].surfaces].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0][0];
    return surface.charAt(0).toUpperCase() + surface.slice(1);
  }
  return [...group].sort((x, y) => x.title.length - y.title.length || x.title.localeCompare(y.title))[0].title;
}
