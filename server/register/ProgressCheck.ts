import { addCluster, clustersOf } from '../../shared/boardDoc.js';
import { agendaOf, itemsToCarry, mayReport, type FollowUpSourceBody, type FollowUpState } from '../../shared/followUp.js';
import { LIMITS } from '../../shared/limits.js';
import { REGISTER_LIMITS, type RegisterItem, type RegisterUpdateBody } from '../../shared/register.js';
import type { Access } from '../auth/Access.js';
import { hashToken } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import type { FollowUpStart, RegisterStore } from '../storage/RegisterStore.js';
import type { BoardState } from '../storage/records.js';
import type { FollowThrough } from './FollowThrough.js';

/**
 * A follow-up workshop's progress check: it starts from another workshop's register, walks its items one by one
 * (the current item is a fact of the follow-up's state, drawn by the projection), takes the owners' reports into
 * the source register through FollowThrough, and carries the items still open onto its own board as themes.
 */
export class ProgressCheck {
  constructor(
    private readonly followThrough: Pick<FollowThrough, 'readerOf' | 'update'>,
    private readonly registers: Pick<RegisterStore, 'read' | 'followUpOf' | 'followUpsOf'>,
    private readonly facts: BoardFacts,
    private readonly identity: Pick<Identity, 'getParticipant' | 'findToken'>,
    private readonly rooms: RoomRegistry,
    private readonly projection: Pick<ControlProjection, 'show'>,
  ) {}

  /**
   * What a new workshop following up `source` starts with, and its place among the register's follow-ups, which its
   * creation takes in the same transaction (Workshops.createBoard); refused unless the caller facilitates a source
   * with a register. The grant keeps which facilitator link of the source created it: each report checks that the
   * link still opens the source, and each change of the source register draws the follow-up again.
   */
  async startFrom(source: FollowUpSourceBody): Promise<FollowUpStart> {
    const notAllowed = () => DomainError.refusal('forbidden', 'not-source-facilitator', "a follow-up starts from a register with that workshop's facilitator link", 'followUp');
    const access = await this.followThrough.readerOf(source.boardId, source.facilitatorToken).catch((err: unknown) => {
      throw err instanceof DomainError && err.kind === 'forbidden' ? notAllowed() : err;
    });
    if (!access || access.reader.kind !== 'facilitator') throw notAllowed();
    const register = await this.registers.read(source.boardId);
    if (!register) throw DomainError.refusal('conflict', 'no-register', 'that workshop has no register yet', 'followUp');
    return {
      state: { sourceBoardId: source.boardId, currentItemId: register.items[0]?.itemId ?? null, reporterId: null, carried: [] },
      grant: { sourceBoardId: source.boardId, grantedBy: hashToken(source.facilitatorToken), cap: REGISTER_LIMITS.maxFollowUps },
    };
  }

  /** The room looks at another item; whoever reported on the last one hands back to the facilitator. */
  async goTo(boardId: string, itemId: string): Promise<void> {
    const { followUp } = await this.followUpOf(boardId);
    await this.itemOf(followUp, itemId);
    await this.changeFollowUp(boardId, (current) => (current.currentItemId === itemId ? {} : { currentItemId: itemId, reporterId: null }));
  }

  /** Asks a participant of this workshop to report on the current item, or hands reporting back (null). */
  async askToReport(boardId: string, participantId: string | null): Promise<void> {
    if (participantId !== null) {
      const participant = await this.identity.getParticipant(participantId);
      if (!participant || participant.boardId !== boardId) throw DomainError.refusal('invalid', 'unknown-participant', 'no such participant in this workshop', 'participantId');
    }
    await this.changeFollowUp(boardId, (current) => (current.reporterId === participantId ? {} : { reporterId: participantId }));
  }

  /**
   * A report from the room: the facilitator on any item, the participant asked to on the current one. It changes the
   * source register, logged as coming from this workshop; the register's change draws every follow-up again.
   */
  async report(access: Access, itemId: string, body: RegisterUpdateBody): Promise<RegisterItem> {
    const { state, followUp } = await this.followUpOf(access.boardId);
    if (state.closedAt !== null) throw DomainError.refusal('conflict', 'workshop-closed', 'the workshop is closed; reopen it first');
    const participantId = access.role === 'facilitator' ? null : (access.participantId ?? '');
    if (!mayReport(followUp, participantId === null ? { facilitator: true } : { participantId }, itemId)) {
      throw DomainError.refusal('forbidden', 'not-reporting', 'the facilitator has not asked you to report on this priority');
    }
    if (body.owner !== undefined && participantId !== null) throw DomainError.refusal('forbidden', 'not-your-item', 'only the facilitator hands a priority to another owner', 'owner');
    await this.assertStillAllowed(access.boardId, followUp.sourceBoardId);
    const by = participantId === null ? 'facilitator' : ((await this.identity.getParticipant(participantId))?.name ?? '');
    const updated = await this.followThrough.update({ boardId: followUp.sourceBoardId, reader: { kind: 'facilitator' } }, itemId, body, {
      by,
      followUp: { boardId: access.boardId, title: state.title },
    });
    return updated;
  }

