import { createHash } from 'node:crypto';
import { FORUM_LIMITS, type AddWorkshopBody, type CreateForumBody, type ForumCreated, type ForumLink, type ForumReader, type ForumView, type ForumWorkshop, type NewForumLink, type PrioritySource, type ThemeMovement, type WorkshopSignoff } from '../../shared/forum.js';
import { boardLinks } from '../access/boardLinks.js';
import { outcomeFrom } from '../agreement/Signoffs.js';
import { resolveAccess } from '../auth/Access.js';
import { hashToken, newBoardId, newToken } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import { TokenBuckets } from '../TokenBuckets.js';
import type { AgreementArchive } from '../storage/AgreementArchive.js';
import type { BoardFacts, FactsAtRevision } from '../storage/BoardFacts.js';
import type { ForumStore } from '../storage/ForumStore.js';
import type { Identity } from '../storage/Identity.js';
import type { RegisterStore } from '../storage/RegisterStore.js';
import { readCards, readClusters } from '../../shared/boardDoc.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import { themeMovement, themesByCardCount, type WorkshopPriorities } from './themeMovement.js';

/** A forum reader with the forum they read, and the link they read it with (its hash). */
export interface ForumAccess {
  forumId: string;
  reader: ForumReader;
  link: string;
}

/** Forums whose theme movement is kept, the latest viewed last: the matching is most of what a view costs. */
const KEPT_MOVEMENTS = 200;

/**
 * Forums of workshops: created by a workshop's facilitator, who then holds the forum's facilitator link and adds
 * further workshops they facilitate; read by the steering group through read links. The view draws each workshop
 * from its stored facts (nothing of a forum is in a board's documents; only a workshop before its first vote has its
 * board document read, for its themes) and how their themes moved.
 */
export class Forums {
  constructor(
    private readonly store: ForumStore,
    private readonly identity: Identity,
    private readonly facts: Pick<BoardFacts, 'read'>,
    private readonly archive: Pick<AgreementArchive, 'latest'>,
    private readonly registers: Pick<RegisterStore, 'statusCounts'>,
    private readonly rooms: Pick<RoomRegistry, 'withRoom'>,
    /** Views of forums per link and per address, in a burst and then per minute; 0 counts none. */
    private readonly viewsPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    const size = { burst: viewsPerMinute, perSecond: viewsPerMinute / 60 };
    this.views = viewsPerMinute > 0 ? { perLink: new TokenBuckets(size), perAddress: new TokenBuckets(size) } : null;
  }

  private readonly views: { perLink: TokenBuckets; perAddress: TokenBuckets } | null;
  /** Per forum, the theme movement last drawn and the hash of the priorities it was drawn from. */
  private readonly movements = new Map<string, { drawnFrom: string; movement: ThemeMovement }>();

  /** Who a token makes its holder on this forum: its facilitator, the steering group, or nobody (null). */
  async readerOf(forumId: string, token: string | null): Promise<ForumAccess | null> {
    if (!token || token.length > 200) return null;
    const link = await this.store.findLink(hashToken(token));
    return link && link.forumId === forumId ? { forumId, reader: link.kind, link: hashToken(token) } : null;
  }

  /** The first workshop's facilitator token proves who creates the forum; its own link is shown once. */
  async create(boardToken: string | null, body: CreateForumBody, baseUrl: string): Promise<ForumCreated> {
    await this.assertFacilitatorOf(body.boardId, boardToken);
    const forumId = newBoardId();
    const token = newToken();
    if (!(await this.store.create({ id: forumId, name: body.name, createdAt: this.now() }, body.boardId, hashToken(token)))) {
      throw DomainError.refusal('conflict', 'in-a-forum', 'this workshop belongs to a forum already', 'boardId');
    }
    return { forumId, token, link: boardLinks(baseUrl).forum(forumId, token) };
  }

  async rename(access: ForumAccess, name: string): Promise<{ name: string }> {
    assertForumFacilitator(access);
    if (!(await this.store.rename(access.forumId, name))) throw new DomainError('not-found', 'unknown forum');
    return { name };
  }

