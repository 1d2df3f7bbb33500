import crypto from 'node:crypto';
import type { OpenRoundBody, OwnBallot, StoredBallot } from '../../shared/api.js';
import { readCards, readClusters } from '../../shared/boardDoc.js';
import { looseCards } from '../../shared/cardMerge.js';
import { phaseChange, readMeta, readRound, readTally, setRoundState, setTally, writeMeta } from '../../shared/controlDoc.js';
import { dotsPerPerson, tallyRound, topItems, turnoutAsShown, validateBallot, type PersonDots, type RoundItem, type RoundSettings, type RoundState, type Tally } from '../../shared/voting/index.js';
import type { Access } from '../auth/Access.js';
import { DomainError, isRefusal } from '../DomainError.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BallotBox } from '../storage/BallotBox.js';
import type { Identity } from '../storage/Identity.js';
import type { RoundRecord } from '../storage/records.js';

/**
 * The ballot box. Ballots live only in the database: never in a Yjs document or in awareness, so no
 * client can read them before reveal. The room sees each round's public state (how many voted, per
 * group) in the control document; on reveal the server writes the tally there. The stored round is the one
 * source of that state: every change publishes it whole, with the turnout counted from the stored ballots.
 */
export class VoteRounds {
  constructor(
    private readonly ballots: BallotBox,
    private readonly identity: Pick<Identity, 'getParticipant' | 'listParticipants'>,
    private readonly rooms: RoomRegistry,
    private readonly now: () => number = Date.now,
  ) {}

  /** Per round, the latest publication of its public state, so publications follow one another in order. */
  private readonly publishing = new Map<string, Promise<RoundState>>();

  /** The store refuses a second open round and numbers the round, so two instances cannot both open one. */
  open(boardId: string, body: OpenRoundBody): Promise<RoundState> {
    return this.rooms.withRoom(boardId, async (room) => {
      const items = body.runoff ? await this.runoffItems(boardId, room, body.runoff) : boardItems(room);
      if (items.length === 0) throw DomainError.refusal('conflict', 'nothing-to-vote-on', 'there is nothing to vote on: add cards or themes first');
      const settings: RoundSettings = { budget: body.budget, cap: body.cap, anonymous: body.anonymous };
      const record = await this.ballots
        .openRound({ id: 'r_' + crypto.randomBytes(6).toString('base64url'), boardId, settings, items, openedAt: this.now() })
        .catch(async (err: unknown) => {
          if (isRefusal(err, 'round-already-open')) await this.showOpenRound(boardId, room);
          throw err;
        });
      const state = publicState(record, { total: 0, byGroup: {} });
      await room.control.serverTransact((doc) => {
        setRoundState(doc, state);
        writeMeta(doc, phaseChange(readMeta(doc)!, 'vote'));
      });
      return state;
    });
  }

  /**
   * The open round, shown whole from what is stored, if the board does not show it: a round stored as open whose
   * publication failed (the database went away in between) would otherwise refuse every later open unseen. The
   * refusal still stands (that round was opened with its own settings); now the facilitator sees the round it
   * names. Publishing from stored facts is harmless when the round is shown already, or about to be.
   */
  private async showOpenRound(boardId: string, room: BoardRoom): Promise<void> {
    const open = (await this.ballots.listRounds(boardId)).find((r) => r.state === 'open');
    if (!open || readRound(room.control.doc, open.id)) return;
    await this.publish(open);
    const meta = readMeta(room.control.doc);
    if (meta && meta.phase !== 'vote') await room.control.serverTransact((doc) => writeMeta(doc, phaseChange(readMeta(doc)!, 'vote')));
  }

  async close(boardId: string, roundId: string): Promise<RoundState> {
    const round = await this.round(boardId, roundId);
    if (round.state !== 'open') throw DomainError.refusal('conflict', 'round-not-open', `round is already ${round.state}`);
    const closed = await this.ballots.advanceRound(boardId, roundId, 'closed', this.now());
    if (!closed) throw DomainError.refusal('conflict', 'round-not-open', 'round is already closed');
    return this.publish(closed);
  }

