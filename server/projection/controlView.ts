import { agreementStanding, type AgreedContent, type AgreementStanding } from '../../shared/agreement.js';
import type { AgreementDraftBody, AgreementVersion } from '../../shared/api.js';
import type { BoardMeta, ParticipantInfo, SignoffShown } from '../../shared/controlDoc.js';
import { agendaOf, type ProgressCheckShown } from '../../shared/followUp.js';
import type { RegisterItem } from '../../shared/register.js';
import { DEFAULT_SIGNOFF } from '../../shared/signoff.js';
import type { PresentationStep } from '../../shared/presentation.js';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import { hostOf, type Seating } from '../../shared/tables/seating.js';
import { turnoutAsShown, type RoundState, type Tally } from '../../shared/voting/index.js';
import type { FactsAtRevision, People } from '../storage/BoardFacts.js';
import type { RoundRecord } from '../storage/records.js';

/** The whole control document as plain data: what one revision of the stored facts shows. */
export interface ControlView {
  revision: number;
  meta: BoardMeta;
  presentation: PresentationStep | null;
  concepts: BoardConcept[];
  agreementDraft: AgreementDraftBody | null;
  agreementVersions: AgreementVersion[];
  agreementStanding: AgreementStanding;
  signoff: SignoffShown;
  participants: ParticipantInfo[];
  rounds: RoundState[];
  tallies: Tally[];
  seating: Seating;
  progressCheck: ProgressCheckShown | null;
}

/**
 * The stored facts a drawing reads: the board's own, and a follow-up workshop's source register as it is now (null
 * once the source was deleted, or for a board that follows up none).
 */
export type DrawnFacts = FactsAtRevision & { agenda: { title: string; items: RegisterItem[] } | null; frozen: FrozenFacts | null };

/** The latest frozen version and what it fixes, read from the archive (a version never changes once frozen). */
export interface FrozenFacts {
  version: number;
  frozenAt: number;
  content: AgreedContent;
}

/** What the facts show; undefined for a board without a stored state. A pure function: equal facts, equal views. */
export function controlView(facts: DrawnFacts): ControlView | undefined {
  if (!facts.board) return undefined;
  const { presentation, concepts, agreementDraft, signoff = DEFAULT_SIGNOFF, followUp, ...meta } = facts.board.state;
  const participants = peopleView(facts.people);
  const version = facts.agreements.at(-1)?.version ?? null;
  return {
    revision: facts.revision,
    meta,
    presentation,
    concepts,
    agreementDraft,
    agreementVersions: facts.agreements,
    agreementStanding: agreementStanding(agreementDraft, facts.frozen),
    signoff: { ...signoff, version, decisions: facts.signoffs },
    participants,
    rounds: facts.rounds.map((round) => roundState(round, facts.voters[round.id] ?? {})),
    tallies: facts.rounds.flatMap((round) => (round.state === 'revealed' && round.tally ? [publicTally(round.tally)] : [])),
    seating: seatingView(facts.seating),
    progressCheck: followUp
      ? {
          sourceBoardId: followUp.sourceBoardId,
          sourceTitle: facts.agenda?.title ?? '',
          sourceDeleted: facts.agenda === null,
          currentItemId: followUp.currentItemId,
          reporterId: followUp.reporterId,
          carried: followUp.carried,
          items: agendaOf(facts.agenda?.items ?? []),
        }
      : null,
  };
}

/**
 * Each people record's part of the view, made once: the store hands the same record back while nobody joined,
 * left or was corrected, so redrawing after a ballot compares the participants by identity, not one by one.
 */
const peopleViews = new WeakMap<People, ParticipantInfo[]>();

function peopleView(people: People): ParticipantInfo[] {
  let view = peopleViews.get(people);
  if (!view) {
    // Someone waiting to be let in to vote (strict anonymity) is on the facilitator's waiting list only.
    view = people.participants.filter((p) => p.waitingSince == null).map(({ id, name, organisation, group, joinedAt, language }) => ({
      id,
      name,
      organisation,
      group,
      joinedAt,
      ...(language !== null ? { language } : {}),
    }));
    peopleViews.set(people, view);
  }
  return view;
}

/**
 * A round's public state: revealed, its turnout is the tally's (by the groups its figures show); before, the
 * stored ballots counted per group, in an anonymous round no group below the threshold apart.
 */
export function roundState(round: RoundRecord, stored: Record<string, number>): RoundState {
  const voters =
    round.state === 'revealed' && round.tally
      ? round.tally.voters
      : { total: Object.values(stored).reduce((sum, n) => sum + n, 0), byGroup: turnoutAsShown(stored, round.settings.anonymous) };
  return {
    id: round.id,
    number: round.number,
    state: round.state,
    settings: round.settings,
    items: round.items,
    openedAt: round.openedAt,
    ...(round.closedAt !== null ? { closedAt: round.closedAt } : {}),
    ...(round.revealedAt !== null ? { revealedAt: round.revealedAt } : {}),
    voters,
  };
}

/**
 * A tally as every link may read it. Tallies stored by earlier versions carried each person's dots of a named round
 * (`byPerson`); those now reach the facilitator through their own request only, so they are never drawn.
 */
function publicTally(tally: Tally): Tally {
  return { ...tally, items: tally.items.map(({ byPerson: _, ...item }: Tally['items'][number] & { byPerson?: unknown }) => item) };
}

/** A host is shown only while they sit at their table (`hostOf`). */
function seatingView(seating: Seating): Seating {
  return {
    tables: seating.tables.map((table) => ({ ...table, hostId: hostOf(seating, table.id) })),
    seats: seating.seats,
    wall: seating.wall,
  };
}
