import crypto from 'node:crypto';
import type { OpenRoundBody, StoredBallot } from '../../shared/api.js';
import { readCards, readClusters } from '../../shared/boardDoc.js';
import { joinedCardIds } from '../../shared/cardMerge.js';
import { phaseChange, readMeta, readTally, setRoundState, setTally, writeMeta } from '../../shared/controlDoc.js';
import { tallyRound, topItems, turnoutAsShown, validateBallot, type RoundItem, type RoundSettings, type RoundState, type Tally } from '../../shared/voting/index.js';
import type { Access } from '../auth/Access.js';
import { DomainError } from '../DomainError.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardStore, RoundRecord } from '../storage/BoardStore.js';

/**
 * The ballot box. Ballots live only in the database: never in a Yjs document or in awareness, so no
 * client can read them before reveal. The room sees each round's public state (how many voted, per
 * group) in the control document; on reveal the server writes the tally there. The stored round is the one
 * source of that state: every change publishes it whole, with the turnout counted from the stored ballots.
 */
export class VoteRounds {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  open(boardId: string, body: OpenRoundBody): RoundState {
    const rounds = this.store.listRounds(boardId);
    if (rounds.some((r) => r.state === 'open')) throw DomainError.refusal('conflict', 'round-already-open', 'close the open round first');
    return this.rooms.withRoom(boardId, (room) => {
      const items = body.runoff ? this.runoffItems(boardId, room, body.runoff) : boardItems(room);
      if (items.length === 0) throw DomainError.refusal('conflict', 'nothing-to-vote-on', 'there is nothing to vote on: add cards or themes first');
      const settings: RoundSettings = { budget: body.budget, cap: body.cap, anonymous: body.anonymous };
      const record: RoundRecord = {
        id: 'r_' + crypto.randomBytes(6).toString('base64url'),
        boardId,
        number: rounds.length + 1,
        state: 'open',
        settingsJson: JSON.stringify(settings),
        itemsJson: JSON.stringify(items),
        openedAt: this.now(),
        closedAt: null,
        revealedAt: null,
      };
      this.store.insertRound(record);
      const state = publicState(record, { total: 0, byGroup: {} });
      room.control.serverTransact((doc) => {
        setRoundState(doc, state);
        writeMeta(doc, phaseChange(readMeta(doc)!, 'vote'));
      });
      return state;
    });
  }

  close(boardId: string, roundId: string): RoundState {
    const round = this.round(boardId, roundId);
    if (round.state !== 'open') throw DomainError.refusal('conflict', 'round-not-open', `round is already ${round.state}`);
    round.state = 'closed';
    round.closedAt = this.now();
    this.store.updateRound(round);
    return this.publish(round);
  }

  /** Closes the round if needed, tallies it with the one shared function and publishes the result. */
  reveal(boardId: string, roundId: string): Tally {
    const round = this.round(boardId, roundId);
    if (round.state === 'revealed') throw DomainError.refusal('conflict', 'round-already-revealed', 'round is already revealed');
    const ballots = this.store.listBallots(roundId);
    return this.rooms.withRoom(boardId, (room) => {
      const meta = readMeta(room.control.doc);
      const tally = tallyRound({
        roundId,
        items: JSON.parse(round.itemsJson) as RoundItem[],
        settings: JSON.parse(round.settingsJson) as RoundSettings,
        ballots: ballots.map((b) => ({ participantId: b.participantId, group: b.group, allocations: b.allocations })),
        groups: meta?.groups ?? [],
      });
      const now = this.now();
      round.closedAt ??= now;
      round.revealedAt = now;
      round.state = 'revealed';
      this.store.updateRound(round);
      // Revealed, the round's turnout is the tally's: by the groups its figures show.
      const state = publicState(round, tally.voters);
      room.control.serverTransact((doc) => {
        setTally(doc, tally);
        setRoundState(doc, state);
        writeMeta(doc, phaseChange(readMeta(doc)!, 'results'));
      });
      return tally;
    });
  }

  /** Replaces the voter's whole ballot, so a retry after a lost answer is harmless. */
  cast(access: Access, roundId: string, allocations: Record<string, number>): StoredBallot {
    if (access.role !== 'participant' || access.participantId === null) throw new DomainError('forbidden', 'only participants vote');
    const round = this.round(access.boardId, roundId);
    if (round.state !== 'open') throw DomainError.refusal('conflict', 'round-not-open', 'this round is closed', 'roundId');
    const check = validateBallot(allocations, JSON.parse(round.itemsJson), JSON.parse(round.settingsJson));
    if (!check.ok) throw DomainError.refusal('invalid', check.code, check.field ? `${check.field}: ${check.error}` : check.error, check.field);
    const participant = this.store.getParticipant(access.participantId);
    if (!participant) throw new DomainError('unauthenticated', 'unknown participant');
    const firstBallot = this.store.getBallot(roundId, participant.id) === undefined;
    const cleaned = Object.fromEntries(Object.entries(allocations).filter(([, dots]) => dots > 0));
    const updatedAt = this.now();
    this.store.putBallot({ roundId, participantId: participant.id, group: participant.group, allocations: cleaned, updatedAt });
    if (firstBallot) this.publish(round);
    return { roundId, allocations: cleaned, updatedAt };
  }

