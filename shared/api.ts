import { z } from 'zod';
import { JOIN_CODE_PATTERN, LIMITS } from './limits.js';
import { LANGUAGES, PHASES } from './phases.js';
import { SIGNOFF_DECISIONS, SIGNOFF_RULES } from './signoff.js';
import { followUpSourceBody } from './followUp.js';
import { seenState } from './seenState.js';
import { groupNamesProblem, type StakeholderGroup } from './groups.js';
import type { Phase, Role, Language } from './phases.js';

/** Zod schemas of every REST body; the server validates with these, the client types its calls with them. */

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'required');

/** The settings a workshop can start with (from a template); reopening collect belongs to a running session. */
export const startingSettings = z
  .object({ silentCollect: z.boolean(), participantsCluster: z.boolean(), participantsExport: z.boolean() })
  .partial()
  .strict();
export type StartingSettings = z.infer<typeof startingSettings>;

export const createBoardBody = z.object({
  title: requiredText(LIMITS.maxBoardTitle),
  question: text(LIMITS.maxQuestion).optional(),
  language: z.enum(LANGUAGES).optional(),
  groups: z
    .array(requiredText(LIMITS.maxGroupName))
    .min(1, 'at least one group')
    .max(LIMITS.maxGroups, `at most ${LIMITS.maxGroups} groups`)
    .superRefine(namesStand((names) => names))
    .optional(),
  settings: startingSettings.optional(),
  /** The workshop whose register this one follows up (shared/followUp.ts): it starts with a progress check. */
  followUp: followUpSourceBody.optional(),
});
export type CreateBoardBody = z.infer<typeof createBoardBody>;

/** `POST /api/demo-boards`: a sample workshop, filled and clustered, to try the product with. */
export const demoBoardBody = z.object({ language: z.enum(LANGUAGES).default('en') }).strict();

export interface CreateBoardResponse {
  boardId: string;
  facilitatorToken: string;
  observerToken: string;
  joinCode: string;
  groups: StakeholderGroup[];
  links: { facilitator: string; participant: string; observer: string };
}

export const joinBody = z.object({
  joinCode: z.string().trim().toUpperCase().regex(JOIN_CODE_PATTERN, 'six letters or digits'),
  name: requiredText(LIMITS.maxName),
  organisation: text(LIMITS.maxOrganisation).optional(),
  group: requiredText(LIMITS.maxGroupName),
  /** The joiner's interface language: what their cards are read in when a card's own words do not tell. */
  language: z.enum(LANGUAGES).optional(),
});
export type JoinBody = z.infer<typeof joinBody>;

/** How many people may join one board from one network address per hour (a venue behind one router). */
export const joinAllowanceBody = z.object({ perAddress: z.number().int().min(1).max(LIMITS.maxParticipantsPerBoard) });

export interface JoinResponse {
  participantId: string;
  token: string;
}

/** What the join page needs before anyone has a token: looked up by the short code. */
export interface JoinCodeInfo {
  boardId: string;
  title: string;
  question: string;
  language: Language;
  groups: StakeholderGroup[];
}

export interface RoundSummary {
  id: string;
  number: number;
  state: 'open' | 'closed' | 'revealed';
}

export interface BoardSummary {
  boardId: string;
  title: string;
  question: string;
  language: Language;
  phase: Phase;
  groups: StakeholderGroup[];
  participantCount: number;
  rounds: RoundSummary[];
  /**
   * Who the bearer token belongs to; `coFacilitator`: a facilitator link the creator minted, which runs the
   * workshop but holds no rights over access (shared/permissions.ts, AccessAction).
   */
  you: {
    role: Role;
    coFacilitator: boolean;
    participantId: string | null;
    name: string | null;
    group: string | null;
    /** A participant's cards carry this as their author while cards are anonymous; told to nobody else. */
    cardKey: string | null;
    /** A participant who joined a strictly anonymous workshop after its first round and waits to be let in to vote. */
    waiting: boolean;
  };
  /** Present for facilitator and projector tokens only: what to share with the room. */
  share?: { joinCode: string; links: { participant: string } };
  /** When the facilitator closed the workshop (read-only for everyone), or null while it runs. */
  closedAt: number | null;
  /** The latest moment anything happened on the board that has a time: created, joined, a card, a round, a freeze. */
  lastActivityAt: number;
}