  /** Both links are needed: the forum's, to change it, and the added workshop's facilitator's, to say it may join. */
  async addWorkshop(access: ForumAccess, body: AddWorkshopBody): Promise<{ added: string }> {
    assertForumFacilitator(access);
    await this.assertFacilitatorOf(body.boardId, body.boardToken);
    const result = await this.store.addWorkshop(access.forumId, body.boardId);
    if (result === 'in-a-forum') throw DomainError.refusal('conflict', 'in-a-forum', 'this workshop belongs to a forum already', 'boardId');
    if (result === 'full') throw DomainError.refusal('conflict', 'forum-full', `a forum holds at most ${FORUM_LIMITS.maxWorkshops} workshops`);
    if (result === 'unknown-forum') throw new DomainError('not-found', 'unknown forum');
    return { added: body.boardId };
  }

  /**
   * A follow-up workshop joins the forum of the workshop it follows up, so the forum's chart carries the process on;
   * a full forum leaves it out (its facilitator may make room and add it). Returns the forum it joined, if any.
   */
  async followUpJoins(sourceBoardId: string, boardId: string): Promise<string | null> {
    const forumId = await this.store.forumOf(sourceBoardId);
    if (!forumId) return null;
    return (await this.store.addWorkshop(forumId, boardId)) === 'added' ? forumId : null;
  }

  async removeWorkshop(access: ForumAccess, boardId: string): Promise<{ removed: string }> {
    assertForumFacilitator(access);
    if (!(await this.store.removeWorkshop(access.forumId, boardId))) throw DomainError.refusal('not-found', 'not-in-forum', 'this workshop is not in the forum', 'boardId');
    return { removed: boardId };
  }

  /** The forum a workshop belongs to, for its facilitator's tools; null when it is in none. */
  async forumOfBoard(boardId: string, boardToken: string | null): Promise<{ forumId: string; name: string } | null> {
    await this.assertFacilitatorOf(boardId, boardToken);
    const forumId = await this.store.forumOf(boardId);
    const forum = forumId ? await this.store.read(forumId) : undefined;
    return forum ? { forumId: forum.id, name: forum.name } : null;
  }

  async mintReadLink(access: ForumAccess, baseUrl: string): Promise<NewForumLink> {
    assertForumFacilitator(access);
    const token = newToken();
    const hash = hashToken(token);
    const createdAt = this.now();
    if (!(await this.store.addReadLink(access.forumId, hash, createdAt, FORUM_LIMITS.maxReadLinks))) {
      throw DomainError.refusal('conflict', 'too-many-links', `a forum holds at most ${FORUM_LIMITS.maxReadLinks} read links; revoke one first`);
    }
    return { id: linkId(hash), createdAt, token, link: boardLinks(baseUrl).forum(access.forumId, token) };
  }

  async listReadLinks(access: ForumAccess): Promise<ForumLink[]> {
    assertForumFacilitator(access);
    return (await this.store.listReadLinks(access.forumId)).map(({ hash, createdAt }) => ({ id: linkId(hash), createdAt }));
  }

  /** A revoked link opens nothing from its next request on. */
  async revokeReadLink(access: ForumAccess, id: string): Promise<{ revoked: string }> {
    assertForumFacilitator(access);
    const link = (await this.store.listReadLinks(access.forumId)).find((l) => linkId(l.hash) === id);
    if (!link || !(await this.store.removeReadLink(access.forumId, link.hash))) throw DomainError.refusal('not-found', 'unknown-link', 'no such link on this forum', 'linkId');
    return { revoked: id };
  }

  /**
   * Each workshop is read from the store once per view: FORUM_LIMITS.maxWorkshops bounds what one view costs, and
   * the views per link and per address bound how often anyone makes the server pay it. The matching of themes is
   * drawn again only when a workshop's priorities changed.
   */
  async view(access: ForumAccess, address: string): Promise<ForumView> {
    this.takeView(access.link, address);
    const forum = await this.store.read(access.forumId);
    if (!forum) throw new DomainError('not-found', 'unknown forum');
    const read = (await Promise.all(forum.boardIds.map((boardId) => this.workshop(boardId)))).filter((w) => w !== null);
    return {
      forumId: forum.id,
      name: forum.name,
      createdAt: forum.createdAt,
      reader: access.reader,
      workshops: read.map((w) => w.workshop),
      movement: this.movementOf(forum.id, read.map((w) => w.priorities)),
    };
  }

