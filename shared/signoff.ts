import type { StakeholderGroup } from './groups.js';

/**
 * Delegates' sign-off of a frozen version: who signs for which stakeholder group, under which rule, and whether
 * the rule is met. One rule for the server that answers "is this version signed off?", the screens that show it
 * and the exports that record it.
 */
export const SIGNOFF_RULES = ['every-group', 'majority-no-objection'] as const;
export type SignoffRule = (typeof SIGNOFF_RULES)[number];

export const SIGNOFF_DECISIONS = ['consent', 'abstain', 'object'] as const;
export type SignoffDecisionKind = (typeof SIGNOFF_DECISIONS)[number];

/** The facilitator's choice, per workshop: the rule, and the participants who sign for each group (group id → ids). */
export interface SignoffSetup {
  rule: SignoffRule;
  delegates: Record<string, string[]>;
}

export const DEFAULT_SIGNOFF: SignoffSetup = { rule: 'every-group', delegates: {} };

/** One delegate's decision on one frozen version, with who they were when they signed. */
export interface SignoffDecision {
  version: number;
  participantId: string;
  name: string;
  organisation: string;
  group: string;
  decision: SignoffDecisionKind;
  /** Required for an objection; may be empty otherwise. */
  reason: string;
  signedAt: number;
}

/** Where a group stands: pending until every one of its delegates decided; one objection is the group's objection. */
export type GroupStanding = 'pending' | 'consents' | 'abstains' | 'objects';

export interface GroupSignoff {
  group: string;
  standing: GroupStanding;
  delegates: Array<{ participantId: string; decision: SignoffDecision | null }>;
}

export interface SignoffOutcome {
  version: number;
  rule: SignoffRule;
  /** Each group with at least one delegate, in the workshop's order of groups. */
  groups: GroupSignoff[];
  met: boolean;
}

/**
 * The outcome for `version`: only the current delegates count (one removed from the board, moved to another group
 * or taken off the list no longer does), each by their latest decision on this version.
 */
export function signoffOutcome(
  version: number,
  setup: SignoffSetup,
  groups: readonly StakeholderGroup[],
  participants: ReadonlyArray<{ id: string; group: string }>,
  decisions: readonly SignoffDecision[],
): SignoffOutcome {
  const groupOf = new Map(participants.map((p) => [p.id, p.group]));
  const latest = new Map<string, SignoffDecision>();
  for (const d of decisions) if (d.version === version) latest.set(d.participantId, d);
  const signing = groups.flatMap((group): GroupSignoff[] => {
    const ids = [...new Set(setup.delegates[group.id] ?? [])].filter((id) => groupOf.get(id) === group.id);
    if (ids.length === 0) return [];
    const delegates = ids.map((participantId) => ({ participantId, decision: latest.get(participantId) ?? null }));
    return [{ group: group.id, standing: standingOf(delegates.map((d) => d.decision?.decision)), delegates }];
  });
  return { version, rule: setup.rule, groups: signing, met: ruleMet(setup.rule, signing.map((g) => g.standing)) };
}

function standingOf(decisions: Array<SignoffDecisionKind | undefined>): GroupStanding {
  if (decisions.includes('object')) return 'objects';
  if (decisions.includes(undefined)) return 'pending';
  return decisions.includes('consent') ? 'consents' : 'abstains';
}

function ruleMet(rule: SignoffRule, standings: GroupStanding[]): boolean {
  if (standings.length === 0) return false;
  const consenting = standings.filter((s) => s === 'consents').length;
  if (rule === 'every-group') return consenting === standings.length;
  return consenting * 2 > standings.length && !standings.includes('objects');
}

/** What every export and the printed report carry of a frozen version's sign-off. */
export interface DecisionRecord {
  version: number;
  rule: SignoffRule;
  met: boolean;
  groups: Array<{
    group: string;
    standing: GroupStanding;
    delegates: Array<{ participantId: string; name: string; organisation: string; decision: SignoffDecisionKind | null; reason: string; signedAt: number | null }>;
  }>;
  /** The seal of this version's last entry in the board's record (GET …/record): a printed copy pins the record up to there. */
  recordSeal: string | null;
}

/** The outcome as a record: each delegate as they were when they signed, or as they are while they have not. */
export function decisionRecordOf(outcome: SignoffOutcome, participants: ReadonlyArray<{ id: string; name: string; organisation: string }>, recordSeal: string | null): DecisionRecord {
  const known = new Map(participants.map((p) => [p.id, p]));
  return {
    version: outcome.version,
    rule: outcome.rule,
    met: outcome.met,
    groups: outcome.groups.map(({ group, standing, delegates }) => ({
      group,
      standing,
      delegates: delegates.map(({ participantId, decision }) => ({
        participantId,
        name: decision?.name ?? known.get(participantId)?.name ?? '',
        organisation: decision?.organisation ?? known.get(participantId)?.organisation ?? '',
        decision: decision?.decision ?? null,
        reason: decision?.reason ?? '',
        signedAt: decision?.signedAt ?? null,
      })),
    })),
    recordSeal,
  };
}
