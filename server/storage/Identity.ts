import type { BoardRecord, BoardState, LinkRecord, NewToken, ParticipantRecord, TokenRecord } from './records.js';
import type { FollowUpGrant } from './RegisterStore.js';

/** Boards, their tokens and participants, named links, join codes, activity and deletion. */
export interface Identity {
  /**
   * Creates the board, its tokens and its first state (version 1) in one step, with a join code drawn by
   * `drawJoinCode`, drawing again while the code is taken (the uniqueness is the database's, so two instances
   * cannot hand out one code); resolves to the code used.
   *
   * With `followUp`, the same step registers the board as a follow-up of the source's register, unless that register
   * has `followUp.cap` follow-ups already: then nothing is created and it resolves to null. The count and the writes
   * are one step of the store's, so creations at once on several instances never pass the cap nor leave a board
   * that is not registered.
   */
  createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState): Promise<string>;
  createBoard(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], drawJoinCode: () => string, state: BoardState, followUp: FollowUpGrant): Promise<string | null>;
  getBoard(id: string): Promise<BoardRecord | undefined>;
  findBoardByJoinCode(code: string): Promise<BoardRecord | undefined>;
  /** Replaces the board's join code with a fresh unused one; resolves to it. */
  rotateJoinCode(boardId: string, drawJoinCode: () => string): Promise<string>;

  findToken(hash: string): Promise<TokenRecord | undefined>;
  /** The hash of every token of the board, the creator's included: one read for all of a board's sessions. */
  listTokenHashes(boardId: string): Promise<string[]>;
  addToken(token: NewToken): Promise<void>;
  /**
   * Adds a token with a name shown in the facilitator's list of links unless the board already has `maxPerBoard`
   * of them (the count and the insert one step of the store's); `mintedBy` is the hash of the token that minted it,
   * so revoking that one revokes this one too. Resolves to false when the board has no place for another link.
   */
  addNamedLink(token: NewToken, name: string, createdAt: number, mintedBy: string | null, maxPerBoard: number): Promise<boolean>;
  /** The creator's facilitator token is not listed: it cannot be revoked, so nobody can lock the board. */
  listLinks(boardId: string): Promise<LinkRecord[]>;
  linkName(hash: string): Promise<string | null>;
  /**
   * Deletes the listed link whose hash starts with the link id, and every link minted through it (and through
   * those, and so on); resolves to the hashes deleted, the link's first, or null when no link matched.
   */
  revokeLink(boardId: string, linkId: string): Promise<string[] | null>;

  /**
   * Adds the participant and their token unless the board already has `maxPerBoard` participants; the count and
   * the insert are one step of the store's, so two instances cannot both take the last place.
   * Resolves to false when the board is full.
   */
  addParticipant(p: ParticipantRecord, tokenHash: string, maxPerBoard: number): Promise<boolean>;
  getParticipant(id: string): Promise<ParticipantRecord | undefined>;
  listParticipants(boardId: string): Promise<ParticipantRecord[]>;
  /** The participants let in: those waiting to vote (strict anonymity's waiting list) are not counted. */
  countAdmittedParticipants(boardId: string): Promise<number>;
  updateParticipant(p: ParticipantRecord): Promise<void>;
  /** Lets a waiting participant vote (clears `waitingSince`); resolves to false, changing nothing, when they were not waiting. */
  admitParticipant(boardId: string, participantId: string): Promise<boolean>;
  /** Deletes the participant, their tokens, all their ballots and their places on rounds' rolls. */
  removeParticipant(boardId: string, participantId: string): Promise<void>;

  /** Records that the board changed at `at`; retention counts idle time from the latest. */
  touchBoard(boardId: string, at: number): Promise<void>;
  /** The latest recorded change, else the board's creation; undefined for an unknown board. */
  lastActivity(boardId: string): Promise<number | undefined>;
  /** Boards whose latest activity (or creation) is before `before`. */
  listIdleBoards(before: number): Promise<string[]>;
  /** Deletes every row of the board in every table: documents, logs, rounds, ballots, agreements, people, tokens. */
  deleteBoard(boardId: string): Promise<void>;
}
