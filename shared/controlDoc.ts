import * as Y from 'yjs';
import { z } from 'zod';
import type { AgreementStanding } from './agreement.js';
import { agreementDraftBody, type AgreementDraftBody, type AgreementVersion } from './api.js';
import type { StakeholderGroup } from './groups.js';
import { progressCheckShown, type ProgressCheckShown } from './followUp.js';
import { DEFAULT_SIGNOFF, SIGNOFF_DECISIONS, SIGNOFF_RULES, type SignoffDecision, type SignoffSetup } from './signoff.js';
import { boardConceptsBody, type BoardConcept } from './suggestions/api.js';
import type { BoardSettings, Language, Phase } from './phases.js';
import { DEFAULT_SETTINGS, LANGUAGES, PHASES } from './phases.js';
import { NO_SEATING, type Seating } from './tables/seating.js';
import { timerSchema, type TimerState } from './timer.js';
import { revealedRounds, type RevealedRound } from './voting/revealed.js';
import { roundStateSchema, tallySchema } from './voting/schemas.js';
import type { RoundState, Tally } from './voting/types.js';

/**
 * The control document: phase, timer, settings, participants, vote rounds and results.
 * Only the server writes it; clients sync a read-only copy and any
 * change they send is refused. Keeping it in its own document, rather than filtering updates to some
 * roots of the board document, follows Yjs's threat model: a trust boundary is a document boundary.
 */
export interface BoardMeta {
  title: string;
  question: string;
  language: Language;
  groups: StakeholderGroup[];
  phase: Phase;
  settings: BoardSettings;
  timer: TimerState;
  createdAt: number;
  /** Set while the facilitator has closed the workshop: nothing changes until it is reopened; exports stay. */
  closedAt: number | null;
}

export interface ParticipantInfo {
  id: string;
  name: string;
  organisation: string;
  group: string;
  joinedAt: number;
  /** The interface language they joined in; absent for those who joined before it was kept. */
  language?: Language;
}

export const FACILITATOR_ID = 'facilitator';

export function metaOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('meta');
}

/** `value` as `schema` describes it, or undefined when it is something else: what every reader below returns. */
function checked<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Who joined: participantId → ParticipantInfo. Read through readParticipant(s), written through setParticipant. */
export function participantsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('participants');
}

const participantSchema: z.ZodType<ParticipantInfo> = z.object({
  id: z.string(),
  name: z.string(),
  organisation: z.string(),
  group: z.string(),
  joinedAt: z.number(),
  language: z.enum(LANGUAGES).optional().catch(undefined),
});

export function readParticipant(doc: Y.Doc, participantId: string): ParticipantInfo | undefined {
  return checked(participantSchema, participantsOf(doc).get(participantId));
}

export function setParticipant(doc: Y.Doc, participant: ParticipantInfo): void {
  participantsOf(doc).set(participant.id, participant);
}

export function deleteParticipant(doc: Y.Doc, participantId: string): void {
  participantsOf(doc).delete(participantId);
}

/** Public state of each vote round (never a ballot): roundId → RoundState. Read and written through the functions below. */
function roundsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('rounds');
}

/** Revealed tallies: roundId → Tally. Written on reveal. */
function resultsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('results');
}

/** The facilitator's agreement draft (`draft`) and the list of frozen versions (`versions`). */
function agreementOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('agreement');
}

/** Every vote round, oldest first; an entry that is not a round's public state is left out. */
export function readRounds(doc: Y.Doc): RoundState[] {
  return Array.from(roundsOf(doc).values())
    .flatMap((value) => checked(roundStateSchema, value) ?? [])
    .sort((a, b) => a.number - b.number);
}

export function readRound(doc: Y.Doc, roundId: string): RoundState | undefined {
  return checked(roundStateSchema, roundsOf(doc).get(roundId));
}

/** Publishes a round's public state whole; the server's round record is its one source. */
export function setRoundState(doc: Y.Doc, state: RoundState): void {
  roundsOf(doc).set(state.id, state);
}

