import type { FollowUpState } from '../../shared/followUp.js';
import type { RegisterItem, RegisterItemState, RegisterLogEntry, RegisterStatus } from '../../shared/register.js';

/** A register as stored: which frozen version it started from, and its items with their logs. */
export interface StoredRegister {
  fromVersion: number;
  frozenAt: number;
  createdAt: number;
  items: RegisterItem[];
}

/** A register as it starts: no item has a log yet. */
export type NewRegister = Omit<StoredRegister, 'items'> & { items: Array<Omit<RegisterItem, 'log'>> };

export interface RegisterLinkRecord {
  boardId: string;
  kind: 'owner' | 'progress';
  owner: string | null;
}

/** A follow-up workshop, the register it follows up, and the hash of the source's facilitator token that created it. */
export interface FollowUpRecord {
  boardId: string;
  sourceBoardId: string;
  grantedBy: string;
}

/** A new board's place among the follow-ups of a register, taken when the board is created (Identity.createBoard). */
export interface FollowUpGrant extends Omit<FollowUpRecord, 'boardId'> {
  /** The most follow-ups a register may have. */
  cap: number;
}

/** What a follow-up workshop is created with: its state, and its place among the source register's follow-ups. */
export interface FollowUpStart {
  state: FollowUpState;
  grant: FollowUpGrant;
}

/**
 * What an update makes of an item, given the item and how many log entries the whole register holds: its next
 * state and the log entry saying so; null changes nothing.
 */
export type RegisterItemChange = (current: RegisterItemState, logged: number) => { next: RegisterItemState; entry: RegisterLogEntry } | null;

/** The follow-through register of a board and the links into it (stored as hashes, as every token is). */
export interface RegisterStore {
  /** Stores the register once per board: false, and nothing written, when the board has one already. */
  create(boardId: string, register: NewRegister): Promise<boolean>;
  read(boardId: string): Promise<StoredRegister | null>;
  /** How many items have each status (every status there, at 0 where none has it), counted by the database; null without a register. */
  statusCounts(boardId: string): Promise<Record<RegisterStatus, number> | null>;
  /**
   * Changes one item and appends its log entry in one transaction, `change` deciding on the item as it is then
   * (so two owners' updates at once on two instances both land, each on the other's result). Undefined for an
   * unknown item; the item as it was when `change` made nothing of it. A change moves on the revision of every
   * follow-up of the board too, in the same transaction: their agenda is this register.
   */
  update(boardId: string, itemId: string, change: RegisterItemChange): Promise<RegisterItem | undefined>;
  /** Adds a link unless the board holds `cap` of them already; the check is the database's, with the write. */
  addLink(hash: string, link: RegisterLinkRecord, createdAt: number, cap: number): Promise<boolean>;
  findLink(hash: string): Promise<RegisterLinkRecord | undefined>;
  /** Oldest first, each with the hash it is stored under. */
  listLinks(boardId: string): Promise<Array<RegisterLinkRecord & { hash: string; createdAt: number }>>;
  /** Whether a link of this board with that hash was there to remove. */
  removeLink(boardId: string, hash: string): Promise<boolean>;
  followUpOf(boardId: string): Promise<FollowUpRecord | undefined>;
  /** The follow-ups of a board's register (at most the cap their creation was given: Identity.createBoard). */
  followUpsOf(sourceBoardId: string): Promise<string[]>;
}
