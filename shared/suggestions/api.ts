import { z } from 'zod';

/**
 * The clustering help's wire format (`GET /api/boards/:boardId/suggestions`, issue 14). The server computes the
 * suggestions; the client previews them and applies what the facilitator accepts as ordinary board changes.
 */

const cardId = z.string().min(1).max(64);

/** A group of unthemed cards: a new theme with a suggested title, or an existing theme (`themeId`) they fit. */
export const suggestedTheme = z
  .object({
    title: z.string().max(120),
    cardIds: z.array(cardId).min(1),
    themeId: cardId.optional(),
  })
  .strict();
export type SuggestedTheme = z.infer<typeof suggestedTheme>;

/** Two cards that say nearly the same thing; `similarity` runs from 0 (unrelated) to 1 (the same words). */
export const duplicatePair = z
  .object({
    cardIds: z.tuple([cardId, cardId]),
    similarity: z.number().min(0).max(1),
  })
  .strict();
export type DuplicatePair = z.infer<typeof duplicatePair>;

export const suggestionsResponse = z
  .object({
    themes: z.array(suggestedTheme),
    duplicates: z.array(duplicatePair),
  })
  .strict();
export type SuggestionsResponse = z.infer<typeof suggestionsResponse>;

/** Limits of a board's own concepts, so one facilitator cannot make every suggestion slow. */
export const CONCEPT_LIMITS = { maxConcepts: 50, maxWordsPerConcept: 40, maxWordLength: 60, maxLabelLength: 60 } as const;

const word = z.string().trim().min(1, 'required').max(CONCEPT_LIMITS.maxWordLength, `at most ${CONCEPT_LIMITS.maxWordLength} characters`);

/**
 * A concept the facilitator adds for one board: words in any of the three languages that mean the same thing
 * in this workshop ("Brainport", "chip", "halfgeleider"). Cards sharing a concept are drawn together, the same
 * way the product's own concept list links "lasser", "svetsare" and "welder".
 */
export const boardConcept = z
  .object({
    label: word.max(CONCEPT_LIMITS.maxLabelLength),
    words: z.array(word).min(1, 'at least one word').max(CONCEPT_LIMITS.maxWordsPerConcept, `at most ${CONCEPT_LIMITS.maxWordsPerConcept} words`),
  })
  .strict();
export type BoardConcept = z.infer<typeof boardConcept>;

/** `PUT /api/boards/:boardId/suggestions/concepts` (facilitator) replaces the board's concepts; GET reads them. */
export const boardConceptsBody = z
  .object({
    concepts: z.array(boardConcept).max(CONCEPT_LIMITS.maxConcepts, `at most ${CONCEPT_LIMITS.maxConcepts} concepts`),
  })
  .strict();
export type BoardConceptsBody = z.infer<typeof boardConceptsBody>;
