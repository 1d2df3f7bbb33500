import type {
  BoardSummary,
  BoardTemplate,
  CreateBoardBody,
  EditBoardBody,
  CreateBoardResponse,
  JoinBody,
  JoinCodeInfo,
  JoinResponse,
  TimerCommand,
} from '../../shared/api.js';
import { renameAuthorsIn, renameCardAuthors } from '../../shared/boardDoc.js';
import { commentsOf } from '../../shared/comments.js';
import { questionsOf } from '../../shared/plenaryQuestions.js';
import { renameReactors } from '../../shared/reactions.js';
import { phaseChange, readMeta, readSeating, type BoardMeta } from '../../shared/controlDoc.js';
import { CONTROL_DOC } from '../../shared/rooms.js';
import type { TimerState } from '../../shared/timer.js';
import { defaultGroupNames, findGroup, groupsFromNames, type StakeholderGroup } from '../../shared/groups.js';
import { LIMITS } from '../../shared/limits.js';
import { DEFAULT_SETTINGS, phasesOf, type BoardSettings, type Phase } from '../../shared/phases.js';
import { boardLinks } from '../access/boardLinks.js';
import type { Access } from '../auth/Access.js';
import { cardKeysOf } from '../auth/cardKeys.js';
import { hashToken, newBoardId, newParticipantId, newToken, randomJoinCode } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import type { BoardActivity } from '../retention/BoardActivity.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import type { BoardRoom } from '../rooms/BoardRoom.js';
import type { DocRoom } from '../rooms/DocRoom.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BallotBox } from '../storage/BallotBox.js';
import { changeBoardState, type BoardFacts } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import type { BoardRecord, BoardState, NewToken } from '../storage/records.js';
import type { FollowUpStart } from '../storage/RegisterStore.js';

/**
 * The facilitator's commands and the board's lifecycle. Each changes the board's stored state (or its people)
 * and then has the projection draw the control document, from where every client reads it.
 */