  /** Closes the round if needed, tallies it with the one shared function and publishes the result. */
  async reveal(boardId: string, roundId: string): Promise<Tally> {
    const round = await this.round(boardId, roundId);
    if (round.state === 'revealed') throw DomainError.refusal('conflict', 'round-already-revealed', 'round is already revealed');
    // Closed first, so no ballot can arrive between the count and the tally; then the ballots are final.
    if (round.state === 'open') await this.ballots.advanceRound(boardId, roundId, 'closed', this.now());
    const ballots = await this.ballots.listBallots(roundId);
    const joinedAt = new Map((await this.identity.listParticipants(boardId)).map((p) => [p.id, p.joinedAt]));
    return this.rooms.withRoom(boardId, async (room) => {
      const meta = readMeta(room.control.doc);
      const tally = tallyRound({
        roundId,
        items: round.items,
        settings: round.settings,
        ballots: ballots.map((b) => ({ participantId: b.participantId, group: b.group, allocations: b.allocations, joinedAt: joinedAt.get(b.participantId) })),
        groups: meta?.groups ?? [],
        openedAt: round.openedAt,
      });
      const revealed = await this.ballots.advanceRound(boardId, roundId, 'revealed', this.now());
      if (!revealed) throw DomainError.refusal('conflict', 'round-already-revealed', 'round is already revealed');
      // Revealed, the round's turnout is the tally's: by the groups its figures show.
      const state = publicState(revealed, tally.voters);
      await room.control.serverTransact((doc) => {
        setTally(doc, tally);
        setRoundState(doc, state);
        writeMeta(doc, phaseChange(readMeta(doc)!, 'results'));
      });
      return tally;
    });
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
    const cleaned = Object.fromEntries(Object.entries(allocations).filter(([, dots]) => dots > 0));
    const updatedAt = this.now();
    const firstBallot = await this.ballots.putBallot({ roundId, participantId: participant.id, group: participant.group, allocations: cleaned, updatedAt });
    if (firstBallot) await this.publish(round);
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
   * coming tally no longer count them; a revealed tally stays as the room saw it.
   */
  withdrawVoter(boardId: string, participantId: string): Promise<number> {
    return this.eachUnrevealedBallot(boardId, participantId, (round) => this.ballots.deleteBallot(round.id, participantId));
  }

  /** Moves a participant's ballots in rounds not yet revealed to their corrected stakeholder group. */
  async regroupVoter(boardId: string, participantId: string, group: string): Promise<void> {
    await this.eachUnrevealedBallot(boardId, participantId, (round) => this.ballots.setBallotGroup(round.id, participantId, group));
  }

  private async eachUnrevealedBallot(boardId: string, participantId: string, change: (round: RoundRecord) => Promise<void>): Promise<number> {
    let changed = 0;
    for (const round of await this.ballots.listRounds(boardId)) {
      if (round.state === 'revealed' || !(await this.ballots.getBallot(round.id, participantId))) continue;
      await change(round);
      await this.publish(round);
      changed++;
    }
    return changed;
  }

  private async round(boardId: string, roundId: string): Promise<RoundRecord> {
    const round = await this.ballots.getRound(boardId, roundId);
    if (!round) throw new DomainError('not-found', 'unknown round', 'roundId');
    return round;
  }

  /**
   * Publishes the round's public state whole, from the stored round and a count of its stored ballots (the
   * database's, not a counter kept in the control document), so concurrent writers cannot lose a voter.
   */
  private publish(round: RoundRecord): Promise<RoundState> {
    // One count-and-write at a time per round: a count taken earlier is never written over a later one.
    const previous = this.publishing.get(round.id) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        // The round as stored now: a ballot's publication queued behind a close must not reopen it, and one
        // behind a reveal must not replace the tally's turnout.
        const current = (await this.ballots.getRound(round.boardId, round.id)) ?? round;
        const state = publicState(current, shownTurnout(current, await this.ballots.countVoters(round.id)));
        if (current.state === 'revealed') return state;
        await this.rooms.withRoom(round.boardId, (room) => room.control.serverTransact((doc) => setRoundState(doc, state)));
        return state;
      });
    this.publishing.set(round.id, next);
    const forget = () => {
      if (this.publishing.get(round.id) === next) this.publishing.delete(round.id);
    };
    next.then(forget, forget);
    return next;
  }

  private async runoffItems(boardId: string, room: BoardRoom, runoff: { fromRound: string; top: number }): Promise<RoundItem[]> {
    const from = await this.ballots.getRound(boardId, runoff.fromRound);
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
  const loose = looseCards(readCards(room.board.doc), clusterIds)
    .map((card) => ({ id: card.id, kind: 'card' as const, title: card.title }));
  return [...themes, ...loose];
}

/** What the room sees of a round's turnout before reveal: in an anonymous round, no group below the threshold apart. */
function shownTurnout(round: RoundRecord, real: Record<string, number>): RoundState['voters'] {
  const total = Object.values(real).reduce((sum, n) => sum + n, 0);
  return { total, byGroup: turnoutAsShown(real, round.settings.anonymous) };
}

function publicState(round: RoundRecord, voters: RoundState['voters']): RoundState {
  return {
    id: round.id,
    number: round.number,
    state: round.state,
    settings: round.settings,
    items: round.items,
    openedAt: round.openedAt,
    ...(round.closedAt !== null ? { closedAt: round.closedAt } : {}),
    ...(round.revealedAt !== null ? { revealedAt: round.revealedAt } : {}),
    voters,
  };
}
