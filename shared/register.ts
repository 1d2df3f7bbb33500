import { z } from 'zod';
import type { ItemVotes, PriorityList } from './export/types.js';
import type { StakeholderGroup } from './groups.js';
import type { Language } from './phases.js';

/**
 * The follow-through register: what became of each agreed priority after the workshop. It starts from a frozen
 * version of the agreed list (registerItemsFrom) and is then changed by the facilitator and by each priority's
 * owner through a link of their own; the steering group reads it through a read-only progress link.
 */

export const REGISTER_STATUSES = ['not-started', 'under-way', 'done', 'dropped'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

export const REGISTER_LIMITS = {
  maxOwner: 120,
  maxProgressText: 80,
  maxNote: 1000,
  maxDropReason: 300,
  /** Owner and progress links per register; a revoked link frees its place. */
  maxLinks: 100,
  /** Updates a register's log holds: weekly updates of twenty priorities for two years, and a bound on every read. */
  maxUpdates: 2000,
  /** Follow-up workshops of one register: each change of the register draws every one of them again. */
  maxFollowUps: 20,
} as const;

/** A percentage (0–100) or a short text ("tender published"); null before anyone said. */
export type RegisterProgress = number | string | null;

/** What an item is now: the fields an update may change. */
export interface RegisterItemState {
  title: string;
  owner: string;
  status: RegisterStatus;
  /** Set exactly when the status is dropped. */
  dropReason: string | null;
  progress: RegisterProgress;
  /** The next review, as a calendar day YYYY-MM-DD; null when none is planned. */
  nextReview: string | null;
}

/** Where an item came from, copied from the frozen version so it reads the same whatever happens to the board. */
export interface RegisterSource {
  version: number;
  rank: number | null;
  kind: 'theme' | 'card';
  cards: Array<{ title: string; group: string | null }>;
  mergedFrom: Array<{ itemId: string; title: string }>;
  votes: ItemVotes | null;
}

/** The fields an update changes; an item keeps its agreed wording. */
export type RegisterField = Exclude<keyof RegisterItemState, 'title'>;

export interface RegisterChange {
  field: RegisterField;
  from: string | number | null;
  to: string | number | null;
}

/** One dated entry of an item's log. `by` is the owner whose link made it, or "facilitator". */
export interface RegisterLogEntry {
  at: number;
  by: string;
  changes: RegisterChange[];
  note: string;
  /** Set when the update was reported in a follow-up workshop's progress check: which workshop. */
  followUp?: { boardId: string; title: string };
}

export interface RegisterItem extends RegisterItemState {
  itemId: string;
  /** Place in the agreed order, from 1. */
  position: number;
  source: RegisterSource;
  /** Oldest first. */
  log: RegisterLogEntry[];
}

export interface Register {
  /** 1: the first shape; see docs/api.md. */
  schemaVersion: 1;
  board: { title: string; question: string; language: Language };
  groups: StakeholderGroup[];
  fromVersion: number;
  frozenAt: number;
  createdAt: number;
  items: RegisterItem[];
}

/** Who reads: the facilitator (everything, every write), an owner (their own items) or the steering group (reads only). */
export type RegisterReader = { kind: 'facilitator' } | { kind: 'owner'; owner: string } | { kind: 'progress' };

/** The register as a reader receives it: which items they may change is said, not guessed by the page. */
export interface RegisterView {
  register: Register;
  reader: RegisterReader;
  /** Day of the server, YYYY-MM-DD, against which reviews are overdue. */
  today: string;
}

/**
 * The one point where an agreed list becomes the register: every kept priority, in the agreed order, not
 * started, with its owner and where it came from. A list that was never agreed (a draft, bare results) becomes none.
 */
export function registerItemsFrom(list: PriorityList): Array<Omit<RegisterItem, 'log'>> | null {
  if (list.status !== 'agreed' || list.version === null) return null;
  const version = list.version;
  return list.items.map((item, index) => ({
    itemId: item.itemId,
    position: index + 1,
    title: item.title,
    owner: item.owner,
    status: 'not-started',
    dropReason: null,
    progress: null,
    nextReview: null,
    source: {
      version,
      rank: item.rank,
      kind: item.kind,
      cards: item.cards.map(({ title, group }) => ({ title, group })),
      mergedFrom: item.mergedFrom,
      votes: item.votes,
    },
  }));
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const calendarDay = z
  .string()
  .regex(DAY, 'a day written YYYY-MM-DD')
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'no such day');

const progress = z.union([
  z.number().int('a whole percentage').min(0, 'at least 0').max(100, 'at most 100'),
  z.string().trim().min(1, 'required').max(REGISTER_LIMITS.maxProgressText, `at most ${REGISTER_LIMITS.maxProgressText} characters`),
  z.null(),
]);

/**
 * `PATCH …/register/items/:itemId`: the fields to change and a note for the log. Dropping needs a reason; an
 * owner may not hand the item to someone else (only the facilitator may change `owner`).
 */
export const registerUpdateBody = z
  .object({
    status: z.enum(REGISTER_STATUSES).optional(),
    dropReason: z.string().trim().min(1, 'required').max(REGISTER_LIMITS.maxDropReason).optional(),
    progress: progress.optional(),
    nextReview: calendarDay.nullable().optional(),
    owner: z.string().trim().min(1, 'required').max(REGISTER_LIMITS.maxOwner).optional(),
    note: z.string().trim().max(REGISTER_LIMITS.maxNote, `at most ${REGISTER_LIMITS.maxNote} characters`).default(''),
  })
  .strict()
  .refine((body) => body.status !== 'dropped' || body.dropReason !== undefined, { message: 'say why the priority is dropped', path: ['dropReason'] })
  .refine((body) => body.dropReason === undefined || body.status === 'dropped', { message: 'a reason goes with the status dropped', path: ['status'] })
  .refine((body) => Object.entries(body).some(([key, value]) => key !== 'note' ? value !== undefined : value !== ''), { message: 'nothing to change', path: ['note'] });
export type RegisterUpdateBody = z.infer<typeof registerUpdateBody>;

/** `POST …/register/links`: an owner's link (for every item of that owner) or the steering group's progress link. */
export const registerLinkBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('owner'), owner: z.string().trim().min(1, 'required').max(REGISTER_LIMITS.maxOwner) }).strict(),
  z.object({ kind: z.literal('progress') }).strict(),
]);
export type RegisterLinkBody = z.infer<typeof registerLinkBody>;

