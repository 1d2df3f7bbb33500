import * as Y from 'yjs';
import type { CorrectParticipantBody, MyDataExport, ParticipantDetails, RemoveParticipantResponse } from '../../shared/peopleApi.js';
import { cardBodyText, cardsOf, readCards, readClusters, type CardMap } from '../../shared/boardDoc.js';
import { participantsOf, readMeta, readTallies, setTally, type BoardMeta } from '../../shared/controlDoc.js';
import { findGroup } from '../../shared/groups.js';
import { REMOVED_PARTICIPANT, selfCorrectionOpen } from '../../shared/people.js';
import type { RoundItem } from '../../shared/voting/index.js';
import type { LiveSessions } from '../access/LiveSessions.js';
import type { Access } from '../auth/Access.js';
import type { VoteRounds } from '../ballots/VoteRounds.js';
import { DomainError } from '../DomainError.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardStore, ParticipantRecord } from '../storage/BoardStore.js';
import { CLOSE } from '../../shared/closeCodes.js';

/**
 * What the facilitator can do about a participant (remove, correct), what a participant can do about
 * themselves (correct until voting starts, download what is stored about them).
 */
export class People {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    private readonly rounds: VoteRounds,
    private readonly sessions: LiveSessions,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Revokes the participant's token and closes their connections at once. Their ballots leave every round not
   * yet revealed; a revealed tally keeps its totals (the room saw them, and an agreement may build on them) but
   * loses the person's entry in per-person figures. Their cards stay, written by "removed participant", or go.
   */
  remove(boardId: string, participantId: string, cards: 'keep' | 'delete'): RemoveParticipantResponse {
    this.participant(boardId, participantId);
    const ballotsWithdrawn = this.rounds.withdrawVoter(boardId, participantId);
    this.store.removeParticipant(boardId, participantId);
    this.sessions.close(boardId, (access) => access.participantId === participantId, CLOSE.removed, 'you were removed from this workshop');
    const counts = this.rooms.withRoom(boardId, (room) => {
      const handled = handleCards(room, participantId, cards);
      room.control.serverTransact((doc) => {
        participantsOf(doc).delete(participantId);
        for (const tally of readTallies(doc)) {
          if (!tally.items.some((item) => item.byPerson?.[participantId] !== undefined)) continue;
          const items = tally.items.map((item) => {
            if (item.byPerson?.[participantId] === undefined) return item;
            const { [participantId]: _gone, ...others } = item.byPerson;
            return { ...item, byPerson: others };
          });
          setTally(doc, { ...tally, items });
        }
      });
      return handled;
    });
    return { participantId, cards: counts, ballotsWithdrawn };
  }

  /** The facilitator corrects anyone at any time; a participant themselves until voting starts. */
  correct(access: Access, participantId: string, body: CorrectParticipantBody): ParticipantDetails {
    const { boardId } = access;
    if (access.role === 'observer') throw new DomainError('forbidden', 'observers cannot correct anyone');
    if (access.role === 'participant' && access.participantId !== participantId) throw new DomainError('forbidden', 'participants correct only their own details');
    const current = this.participant(boardId, participantId);
    const meta = this.meta(boardId);
    if (access.role === 'participant' && !selfCorrectionOpen(meta.phase, this.store.listRounds(boardId).length)) {
      throw DomainError.refusal('conflict', 'voting-started', 'voting has started: ask the facilitator to correct your details');
    }
    let group = current.group;
    if (body.group !== undefined) {
      const found = findGroup(meta.groups, body.group);
      if (!found) throw DomainError.refusal('invalid', 'unknown-group', 'not a stakeholder group of this workshop', 'group');
      group = found.id;
    }
    const updated: ParticipantRecord = { ...current, name: body.name ?? current.name, organisation: body.organisation ?? current.organisation, group };
    this.store.updateParticipant(updated);
    if (group !== current.group) this.rounds.regroupVoter(boardId, participantId, group);
    this.rooms.withRoom(boardId, (room) =>
      room.control.serverTransact((doc) =>
        participantsOf(doc).set(participantId, { id: updated.id, name: updated.name, organisation: updated.organisation, group: updated.group, joinedAt: updated.joinedAt }),
      ),
    );
    // Presence carries the identity resolved when a connection opened; reconnecting shows the corrected one.
    this.sessions.close(boardId, (a) => a.participantId === participantId, CLOSE.identityChanged, 'your details changed');
    return { id: updated.id, name: updated.name, organisation: updated.organisation, group: updated.group };
  }

