import type { SuggestInput } from './suggest.js';

/**
 * What one computation may take of memory, by `estimatedBytes`: the capped board (2,000 cards, bodies within the
 * board's content budget) fits with room to spare, so only a board past the limits, kept from before them, is
 * refused. The thread's heap is capped as well, so an estimate that is wrong ends the thread, not the server.
 */
export const MEMORY_BUDGET_BYTES = 512 * 1024 * 1024;

/**
 * What the engine's memory peaks at for this input, roughly: two similarity matrices of 4 bytes per pair of
 * cards (every card's words for duplicates, the unthemed cards' features for themes) and the features read from
 * the text, counted as 100 bytes per character (stems, character n-grams and concepts in maps; 70 measured on the
 * capped board, docs/performance.md). The engine thread refuses an input whose estimate is past its budget.
 */
export function estimatedBytes(input: SuggestInput): number {
  const n = input.cards.length;
  const unthemed = input.cards.filter((card) => card.themeId === null).length;
  const characters = input.cards.reduce((sum, card) => sum + card.title.length + card.body.length, 0);
  return 4 * n * n + 4 * unthemed * unthemed + 100 * characters;
}
