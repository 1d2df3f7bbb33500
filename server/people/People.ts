import * as Y from 'yjs';
import type { CorrectParticipantBody, MyDataExport, ParticipantDetails, RemoveParticipantResponse, WaitingResponse } from '../../shared/peopleApi.js';
import { cardBodyText, cardsOf, readCards, readClusters, type CardMap } from '../../shared/boardDoc.js';
import { findGroup } from '../../shared/groups.js';
import { isOwnCard } from '../../shared/permissions.js';
import { REMOVED_PARTICIPANT, selfCorrectionOpen } from '../../shared/people.js';
import type { LiveSessions } from '../access/LiveSessions.js';
import { SESSIONS_ENDED_WITHIN_MS } from '../access/SessionRecheck.js';
import type { Access } from '../auth/Access.js';
import { cardKeysOf } from '../auth/cardKeys.js';
import type { VoteRounds } from '../ballots/VoteRounds.js';
import { DomainError } from '../DomainError.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { BallotBox } from '../storage/BallotBox.js';
import type { BoardFacts } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import type { Logger } from '../log.js';
import type { BoardState, ParticipantRecord } from '../storage/records.js';

/**
 * What the facilitator can do about a participant (remove, correct), what a participant can do about
 * themselves (correct until voting starts, download what is stored about them).
 */
