import type { ConceptMovement, ConceptPath, PrioritySource, ThemeMovement } from '../../shared/forum.js';
import { LANGUAGES, type Language } from '../../shared/phases.js';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import { CURATED_CONCEPTS } from '../suggestions/concepts.js';
import { conceptMatcherFor, themeConcept } from '../suggestions/themeConcept.js';

/** One workshop's ranked priorities, with what its themes are matched against. */
export interface WorkshopPriorities {
  language: Language;
  /** The board's own concepts, matched beside the curated ones. */
  concepts: readonly BoardConcept[];
  source: PrioritySource;
  /** First priority first. */
  priorities: ReadonlyArray<{ title: string; cardTitles: readonly string[] }>;
}

/** Before any vote, a workshop's themes ranked by how many cards each holds (a merged duplicate not counted). */
export function themesByCardCount(
  themes: ReadonlyArray<{ id: string; title: string }>,
  cards: ReadonlyArray<{ title: string; cluster: string | null; mergedInto?: string }>,
): WorkshopPriorities['priorities'] {
  const cardsOf = (id: string) => cards.filter((card) => card.cluster === id && card.mergedInto === undefined).map((card) => card.title);
  return themes
    .map((theme) => ({ title: theme.title, cardTitles: cardsOf(theme.id) }))
    .filter((theme) => theme.cardTitles.length > 0)
    .sort((a, b) => b.cardTitles.length - a.cardTitles.length);
}

const curatedIds = new Set(CURATED_CONCEPTS.map((c) => c.id));
const everyLanguage = (text: string) => Object.fromEntries(LANGUAGES.map((l) => [l, text])) as Record<Language, string>;

/**
 * How themes moved between a forum's workshops (in the order they were held), each ranking its priorities by its
 * agreed list, else its revealed votes, else its themes by card count: each priority matched to its
 * concept (themeConcept, as the suggestions match), so a Swedish and a Dutch workshop meet at one concept; a
 * board's own concept meets the same-named one of another board; a priority that matches none stands for its
 * title. A concept's rank in a workshop is that of its first priority. Movement compares the latest two
 * workshops that have priorities: up is `rose`, down `faded`, there only now `new`, no longer there `gone`.
 */
export function themeMovement(workshops: readonly WorkshopPriorities[]): ThemeMovement {
  const paths = new Map<string, Omit<ConceptPath, 'movement'>>();
  workshops.forEach((workshop, index) => {
    const matcher = conceptMatcherFor(workshop.concepts);
    workshop.priorities.forEach((priority, position) => {
      const found = themeConcept(matcher, priority, workshop.language);
      const concept = found === null ? null : matcher.concepts[found]!;
      const key = !concept ? `title:${priority.title.trim().toLocaleLowerCase()}` : curatedIds.has(concept.id) ? concept.id : `own:${concept.label.en.toLocaleLowerCase()}`;
      const path = paths.get(key) ?? { key, label: concept ? { ...concept.label } : everyLanguage(priority.title.trim()), ranks: workshops.map(() => null) };
      path.ranks[index] ??= position + 1;
      paths.set(key, path);
    });
  });
  const ranked = workshops.flatMap((w, index) => (w.source === 'none' ? [] : [index]));
  const [before, latest] = ranked.length >= 2 ? ranked.slice(-2) : [undefined, undefined];
  const concepts = [...paths.values()].map((path): ConceptPath => ({ ...path, movement: movementOf(path.ranks, before, latest) }));
  const best = (ranks: ReadonlyArray<number | null>) => Math.min(...ranks.map((r) => r ?? Infinity));
  const last = (path: ConceptPath) => (latest === undefined ? Infinity : (path.ranks[latest] ?? Infinity));
  concepts.sort((a, b) => last(a) - last(b) || best(a.ranks) - best(b.ranks) || a.label.en.localeCompare(b.label.en));
  return { sources: workshops.map((w) => w.source), concepts };
}

function movementOf(ranks: ReadonlyArray<number | null>, before: number | undefined, latest: number | undefined): ConceptMovement {
  if (before === undefined || latest === undefined) return 'steady';
  const then = ranks[before] ?? null;
  const now = ranks[latest] ?? null;
  if (now === null) return ranks.slice(0, latest).some((r) => r !== null) ? 'gone' : 'steady';
  if (then === null) return 'new';
  return now < then ? 'rose' : now > then ? 'faded' : 'steady';
}