/** Refuses a list of groups whose names cannot stand side by side (see `groupNamesProblem`). */
function namesStand<T>(namesOf: (list: T) => string[]) {
  return (list: T, ctx: z.RefinementCtx) => {
    const problem = groupNamesProblem(namesOf(list));
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/**
 * A stakeholder group as the facilitator edits it after creation: an existing group keeps its id (so a rename
 * keeps every participant, ballot and export figure with it); a group without an id is new.
 */
const editedGroup = z.object({ id: z.string().min(1).max(64).optional(), name: requiredText(LIMITS.maxGroupName) }).strict();

/** `PATCH /api/boards/:boardId` (facilitator): the workshop's details after creation; a field left out stays. */
export const editBoardBody = z
  .object({
    title: requiredText(LIMITS.maxBoardTitle),
    question: text(LIMITS.maxQuestion),
    language: z.enum(LANGUAGES),
    groups: z
      .array(editedGroup)
      .min(1, 'at least one group')
      .max(LIMITS.maxGroups, `at most ${LIMITS.maxGroups} groups`)
      .superRefine(namesStand((groups) => groups.map((g) => g.name)))
      .refine((groups) => new Set(groups.flatMap((g) => (g.id ? [g.id] : []))).size === groups.filter((g) => g.id).length, 'each group once'),
  })
  .partial()
  .strict();
export type EditBoardBody = z.infer<typeof editBoardBody>;

/** `GET /api/boards/:boardId/template` (facilitator): what a new workshop may take over; never people, cards or votes. */
export interface BoardTemplate {
  question: string;
  language: Language;
  groups: string[];
  settings: StartingSettings;
}

/** `POST /api/boards/:boardId/observer-links` (facilitator): a fresh observer link, since stored tokens are hashed. */
export interface ObserverLinkResponse {
  token: string;
  link: string;
}

export const phaseBody = z.object({ phase: z.enum(PHASES) });

/** How the board stood at a point of its history. */
export interface HistoryCounts {
  cards: number;
  /** Cards merged into another card. */
  merged: number;
  /** Cards in a theme. */
  themed: number;
  themes: number;
}
/**
 * `GET /api/boards/:boardId/history` (facilitator): points after which the cards or themes changed, newest first,
 * as far back as the board's document log reaches, then the points kept when the log was compacted (`kept`);
 * `seq` names the change.
 */
export interface HistoryPoint extends HistoryCounts {
  seq: number;
  kept?: true;
}
export interface HistoryResponse {
  points: HistoryPoint[];
}

/** `POST /api/boards/:boardId/restore` (facilitator): the cards and themes as they were after change `seq`. */
export const restoreBody = z.object({ seq: z.number().int().min(0) }).strict();

export const settingsBody = z
  .object({
    silentCollect: z.boolean(),
    collectReopened: z.boolean(),
    participantsCluster: z.boolean(),
    participantsExport: z.boolean(),
    anonymousCards: z.boolean(),
    questionsOpen: z.boolean(),
    strictAnonymity: z.boolean(),
  })
  .partial()
  .strict();

export const timerBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('start'), seconds: z.number().int().min(10).max(4 * 3600) }),
  z.object({ action: z.literal('pause') }),
  z.object({ action: z.literal('resume') }),
  z.object({ action: z.literal('extend'), seconds: z.number().int().min(10).max(3600) }),
  z.object({ action: z.literal('stop') }),
]);
export type TimerCommand = z.infer<typeof timerBody>;

export const openRoundBody = z
  .object({
    budget: z.number().int().min(1).max(50).default(5),
    cap: z.number().int().min(1).max(50).default(3),
    anonymous: z.boolean().default(true),
    /** Run-off: the top N items of an earlier revealed round. Without it, every theme and unthemed card. */
    runoff: z.object({ fromRound: z.string().min(1).max(64), top: z.number().int().min(2).max(50) }).optional(),
    /** The board as the facilitator saw it (seenState): the round waits until the server holds it. */
    seen: seenState.optional(),
  })
  .strict();
export type OpenRoundBody = z.infer<typeof openRoundBody>;

export const ballotBody = z
  .object({
    allocations: z.record(z.string().min(1).max(64), z.number().int().min(0).max(50)),
  })
  .strict();
export type BallotBody = z.infer<typeof ballotBody>;

const agreementItem = z
  .object({
    itemId: z.string().min(1).max(64),
    title: requiredText(LIMITS.maxCardTitle),
    owner: text(LIMITS.maxOrganisation).default(''),
    nextStep: text(LIMITS.maxTextField).default(''),
    dropped: z.object({ reason: requiredText(LIMITS.maxTextField) }).strict().optional(),
    mergedInto: z.string().min(1).max(64).optional(),
  })
  .strict();

/** `PUT /api/boards/:boardId/agreement`: the facilitator's working draft of the final list, in the agreed order. */
export const agreementDraftBody = z
  .object({
    roundId: z.string().min(1).max(64),
    items: z.array(agreementItem).min(1, 'at least one priority').max(LIMITS.maxClustersPerBoard + LIMITS.maxCardsPerBoard),
  })
  .strict();