export class People {
  constructor(
    private readonly identity: Identity,
    private readonly ballots: Pick<BallotBox, 'listRounds' | 'listBallotsOf'>,
    private readonly facts: Pick<BoardFacts, 'getState'>,
    private readonly rooms: RoomRegistry,
    private readonly projection: Pick<ControlProjection, 'show'>,
    private readonly rounds: VoteRounds,
    private readonly sessions: LiveSessions,
    private readonly agreements: Pick<AgreementArchive, 'signoffs'>,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Revokes the participant's token and closes their connections at once. Their ballots leave every round not
   * yet revealed; a revealed tally keeps its totals (the room saw them, and an agreement may build on them), and
   * with their ballots deleted they leave a named round's per-person figures too. Their cards stay, written by
   * "removed participant", or go.
   */
  async remove(boardId: string, participantId: string, cards: 'keep' | 'delete'): Promise<RemoveParticipantResponse> {
    await this.participant(boardId, participantId);
    // Their card key goes with their token: read it first, to find the cards they wrote anonymously.
    const cardKey = (await cardKeysOf(this.identity, boardId)).get(participantId);
    const names = cardKey === undefined ? [participantId] : [participantId, cardKey];
    const ballotsWithdrawn = await this.rounds.withdrawVoter(boardId, participantId);
    await this.identity.removeParticipant(boardId, participantId);
    this.sessions.close({ match: { boardId, participantId }, cause: 'removed' });
    const counts = await this.rooms.withRoom(boardId, (room) => handleCards(room, participantId, names, cards));
    await this.projection.show(boardId);
    this.handleLateCards(boardId, participantId, names, cards);
    return { participantId, cards: counts, ballotsWithdrawn };
  }

  /**
   * A session on another instance may write until that instance ends it (with Redis down, at its next re-check),
   * and this room sees those cards only through the log: once every session is ended, the cards are read again
   * and handled as the removal asked, whichever instance took them. Not awaited: the removal has answered.
   */
  private handleLateCards(boardId: string, participantId: string, names: string[], cards: 'keep' | 'delete'): void {
    const timer = setTimeout(() => {
      const handle = async () => {
        // A board deleted meanwhile is not loaded again (that would write its rows back).
        if (!(await this.identity.getBoard(boardId))) return;
        await this.rooms.withRoom(boardId, async (room) => {
          await room.board.catchUp();
          await (await room.privateList(participantId)).catchUp();
          await handleCards(room, participantId, names, cards);
        });
      };
      // The server stopping meanwhile is the one failure here; the next removal cannot heal it, so it is logged.
      handle().catch((err: unknown) => this.log.warn('a removed participant’s late cards could not be handled', { boardId, error: String(err) }));
    }, SESSIONS_ENDED_WITHIN_MS);
    timer.unref();
  }

  /**
   * The facilitator corrects anyone at any time; a participant themselves until voting starts. A new group takes
   * effect at the next round: an open round's roll keeps the group they had when it opened (see VoteRounds.cast).
   */
  async correct(access: Access, participantId: string, body: CorrectParticipantBody): Promise<ParticipantDetails> {
    const { boardId } = access;
    if (access.role === 'observer') throw new DomainError('forbidden', 'observers cannot correct anyone');
    if (access.role === 'participant' && access.participantId !== participantId) throw new DomainError('forbidden', 'participants correct only their own details');
    const current = await this.participant(boardId, participantId);
    const meta = await this.meta(boardId);
    if (access.role === 'participant' && !selfCorrectionOpen(meta.phase, (await this.ballots.listRounds(boardId)).length)) {
      throw DomainError.refusal('conflict', 'voting-started', 'voting has started: ask the facilitator to correct your details');
    }
    let group = current.group;
    if (body.group !== undefined) {
      const found = findGroup(meta.groups, body.group);
      if (!found) throw DomainError.refusal('invalid', 'unknown-group', 'not a stakeholder group of this workshop', 'group');
      group = found.id;
    }
    const updated: ParticipantRecord = { ...current, name: body.name ?? current.name, organisation: body.organisation ?? current.organisation, group };
    await this.identity.updateParticipant(updated);
    await this.projection.show(boardId);
    // Presence carries the identity resolved when a connection opened; reconnecting shows the corrected one.
    this.sessions.close({ match: { boardId, participantId }, cause: 'identity-changed' });
    return details(updated);
  }

  /** The waiting list of a strictly anonymous workshop, longest waiting first. */
  async waitingList(boardId: string): Promise<WaitingResponse> {
    const waiting = (await this.identity.listParticipants(boardId)).flatMap((p) => (p.waitingSince != null ? [{ ...details(p), waitingSince: p.waitingSince }] : []));
    return { waiting: waiting.sort((a, b) => a.waitingSince - b.waitingSince) };
  }

  /**
   * Lets a waiting person vote. In a round already open they vote in their group but, not on its roll, count toward
   * no threshold (countsTowardThreshold).
   */
  async admit(boardId: string, participantId: string): Promise<ParticipantDetails> {
    const participant = await this.participant(boardId, participantId);
    if (!(await this.letIn(boardId, participantId))) {
      throw DomainError.refusal('conflict', 'not-waiting', 'this person is not waiting to be let in', 'participantId');
    }
    await this.projection.show(boardId);
    return details(participant);
  }

  /** Nobody waits in a workshop that is not strictly anonymous: when the setting is turned off, everyone waiting is let in. */
  async admitEveryoneWaiting(boardId: string): Promise<void> {
    const { waiting } = await this.waitingList(boardId);
    for (const person of waiting) await this.letIn(boardId, person.id);
    if (waiting.length > 0) await this.projection.show(boardId);
  }

  /** Their connections reopen, so the room's presence names them from now on. */
  private async letIn(boardId: string, participantId: string): Promise<boolean> {
    const admitted = await this.identity.admitParticipant(boardId, participantId);
    if (admitted) this.sessions.close({ match: { boardId, participantId }, cause: 'identity-changed' });
    return admitted;
  }

  /** Everything stored about the caller: their details, their cards (silent ones too), their own ballots and sign-offs. */
  async myData(access: Access): Promise<MyDataExport> {
    if (access.participantId === null) throw new DomainError('forbidden', 'only participants have data of their own');
    const self = { authorId: access.participantId, cardKey: access.writer.cardKey };
    const participant = await this.participant(access.boardId, access.participantId);
    const iso = (ms: number) => new Date(ms).toISOString();
    const rounds = new Map((await this.ballots.listRounds(access.boardId)).map((r) => [r.id, r]));
    const storedBallots = await this.ballots.listBallotsOf(participant.id);
    const meta = (await this.facts.getState(access.boardId))?.state;
    const signoffs = (await this.agreements.signoffs(access.boardId))
      .filter((d) => d.participantId === participant.id)
      .map(({ version, decision, reason, signedAt }) => ({ version, decision, reason, signedAt: iso(signedAt) }));
    return this.rooms.withRoom(access.boardId, async (room) => {
      const themes = new Map(readClusters(room.board.doc).map((c) => [c.id, c.title]));
      const own = (doc: Y.Doc, revealed: boolean) =>
        readCards(doc)
          .filter((card) => isOwnCard(card.author, self))
          .map((card) => ({
            id: card.id,
            title: card.title,
            body: cardBodyText(cardsOf(doc).get(card.id) as CardMap),
            createdAt: iso(card.createdAt),
            theme: card.cluster === null ? null : (themes.get(card.cluster) ?? null),
            revealed,
          }));
      const ballots = storedBallots.flatMap((ballot) => {
        const round = rounds.get(ballot.roundId);
        if (!round) return [];
        const items = new Map(round.items.map((item) => [item.id, item.title]));
        const allocations = Object.entries(ballot.allocations).map(([itemId, dots]) => ({ itemId, item: items.get(itemId) ?? '', dots }));
        return [{ roundId: round.id, roundNumber: round.number, allocations, updatedAt: iso(ballot.updatedAt) }];
      });
      return {
        exportedAt: iso(this.now()),
        board: { id: access.boardId, title: meta?.title ?? '' },
        participant: {
          id: participant.id,
          name: participant.name,
          organisation: participant.organisation,
          group: { id: participant.group, name: findGroup(meta?.groups ?? [], participant.group)?.name ?? participant.group },
          joinedAt: iso(participant.joinedAt),
          language: participant.language,
        },
        cards: [...own(room.board.doc, true), ...own((await room.privateList(participant.id)).doc, false)],
        ballots,
        signoffs,
      };
    });
  }

  private async participant(boardId: string, participantId: string): Promise<ParticipantRecord> {
    const p = await this.identity.getParticipant(participantId);
    if (!p || p.boardId !== boardId) throw DomainError.refusal('not-found', 'unknown-participant', 'no such participant on this board', 'participantId');
    return p;
  }

  private async meta(boardId: string): Promise<BoardState> {
    const stored = await this.facts.getState(boardId);
    if (!stored) throw new DomainError('not-found', 'unknown board');
    return stored.state;
  }
}

function details(p: ParticipantRecord): ParticipantDetails {
  return { id: p.id, name: p.name, organisation: p.organisation, group: p.group };
}

/**
 * Keeps or deletes a removed participant's cards, on the board and in their silent list. Kept silent cards
 * join the board at once: their writer has left, so no one's independence is protected by keeping them hidden.
 */
async function handleCards(room: BoardRoom, participantId: string, names: string[], choice: 'keep' | 'delete'): Promise<{ kept: number; deleted: number }> {
  let handled = 0;
  await room.board.serverTransact((doc) => {
    const cards = cardsOf(doc);
    for (const [id, card] of Array.from(cards.entries())) {
      if (!names.includes(String(card.get('author')))) continue;
      if (choice === 'delete') cards.delete(id);
      else card.set('author', REMOVED_PARTICIPANT);
      handled++;
    }
  });
  const list = await room.privateList(participantId);
  if (cardsOf(list.doc).size > 0) {
    if (choice === 'keep') {
      handled += await room.revealPrivateCards([participantId], () => REMOVED_PARTICIPANT);
    } else {
      handled += cardsOf(list.doc).size;
      await list.serverTransact((doc) => cardsOf(doc).clear());
    }
  }
  return choice === 'keep' ? { kept: handled, deleted: 0 } : { kept: 0, deleted: handled };
}
