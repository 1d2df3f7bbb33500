import type { SignoffBody, SignoffSetupBody } from '../../shared/api.js';
import { DEFAULT_SIGNOFF, signoffOutcome, type SignoffDecision, type SignoffOutcome, type SignoffSetup } from '../../shared/signoff.js';
import type { Access } from '../auth/Access.js';
import { DomainError } from '../DomainError.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import { changeBoardState, type BoardFacts, type FactsAtRevision } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import { checkRecord, type RecordCheck, type RecordEntry } from '../storage/recordChain.js';

/** `GET …/record`: the board's record as stored, with whether it holds. */
export interface BoardRecord extends RecordCheck {
  /** The seal of the last entry: a copy of it kept elsewhere (a printed report) pins the record up to there. */
  head: string | null;
  /** Versions without their list's text, which their seal covers. */
  entries: Array<Exclude<RecordEntry, { kind: 'version' }> | Omit<Extract<RecordEntry, { kind: 'version' }>, 'data'>>;
}

/**
 * Delegates' sign-off of the frozen versions: the facilitator names the delegates and the rule; each delegate
 * decides on the latest version; the outcome follows the rule in shared/signoff.ts. Decisions and versions are
 * sealed into the board's record as they are stored.
 */
export class Signoffs {
  constructor(
    private readonly archive: AgreementArchive,
    private readonly identity: Pick<Identity, 'listParticipants' | 'getParticipant'>,
    private readonly facts: BoardFacts,
    private readonly projection: Pick<ControlProjection, 'show'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sets the rule and the delegates, each a participant of the group they sign for. */
  async setUp(boardId: string, setup: SignoffSetupBody): Promise<SignoffSetup> {
    const participants = new Map((await this.identity.listParticipants(boardId)).map((p) => [p.id, p]));
    const delegates = Object.fromEntries(Object.entries(setup.delegates).map(([group, ids]) => [group, [...new Set(ids)]]));
    await changeBoardState(this.facts, boardId, (state) => {
      for (const [group, ids] of Object.entries(delegates)) {
        if (!state.groups.some((g) => g.id === group)) throw DomainError.refusal('invalid', 'unknown-group', 'not a group of this workshop', `delegates.${group}`);
        const outsider = ids.findIndex((id) => participants.get(id)?.group !== group);
        if (outsider >= 0) throw DomainError.refusal('invalid', 'delegate-not-in-group', 'a delegate must be a participant of that group', `delegates.${group}.${outsider}`);
      }
      return { signoff: { rule: setup.rule, delegates } };
    });
    await this.projection.show(boardId);
    return { rule: setup.rule, delegates };
  }

  /** A delegate's decision on `version`, which must be the latest frozen one; deciding again replaces it. */
  async sign(access: Access, version: number, body: SignoffBody): Promise<SignoffDecision> {
    const { boardId, participantId } = access;
    const state = (await this.facts.getState(boardId))?.state;
    const found = participantId === null ? undefined : await this.identity.getParticipant(participantId);
    const participant = found?.boardId === boardId ? found : undefined;
    const setup = state?.signoff ?? DEFAULT_SIGNOFF;
    if (!participant || !(setup.delegates[participant.group] ?? []).includes(participant.id)) {
      throw DomainError.refusal('forbidden', 'not-a-delegate', 'only a delegate named for their group can sign');
    }
    const decision: SignoffDecision = {
      version,
      participantId: participant.id,
      name: participant.name,
      organisation: participant.organisation,
      group: participant.group,
      decision: body.decision,
      reason: body.reason,
      signedAt: this.now(),
    };
    if (!(await this.archive.sign(boardId, decision))) {
      const latest = (await this.archive.list(boardId)).at(-1)?.version;
      if (latest === undefined) throw DomainError.refusal('conflict', 'no-frozen-version', 'there is no frozen version to sign');
      throw DomainError.refusal('conflict', 'version-superseded', `version ${latest} is the one to sign now`, 'version');
    }
    await this.projection.show(boardId);
    return decision;
  }

  /** The sign-off of `version` under the workshop's rule and its current delegates. */
  async outcome(boardId: string, version: number): Promise<SignoffOutcome> {
    const [facts, decisions] = await Promise.all([this.facts.read(boardId), this.archive.signoffs(boardId)]);
    return outcomeFrom(facts, version, decisions);
  }

  /** Whether `version` is signed off: the question the follow-through register asks before a list becomes its register. */
  async isSignedOff(boardId: string, version: number): Promise<boolean> {
    return (await this.outcome(boardId, version)).met;
  }

  async record(boardId: string): Promise<BoardRecord> {
    const entries = await this.archive.record(boardId);
    return {
      ...checkRecord(entries),
      head: entries.at(-1)?.hash ?? null,
      entries: entries.map((entry) => {
        if (entry.kind === 'signoff') return entry;
        const { data: _, ...version } = entry;
        return version;
      }),
    };
  }
}

/** Where `version` stands under the board's rule and delegates as one read of its facts has them, given decisions on it. */
export function outcomeFrom(facts: FactsAtRevision, version: number, decisions: readonly SignoffDecision[]): SignoffOutcome {
  const state = facts.board?.state;
  if (!state || !facts.agreements.some((a) => a.version === version)) throw new DomainError('not-found', `there is no version ${version}`, 'version');
  return signoffOutcome(version, state.signoff ?? DEFAULT_SIGNOFF, state.groups, facts.people.participants, decisions);
}
