import { z } from 'zod';
import { LIMITS } from './limits.js';
import type { Language, Phase } from './phases.js';
import type { RegisterStatus } from './register.js';

/** A forum groups the workshops of one strategy process, so the steering group sees how its themes moved. */
export const FORUM_LIMITS = {
  /** Each workshop is read for every view of the forum: the bound on what one GET costs. */
  maxWorkshops: 50,
  maxReadLinks: 20,
} as const;

const forumName = z.string().trim().min(1, 'required').max(LIMITS.maxBoardTitle, `at most ${LIMITS.maxBoardTitle} characters`);
const boardId = z.string().min(1).max(64);

/** `POST /api/forums`, with the first workshop's facilitator token as the bearer. */
export const createForumBody = z.object({ name: forumName, boardId }).strict();
export type CreateForumBody = z.infer<typeof createForumBody>;

/** `PATCH /api/forums/:forumId` (the forum's facilitator). */
export const renameForumBody = z.object({ name: forumName }).strict();
export type RenameForumBody = z.infer<typeof renameForumBody>;

/** `POST /api/forums/:forumId/workshops`: the added workshop's facilitator token proves its facilitator adds it. */
export const addWorkshopBody = z.object({ boardId, boardToken: z.string().min(1).max(200) }).strict();
export type AddWorkshopBody = z.infer<typeof addWorkshopBody>;

/** A workshop's facilitator link (`…/b/:boardId#token=…`) as the forum's panel takes it; null for anything else. */
export function workshopLinkParts(link: string): AddWorkshopBody | null {
  const match = /\/b\/([A-Za-z0-9_-]{1,64})\/?#token=([A-Za-z0-9_-]{1,200})\s*$/.exec(link.trim());
  return match ? { boardId: match[1]!, boardToken: match[2]! } : null;
}

export type ForumReader = 'facilitator' | 'read';

export interface ForumCreated {
  forumId: string;
  /** The forum's facilitator link, shown once: only its hash is stored. */
  token: string;
  link: string;
}

export interface ForumLink {
  id: string;
  createdAt: number;
}

export interface NewForumLink extends ForumLink {
  token: string;
  link: string;
}

/** Where the latest frozen version stands with its delegates: none frozen, no delegates named, signed, or waiting. */
export type WorkshopSignoff = 'not-frozen' | 'no-delegates' | 'signed' | 'pending';

export interface ForumWorkshop {
  boardId: string;
  title: string;
  createdAt: number;
  language: Language;
  phase: Phase;
  closed: boolean;
  /** Priorities of the latest frozen version, dropped ones left out; 0 before any is frozen. */
  agreedPriorities: number;
  signoff: WorkshopSignoff;
  /** How many items of the register have each status; null without a register. */
  register: Record<RegisterStatus, number> | null;
  /** The workshop's progress page, opened with the forum's own link; only for a workshop with a register. */
  progressPath: string | null;
}

/** Where a workshop's priorities came from: its agreed list, its revealed votes, its themes by card count, or nothing yet. */
export type PrioritySource = 'agreed' | 'votes' | 'themes' | 'none';

/** How a concept moved from the workshop before the latest to the latest. */
export type ConceptMovement = 'rose' | 'faded' | 'new' | 'gone' | 'steady';

export interface ConceptPath {
  /** A curated concept's id, a board concept's `own:` label, or a `title:` for a priority that matched no concept. */
  key: string;
  label: Record<Language, string>;
  /** Its rank in each workshop's priorities (1 is first), in the forum's order; null where it was not a priority. */
  ranks: Array<number | null>;
  movement: ConceptMovement;
}

export interface ThemeMovement {
  sources: PrioritySource[];
  /** Ordered by the latest rank, then by the best rank anywhere. */
  concepts: ConceptPath[];
}

export interface ForumView {
  forumId: string;
  name: string;
  createdAt: number;
  reader: ForumReader;
  /** In the order they were held. */
  workshops: ForumWorkshop[];
  movement: ThemeMovement;
}