  /** Everything stored about the caller: their details, their cards (silent ones too) and their own ballots. */
  myData(access: Access): MyDataExport {
    if (access.participantId === null) throw new DomainError('forbidden', 'only participants have data of their own');
    const participant = this.participant(access.boardId, access.participantId);
    const iso = (ms: number) => new Date(ms).toISOString();
    return this.rooms.withRoom(access.boardId, (room) => {
      const meta = readMeta(room.control.doc);
      const themes = new Map(readClusters(room.board.doc).map((c) => [c.id, c.title]));
      const own = (doc: Y.Doc, revealed: boolean) =>
        readCards(doc)
          .filter((card) => card.author === participant.id)
          .map((card) => ({
            id: card.id,
            title: card.title,
            body: cardBodyText(cardsOf(doc).get(card.id) as CardMap),
            createdAt: iso(card.createdAt),
            theme: card.cluster === null ? null : (themes.get(card.cluster) ?? null),
            revealed,
          }));
      const rounds = new Map(this.store.listRounds(access.boardId).map((r) => [r.id, r]));
      const ballots = this.store.listBallotsOf(participant.id).flatMap((ballot) => {
        const round = rounds.get(ballot.roundId);
        if (!round) return [];
        const items = new Map((JSON.parse(round.itemsJson) as RoundItem[]).map((item) => [item.id, item.title]));
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
        },
        cards: [...own(room.board.doc, true), ...own(room.privateList(participant.id).doc, false)],
        ballots,
      };
    });
  }

  private participant(boardId: string, participantId: string): ParticipantRecord {
    const p = this.store.getParticipant(participantId);
    if (!p || p.boardId !== boardId) throw DomainError.refusal('not-found', 'unknown-participant', 'no such participant on this board', 'participantId');
    return p;
  }

  private meta(boardId: string): BoardMeta {
    const meta = this.rooms.withRoom(boardId, (room) => readMeta(room.control.doc));
    if (!meta) throw new DomainError('not-found', 'unknown board');
    return meta;
  }
}

/**
 * Keeps or deletes a removed participant's cards, on the board and in their silent list. Kept silent cards
 * join the board at once: their writer has left, so no one's independence is protected by keeping them hidden.
 */
function handleCards(room: BoardRoom, participantId: string, choice: 'keep' | 'delete'): { kept: number; deleted: number } {
  let handled = 0;
  room.board.serverTransact((doc) => {
    const cards = cardsOf(doc);
    for (const [id, card] of Array.from(cards.entries())) {
      if (card.get('author') !== participantId) continue;
      if (choice === 'delete') cards.delete(id);
      else card.set('author', REMOVED_PARTICIPANT);
      handled++;
    }
  });
  const list = room.privateList(participantId);
  if (cardsOf(list.doc).size > 0) {
    if (choice === 'keep') {
      handled += room.revealPrivateCards([participantId]);
      room.board.serverTransact((doc) =>
        cardsOf(doc).forEach((card) => {
          if (card.get('author') === participantId) card.set('author', REMOVED_PARTICIPANT);
        }),
      );
    } else {
      handled += cardsOf(list.doc).size;
      list.serverTransact((doc) => cardsOf(doc).clear());
    }
  }
  return choice === 'keep' ? { kept: handled, deleted: 0 } : { kept: 0, deleted: handled };
}