export function readTally(doc: Y.Doc, roundId: string): Tally | undefined {
  return checked(tallySchema, resultsOf(doc).get(roundId));
}

/** Every published tally, whatever its round's state. */
export function readTallies(doc: Y.Doc): Tally[] {
  return Array.from(resultsOf(doc).keys()).flatMap((roundId) => readTally(doc, roundId) ?? []);
}

export function setTally(doc: Y.Doc, tally: Tally): void {
  resultsOf(doc).set(tally.roundId, tally);
}

/** The revealed rounds with their tallies, oldest first (see revealedRounds). */
export function readRevealedRounds(doc: Y.Doc): RevealedRound[] {
  return revealedRounds(readRounds(doc), (roundId) => readTally(doc, roundId));
}

export function readAgreementDraft(doc: Y.Doc): AgreementDraftBody | undefined {
  return checked(agreementDraftBody, agreementOf(doc).get('draft'));
}

export function setAgreementDraft(doc: Y.Doc, draft: AgreementDraftBody): void {
  agreementOf(doc).set('draft', draft);
}

const agreementVersions = z.array(z.object({ version: z.number(), frozenAt: z.number() }));

/** The frozen versions of the agreement, oldest first. */
export function readAgreementVersions(doc: Y.Doc): AgreementVersion[] {
  return checked(agreementVersions, agreementOf(doc).get('versions') ?? []) ?? [];
}

export function setAgreementVersions(doc: Y.Doc, versions: AgreementVersion[]): void {
  agreementOf(doc).set('versions', versions);
}

const agreementStandingShown: z.ZodType<AgreementStanding> = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not-frozen') }),
  z.object({ state: z.enum(['frozen', 'changed']), version: z.number(), frozenAt: z.number() }),
]);

/** Whether the draft is the latest frozen version as it stands (drawn by the projection from both facts). */
export function readAgreementStanding(doc: Y.Doc): AgreementStanding {
  return checked(agreementStandingShown, agreementOf(doc).get('standing')) ?? { state: 'not-frozen' };
}

export function setAgreementStanding(doc: Y.Doc, standing: AgreementStanding): void {
  agreementOf(doc).set('standing', standing);
}

/** The sign-off as the room follows it: the rule, the delegates, and the decisions on the latest frozen version. */
export interface SignoffShown extends SignoffSetup {
  /** The latest frozen version, the one delegates sign now; null before the first. */
  version: number | null;
  decisions: SignoffDecision[];
}

const signoffShown: z.ZodType<SignoffShown> = z.object({
  rule: z.enum(SIGNOFF_RULES),
  delegates: z.record(z.string(), z.array(z.string())),
  version: z.number().nullable(),
  decisions: z.array(
    z.object({
      version: z.number(),
      participantId: z.string(),
      name: z.string(),
      organisation: z.string(),
      group: z.string(),
      decision: z.enum(SIGNOFF_DECISIONS),
      reason: z.string(),
      signedAt: z.number(),
    }),
  ),
});

export function readSignoff(doc: Y.Doc): SignoffShown {
  return checked(signoffShown, agreementOf(doc).get('signoff')) ?? { ...DEFAULT_SIGNOFF, version: null, decisions: [] };
}

export function setSignoff(doc: Y.Doc, signoff: SignoffShown): void {
  agreementOf(doc).set('signoff', signoff);
}

/**
 * The facilitator's own concepts that steer suggested themes (docs/suggestions.md), kept in the meta map beside
 * the settings: stored, exported as a template and deleted with the board, and synced to every client.
 */
const CONCEPTS_KEY = 'suggestionConcepts';

export function readSuggestionConcepts(doc: Y.Doc): BoardConcept[] {
  return checked(boardConceptsBody, { concepts: metaOf(doc).get(CONCEPTS_KEY) ?? [] })?.concepts ?? [];
}

