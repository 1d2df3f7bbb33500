import {
  applyRegisterUpdate,
  calendarDayOf,
  mayUpdateItem,
  REGISTER_LIMITS,
  registerItemsFrom,
  type NewRegisterLink,
  type Register,
  type RegisterItem,
  type RegisterLink,
  type RegisterLogEntry,
  type RegisterLinkBody,
  type RegisterReader,
  type RegisterUpdateBody,
  type RegisterView,
} from '../../shared/register.js';
import { boardLinks } from '../access/boardLinks.js';
import { resolveAccess } from '../auth/Access.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import type { BoardFacts } from '../storage/BoardFacts.js';
import type { Identity } from '../storage/Identity.js';
import type { ForumStore } from '../storage/ForumStore.js';
import type { RegisterStore } from '../storage/RegisterStore.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { Signoffs } from '../agreement/Signoffs.js';
import type { ControlProjection } from '../projection/ControlProjection.js';
import { listForRegister } from './listForRegister.js';

/** A register reader with the board they read. */
export interface RegisterAccess {
  boardId: string;
  reader: RegisterReader;
}

/**
 * The follow-through register: started by the facilitator from the agreed list, then kept by the facilitator and
 * the owners, each through a link of their own, and read by the steering group through a progress link. It
 * outlives the workshop: a closed workshop's register still changes.
 */
