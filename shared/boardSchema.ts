import * as Y from 'yjs';
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { cardTableSchema } from './tables/seating.js';

/**
 * The schema of every root of the board document (shared/boardDoc.ts), as the server's policy judges each
 * change: a card and a theme are Y.Maps with exactly these fields; the notes and each card's body are rich
 * text (shared/richText/). Each message names the limit it enforces, since it travels as the close reason.
 */

export const idSchema = (field: string) => z.string(`${field} must be an id`).min(1, `${field} must be an id`).max(64, `${field} must be an id`);
const timeSchema = z.number('createdAt must be a time').finite('createdAt must be a time');

export const CardFieldsSchema = z
  .object({
    title: z.string('a card title must be text').max(LIMITS.maxCardTitle, `card title over ${LIMITS.maxCardTitle} characters (maxCardTitle)`),
    author: idSchema('a card\'s author'),
    cluster: idSchema('a card\'s theme').nullable(),
    createdAt: timeSchema,
    body: z.instanceof(Y.XmlFragment, { error: 'a card needs a rich-text body' }),
    /** The card this one was merged with as a duplicate (shared/cardMerge.ts); both keep their text and author. */
    mergedInto: idSchema('the card a card was merged with').nullable().optional(),
    /** The breakout table the card was written at (shared/tables/), set when the tables are merged. */
    table: cardTableSchema.optional(),
  })
  .strict();

export const ClusterFieldsSchema = z
  .object({
    title: z.string('a theme name must be text').max(LIMITS.maxClusterTitle, `theme name over ${LIMITS.maxClusterTitle} characters (maxClusterTitle)`),
    color: z.string('a theme colour is #rrggbb').regex(/^#[0-9a-fA-F]{6}$/, 'a theme colour is #rrggbb'),
    createdAt: timeSchema,
    // Written by the server when a follow-up workshop carries a register's priority onto its board; kept while the theme is renamed.
    registerItem: z.object({ boardId: z.string().max(64), itemId: z.string().max(64), position: z.number().int().min(1) }, 'a theme\'s register link').strict().optional(),
  })
  .strict();

/** The rich-text roots of the board, with the size each may reach. */
export const RICH_TEXT_LIMITS = {
  body: { maxSize: LIMITS.maxCardBody, limitName: 'card body (maxCardBody)' },
  notes: { maxSize: LIMITS.maxNotes, limitName: 'notes (maxNotes)' },
} as const;

/** A card or theme as its Y.Map holds it; the fields keep their Y types, so a nested map fails the schema. */
function fieldsOf(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  map.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

/** Null when the card map fits the schema, else the first problem in words. */
export function judgeCardFields(card: Y.Map<unknown>): string | null {
  return firstProblem(CardFieldsSchema.safeParse(fieldsOf(card)), 'card');
}

/** One field of an existing card, as it changes on every rename or move: cheaper than the whole card. */
export function judgeCardField(key: string, value: unknown): string | null {
  const field = Object.hasOwn(CardFieldsSchema.shape, key) ? CardFieldsSchema.shape[key as keyof typeof CardFieldsSchema.shape] : undefined;
  if (!field) return `a card has no field "${key.slice(0, 24)}"`;
  return firstProblem(field.safeParse(value), 'card');
}

export function judgeClusterFields(cluster: Y.Map<unknown>): string | null {
  return firstProblem(ClusterFieldsSchema.safeParse(fieldsOf(cluster)), 'theme');
}

function firstProblem(result: z.ZodSafeParseResult<unknown>, what: string): string | null {
  if (result.success) return null;
  const issue = result.error.issues[0];
  // Every field's schema has a message of its own; only a field too many gets zod's.
  return issue.code === 'unrecognized_keys' ? `a ${what} has no field "${issue.keys[0].slice(0, 24)}"` : issue.message;
}

export const CommentFieldsSchema = z
  .object({
    card: idSchema('a comment\'s card'),
    text: z
      .string('a comment must be text')
      .trim()
      .min(1, 'a comment must say something')
      .max(LIMITS.maxCommentText, `comment over ${LIMITS.maxCommentText} characters (maxCommentText)`),
    author: idSchema('a comment\'s author'),
    createdAt: timeSchema,
    /** Folded away by the facilitator: kept for them, shown to nobody else. */
    hidden: z.boolean('hidden is true or false'),
  })
  .strict();

export const PlenaryQuestionFieldsSchema = z
  .object({
    text: z
      .string('a question must be text')
      .trim()
      .min(1, 'a question must say something')
      .max(LIMITS.maxPlenaryQuestion, `question over ${LIMITS.maxPlenaryQuestion} characters (maxPlenaryQuestion)`),
    author: idSchema('a question\'s author'),
    createdAt: timeSchema,
    answered: z.boolean('answered is true or false'),
    /** When the facilitator put it on the wall as the one being answered; the latest pick is the current question. */
    pickedAt: timeSchema.nullable(),
  })
  .strict();

export function judgeCommentFields(comment: Y.Map<unknown>): string | null {
  return firstProblem(CommentFieldsSchema.safeParse(fieldsOf(comment)), 'comment');
}

export function judgePlenaryQuestionFields(question: Y.Map<unknown>): string | null {
  return firstProblem(PlenaryQuestionFieldsSchema.safeParse(fieldsOf(question)), 'question');
}