export function setSuggestionConcepts(doc: Y.Doc, concepts: BoardConcept[]): void {
  metaOf(doc).set(CONCEPTS_KEY, concepts);
}

/** A follow-up workshop's progress check (shared/followUp.ts), in the `followUp` map; null on every other workshop. */
export function readProgressCheck(doc: Y.Doc): ProgressCheckShown | null {
  return checked(progressCheckShown, doc.getMap('followUp').get('progressCheck')) ?? null;
}

export function setProgressCheck(doc: Y.Doc, progressCheck: ProgressCheckShown | null): void {
  doc.getMap('followUp').set('progressCheck', progressCheck);
}

/**
 * The revision of the stored facts the document was last drawn from (server/projection/). Instances compare it
 * to draw again when another instance's older drawing replaced theirs; clients never read it.
 */
const REVISION_KEY = 'factsRevision';

export function readDrawnRevision(doc: Y.Doc): number {
  const revision = metaOf(doc).get(REVISION_KEY);
  return typeof revision === 'number' ? revision : 0;
}

export function setDrawnRevision(doc: Y.Doc, revision: number): void {
  metaOf(doc).set(REVISION_KEY, revision);
}

const META_KEYS = ['title', 'question', 'language', 'groups', 'phase', 'settings', 'timer', 'createdAt', 'closedAt'] as const satisfies ReadonlyArray<keyof BoardMeta>;

/** Each field checked on its own, falling back to its default, so one odd value never hides the whole board. */
const metaSchema = z.object({
  title: z.string(),
  question: z.string().catch(''),
  language: z.enum(LANGUAGES).catch('en'),
  groups: z.array(z.object({ id: z.string(), name: z.string() })).catch([]),
  phase: z.enum(PHASES).catch('setup'),
  settings: z
    .object(Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => [key, z.boolean().catch(value)])) as Record<keyof BoardSettings, z.ZodCatch<z.ZodBoolean>>)
    .catch(DEFAULT_SETTINGS),
  timer: timerSchema,
  createdAt: z.number().catch(0),
  closedAt: z.number().nullable().catch(null),
});

export function readMeta(doc: Y.Doc): BoardMeta | undefined {
  const m = metaOf(doc);
  if (!m.has('title')) return undefined;
  return checked(metaSchema, Object.fromEntries(META_KEYS.map((key) => [key, m.get(key)])));
}

export function writeMeta(doc: Y.Doc, patch: Partial<BoardMeta>): void {
  const m = metaOf(doc);
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) m.set(key, value);
  });
}

/** What moving to `phase` changes: a phase has its own countdown, and reopening collect lasts one phase. */
export function phaseChange(meta: BoardMeta, phase: Phase): Partial<BoardMeta> {
  if (meta.phase === phase) return {};
  return { phase, timer: { status: 'idle' }, settings: { ...meta.settings, collectReopened: false } };
}

export function readParticipants(doc: Y.Doc): ParticipantInfo[] {
  return Array.from(participantsOf(doc).values())
    .flatMap((value) => checked(participantSchema, value) ?? [])
    .sort((a, b) => a.joinedAt - b.joinedAt);
}

/** The breakout tables and who sits at which (shared/tables/), in the `tables` map under `seating`. */
function tablesOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap('tables');
}

const seatingSchema: z.ZodType<Seating> = z.object({
  tables: z.array(z.object({ id: z.string(), number: z.number(), name: z.string(), hostId: z.string().nullable(), timer: timerSchema.default({ status: 'idle' }) })),
  seats: z.record(z.string(), z.string()),
  wall: z.string().nullable().default(null),
});

export function readSeating(doc: Y.Doc): Seating {
  return checked(seatingSchema, tablesOf(doc).get('seating')) ?? NO_SEATING;
}

export function setSeating(doc: Y.Doc, seating: Seating): void {
  tablesOf(doc).set('seating', seating);
}