  ballotOf(access: Access, roundId: string): StoredBallot {
    if (access.role !== 'participant' || access.participantId === null) throw new DomainError('forbidden', 'only participants have ballots');
    this.round(access.boardId, roundId);
    const ballot = this.store.getBallot(roundId, access.participantId);
    if (!ballot) throw new DomainError('not-found', 'no ballot yet');
    return { roundId, allocations: ballot.allocations, updatedAt: ballot.updatedAt };
  }

  /**
   * Takes a removed participant's ballots out of every round not yet revealed, so the room's turnout and the
   * coming tally no longer count them; a revealed tally stays as the room saw it.
   */
  withdrawVoter(boardId: string, participantId: string): number {
    return this.eachUnrevealedBallot(boardId, participantId, (round) => this.store.deleteBallot(round.id, participantId));
  }

  /** Moves a participant's ballots in rounds not yet revealed to their corrected stakeholder group. */
  regroupVoter(boardId: string, participantId: string, group: string): void {
    this.eachUnrevealedBallot(boardId, participantId, (round) => this.store.setBallotGroup(round.id, participantId, group));
  }

  private eachUnrevealedBallot(boardId: string, participantId: string, change: (round: RoundRecord) => void): number {
    let changed = 0;
    for (const round of this.store.listRounds(boardId)) {
      if (round.state === 'revealed' || !this.store.getBallot(round.id, participantId)) continue;
      change(round);
      this.publish(round);
      changed++;
    }
    return changed;
  }

  private round(boardId: string, roundId: string): RoundRecord {
    const round = this.store.getRound(boardId, roundId);
    if (!round) throw new DomainError('not-found', 'unknown round', 'roundId');
    return round;
  }

  /**
   * Publishes the round's public state whole, from the stored round and a count of its stored ballots (the
   * database's, not a counter kept in the control document), so concurrent writers cannot lose a voter.
   */
  private publish(round: RoundRecord): RoundState {
    const state = publicState(round, shownTurnout(round, this.store.countVoters(round.id)));
    this.rooms.withRoom(round.boardId, (room) => room.control.serverTransact((doc) => setRoundState(doc, state)));
    return state;
  }

  private runoffItems(boardId: string, room: BoardRoom, runoff: { fromRound: string; top: number }): RoundItem[] {
    const from = this.store.getRound(boardId, runoff.fromRound);
    if (!from || from.state !== 'revealed') throw DomainError.refusal('conflict', 'runoff-needs-revealed-round', 'a run-off needs a revealed round', 'runoff.fromRound');
    const tally = readTally(room.control.doc, from.id);
    if (!tally) throw DomainError.refusal('conflict', 'runoff-needs-revealed-round', 'the earlier round has no result', 'runoff.fromRound');
    return topItems(tally, runoff.top);
  }
}

/**
 * Every theme, then every card that is in no theme, with their titles as they are now; a card merged with its
 * duplicate is voted on with the card it joined, not beside it.
 */
function boardItems(room: BoardRoom): RoundItem[] {
  const clusters = readClusters(room.board.doc);
  const clusterIds = new Set(clusters.map((c) => c.id));
  const themes = clusters.map((c) => ({ id: c.id, kind: 'theme' as const, title: c.title }));
  const cards = readCards(room.board.doc);
  const joined = joinedCardIds(cards);
  const loose = cards
    .filter((card) => !joined.has(card.id) && (card.cluster === null || !clusterIds.has(card.cluster)))
    .map((card) => ({ id: card.id, kind: 'card' as const, title: card.title }));
  return [...themes, ...loose];
}

/** What the room sees of a round's turnout before reveal: in an anonymous round, no group below the threshold apart. */
function shownTurnout(round: RoundRecord, real: Record<string, number>): RoundState['voters'] {
  const settings = JSON.parse(round.settingsJson) as RoundSettings;
  const total = Object.values(real).reduce((sum, n) => sum + n, 0);
  return { total, byGroup: turnoutAsShown(real, settings.anonymous) };
}

function publicState(round: RoundRecord, voters: RoundState['voters']): RoundState {
  return {
    id: round.id,
    number: round.number,
    state: round.state,
    settings: JSON.parse(round.settingsJson),
    items: JSON.parse(round.itemsJson),
    openedAt: round.openedAt,
    ...(round.closedAt !== null ? { closedAt: round.closedAt } : {}),
    ...(round.revealedAt !== null ? { revealedAt: round.revealedAt } : {}),
    voters,
  };
}
