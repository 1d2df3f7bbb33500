import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** Zod schemas of the breakout tables' REST bodies (facilitator only). */

/** `POST /api/boards/:boardId/tables`: a new seating of everyone here, at a number of tables or tables of a size. */
export const proposeTablesBody = z.union([
  z.object({ count: z.number().int().min(1).max(LIMITS.maxTablesPerBoard, `at most ${LIMITS.maxTablesPerBoard} tables`) }).strict(),
  z.object({ size: z.number().int().min(2, 'at least two at a table').max(LIMITS.maxParticipantsPerBoard) }).strict(),
]);
export type ProposeTablesBody = z.infer<typeof proposeTablesBody>;

/** `PUT /api/boards/:boardId/tables/seats/:participantId`: the facilitator moves someone to another table. */
export const moveSeatBody = z.object({ tableId: z.string().min(1).max(64) }).strict();

/** `PUT /api/boards/:boardId/tables/wall`: the table the projector shows large, or null for the mosaic of every table. */
export const wallTableBody = z.object({ tableId: z.string().min(1).max(64).nullable() }).strict();

/** `PATCH /api/boards/:boardId/tables/:tableId`: a table's name or host; a field left out stays. */
export const editTableBody = z
  .object({
    name: z.string().trim().max(LIMITS.maxTableName, `at most ${LIMITS.maxTableName} characters`),
    hostId: z.string().min(1).max(64).nullable(),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'change at least one of name, hostId');
export type EditTableBody = z.infer<typeof editTableBody>;

const themeOfTable = z.object({ tableId: z.string().min(1).max(64), themeId: z.string().min(1).max(64) }).strict();

/**
 * `POST /api/boards/:boardId/tables/merge`: every table's cards and themes onto the plenary board. The themes of
 * different tables the facilitator confirmed as one (suggested by `GET …/tables/merge-suggestions`) arrive as one
 * theme under the title given; every other theme arrives as it is.
 */
export const mergeTablesBody = z
  .object({
    combine: z
      .array(
        z
          .object({
            title: z.string().trim().min(1, 'required').max(LIMITS.maxClusterTitle, `at most ${LIMITS.maxClusterTitle} characters`),
            themes: z.array(themeOfTable).min(2, 'combine at least two themes').max(LIMITS.maxTablesPerBoard * 4),
          })
          .strict(),
      )
      .max(LIMITS.maxClustersPerBoard)
      .default([]),
  })
  .strict();
export type MergeTablesBody = z.infer<typeof mergeTablesBody>;

export interface MergeSuggestions {
  /** Themes of different tables about the same thing, each group under the title suggested for it. */
  combine: Array<{ title: string; themes: Array<z.infer<typeof themeOfTable> & { title: string }> }>;
}

export interface MergeResult {
  /** Cards and themes that arrived; those already on the plenary board from an earlier merge are not counted. */
  cards: number;
  themes: number;
}