export type AgreementDraftBody = z.infer<typeof agreementDraftBody>;

/** `PUT /api/boards/:boardId/signoff`: the sign-off rule and who signs for each group (group id → participant ids). */
export const signoffSetupBody = z
  .object({
    rule: z.enum(SIGNOFF_RULES),
    delegates: z
      .record(z.string().min(1).max(64), z.array(z.string().min(1).max(64)).max(LIMITS.maxDelegatesPerGroup))
      .refine((delegates) => Object.keys(delegates).length <= LIMITS.maxGroups, `at most ${LIMITS.maxGroups} groups`),
  })
  .strict();
export type SignoffSetupBody = z.infer<typeof signoffSetupBody>;

/** `PUT /api/boards/:boardId/agreement/versions/:version/signoff`: a delegate's decision; an objection says why. */
export const signoffBody = z
  .object({
    decision: z.enum(SIGNOFF_DECISIONS),
    reason: text(LIMITS.maxTextField).default(''),
  })
  .strict()
  .refine((body) => body.decision !== 'object' || body.reason !== '', { path: ['reason'], message: 'an objection needs a reason' });
export type SignoffBody = z.infer<typeof signoffBody>;

/** The `:version` of a sign-off's path. */
export const versionParam = z.coerce.number().int().min(1);

/** A ballot as the server stored it: the answer to casting one and to asking for one's own. */
export interface StoredBallot {
  roundId: string;
  allocations: Record<string, number>;
  updatedAt: number;
}

/** `GET …/ballot`: the caller's own ballot; before their first, no dots and `updatedAt` null (not an error). */
export type OwnBallot = StoredBallot | { roundId: string; allocations: Record<string, never>; updatedAt: null };

/** A frozen version of the agreement, as the control document lists it and `POST …/agreement/freeze` answers. */
export interface AgreementVersion {
  version: number;
  frozenAt: number;
}

export const exportFormat = z.enum(['csv', 'md', 'json', 'xlsx']);
export type ExportFormat = z.infer<typeof exportFormat>;

/** The export's query: other parameters (a token) pass untouched. */
export const exportQuery = z.object({
  format: exportFormat.default('csv'),
  /** A frozen version; without it the latest frozen list, else the draft or the latest results. */
  version: z.coerce.number().int().min(1).optional(),
  /** The reader's language for the export's words, figures and CSV separator; the workshop's by default. */
  lang: z.enum(LANGUAGES).optional(),
});
export type ExportQuery = z.infer<typeof exportQuery>;


/**
 * Refusals a person can run into while using the product, named so the client can say them in the
 * reader's language; the `error` sentence beside them is English, for developers and logs.
 */
export const REFUSAL_CODES = [
  'wrong-join-code',
  'unknown-group',
  'workshop-full',
  'timer-not-running',
  'timer-not-paused',
  'timer-not-set',
  'not-table-host',
  'merge-over-caps',
  'round-already-open',
  'nothing-to-vote-on',
  'board-behind',
  'runoff-needs-revealed-round',
  'round-not-open',
  'round-already-revealed',
  'round-anonymous',
  'round-not-revealed',
  'unknown-item',
  'not-whole-number',
  'over-cap',
  'over-budget',
  'agreement-needs-revealed-round',
  'listed-twice',
  'merge-target-not-kept',
  'no-draft',
  'too-many-attempts',
  'too-many-boards',
  'too-many-joins',
  'too-busy',
  'voting-started',
  'confirmation-mismatch',
  'unknown-participant',
  'unknown-link',
  'workshop-closed',
  'group-in-use',
  'round-not-revealed',
  'suggestions-unavailable',
  'suggestions-too-large',
  'try-again-later',
  'creator-only',
  'history-point-gone',
  'too-many-links',
  'no-frozen-list',
  'not-signed-off',
  'register-exists',
  'no-register',
  'not-your-item',
  'read-only-link',
  'unknown-owner',
  'register-full',
  'waiting-for-facilitator',
  'not-waiting',
  'not-a-delegate',
  'delegate-not-in-group',
  'no-frozen-version',
  'version-superseded',
  'not-source-facilitator',
  'not-a-follow-up',
  'not-reporting',
  'too-many-follow-ups',
  'source-deleted',
  'source-access-revoked',
  'too-many-themes',
  'in-a-forum',
  'forum-full',
  'not-in-forum',
  'forum-read-only',
  'not-workshop-facilitator',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** The JSON body of every 4xx/5xx answer. */
export interface ApiError {
  error: string;
  code?: RefusalCode;
  /** The field at fault, as a dotted path, when one is. */
  field?: string;
  issues?: Array<{ field: string; message: string }>;
}
