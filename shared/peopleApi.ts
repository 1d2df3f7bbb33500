import type { SignoffDecisionKind } from './signoff.js';
import { z } from 'zod';
import { LIMITS } from './limits.js';
import type { Language } from './phases.js';

/**
 * Zod schemas and answers of the routes by which people and data leave a board: removing and correcting
 * participants, rotating the join code, naming and revoking links, deleting a board, a participant's own data.
 */

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'required');

/** `DELETE /api/boards/:boardId/participants/:participantId` (facilitator): what becomes of their cards. */
export const removeParticipantBody = z.object({ cards: z.enum(['keep', 'delete']) }).strict();
export type RemoveParticipantBody = z.infer<typeof removeParticipantBody>;

export interface RemoveParticipantResponse {
  participantId: string;
  /** Cards kept under "removed participant" or deleted, as chosen. */
  cards: { kept: number; deleted: number };
  /** Ballots taken out of rounds not yet revealed; revealed tallies stay as published. */
  ballotsWithdrawn: number;
}

/** `PATCH /api/boards/:boardId/participants/:participantId`: a correction; a field left out stays. */
export const correctParticipantBody = z
  .object({
    name: requiredText(LIMITS.maxName),
    organisation: text(LIMITS.maxOrganisation),
    group: requiredText(LIMITS.maxGroupName),
  })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'change at least one of name, organisation, group');
export type CorrectParticipantBody = z.infer<typeof correctParticipantBody>;

export interface ParticipantDetails {
  id: string;
  name: string;
  organisation: string;
  group: string;
}

/**
 * `GET /api/boards/:boardId/waiting` (facilitator): who joined a strictly anonymous workshop after its first round
 * opened and waits to be let in to vote, longest first. `POST …/waiting/:participantId/admit` lets one in (answering
 * their details); turning one away is removing them (`DELETE …/participants/:participantId`).
 */
export interface WaitingPerson extends ParticipantDetails {
  waitingSince: number;
}
export interface WaitingResponse {
  waiting: WaitingPerson[];
}

/** `POST /api/boards/:boardId/join-code` (facilitator): a new code; the old one stops working at once. */
export interface JoinCodeResponse {
  joinCode: string;
  links: { participant: string };
}

/** `GET /api/boards/:boardId/links` (facilitator): the links that can be revoked. */
export interface SharedLink {
  id: string;
  role: 'facilitator' | 'observer' | 'projector';
  name: string;
  createdAt: number;
}
export interface LinksResponse {
  observers: SharedLink[];
  projectors: SharedLink[];
  coFacilitators: SharedLink[];
}

/** `DELETE /api/boards/:boardId/links/:linkId`: the link, and the ids of the links minted through it, ended with it. */
export interface RevokeLinkResponse {
  revoked: string;
  alsoRevoked: string[];
}

/**
 * `POST /api/boards/:boardId/co-facilitator-links` (the creator's facilitator link): a named link with the
 * facilitator's rights but those over access (shared/permissions.ts, AccessAction).
 */
export const coFacilitatorLinkBody = z.object({ name: requiredText(LIMITS.maxName) }).strict();
export interface NewLinkResponse extends SharedLink {
  token: string;
  link: string;
}

/** `DELETE /api/boards/:boardId` (facilitator): the board's title, typed by the person, as confirmation. */
export const deleteBoardBody = z.object({ confirmTitle: z.string().max(LIMITS.maxBoardTitle * 2) }).strict();

/**
 * Whether a typed title confirms deleting the workshop with `title`. Dashes and spaces count loosely: nobody should
 * have to find the en dash of "Forum – kick-off" on a keyboard to prove they mean this workshop.
 */
export function confirmsTitle(typed: string, title: string): boolean {
  const loose = (text: string) => text.normalize('NFKC').replace(/[\p{Pd}\u2212]/gu, '-').replace(/\s*-\s*/gu, '-').replace(/\s+/gu, ' ').trim();
  return loose(typed) === loose(title);
}

/** `GET /api/boards/:boardId/my-data` (participant): everything stored about the caller, and nobody else. */
export interface MyDataExport {
  exportedAt: string;
  board: { id: string; title: string };
  /** `language`: the interface language they joined in, when it was kept (null before it was). */
  participant: { id: string; name: string; organisation: string; group: { id: string; name: string }; joinedAt: string; language: Language | null };
  cards: Array<{ id: string; title: string; body: string; createdAt: string; theme: string | null; revealed: boolean }>;
  ballots: Array<{ roundId: string; roundNumber: number; allocations: Array<{ itemId: string; item: string; dots: number }>; updatedAt: string }>;
  /** Their decisions as a delegate, oldest first, each on the frozen version it was about. */
  signoffs: Array<{ version: number; decision: SignoffDecisionKind; reason: string; signedAt: string }>;
}
