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
import { participantsOf, phaseChange, readMeta, writeMeta, type BoardMeta, type TimerState } from '../../shared/controlDoc.js';
import { defaultGroupNames, findGroup, groupsFromNames, type StakeholderGroup } from '../../shared/groups.js';
import { LIMITS } from '../../shared/limits.js';
import { DEFAULT_SETTINGS, type BoardSettings, type Phase } from '../../shared/phases.js';
import { boardLinks } from '../access/boardLinks.js';
import type { Access } from '../auth/Access.js';
import { hashToken, newBoardId, newJoinCode, newParticipantId, newToken } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import type { BoardActivity } from '../retention/BoardActivity.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardStore } from '../storage/BoardStore.js';

/**
 * The facilitator's commands and the board's lifecycle. Control state is changed only here, by the server,
 * and written into the board's control document, from where every client reads it.
 */
export class Workshops {
  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    private readonly activity: Pick<BoardActivity, 'lastActivityAt'>,
    private readonly now: () => number = Date.now,
  ) {}

  createBoard(body: CreateBoardBody, baseUrl: string): CreateBoardResponse {
    const language = body.language ?? 'en';
    const groups = groupsFromNames(body.groups ?? defaultGroupNames(language));
    const boardId = newBoardId();
    const facilitatorToken = newToken();
    const observerToken = newToken();
    const createdAt = this.now();
    const joinCode = newJoinCode((code) => this.store.findBoardByJoinCode(code) !== undefined);
    this.store.createBoard({ id: boardId, title: body.title, joinCode, createdAt }, [
      { hash: hashToken(facilitatorToken), boardId, role: 'facilitator', participantId: null },
      { hash: hashToken(observerToken), boardId, role: 'observer', participantId: null },
    ]);
    const meta: BoardMeta = {
      title: body.title,
      question: body.question ?? '',
      language,
      groups,
      phase: 'setup',
      settings: { ...DEFAULT_SETTINGS, ...body.settings },
      timer: { status: 'idle' },
      createdAt,
      closedAt: null,
    };
    this.rooms.withRoom(boardId, (room) => room.control.serverTransact((doc) => writeMeta(doc, meta)));
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

  joinCodeInfo(code: string): JoinCodeInfo {
    const board = this.store.findBoardByJoinCode(code.toUpperCase());
    if (!board) throw new DomainError('not-found', 'no workshop has this code', 'joinCode');
    const meta = this.meta(board.id);
    return { boardId: board.id, title: meta.title, question: meta.question, language: meta.language, groups: meta.groups };
  }

  join(boardId: string, body: JoinBody): JoinResponse {
    const board = this.store.getBoard(boardId);
    // An unknown board answers as a wrong code does, so nobody can find out which boards exist.
    if (!board || board.joinCode !== body.joinCode) throw DomainError.refusal('forbidden', 'wrong-join-code', 'wrong join code', 'joinCode');
    const meta = this.meta(boardId);
    if (meta.closedAt !== null) throw closedRefusal();
    const group = findGroup(meta.groups, body.group);
    if (!group) throw DomainError.refusal('invalid', 'unknown-group', 'not a stakeholder group of this workshop', 'group');
    if (this.store.countParticipants(boardId) >= LIMITS.maxParticipantsPerBoard) {
      throw DomainError.refusal('conflict', 'workshop-full', 'this workshop is full');
    }
    const participant = {
      id: newParticipantId(),
      boardId,
      name: body.name,
      organisation: body.organisation ?? '',
      group: group.id,
      joinedAt: this.now(),
    };
    const token = newToken();
    this.store.addParticipant(participant, hashToken(token));
    this.rooms.withRoom(boardId, (room) =>
      room.control.serverTransact((doc) =>
        participantsOf(doc).set(participant.id, {
          id: participant.id,
          name: participant.name,
          organisation: participant.organisation,
          group: participant.group,
          joinedAt: participant.joinedAt,
        }),
      ),
    );
    return { participantId: participant.id, token };
  }

  summary(access: Access, baseUrl: string): BoardSummary {
    const board = this.store.getBoard(access.boardId);
    if (!board) throw new DomainError('not-found', 'unknown board');
    const meta = this.meta(access.boardId);
    const participant = access.participantId ? this.store.getParticipant(access.participantId) : undefined;
    return {
      boardId: board.id,
      title: meta.title,
      question: meta.question,
      language: meta.language,
      phase: meta.phase,
      groups: meta.groups,
      participantCount: this.store.countParticipants(board.id),
      closedAt: meta.closedAt,
      lastActivityAt: this.activity.lastActivityAt(board.id),
      rounds: this.store.listRounds(board.id).map((r) => ({ id: r.id, number: r.number, state: r.state })),
      you: {
        role: access.role,
        participantId: access.participantId,
        name: participant?.name ?? null,
        group: participant?.group ?? null,
      },
      share:
        access.role === 'facilitator'
          ? {
              joinCode: board.joinCode,
              links: { participant: boardLinks(baseUrl).participant(board.joinCode) },
            }
          : undefined,
    };
  }

  setPhase(boardId: string, phase: Phase): BoardMeta {
    return this.updateMeta(boardId, (meta) => phaseChange(meta, phase));
  }

  updateSettings(boardId: string, patch: Partial<BoardSettings>): BoardMeta {
    // Turning silent collect off is a reveal: private cards must not stay hidden once nobody adds to them.
    if (patch.silentCollect === false) this.revealCards(boardId);
    return this.updateMeta(boardId, (meta) => ({ settings: { ...meta.settings, ...patch } }));
  }

  commandTimer(boardId: string, command: TimerCommand): BoardMeta {
    return this.updateMeta(boardId, (meta) => ({ timer: nextTimer(meta.timer, command, this.now()) }));
  }

  /** Ends silent collect: every private card joins the board with its author, and new cards go there directly. */
  revealCards(boardId: string): { revealed: number } {
    const participantIds = this.store.listParticipants(boardId).map((p) => p.id);
    return this.rooms.withRoom(boardId, (room) => {
      const revealed = room.revealPrivateCards(participantIds);
      this.updateMeta(boardId, (meta) => ({ settings: { ...meta.settings, silentCollect: false } }));
      return { revealed };
    });
  }

  /**
   * The facilitator's corrections after creation. Groups keep their ids when renamed, so participants, ballots
   * and results stay with them; a group someone has joined cannot be removed. Checked before anything is written.
   */
  editDetails(boardId: string, body: EditBoardBody): BoardMeta {
    return this.updateMeta(boardId, (meta) => {
      const patch: Partial<BoardMeta> = {};
      if (body.title !== undefined) patch.title = body.title;
      if (body.question !== undefined) patch.question = body.question;
      if (body.language !== undefined) patch.language = body.language;
      if (body.groups !== undefined) patch.groups = this.editedGroups(boardId, meta.groups, body.groups);
      return patch;
    });
  }

  /** Read-only for everyone until reopened: the policy refuses board updates, routes refuse commands; exports stay. */
  close(boardId: string): BoardMeta {
    return this.updateMeta(boardId, (meta) => (meta.closedAt !== null ? {} : { closedAt: this.now(), timer: { status: 'idle' } }));
  }

  reopen(boardId: string): BoardMeta {
    return this.updateMeta(boardId, () => ({ closedAt: null }));
  }

  /** Throws the `workshop-closed` refusal for any change to a closed workshop. */
  assertOpen(boardId: string): void {
    if (this.meta(boardId).closedAt !== null) throw closedRefusal();
  }

  /** What a new workshop may take over from this one: question, language, groups and settings, never people, cards or votes. */
  template(boardId: string): BoardTemplate {
    const { question, language, groups, settings } = this.meta(boardId);
    const { silentCollect, participantsCluster, participantsExport } = settings;
    return { question, language, groups: groups.map((g) => g.name), settings: { silentCollect, participantsCluster, participantsExport } };
  }

  meta(boardId: string): BoardMeta {
    const meta = this.rooms.withRoom(boardId, (room) => readMeta(room.control.doc));
    if (!meta) throw new DomainError('not-found', 'unknown board');
    return meta;
  }

  private editedGroups(boardId: string, current: StakeholderGroup[], edited: NonNullable<EditBoardBody['groups']>): StakeholderGroup[] {
    const known = new Set(current.map((g) => g.id));
    const unknown = edited.find((g) => g.id !== undefined && !known.has(g.id));
    if (unknown) throw DomainError.refusal('invalid', 'unknown-group', `no group ${unknown.id} in this workshop`, 'groups');
    const kept = new Set(edited.flatMap((g) => (g.id ? [g.id] : [])));
    const inUse = new Set(this.store.listParticipants(boardId).map((p) => p.group));
    const removedInUse = current.find((g) => !kept.has(g.id) && inUse.has(g.id));
    if (removedInUse) throw DomainError.refusal('conflict', 'group-in-use', `group ${removedInUse.id} has participants`, 'groups');
    const added = groupsFromNames(
      edited.filter((g) => g.id === undefined).map((g) => g.name),
      known,
    );
    return edited.map((g) => (g.id !== undefined ? { id: g.id, name: g.name } : added.shift()!));
  }

  private updateMeta(boardId: string, change: (meta: BoardMeta) => Partial<BoardMeta>): BoardMeta {
    return this.rooms.withRoom(boardId, (room) => {
      const meta = readMeta(room.control.doc);
      if (!meta) throw new DomainError('not-found', 'unknown board');
      const patch = change(meta);
      room.control.serverTransact((doc) => writeMeta(doc, patch));
      return { ...meta, ...patch };
    });
  }
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