  private takeView(link: string, address: string): void {
    if (!this.views) return;
    const { perLink, perAddress } = this.views;
    const wait = Math.max(perLink.waitFor(link), perAddress.waitFor(address));
    if (wait > 0) throw DomainError.tooSoon('too-busy', `a forum is shown at most ${this.viewsPerMinute} times a minute to one link or one address; ask again shortly`, wait);
    perLink.take(link);
    perAddress.take(address);
  }

  /** Keyed by what the matching reads, so any change of a workshop's priorities, concepts or language draws it again. */
  private movementOf(forumId: string, workshops: WorkshopPriorities[]): ThemeMovement {
    const drawnFrom = createHash('sha256').update(JSON.stringify(workshops)).digest('base64');
    const kept = this.movements.get(forumId);
    this.movements.delete(forumId);
    const movement = kept?.drawnFrom === drawnFrom ? kept.movement : themeMovement(workshops);
    this.movements.set(forumId, { drawnFrom, movement });
    if (this.movements.size > KEPT_MOVEMENTS) this.movements.delete(this.movements.keys().next().value!);
    return movement;
  }

  private async workshop(boardId: string): Promise<{ workshop: ForumWorkshop; priorities: WorkshopPriorities } | null> {
    // The version first: facts read after it know it, even when a freeze lands in between, so its sign-off is found.
    const latest = await this.archive.latest(boardId);
    const [facts, register] = await Promise.all([this.facts.read(boardId), this.registers.statusCounts(boardId)]);
    const state = facts.board?.state;
    if (!state) return null;
    const tally = facts.rounds.filter((round) => round.tally).at(-1)?.tally;
    let source: PrioritySource = 'none';
    let priorities: WorkshopPriorities['priorities'] = [];
    if (latest) {
      source = 'agreed';
      priorities = latest.list.items.map((item) => ({ title: item.title, cardTitles: item.cards.map((c) => c.title) }));
    } else if (tally) {
      source = 'votes';
      priorities = [...tally.items].sort((a, b) => a.rank - b.rank).map((item) => ({ title: item.title, cardTitles: [] }));
    } else {
      priorities = await this.rooms.withRoom(boardId, (room) => themesByCardCount(readClusters(room.board.doc), readCards(room.board.doc)));
      if (priorities.length > 0) source = 'themes';
    }
    return {
      workshop: {
        boardId,
        title: state.title,
        createdAt: state.createdAt,
        language: state.language,
        phase: state.phase,
        closed: state.closedAt !== null,
        agreedPriorities: latest?.list.items.length ?? 0,
        signoff: signoffOf(facts, latest?.version),
        register,
        progressPath: register ? `/b/${boardId}/progress` : null,
      },
      priorities: { language: state.language, concepts: state.concepts, source, priorities },
    };
  }

  private async assertFacilitatorOf(boardId: string, token: string | null): Promise<void> {
    const board = await resolveAccess(this.identity, boardId, token);
    if (!board.ok) throw DomainError.refusal('unauthenticated', 'not-workshop-facilitator', 'a workshop joins a forum with its facilitator link', 'boardToken');
    if (board.access.role !== 'facilitator') throw DomainError.refusal('forbidden', 'not-workshop-facilitator', 'only the workshop\'s facilitator may do this', 'boardToken');
  }
}

/** A read link changes nothing: refused before its request is even read. */
export function assertForumFacilitator({ reader }: ForumAccess): void {
  if (reader !== 'facilitator') throw DomainError.refusal('forbidden', 'forum-read-only', 'a read link shows the forum and changes nothing');
}

/** The facts hold the decisions on the latest version, the only one a forum shows. */
function signoffOf(facts: FactsAtRevision, version: number | undefined): WorkshopSignoff {
  if (version === undefined) return 'not-frozen';
  const outcome = outcomeFrom(facts, version, facts.signoffs);
  if (outcome.groups.length === 0) return 'no-delegates';
  return outcome.met ? 'signed' : 'pending';
}

/** A link is named by the start of its hash: enough to tell links apart, nothing to open one with. */
const linkId = (hash: string) => hash.slice(0, 16);
