import type { AgreementDraftBody } from '../../shared/api.js';
import type { BoardMeta } from '../../shared/controlDoc.js';
import type { Language, Role } from '../../shared/phases.js';
import type { PresentationStep } from '../../shared/presentation.js';
import type { PriorityList } from '../../shared/export/index.js';
import type { FollowUpState } from '../../shared/followUp.js';
import type { SignoffSetup } from '../../shared/signoff.js';
import type { BoardConcept } from '../../shared/suggestions/api.js';
import type { RoundItem, RoundSettings, Tally } from '../../shared/voting/index.js';

/** What the stores hand out and take in: parsed data, never a database's own encoding of it. */
export interface BoardRecord {
  id: string;
  title: string;
  joinCode: string;
  createdAt: number;
}

export interface TokenRecord {
  boardId: string;
  role: Role;
  participantId: string | null;
}

export type NewToken = { hash: string } & TokenRecord;

export interface ParticipantRecord {
  id: string;
  boardId: string;
  name: string;
  organisation: string;
  group: string;
  joinedAt: number;
  /** The interface language they joined in; null for those who joined before it was kept. */
  language: Language | null;
  /**
   * When they joined a strictly anonymous workshop after its first round opened and began waiting for a facilitator
   * to let them vote; null (or absent) for a voter.
   */
  waitingSince?: number | null;
}

/** The roles a link other than the creator's own carries: a facilitator link is a co-facilitator's. */
export type LinkRole = 'facilitator' | 'observer' | 'projector';

/** A link other than the creator's own, as the facilitator sees it: observer, projector and co-facilitator links. */
export interface LinkRecord {
  /** The first 16 hex digits of the token's hash: names the link without revealing it. */
  id: string;
  role: LinkRole;
  name: string;
  createdAt: number;
}

export type RoundStateName = 'open' | 'closed' | 'revealed';

export interface RoundRecord {
  id: string;
  boardId: string;
  /** 1, 2, 3 … per board, assigned by the store. */
  number: number;
  state: RoundStateName;
  settings: RoundSettings;
  items: RoundItem[];
  openedAt: number;
  closedAt: number | null;
  revealedAt: number | null;
  /** Stored in the same write that marks the round revealed; null before. */
  tally: Tally | null;
}

export interface BallotRecord {
  roundId: string;
  participantId: string;
  group: string;
  allocations: Record<string, number>;
  updatedAt: number;
}

export interface AgreementRecord {
  boardId: string;
  version: number;
  frozenAt: number;
  /** The priority list exactly as it was built when frozen. */
  list: PriorityList;
}

/** An agreement as both stores keep it: its list as the JSON text it was frozen as, so it reads back unchanged. */
export type StoredAgreement = Omit<AgreementRecord, 'list'> & { data: string };

export const withList = ({ data, ...row }: StoredAgreement): AgreementRecord => ({ ...row, list: JSON.parse(data) as PriorityList });

/** What the facilitator decides about the board as a whole: one record, changed whole by compare-and-set. */
export interface BoardState extends BoardMeta {
  presentation: PresentationStep | null;
  concepts: BoardConcept[];
  agreementDraft: AgreementDraftBody | null;
  /** The sign-off rule and delegates; absent until the facilitator first sets them (then DEFAULT_SIGNOFF holds). */
  signoff?: SignoffSetup;
  /** Set on a follow-up workshop: the register it follows up and where its progress check stands. */
  followUp?: FollowUpState;
}

export interface BoardStateRecord {
  /** 1 when created, one more with every change. */
  version: number;
  state: BoardState;
}
