import type { Role } from '../../shared/phases.js';

/**
 * Everything the server keeps. An interface so that a PostgreSQL store can stand beside the SQLite one
 * without touching rooms or routes. Every method is synchronous: better-sqlite3 is, and keeping the
 * call sites synchronous means a room can never be observed half-loaded.
 */
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

export interface ParticipantRecord {
  id: string;
  boardId: string;
  name: string;
  organisation: string;
  group: string;
  joinedAt: number;
}

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the newest stored update, 0 if none. */
  lastSeq: number;
}

export interface RoundRecord {
  id: string;
  boardId: string;
  number: number;
  state: 'open' | 'closed' | 'revealed';
  settingsJson: string;
  itemsJson: string;
  openedAt: number;
  closedAt: number | null;
  revealedAt: number | null;
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
  json: string;
}

/** A link other than the creator's own, as the facilitator sees it: observer links and co-facilitator links. */
export interface LinkRecord {
  /** The first 16 hex digits of the token's hash: names the link without revealing it. */
  id: string;
  role: 'facilitator' | 'observer';
  name: string;
  createdAt: number;
}

export interface BoardStore {
  createBoard(board: BoardRecord, tokens: Array<{ hash: string } & TokenRecord>): void;
  getBoard(id: string): BoardRecord | undefined;
  findBoardByJoinCode(code: string): BoardRecord | undefined;
  findToken(hash: string): TokenRecord | undefined;
  addToken(token: { hash: string } & TokenRecord): void;
  addParticipant(p: ParticipantRecord, tokenHash: string): void;
  getParticipant(id: string): ParticipantRecord | undefined;
  listParticipants(boardId: string): ParticipantRecord[];
  countParticipants(boardId: string): number;

  loadDoc(boardId: string, doc: string): StoredDoc;
  /** Appends one accepted update; durable when it returns. */
  appendUpdate(boardId: string, doc: string, update: Uint8Array): number;
  /** Replaces the snapshot and drops the log entries it covers, atomically. */
  compact(boardId: string, doc: string, snapshot: Uint8Array, uptoSeq: number): void;

  insertRound(round: RoundRecord): void;
  updateRound(round: RoundRecord): void;
  getRound(boardId: string, roundId: string): RoundRecord | undefined;
  listRounds(boardId: string): RoundRecord[];
  putBallot(ballot: BallotRecord): void;
  getBallot(roundId: string, participantId: string): BallotRecord | undefined;
  listBallots(roundId: string): BallotRecord[];
  /** Stored ballots of the round per stakeholder group: a count of rows, never a counter kept beside them. */
  countVoters(roundId: string): Record<string, number>;

  insertAgreement(a: AgreementRecord): void;
  listAgreements(boardId: string): AgreementRecord[];

  /** People and access (server/people, server/access): every method takes effect at once. */
  updateParticipant(p: ParticipantRecord): void;
  /** Deletes the participant, their tokens and all their ballots. */
  removeParticipant(boardId: string, participantId: string): void;
  deleteBallot(roundId: string, participantId: string): void;
  setBallotGroup(roundId: string, participantId: string, group: string): void;
  listBallotsOf(participantId: string): BallotRecord[];
  setJoinCode(boardId: string, joinCode: string): void;
  /** Adds a token with a name shown in the facilitator's list of links. */
  addNamedLink(token: { hash: string } & TokenRecord, name: string, createdAt: number): void;
  /** The creator's facilitator token is not listed: it cannot be revoked, so nobody can lock the board. */
  listLinks(boardId: string): LinkRecord[];
  linkName(hash: string): string | null;
  /** Deletes the token whose hash starts with the link id; returns its hash, or null when no link matched. */
  revokeLink(boardId: string, linkId: string): string | null;
  /** Records that the board changed at `at`; retention counts idle time from the latest. */
  touchBoard(boardId: string, at: number): void;
  /** The latest recorded change, else the board's creation; undefined for an unknown board. */
  lastActivity(boardId: string): number | undefined;
  /** Boards whose latest activity (or creation) is before `before`. */
  listIdleBoards(before: number): string[];
  /** Deletes every row of the board in every table: documents, logs, rounds, ballots, agreements, people, tokens. */
  deleteBoard(boardId: string): void;

  close(): void;
}