export class FollowThrough {
  constructor(
    private readonly store: RegisterStore,
    private readonly archive: AgreementArchive,
    private readonly facts: Pick<BoardFacts, 'getState'>,
    private readonly identity: Identity,
    private readonly signoffs: Pick<Signoffs, 'outcome'>,
    private readonly forums: Pick<ForumStore, 'findLink' | 'forumOf'>,
    private readonly projection: Pick<ControlProjection, 'showFollowUps'>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Who a token makes its holder on this board's register: the facilitator, an owner, the steering group (a
   * progress link, or a link of the workshop's forum), or nobody (null). Another token of the board is known but
   * opens no register: refused, not counted as a guess.
   */
  async readerOf(boardId: string, token: string | null): Promise<RegisterAccess | null> {
    const board = await resolveAccess(this.identity, boardId, token);
    if (board.ok && board.access.role !== 'facilitator') throw new DomainError('forbidden', 'the register opens with the facilitator\'s link, an owner\'s link or a progress link');
    if (board.ok) return { boardId, reader: { kind: 'facilitator' } };
    if (!token || token.length > 200) return null;
    const hash = hashToken(token);
    const link = await this.store.findLink(hash);
    if (link?.boardId === boardId) return { boardId, reader: link.kind === 'owner' ? { kind: 'owner', owner: link.owner ?? '' } : { kind: 'progress' } };
    // A forum's links read the registers of its workshops, as a progress link does.
    const forumLink = link ? undefined : await this.forums.findLink(hash);
    if (forumLink && forumLink.forumId === (await this.forums.forumOf(boardId))) return { boardId, reader: { kind: 'progress' } };
    return null;
  }

  async start(access: RegisterAccess): Promise<RegisterView> {
    assertFacilitator(access);
    const list = await listForRegister(this.archive, this.signoffs, access.boardId);
    const items = list && registerItemsFrom(list);
    if (!list || !items) throw DomainError.refusal('conflict', 'no-frozen-list', 'freeze the agreed list before starting its register');
    const created = await this.store.create(access.boardId, { fromVersion: list.version!, frozenAt: list.frozenAt!, createdAt: this.now(), items });
    if (!created) throw DomainError.refusal('conflict', 'register-exists', 'this workshop has its register already');
    return this.view(access);
  }

  async view(access: RegisterAccess): Promise<RegisterView> {
    return { register: await this.register(access.boardId), reader: access.reader, today: calendarDayOf(this.now()) };
  }

  async register(boardId: string): Promise<Register> {
    const [stored, facts] = await Promise.all([this.store.read(boardId), this.facts.getState(boardId)]);
    if (!stored || !facts) throw DomainError.refusal('not-found', 'no-register', 'this workshop has no register yet');
    const { title, question, language, groups } = facts.state;
    return { schemaVersion: 1, board: { title, question, language }, groups, ...stored };
  }

  /**
   * Changes one item and logs it; nothing is stored when the reader may not, or the update changes nothing. A report
   * made in a follow-up workshop (`via`) is logged under the name of who made it there, with that workshop. Every
   * follow-up of the register is drawn again, so their rooms see the change live.
   */
  async update(access: RegisterAccess, itemId: string, body: RegisterUpdateBody, via?: Required<Pick<RegisterLogEntry, 'by' | 'followUp'>>): Promise<RegisterItem> {
    assertMayWrite(access);
    const { reader, boardId } = access;
    if (body.owner !== undefined && reader.kind !== 'facilitator') throw DomainError.refusal('forbidden', 'not-your-item', 'only the facilitator hands a priority to another owner', 'owner');
    let refused: DomainError | null = null;
    const updated = await this.store.update(boardId, itemId, (current, logged) => {
      const { next, changes } = applyRegisterUpdate(current, body);
      if (!mayUpdateItem(reader, current)) refused = DomainError.refusal('forbidden', 'not-your-item', 'this priority has another owner');
      else if (logged >= REGISTER_LIMITS.maxUpdates) refused = DomainError.refusal('conflict', 'register-full', `a register keeps at most ${REGISTER_LIMITS.maxUpdates} updates`);
      if (refused || (changes.length === 0 && body.note === '')) return null;
      const by = via?.by ?? (reader.kind === 'owner' ? reader.owner : 'facilitator');
      return { next, entry: { at: this.now(), by, changes, note: body.note, ...(via ? { followUp: via.followUp } : {}) } };
    });
    if (refused) throw refused;
    if (!updated) throw DomainError.refusal('not-found', 'unknown-item', 'the register has no such priority', 'itemId');
    await this.projection.showFollowUps(boardId);
    return updated;
  }

  /** Tokens are stored hashed, so a link is shown once; an owner's link needs an owner the register names. */
  async mintLink(access: RegisterAccess, body: RegisterLinkBody, baseUrl: string): Promise<NewRegisterLink> {
    assertFacilitator(access);
    const register = await this.register(access.boardId);
    const owner = body.kind === 'owner' ? body.owner : null;
    if (owner !== null && !register.items.some((item) => mayUpdateItem({ kind: 'owner', owner }, item))) {
      throw DomainError.refusal('invalid', 'unknown-owner', 'no priority of the register has this owner', 'owner');
    }
    const token = newToken();
    const hash = hashToken(token);
    const createdAt = this.now();
    if (!(await this.store.addLink(hash, { boardId: access.boardId, kind: body.kind, owner }, createdAt, REGISTER_LIMITS.maxLinks))) {
      throw DomainError.refusal('conflict', 'too-many-links', `a register holds at most ${REGISTER_LIMITS.maxLinks} links; revoke one first`);
    }
    return { id: linkId(hash), kind: body.kind, owner, createdAt, token, link: boardLinks(baseUrl).progress(access.boardId, token) };
  }

  async listLinks(access: RegisterAccess): Promise<RegisterLink[]> {
    assertFacilitator(access);
    return (await this.store.listLinks(access.boardId)).map(({ hash, kind, owner, createdAt }) => ({ id: linkId(hash), kind, owner, createdAt }));
  }

  /** A revoked link opens nothing from its next request on. */
  async revokeLink(access: RegisterAccess, id: string): Promise<{ revoked: string }> {
    assertFacilitator(access);
    const link = (await this.store.listLinks(access.boardId)).find((l) => linkId(l.hash) === id);
    if (!link || !(await this.store.removeLink(access.boardId, link.hash))) throw DomainError.refusal('not-found', 'unknown-link', 'no such link on this register', 'linkId');
    return { revoked: id };
  }
}

/** A progress link changes nothing: refused before its request is even read. */
export function assertMayWrite({ reader }: RegisterAccess): void {
  if (reader.kind === 'progress') throw DomainError.refusal('forbidden', 'read-only-link', 'a progress link reads the register and changes nothing');
}

export function assertFacilitator({ reader }: RegisterAccess): void {
  if (reader.kind !== 'facilitator') throw DomainError.refusal('forbidden', reader.kind === 'progress' ? 'read-only-link' : 'not-your-item', 'only the facilitator may do this');
}

/** A link is named by the start of its hash: enough to tell links apart, nothing to open one with. */
const linkId = (hash: string) => hash.slice(0, 16);
