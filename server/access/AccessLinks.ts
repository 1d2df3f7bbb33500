import { LIMITS } from '../../shared/limits.js';
import { accessRefusalOf, type AccessAction, type Holder } from '../../shared/permissions.js';
import type { JoinCodeResponse, LinksResponse, NewLinkResponse, RevokeLinkResponse } from '../../shared/peopleApi.js';
import type { Access } from '../auth/Access.js';
import { hashToken, newToken, randomJoinCode } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import type { Identity } from '../storage/Identity.js';
import type { LinkRole } from '../storage/records.js';
import { boardLinks } from './boardLinks.js';
import type { LiveSessions } from './LiveSessions.js';

/** Refuses what `holder` may not do to the board's access (shared/permissions.ts), saying why. */
export function assertMayAccess(holder: Holder, action: AccessAction): void {
  const refusal = accessRefusalOf(holder, action);
  if (refusal === 'creator-only') throw DomainError.refusal('forbidden', 'creator-only', 'only the facilitator who created the workshop may do this');
  if (refusal === 'role') throw new DomainError('forbidden', 'only a facilitator may do this');
}

/**
 * Who can get in: the join code, observer, projector and co-facilitator links. Each change takes effect at once:
 * a rotated code stops working for the next lookup, a revoked link's open connections are closed, and so are
 * those of every link minted through it.
 */
export class AccessLinks {
  constructor(
    private readonly identity: Identity,
    private readonly sessions: LiveSessions,
    private readonly now: () => number = Date.now,
  ) {}

  /** People who already joined keep their own tokens; only newcomers need the new code. */
  async rotateJoinCode(boardId: string, baseUrl: string): Promise<JoinCodeResponse> {
    const joinCode = await this.identity.rotateJoinCode(boardId, randomJoinCode);
    return { joinCode, links: { participant: boardLinks(baseUrl).participant(joinCode) } };
  }

  async list(boardId: string): Promise<LinksResponse> {
    const links = await this.identity.listLinks(boardId);
    const of = (role: LinkRole) => links.filter((l) => l.role === role);
    return { observers: of('observer'), projectors: of('projector'), coFacilitators: of('facilitator') };
  }

  /** A co-facilitator has the facilitator's rights; the name tells the links apart in the list and in presence. */
  mintCoFacilitator(by: Access, name: string, baseUrl: string): Promise<NewLinkResponse> {
    assertMayAccess(by, 'mint-link');
    return this.mint(by, 'facilitator', name, baseUrl);
  }

  /** Tokens are stored hashed, so a link cannot be shown again: each press makes a new one, listed to be revoked. */
  mintObserver(by: Access, baseUrl: string): Promise<NewLinkResponse> {
    assertMayAccess(by, 'mint-link');
    return this.mint(by, 'observer', '', baseUrl);
  }

  /** The room's screen: read-only, shows the join code; opened at the projector's own address. */
  mintProjector(by: Access, baseUrl: string): Promise<NewLinkResponse> {
    assertMayAccess(by, 'mint-projector-link');
    return this.mint(by, 'projector', '', baseUrl);
  }

  private async mint(by: Access, role: LinkRole, name: string, baseUrl: string): Promise<NewLinkResponse> {
    const token = newToken();
    const hash = hashToken(token);
    const createdAt = this.now();
    const added = await this.identity.addNamedLink({ hash, boardId: by.boardId, role, participantId: null }, name, createdAt, by.tokenHash, LIMITS.maxLinksPerBoard);
    if (!added) {
      throw DomainError.refusal('conflict', 'too-many-links', `a board holds at most ${LIMITS.maxLinksPerBoard} links (maxLinksPerBoard); revoke one first`);
    }
    const links = boardLinks(baseUrl);
    const link = role === 'projector' ? links.projector(by.boardId, token) : links.withToken(by.boardId, token);
    return { id: hash.slice(0, 16), role, name, createdAt, token, link };
  }

  async revoke(by: Access, linkId: string): Promise<RevokeLinkResponse> {
    const { boardId } = by;
    const link = (await this.identity.listLinks(boardId)).find((l) => l.id === linkId);
    if (link) assertMayAccess(by, link.role === 'facilitator' ? 'revoke-facilitator-link' : 'revoke-link');
    const hashes = link ? await this.identity.revokeLink(boardId, linkId) : null;
    if (hashes === null) throw DomainError.refusal('not-found', 'unknown-link', 'no such link on this board', 'linkId');
    for (const tokenHash of hashes) this.sessions.close({ match: { boardId, tokenHash }, cause: 'revoked' });
    return { revoked: linkId, alsoRevoked: hashes.slice(1).map((hash) => hash.slice(0, 16)) };
  }
}