/** A calendar subscribes by address alone, so the feed also takes its token as `?token=`, beside the format. */
export const registerExportQuery = z.object({ format: z.enum(['csv', 'xlsx', 'json', 'ics']).default('csv') });
export type RegisterExportQuery = z.infer<typeof registerExportQuery>;

export interface RegisterLink {
  id: string;
  kind: 'owner' | 'progress';
  /** The owner whose items the link may change; null for a progress link. */
  owner: string | null;
  createdAt: number;
}

export interface NewRegisterLink extends RegisterLink {
  token: string;
  link: string;
}

/** The next state of an item under an update, and what changed; the same rule for every reader who may write. */
export function applyRegisterUpdate(item: RegisterItemState, body: RegisterUpdateBody): { next: RegisterItemState; changes: RegisterChange[] } {
  const next: RegisterItemState = {
    ...item,
    ...(body.status !== undefined ? { status: body.status, dropReason: body.status === 'dropped' ? body.dropReason! : null } : {}),
    ...(body.progress !== undefined ? { progress: body.progress } : {}),
    ...(body.nextReview !== undefined ? { nextReview: body.nextReview } : {}),
    ...(body.owner !== undefined ? { owner: body.owner } : {}),
  };
  const fields: RegisterField[] = ['status', 'dropReason', 'progress', 'nextReview', 'owner'];
  const changes = fields.filter((field) => next[field] !== item[field]).map((field) => ({ field, from: item[field], to: next[field] }));
  return { next, changes };
}

/** Whether a reader may change an item: the facilitator any, an owner only their own, the progress link none. */
export function mayUpdateItem(reader: RegisterReader, item: Pick<RegisterItemState, 'owner'>): boolean {
  if (reader.kind === 'facilitator') return true;
  return reader.kind === 'owner' && sameOwner(reader.owner, item.owner);
}

/** Owners are typed by people: "Port of Rotterdam " and "port of rotterdam" are one owner. */
export function sameOwner(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

export function isOverdue(item: Pick<RegisterItemState, 'status' | 'nextReview'>, today: string): boolean {
  return item.nextReview !== null && item.nextReview < today && item.status !== 'done' && item.status !== 'dropped';
}

export interface RegisterGlance {
  /** Every item counted by status. */
  counts: Record<RegisterStatus, number>;
  /** Items whose review date has passed, the longest overdue first. */
  overdue: RegisterItem[];
  /** One group per owner, in order of their first item; the items in agreed order. */
  owners: Array<{ owner: string; counts: Record<RegisterStatus, number>; items: RegisterItem[] }>;
}

/** The register at a glance: overdue reviews first, then the status of every item by owner. */
export function registerAtAGlance(register: Register, today: string): RegisterGlance {
  const overdue = register.items.filter((item) => isOverdue(item, today)).sort((a, b) => a.nextReview!.localeCompare(b.nextReview!) || a.position - b.position);
  const counts = countByStatus(register.items);
  const owners: RegisterGlance['owners'] = [];
  for (const item of register.items) {
    let group = owners.find((o) => sameOwner(o.owner, item.owner));
    if (!group) {
      group = { owner: item.owner, counts: countByStatus([]), items: [] };
      owners.push(group);
    }
    group.counts[item.status]++;
    group.items.push(item);
  }
  return { counts, overdue, owners };
}

/** How many items have each status; every status is there, at 0 where none has it. */
export function countByStatus(items: ReadonlyArray<Pick<RegisterItemState, 'status'>>): Record<RegisterStatus, number> {
  const counts: Record<RegisterStatus, number> = { 'not-started': 0, 'under-way': 0, done: 0, dropped: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}

export function calendarDayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