  /**
   * Carries every item still open (not done, not dropped, not carried before) onto the board as a theme named as
   * the item, linked back to it, so the cluster and vote steps rank them again beside new challenges.
   */
  async carryOpenItems(boardId: string): Promise<{ carried: number }> {
    // Read from the store, not the control document: a report whose drawing failed leaves it showing an item open.
    const { followUp } = await this.followUpOf(boardId);
    const register = await this.registers.read(followUp.sourceBoardId);
    if (!register) throw DomainError.refusal('conflict', 'source-deleted', 'the workshop this one follows up has been deleted');
    const carrying = itemsToCarry({ items: agendaOf(register.items), carried: followUp.carried });
    if (carrying.length === 0) return { carried: 0 };
    return this.rooms.withRoom(boardId, async (room) => {
      await room.board.serverTransact((doc) => {
        const themes = clustersOf(doc);
        const fresh = carrying.filter((item) => !themes.has(themeIdOf(item.itemId)));
        if (themes.size + fresh.length > LIMITS.maxClustersPerBoard) throw DomainError.refusal('too-large', 'too-many-themes', `a board holds at most ${LIMITS.maxClustersPerBoard} themes`);
        for (const item of fresh) {
          addCluster(doc, {
            id: themeIdOf(item.itemId),
            title: item.title.slice(0, LIMITS.maxClusterTitle),
            registerItem: { boardId: followUp.sourceBoardId, itemId: item.itemId, position: item.position },
          });
        }
      });
      await this.changeFollowUp(boardId, (current) => ({ carried: [...new Set([...current.carried, ...carrying.map((item) => item.itemId)])] }));
      return { carried: carrying.length };
    });
  }

  private async followUpOf(boardId: string): Promise<{ state: BoardState; followUp: FollowUpState }> {
    const stored = await this.facts.getState(boardId);
    if (!stored) throw new DomainError('not-found', 'unknown board');
    if (!stored.state.followUp) throw DomainError.refusal('not-found', 'not-a-follow-up', 'this workshop follows up no register');
    return { state: stored.state, followUp: stored.state.followUp };
  }

  /** The source may have been deleted, or the facilitator link that created this follow-up revoked, since it started. */
  private async assertStillAllowed(boardId: string, sourceBoardId: string): Promise<void> {
    const [grant, source] = await Promise.all([this.registers.followUpOf(boardId), this.facts.getState(sourceBoardId)]);
    if (!source) throw DomainError.refusal('conflict', 'source-deleted', 'the workshop this one follows up has been deleted');
    const token = grant?.sourceBoardId === sourceBoardId ? await this.identity.findToken(grant.grantedBy) : undefined;
    if (token?.boardId !== sourceBoardId || token.role !== 'facilitator') {
      throw DomainError.refusal('forbidden', 'source-access-revoked', 'the facilitator link this follow-up was started with no longer opens its register');
    }
  }

  /** The item of the source register as it is now: an id it no longer (or never) held is refused. */
  private async itemOf(followUp: FollowUpState, itemId: string): Promise<RegisterItem> {
    const item = (await this.registers.read(followUp.sourceBoardId))?.items.find((i) => i.itemId === itemId);
    if (!item) throw DomainError.refusal('not-found', 'unknown-item', 'the register has no such priority', 'itemId');
    return item;
  }

  private async changeFollowUp(boardId: string, change: (current: FollowUpState) => Partial<FollowUpState>): Promise<void> {
    await changeBoardState(this.facts, boardId, (state) => {
      if (!state.followUp) throw DomainError.refusal('not-found', 'not-a-follow-up', 'this workshop follows up no register');
      const patch = change(state.followUp);
      return Object.keys(patch).length === 0 ? {} : { followUp: { ...state.followUp, ...patch } };
    });
    await this.projection.show(boardId);
  }
}

/** A carried item's theme has an id of its own, so carrying it again finds it instead of adding a second. */
const themeIdOf = (itemId: string) => `register-${itemId}`.slice(0, 64);