export class Workshops {
  constructor(
    private readonly identity: Identity,
    private readonly ballots: Pick<BallotBox, 'listRounds'>,
    private readonly facts: BoardFacts,
    private readonly rooms: RoomRegistry,
    private readonly projection: Pick<ControlProjection, 'show' | 'showFollowUps'>,
    private readonly activity: Pick<BoardActivity, 'lastActivityAt'>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * `followUp`: what a follow-up workshop stores of the register it follows up, checked already
   * (ProgressCheck.startFrom); its registration with the source's register is part of the creation's transaction.
   */
  async createBoard(body: CreateBoardBody, baseUrl: string, followUp?: FollowUpStart): Promise<CreateBoardResponse> {
    const language = body.language ?? 'en';
    const groups = groupsFromNames(body.groups ?? defaultGroupNames(language));
    const boardId = newBoardId();
    const facilitatorToken = newToken();
    const observerToken = newToken();
    const createdAt = this.now();
    const state: BoardState = {
      title: body.title,
      question: body.question ?? '',
      language,
      groups,
      phase: 'setup',
      settings: { ...DEFAULT_SETTINGS, ...body.settings },
      timer: { status: 'idle' },
      createdAt,
      closedAt: null,
      presentation: null,
      concepts: [],
      agreementDraft: null,
      ...(followUp ? { followUp: followUp.state } : {}),
    };
    const board = { id: boardId, title: body.title, createdAt };
    const tokens: NewToken[] = [
      { hash: hashToken(facilitatorToken), boardId, role: 'facilitator', participantId: null },
      { hash: hashToken(observerToken), boardId, role: 'observer', participantId: null },
    ];
    const joinCode = await this.store(board, tokens, state, followUp);
    // Created once stored, in one transaction: its control document is drawn when its room first loads, so no second
    // write can fail after it and leave a board that nobody was given the links of.
    const links = boardLinks(baseUrl);
    return {
      boardId,
      facilitatorToken,
      observerToken,
      joinCode,
      groups,
      links: {
        facilitator: links.withToken(boardId, facilitatorToken),
        participant: links.participant(joinCode),
        observer: links.withToken(boardId, observerToken),
      },
    };
  }

  /** Stores a new board in one transaction: with a follow-up's registration, refused when its register has no place left. */
  private async store(board: Omit<BoardRecord, 'joinCode'>, tokens: NewToken[], state: BoardState, followUp: FollowUpStart | undefined): Promise<string> {
    if (!followUp) return this.identity.createBoard(board, tokens, randomJoinCode, state);
    const joinCode = await this.identity.createBoard(board, tokens, randomJoinCode, state, followUp.grant);
    if (joinCode === null) throw DomainError.refusal('conflict', 'too-many-follow-ups', `a register is followed up by at most ${followUp.grant.cap} workshops`, 'followUp');
    return joinCode;
  }

  async joinCodeInfo(code: string): Promise<JoinCodeInfo> {
    const board = await this.identity.findBoardByJoinCode(code.toUpperCase());
    if (!board) throw new DomainError('not-found', 'no workshop has this code', 'joinCode');
    const meta = await this.meta(board.id);
    return { boardId: board.id, title: meta.title, question: meta.question, language: meta.language, groups: meta.groups };
  }

  async join(boardId: string, body: JoinBody): Promise<JoinResponse> {
    const board = await this.identity.getBoard(boardId);
    // An unknown board answers as a wrong code does, so nobody can find out which boards exist.
    if (!board || board.joinCode !== body.joinCode) throw DomainError.refusal('forbidden', 'wrong-join-code', 'wrong join code', 'joinCode');
    const meta = await this.meta(boardId);
    if (meta.closedAt !== null) throw closedRefusal();
    const group = findGroup(meta.groups, body.group);
    if (!group) throw DomainError.refusal('invalid', 'unknown-group', 'not a stakeholder group of this workshop', 'group');
    const participant = {
      id: newParticipantId(),
      boardId,
      name: body.name,
      organisation: body.organisation ?? '',
      group: group.id,
      joinedAt: this.now(),
      language: body.language ?? null,
      waitingSince: meta.settings.strictAnonymity && (await this.ballots.listRounds(boardId)).length > 0 ? this.now() : null,
    };
    const token = newToken();
    // The cap is checked by the store in the same step as the insert, so two instances cannot both take the last place.
    if (!(await this.identity.addParticipant(participant, hashToken(token), LIMITS.maxParticipantsPerBoard))) {
      throw DomainError.refusal('conflict', 'workshop-full', 'this workshop is full');
    }
    await this.projection.show(boardId);
    return { participantId: participant.id, token };
  }

  async summary(access: Access, baseUrl: string): Promise<BoardSummary> {
    const board = await this.identity.getBoard(access.boardId);
    if (!board) throw new DomainError('not-found', 'unknown board');
    const meta = await this.meta(access.boardId);
    const participant = access.participantId ? await this.identity.getParticipant(access.participantId) : undefined;
    return {
      boardId: board.id,
      title: meta.title,
      question: meta.question,
      language: meta.language,
      phase: meta.phase,
      groups: meta.groups,
      participantCount: await this.identity.countAdmittedParticipants(board.id),
      closedAt: meta.closedAt,
      lastActivityAt: await this.activity.lastActivityAt(board.id),
      rounds: (await this.ballots.listRounds(board.id)).map((r) => ({ id: r.id, number: r.number, state: r.state })),
      you: {
        role: access.role,
        coFacilitator: access.coFacilitator,
        participantId: access.participantId,
        name: participant?.name ?? null,
        group: participant?.group ?? null,
        cardKey: access.writer.cardKey,
        waiting: participant?.waitingSince != null,
      },
      share:
        access.role === 'facilitator' || access.role === 'projector'
          ? {
              joinCode: board.joinCode,
              links: { participant: boardLinks(baseUrl).participant(board.joinCode) },
            }
          : undefined,
    };
  }

  setPhase(boardId: string, phase: Phase): Promise<BoardMeta> {
    return this.change(boardId, (meta) => {
      if (!phasesOf(meta.followUp !== undefined).includes(phase)) throw DomainError.refusal('invalid', 'not-a-follow-up', 'only a follow-up workshop has a progress check', 'phase');
      return phaseChange(meta, phase);
    });
  }

  async updateSettings(boardId: string, patch: Partial<BoardSettings>): Promise<BoardMeta> {
    // Turning silent collect off is a reveal: private cards must not stay hidden once nobody adds to them.
    if (patch.silentCollect === false) await this.revealCards(boardId);
    const meta = await this.change(boardId, (meta) => ({ settings: { ...meta.settings, ...patch } }));
    if (patch.anonymousCards !== undefined) await this.nameCardAuthors(boardId, meta.settings);
    return meta;
  }

  /**
   * Names every card's, comment's, question's and +1's author, on the board and every breakout table's board, as the
   * settings say: with anonymous cards by the author's card key, so no browser but the author's can tie a card to its
   * writer, else by participant id. The setting is stored first, so a
   * card added while it changed carries the old name and is renamed here too.
   */
  private async nameCardAuthors(boardId: string, settings: BoardSettings): Promise<void> {
    const keys = await cardKeysOf(this.identity, boardId);
    const names = new Map(settings.anonymousCards ? keys : Array.from(keys, ([id, key]) => [key, id]));
    await this.rooms.withRoom(boardId, async (room) => {
      // The breakout tables' boards too: a tablemate would otherwise still read who wrote each card there.
      const tables = await Promise.all(readSeating(room.control.doc).tables.map((table) => room.table(table.id)));
      for (const board of [room.board, ...tables]) {
        await board.serverTransact((doc) => {
          renameCardAuthors(doc, names);
          renameAuthorsIn(commentsOf(doc), names);
          renameAuthorsIn(questionsOf(doc), names);
          renameReactors(doc, names);
        });
      }
    });
  }

  commandTimer(boardId: string, command: TimerCommand): Promise<BoardMeta> {
    return this.change(boardId, (meta) => ({ timer: nextTimer(meta.timer, command, this.now()) }));
  }

  /**
   * Ends silent collect: every private card joins the board with its author, and new cards go there directly.
   * Silent collect ends first, so once the control document shows it the lists take no private card: one stored
   * before moves with its list, and none stays behind in a list nobody's screen shows any more.
   */
  async revealCards(boardId: string): Promise<{ revealed: number }> {
    const participantIds = (await this.identity.listParticipants(boardId)).map((p) => p.id);
    const { settings } = await this.change(boardId, (meta) => ({ settings: { ...meta.settings, silentCollect: false } }));
    const revealed = await this.rooms.withRoom(boardId, (room) => this.moveOntoBoard(room, participantIds, settings));
    return { revealed };
  }

  /**
   * Another instance changed a document of a board loaded here. When it is the control document showing silent
   * collect ended (and the stored state confirms it), a private list loaded here may have taken a card in the moment
   * before this instance heard of it, after the reveal on that instance had moved the list: such cards join the
   * board as the reveal moves them, with the same ids, so a card both instances moved lands once. Resolves to how
   * many moved.
   */
  otherInstanceChanged(changed: DocRoom): Promise<number> {
    if (changed.name !== CONTROL_DOC || readMeta(changed.doc)?.settings.silentCollect !== false) return Promise.resolve(0);
    return this.rooms.withRoom(changed.boardId, async (room) => {
      const owners = await room.loadedListsHoldingCards();
      if (owners.length === 0) return 0;
      const stored = await this.facts.getState(room.boardId);
      if (!stored || stored.state.settings.silentCollect) return 0;
      return this.moveOntoBoard(room, owners, stored.state.settings);
    });
  }

  /** Moves these participants' private cards onto the board, named by card key while cards are anonymous. */
  private async moveOntoBoard(room: BoardRoom, participantIds: string[], settings: BoardSettings): Promise<number> {
    const keys = settings.anonymousCards ? await cardKeysOf(this.identity, room.boardId) : new Map<string, string>();
    return room.revealPrivateCards(participantIds, (id) => keys.get(id) ?? id);
  }

  /**
   * The facilitator's corrections after creation. Groups keep their ids when renamed, so participants, ballots
   * and results stay with them; a group someone has joined cannot be removed. Checked before anything is written.
   */
  async editDetails(boardId: string, body: EditBoardBody): Promise<BoardMeta> {
    const groupsInUse = new Set((await this.identity.listParticipants(boardId)).map((p) => p.group));
    const edited = await this.change(boardId, (meta) => {
      const patch: Partial<BoardMeta> = {};
      if (body.title !== undefined) patch.title = body.title;
      if (body.question !== undefined) patch.question = body.question;
      if (body.language !== undefined) patch.language = body.language;
      if (body.groups !== undefined) patch.groups = editedGroups(groupsInUse, meta.groups, body.groups);
      return patch;
    });
    // Its follow-up workshops show its title.
    if (body.title !== undefined) await this.projection.showFollowUps(boardId);
    return edited;
  }

  /** Read-only for everyone until reopened: the policy refuses board updates, routes refuse commands; exports stay. */
  close(boardId: string): Promise<BoardMeta> {
    return this.change(boardId, (meta) => (meta.closedAt !== null ? {} : { closedAt: this.now(), timer: { status: 'idle' } }));
  }

  reopen(boardId: string): Promise<BoardMeta> {
    return this.change(boardId, () => ({ closedAt: null }));
  }

  /** Throws the `workshop-closed` refusal for any change to a closed workshop. */
  async assertOpen(boardId: string): Promise<void> {
    if ((await this.meta(boardId)).closedAt !== null) throw closedRefusal();
  }

  /** What a new workshop may take over from this one: question, language, groups and settings, never people, cards or votes. */
  async template(boardId: string): Promise<BoardTemplate> {
    const { question, language, groups, settings } = await this.meta(boardId);
    const { silentCollect, participantsCluster, participantsExport } = settings;
    return { question, language, groups: groups.map((g) => g.name), settings: { silentCollect, participantsCluster, participantsExport } };
  }

  /** The board's details, phase, settings and timer as stored. */
  async meta(boardId: string): Promise<BoardState> {
    const stored = await this.facts.getState(boardId);
    if (!stored) throw new DomainError('not-found', 'unknown board');
    return stored.state;
  }

  /**
   * Changes the stored state by compare-and-set (two commands arriving together through two instances each
   * see the other's change), then shows it; resolves once everyone can see it.
   */
  private async change(boardId: string, change: (meta: BoardState) => Partial<BoardState>): Promise<BoardMeta> {
    const { presentation: _p, concepts: _c, agreementDraft: _d, signoff: _s, followUp: _f, ...meta } = await changeBoardState(this.facts, boardId, change);
    await this.projection.show(boardId);
    return meta;
  }
}

function editedGroups(inUse: Set<string>, current: StakeholderGroup[], edited: NonNullable<EditBoardBody['groups']>): StakeholderGroup[] {
  const known = new Set(current.map((g) => g.id));
  const unknown = edited.find((g) => g.id !== undefined && !known.has(g.id));
  if (unknown) throw DomainError.refusal('invalid', 'unknown-group', `no group ${unknown.id} in this workshop`, 'groups');
  const kept = new Set(edited.flatMap((g) => (g.id ? [g.id] : [])));
  const removedInUse = current.find((g) => !kept.has(g.id) && inUse.has(g.id));
  if (removedInUse) throw DomainError.refusal('conflict', 'group-in-use', `group ${removedInUse.id} has participants`, 'groups');
  const added = groupsFromNames(
    edited.filter((g) => g.id === undefined).map((g) => g.name),
    known,
  );
  return edited.map((g) => (g.id !== undefined ? { id: g.id, name: g.name } : added.shift()!));
}

function closedRefusal(): DomainError {
  return DomainError.refusal('conflict', 'workshop-closed', 'the workshop is closed; reopen it first');
}

export function nextTimer(timer: TimerState, command: TimerCommand, now: number): TimerState {
  switch (command.action) {
    case 'start':
      return { status: 'running', durationMs: command.seconds * 1000, endsAt: now + command.seconds * 1000 };
    case 'pause':
      if (timer.status !== 'running') throw DomainError.refusal('conflict', 'timer-not-running', 'the timer is not running', 'action');
      return { status: 'paused', durationMs: timer.durationMs, remainingMs: Math.max(0, timer.endsAt - now) };
    case 'resume':
      if (timer.status !== 'paused') throw DomainError.refusal('conflict', 'timer-not-paused', 'the timer is not paused', 'action');
      return { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs };
    case 'extend': {
      const extra = command.seconds * 1000;
      if (timer.status === 'running') return { ...timer, durationMs: timer.durationMs + extra, endsAt: Math.max(timer.endsAt, now) + extra };
      if (timer.status === 'paused') return { ...timer, durationMs: timer.durationMs + extra, remainingMs: timer.remainingMs + extra };
      throw DomainError.refusal('conflict', 'timer-not-set', 'the timer is not set', 'action');
    }
    case 'stop':
      return { status: 'idle' };
  }
}
