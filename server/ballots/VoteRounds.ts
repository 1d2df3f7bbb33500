import crypto from 'node:crypto';
import type { OpenRoundBody, OwnBallot, StoredBallot } from '../../shared/api.js';
import { readCards, readClusters } from '../../shared/boardDoc.js';
import { looseCards } from '../../shared/cardMerge.js';
import { phaseChange } from '../../shared/controlDoc.js';
import { decodeSeen } from '../../shared/seenState.js';
import { dotsPerPerson, tallyRound, topItems, validateBallot, type PersonDots, type RoundItem, type RoundSettings, type RoundState, type Tally } from '../../shared/voting/index.js';
import type { Access } from '../auth/Access.js';
import { DomainError } from '../DomainError.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import { roundState } from '../projection/controlView.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { whenHolds } from '../rooms/whenHolds.js';
import type { BallotBox } from '../storage/BallotBox.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import type { RoundRecord } from '../storage/records.js';

/**
 * The ballot box. Ballots live only in the database: never in a Yjs document or in awareness, so no
 * client can read them before reveal. Every command here writes the store and then has the projection draw
 * the control document, where the room sees each round's public state (how many voted, per group, counted from
 * the stored ballots) and, once revealed, its tally, stored in the same write that marks the round revealed.
 */
export class VoteRounds {
  constructor(
    private readonly ballots: BallotBox,
    private readonly identity: Pick<Identity, 'getParticipant'>,
    private readonly facts: BoardFacts,
    private readonly rooms: RoomRegistry,
    private readonly projection: Pick<ControlProjection, 'show'>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The store refuses a second open round and numbers the round, so two instances cannot both open one. */
  async open(boardId: string, body: OpenRoundBody): Promise<RoundState> {
    const items = body.runoff ? await this.runoffItems(boardId, body.runoff) : await this.rooms.withRoom(boardId, (room) => itemsSeen(room, body.seen));
    if (items.length === 0) throw DomainError.refusal('conflict', 'nothing-to-vote-on', 'there is nothing to vote on: add cards or themes first');
    const settings: RoundSettings = { budget: body.budget, cap: body.cap, anonymous: body.anonymous, ...(body.runoff ? { runoffOf: body.runoff.fromRound } : {}) };
    // The phase first: opening tried again after either write failed then finds no round open and finishes.
    await changeBoardState(this.facts, boardId, (state) => phaseChange(state, 'vote'));
    const record = await this.ballots.openRound({ id: 'r_' + crypto.randomBytes(6).toString('base64url'), boardId, settings, items, openedAt: this.now() });
    await this.projection.show(boardId);
    return roundState(record, {});
  }

  async close(boardId: string, roundId: string): Promise<RoundState> {
    const round = await this.round(boardId, roundId);
    if (round.state !== 'open') throw DomainError.refusal('conflict', 'round-not-open', `round is already ${round.state}`);
    const closed = await this.ballots.closeRound(boardId, roundId, this.now());
    if (!closed) throw DomainError.refusal('conflict', 'round-not-open', 'round is already closed');
    await this.projection.show(boardId);
    return roundState(closed, await this.ballots.countVoters(roundId));
  }

  /**
   * Closes the round if needed, tallies it with the one shared function and stores the tally with the round's
   * new state in one write, then moves to the results phase. Revealing a revealed round answers its stored tally
   * (and shows it, in the results phase if it is the newest round and the phase is still vote), so a reveal cut
   * short after either write is finished by trying again.
   */
  async reveal(boardId: string, roundId: string): Promise<Tally> {
    const round = await this.round(boardId, roundId);
    if (round.state !== 'revealed') {
      // Closed first, so no ballot can arrive between the count and the tally; then the ballots are final.
      if (round.state === 'open') await this.ballots.closeRound(boardId, roundId, this.now());
      const ballots = await this.ballots.listBallots(roundId);
      const roll = await this.ballots.rollOf(roundId);
      const state = await this.facts.getState(boardId);
      const tally: Tally = {
        ...tallyRound({
          roundId,
          items: round.items,
          settings: round.settings,
          ballots: ballots.map((b) => ({ participantId: b.participantId, group: b.group, allocations: b.allocations, onRoll: roll.has(b.participantId) })),
          groups: state?.state.groups ?? [],
        }),
        ...(round.settings.runoffOf ? { runoff: { fromRound: round.settings.runoffOf, votersDiffer: await this.votersDiffer(boardId, round.settings.runoffOf, ballots) } } : {}),
      };
      if (await this.ballots.revealRound(boardId, roundId, this.now(), tally)) {
        await changeBoardState(this.facts, boardId, (current) => phaseChange(current, 'results'));
      }
    } else if ((await this.ballots.listRounds(boardId)).at(-1)?.id === roundId) {
      // Tried again after the change of phase failed: the newest round's reveal still ends in the results phase.
      await changeBoardState(this.facts, boardId, (current) => (current.phase === 'vote' ? phaseChange(current, 'results') : {}));
    }
    await this.projection.show(boardId);
    const revealed = await this.round(boardId, roundId);
    if (!revealed.tally) throw DomainError.refusal('conflict', 'round-already-revealed', 'round was revealed before its tally was kept');
    return revealed.tally;
  }

  /**
   * Whether a run-off's voters differ from its round's. A removed person's ballots are gone from the round, so its
   * tally's count tells that someone left, and a voter without a ballot there tells that someone came.
   */
  private async votersDiffer(boardId: string, fromRound: string, ballots: ReadonlyArray<{ participantId: string }>): Promise<boolean> {
    const from = await this.ballots.getRound(boardId, fromRound);
    const earlier = new Set((await this.ballots.listBallots(fromRound)).map((ballot) => ballot.participantId));
    return from?.tally?.voters.total !== ballots.length || ballots.some((ballot) => !earlier.has(ballot.participantId));
  }

  /**
   * Who gave which dots in a revealed named round: the facilitator's own request, read from the stored ballots, so
   * per-person figures never enter the control document every link reads. A removed person's ballots are gone.
   */
  async perPerson(boardId: string, roundId: string): Promise<PersonDots[]> {
    const round = await this.round(boardId, roundId);
    if (round.settings.anonymous) throw DomainError.refusal('conflict', 'round-anonymous', 'an anonymous round has no per-person figures', 'roundId');
    if (round.state !== 'revealed') throw DomainError.refusal('conflict', 'round-not-revealed', 'the round is not revealed yet', 'roundId');
    return dotsPerPerson(round.items, await this.ballots.listBallots(roundId));
  }

  /** Replaces the voter's whole ballot, so a retry after a lost answer is harmless. */
  async cast(access: Access, roundId: string, allocations: Record<string, number>): Promise<StoredBallot> {
    if (access.role !== 'participant' || access.participantId === null) throw new DomainError('forbidden', 'only participants vote');
    const round = await this.round(access.boardId, roundId);
    if (round.state !== 'open') throw DomainError.refusal('conflict', 'round-not-open', 'this round is closed', 'roundId');
    const check = validateBallot(allocations, round.items, round.settings);
    if (!check.ok) throw DomainError.refusal('invalid', check.code, check.field ? `${check.field}: ${check.error}` : check.error, check.field);
    const participant = await this.identity.getParticipant(access.participantId);
    if (!participant) throw new DomainError('unauthenticated', 'unknown participant');
    if (participant.waitingSince != null) {
      throw DomainError.refusal('forbidden', 'waiting-for-facilitator', 'the facilitator has not let you vote yet');
    }
    const cleaned = Object.fromEntries(Object.entries(allocations).filter(([, dots]) => dots > 0));
    const updatedAt = this.now();
    // A voter votes in the group the round's roll gives them, fixed when it opened, so moving people between groups
    // during a round cannot lift a lone voter's group over the threshold. Someone who was not a voter then keeps the
    // group of their first ballot, and does not count toward any threshold (see countsTowardThreshold).
    const group = (await this.ballots.rolledGroup(roundId, participant.id)) ?? (await this.ballots.getBallot(roundId, participant.id))?.group ?? participant.group;
    const firstBallot = await this.ballots.putBallot({ roundId, participantId: participant.id, group, allocations: cleaned, updatedAt });
    // A replaced ballot changes nothing anyone sees; a first one changes the turnout.
    if (firstBallot) await this.projection.show(access.boardId);
    return { roundId, allocations: cleaned, updatedAt };
  }

  async ballotOf(access: Access, roundId: string): Promise<OwnBallot> {
    if (access.role !== 'participant' || access.participantId === null) throw new DomainError('forbidden', 'only participants have ballots');
    await this.round(access.boardId, roundId);
    const ballot = await this.ballots.getBallot(roundId, access.participantId);
    if (!ballot) return { roundId, allocations: {}, updatedAt: null };
    return { roundId, allocations: ballot.allocations, updatedAt: ballot.updatedAt };
  }

  /**
   * Takes a removed participant's ballots out of every round not yet revealed, so the room's turnout and the
   * coming tally no longer count them; a revealed tally stays as the room saw it. The caller shows the result.
   */
  withdrawVoter(boardId: string, participantId: string): Promise<number> {
    return this.eachUnrevealedBallot(boardId, participantId, (round) => this.ballots.deleteBallot(round.id, participantId));
  }

  private async eachUnrevealedBallot(boardId: string, participantId: string, change: (round: RoundRecord) => Promise<void>): Promise<number> {
    let changed = 0;
    for (const round of await this.ballots.listRounds(boardId)) {
      if (round.state === 'revealed' || !(await this.ballots.getBallot(round.id, participantId))) continue;
      await change(round);
      changed++;
    }
    return changed;
  }

  private async round(boardId: string, roundId: string): Promise<RoundRecord> {
    const round = await this.ballots.getRound(boardId, roundId);
    if (!round) throw new DomainError('not-found', 'unknown round', 'roundId');
    return round;
  }

  private async runoffItems(boardId: string, runoff: { fromRound: string; top: number }): Promise<RoundItem[]> {
    const from = await this.ballots.getRound(boardId, runoff.fromRound);
    if (!from || from.state !== 'revealed' || !from.tally) throw DomainError.refusal('conflict', 'runoff-needs-revealed-round', 'a run-off needs a revealed round', 'runoff.fromRound');
    return topItems(from.tally, runoff.top);
  }
}

/** How long opening a round waits for the facilitator's latest edits before saying they have not arrived. */
const SEEN_WAIT_MS = 3_000;

/** The board's items once the room holds what the facilitator saw (seenState), so a card typed just before is on the ballot. */
async function itemsSeen(room: BoardRoom, seen: string | undefined): Promise<RoundItem[]> {
  if (seen !== undefined) {
    const wanted = decodeSeen(seen);
    if (!wanted) throw new DomainError('invalid', 'seen is not a state vector of the board', 'seen');
    if (!(await whenHolds(room.board, wanted, SEEN_WAIT_MS))) {
      throw DomainError.refusal('conflict', 'board-behind', 'your latest changes to the board have not reached the server yet; try again', 'seen');
    }
  }
  return boardItems(room);
}

/**
 * Every theme, then every card that is in no theme, with their titles as they are now; a card merged with its
 * duplicate is voted on with the card it joined, not beside it.
 */
function boardItems(room: BoardRoom): RoundItem[] {
  const clusters = readClusters(room.board.doc);
  const clusterIds = new Set(clusters.map((c) => c.id));
  const themes = clusters.map((c) => ({ id: c.id, kind: 'theme' as const, title: c.title }));
  const loose = looseCards(readCards(room.board.doc), clusterIds)
    .map((card) => ({ id: card.id, kind: 'card' as const, title: card.title }));
  return [...themes, ...loose];
}
