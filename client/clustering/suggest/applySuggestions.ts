import type * as Y from 'yjs';
import { addCluster, cardBodyText, cardsOf, clustersOf, moveCards, readCard } from '../../../shared/boardDoc';
import { LIMITS } from '../../../shared/limits';
import type { SuggestedTheme } from '../../../shared/suggestions/api';

/** What a card said and where it lay, as one comparable string. */
export function fingerprint(card: { title: string; cluster: string | null }, body: string): string {
  return JSON.stringify([card.title, card.cluster, body]);
}

/** The fingerprints of the suggested cards in the document as it is now. */
export function takeFingerprints(doc: Y.Doc, cardIds: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const cards = cardsOf(doc);
  for (const id of cardIds) {
    const card = cards.get(id);
    if (card) out.set(id, fingerprint(readCard(id, card), cardBodyText(card)));
  }
  return out;
}

/** A suggestion the facilitator accepted, with the name they gave a new theme (ignored for an existing one). */
export interface Accepted {
  suggestion: SuggestedTheme;
  title: string;
}

/** What accepting will do: per suggestion, the theme to fill (or the name of one to make) and its unchanged cards. */
export interface Plan {
  moves: Array<{ themeId: string | undefined; title: string; cardIds: string[] }>;
  moved: number;
  /** Cards changed, moved or removed since the suggestions were fetched, or whose theme was removed. */
  skipped: number;
}

/**
 * Which accepted cards can still go where they were suggested: a card that changed since `fetched` was taken
 * stays where its writer or mover put it, a theme removed meanwhile is not brought back, and a new theme is
 * made only for a suggestion that still has a card and while the board has room for it.
 */
export function planSuggestions(doc: Y.Doc, accepted: readonly Accepted[], fetched: ReadonlyMap<string, string>): Plan {
  const clusters = clustersOf(doc);
  const current = takeFingerprints(doc, accepted.flatMap((a) => a.suggestion.cardIds));
  const plan: Plan = { moves: [], moved: 0, skipped: 0 };
  let room = LIMITS.maxClustersPerBoard - clusters.size;
  for (const { suggestion, title } of accepted) {
    const unchanged = suggestion.cardIds.filter((id) => fetched.has(id) && current.get(id) === fetched.get(id));
    const themeGone = suggestion.themeId !== undefined && !clusters.has(suggestion.themeId);
    const noRoom = suggestion.themeId === undefined && room <= 0;
    if (unchanged.length === 0 || themeGone || noRoom) {
      plan.skipped += suggestion.cardIds.length;
      continue;
    }
    if (suggestion.themeId === undefined) room -= 1;
    plan.moves.push({ themeId: suggestion.themeId, title: title.trim().slice(0, LIMITS.maxClusterTitle), cardIds: unchanged });
    plan.moved += unchanged.length;
    plan.skipped += suggestion.cardIds.length - unchanged.length;
  }
  return plan;
}

/**
 * Makes the plan's themes and moves its cards; run it inside one transaction (BoardHistory.change), so the
 * whole acceptance is one step that everyone sees at once and its author can undo. An existing theme keeps the
 * name a person gave it: a suggested name only ever names a new theme.
 */
export function applyPlan(doc: Y.Doc, plan: Plan): void {
  for (const move of plan.moves) {
    const target = move.themeId ?? addCluster(doc, { title: move.title });
    moveCards(doc, move.cardIds, target);
  }
}
