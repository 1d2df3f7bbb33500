import { z } from 'zod';
import { REGISTER_STATUSES, type RegisterItem, type RegisterLogEntry } from './register.js';

/**
 * A follow-up workshop: a workshop that starts from another's follow-through register. Its agenda is that
 * register, read live; a "progress check" step walks its items one by one, the owners report, and what they say
 * goes into the source register. Items still open may be carried onto the board as themes to be ranked again.
 */

/** `POST /api/boards` may name the workshop whose register the new one follows up; its facilitator link proves the right. */
export const followUpSourceBody = z
  .object({
    boardId: z.string().trim().min(1, 'required').max(64),
    facilitatorToken: z.string().trim().min(1, 'required').max(200),
  })
  .strict();
export type FollowUpSourceBody = z.infer<typeof followUpSourceBody>;

/** What a follow-up workshop stores about the register it follows up (part of its board state). */
export interface FollowUpState {
  sourceBoardId: string;
  /** The item the room looks at now; null when the register has none. */
  currentItemId: string | null;
  /** The participant the facilitator asked to report on the current item; null while the facilitator reports. */
  reporterId: string | null;
  /** Items already carried onto the board as themes, so carrying twice adds nothing. */
  carried: string[];
}

/** `PUT …/progress-check/current`: go to an item (the client computes next and previous from the agenda). */
export const progressCheckCurrentBody = z.object({ itemId: z.string().trim().min(1, 'required').max(64) }).strict();

/** `PUT …/progress-check/reporter`: who reports on the current item; null hands it back to the facilitator. */
export const progressCheckReporterBody = z.object({ participantId: z.string().trim().min(1).max(64).nullable() }).strict();

/** An item of the agenda as the room sees it: the register's item with its latest log entry, not the whole log. */
export type AgendaItem = Omit<RegisterItem, 'log'> & { lastUpdate: RegisterLogEntry | null };

/** What the control document shows of the progress check. */
export interface ProgressCheckShown {
  sourceBoardId: string;
  sourceTitle: string;
  /** The source workshop was deleted, its register with it: no title and no items to show, and reports are refused. */
  sourceDeleted: boolean;
  currentItemId: string | null;
  reporterId: string | null;
  carried: string[];
  items: AgendaItem[];
}

export function agendaOf(items: RegisterItem[]): AgendaItem[] {
  return items.map(({ log, ...item }) => ({ ...item, lastUpdate: log.at(-1) ?? null }));
}

/** Items the room may rank again: those neither done nor dropped, and not carried onto the board already. */
export function itemsToCarry(progressCheck: Pick<ProgressCheckShown, 'items' | 'carried'>): AgendaItem[] {
  return progressCheck.items.filter((item) => (item.status === 'not-started' || item.status === 'under-way') && !progressCheck.carried.includes(item.itemId));
}

/** Who may report on an item now: the facilitator on any, the participant asked to on the current one. */
export function mayReport(progressCheck: Pick<ProgressCheckShown, 'currentItemId' | 'reporterId'>, who: { facilitator: true } | { participantId: string }, itemId: string): boolean {
  if ('facilitator' in who) return true;
  return progressCheck.reporterId === who.participantId && progressCheck.currentItemId === itemId;
}

const logEntry = z.object({
  at: z.number(),
  by: z.string(),
  changes: z.array(z.object({ field: z.string(), from: z.union([z.string(), z.number(), z.null()]), to: z.union([z.string(), z.number(), z.null()]) })),
  note: z.string(),
  followUp: z.object({ boardId: z.string(), title: z.string() }).optional(),
});

/** How a client reads the progress check out of the control document: checked, as every control value is. */
export const progressCheckShown = z.object({
  sourceBoardId: z.string(),
  sourceTitle: z.string(),
  sourceDeleted: z.boolean().default(false),
  currentItemId: z.string().nullable(),
  reporterId: z.string().nullable(),
  carried: z.array(z.string()),
  items: z.array(
    z.object({
      itemId: z.string(),
      position: z.number(),
      title: z.string(),
      owner: z.string(),
      status: z.enum(REGISTER_STATUSES),
      dropReason: z.string().nullable(),
      progress: z.union([z.number(), z.string(), z.null()]),
      nextReview: z.string().nullable(),
      source: z.object({
        version: z.number(),
        rank: z.number().nullable(),
        kind: z.enum(['theme', 'card']),
        cards: z.array(z.object({ title: z.string(), group: z.string().nullable() })),
        mergedFrom: z.array(z.object({ itemId: z.string(), title: z.string() })),
        votes: z.unknown(),
      }),
      lastUpdate: logEntry.nullable(),
    }),
  ),
}) as unknown as z.ZodType<ProgressCheckShown>;
