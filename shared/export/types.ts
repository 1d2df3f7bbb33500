import type { StakeholderGroup } from '../groups.js';
import type { Language } from '../phases.js';
import type { CardTable } from '../tables/seating.js';
import type { RoundState, Tally, TallyItem } from '../voting/types.js';

/** The priority list as the facilitator froze it. */
export interface FrozenAgreement {
  version: number;
  frozenAt: number;
  /** The round whose results the agreement was made from; the list takes its figures from it. */
  roundId: string;
  /** In the agreed order. */
  items: AgreementItem[];
}

/** A list the facilitator is still editing: an agreement without version or freezing time. */
export type AgreementDraft = Pick<FrozenAgreement, 'roundId' | 'items'>;

export interface AgreementItem {
  itemId: string;
  /** The agreed wording of the priority. */
  title: string;
  owner: string;
  nextStep: string;
  dropped?: { reason: string };
  /** The item id of a kept priority that now covers this one. */
  mergedInto?: string;
}

/** A board as plain data: what the server reads from its documents for an export. */
export interface PriorityListInput {
  board: { title: string; question: string; language: Language; groups: StakeholderGroup[] };
  /** `mergedInto`: the card this one joined as its duplicate (shared/cardMerge.ts); listed with it. */
  /** `table`: the breakout table the card was written at (shared/tables/), for cards merged from the tables. */
  cards: Array<{ id: string; title: string; author: string; cluster: string | null; bodyText: string; mergedInto?: string; table?: CardTable }>;
  clusters: Array<{ id: string; title: string }>;
  participants: Array<{ id: string; name: string; organisation: string; group: string }>;
  rounds: RoundState[];
  /** Tallies by round id; only those of revealed rounds are used. */
  tallies: Record<string, Tally>;
  agreement?: FrozenAgreement;
  /** The facilitator's draft as it stands; used only when no agreement is passed, and marked as not frozen. */
  draft?: AgreementDraft;
  exportedAt?: number;
}

/** The published figures of one item; no per-person data, whatever the round. */
export type ItemVotes = Pick<TallyItem, 'total' | 'byGroup' | 'balanced' | 'consensus' | 'contested' | 'rank' | 'balancedRank'>;

export interface PriorityCard {
  title: string;
  body: string;
  /** The author's group id, "facilitator", or null when the author is unknown. */
  group: string | null;
}

export interface PriorityItem {
  /** Place in the list: the agreed order, else the raw rank of the round; null without results. */
  rank: number | null;
  itemId: string;
  kind: 'theme' | 'card';
  title: string;
  /** The item's cards, then the cards of the items merged into it. */
  cards: PriorityCard[];
  mergedFrom: Array<{ itemId: string; title: string }>;
  /** Null when the item has no figures in the list's round (or there is no round). */
  votes: ItemVotes | null;
  /** groupId (or "facilitator") → number of cards. */
  provenance: Record<string, number>;
  /** The breakout tables that raised the item and how many of its cards each wrote, by table number; absent without tables. */
  tables?: Array<CardTable & { cards: number }>;
  owner: string;
  nextStep: string;
}

export interface PriorityList {
  /** 2 added the status "draft"; see docs/export.md for the migration from 1. */
  schemaVersion: 2;
  board: { title: string; question: string; language: Language; exportedAt?: number };
  /** draft: the facilitator's list as it stands, not frozen; its version and frozenAt are null. */
  status: 'agreed' | 'draft' | 'not-agreed' | 'no-results';
  version: number | null;
  frozenAt: number | null;
  /** The revealed round the figures come from. */
  roundId: string | null;
  roundNumber: number | null;
  /** Every group the list names: the board's groups, then any pseudo-group of the round (OTHER_GROUPS). */
  groups: StakeholderGroup[];
  /** The groups the round shows figures for, in column order. */
  votingGroups: string[];
  participantsPerGroup: Record<string, number>;
  voters: Tally['voters'] | null;
  items: PriorityItem[];
  /** Items the agreement dropped, with the reason; they are not ranked. */
  dropped: Array<{ itemId: string; title: string; reason: string }>;
}
