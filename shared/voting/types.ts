/** Vote rounds, ballots and the revealed tally. Every type here is plain JSON: tallies go into the control document. */

export interface RoundSettings {
  /** Dots each participant may place in this round. */
  budget: number;
  /** Dots one participant may place on a single item. */
  cap: number;
  /** Anonymous rounds publish no per-person figures and merge small groups (see tallyRound). */
  anonymous: boolean;
  /** The revealed round this one is a run-off of. */
  runoffOf?: string;
}

/** Something to vote on: a theme, or a card that is in no theme. */
export interface RoundItem {
  id: string;
  kind: 'theme' | 'card';
  title: string;
}

/** A ballot as the server stores it; it never enters a shared document. */
export interface CastBallot {
  participantId: string;
  /** The voter's stakeholder group id. */
  group: string;
  /** itemId → dots. */
  allocations: Record<string, number>;
  /** Whether the voter was on the round's roll when it opened (see countsTowardThreshold); the server always says. */
  onRoll?: boolean;
}

/** The public view of a round: how many have voted, never what. */
export interface RoundState {
  id: string;
  number: number;
  state: 'open' | 'closed' | 'revealed';
  settings: RoundSettings;
  items: RoundItem[];
  openedAt: number;
  closedAt?: number;
  revealedAt?: number;
  /** In an anonymous round grouped as the tally groups them (turnoutAsShown); revealed, the tally's own. */
  voters: { total: number; byGroup: Record<string, number> };
}

export interface TallyItem {
  id: string;
  kind: 'theme' | 'card';
  title: string;
  /** All dots on this item. */
  total: number;
  /** Dots per shown group (Tally.groups); every shown group has an entry. */
  byGroup: Record<string, number>;
  /** Group-balanced score, 0–100, one decimal (see groupBalance.ts). */
  balanced: number;
  /** 0–1, two decimals; null when fewer than two groups cast dots, as there is nothing to compare. */
  consensus: number | null;
  contested: boolean;
  /** Competition rank ("1, 2, 2, 4") by total dots. */
  rank: number;
  /** Competition rank by balanced score. */
  balancedRank: number;
}

/** One voter's dots in a named round (dotsPerPerson): for the facilitator only, never in a shared document. */
export interface PersonDots {
  participantId: string;
  dots: Array<{ itemId: string; dots: number }>;
}

/** What the server publishes on reveal. */
export interface Tally {
  roundId: string;
  anonymous: boolean;
  /** Group ids with figures of their own, in board order; OTHER_GROUPS last when small groups were merged. */
  groups: string[];
  /** The real groups inside OTHER_GROUPS, in board order, so the bucket can be named ("University + Region"). */
  merged?: string[];
  /** The names of the shown and merged groups when the round was tallied, so a later rename does not relabel it. */
  groupNames?: Record<string, string>;
  voters: { total: number; byGroup: Record<string, number> };
  /** In raw rank order. */
  items: TallyItem[];
  /**
   * A run-off's round, and whether its voters differ from that round's: then the difference between the two rounds'
   * figures can be someone's ballot, and the results say so.
   */
  runoff?: { fromRound: string; votersDiffer: boolean };
}
