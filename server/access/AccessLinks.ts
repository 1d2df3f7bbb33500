import type { JoinCodeResponse, LinksResponse, NewLinkResponse } from '../../shared/peopleApi.js';
import { hashToken, newToken, randomJoinCode } from '../auth/tokens.js';
import { DomainError } from '../DomainError.js';
import type { Identity } from '../storage/Identity.js';
import { boardLinks } from './boardLinks.js';
import type { LiveSessions } from './LiveSessions.js';

/**
 * Who can get in: the join code, observer links and co-facilitator links. Each change takes effect at once:
 * a rotated code stops working for the next lookup, a revoked link's open connections are closed.
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
    return { observers: links.filter((l) => l.role === 'observer'), coFacilitators: links.filter((l) => l.role === 'facilitator') };
  }

  /** A co-facilitator has the facilitator's rights; the name tells the links apart in the list and in presence. */
  mintCoFacilitator(boardId: string, name: string, baseUrl: string): Promise<NewLinkResponse> {
    return this.mint(boardId, 'facilitator', name, baseUrl);
  }

  /** Tokens are stored hashed, so a link cannot be shown again: each press makes a new one, listed to be revoked. */
  mintObserver(boardId: string, baseUrl: string): Promise<NewLinkResponse> {
    return this.mint(boardId, 'observer', '', baseUrl);
  }

  private async mint(boardId: string, role: 'facilitator' | 'observer', name: string, baseUrl: string): Promise<NewLinkResponse> {
    const token = newToken();
    const hash = hashToken(token);
    const createdAt = this.now();
    await this.identity.addNamedLink({ hash, boardId, role, participantId: null }, name, createdAt);
    return { id: hash.slice(0, 16), role, name, createdAt, token, link: boardLinks(baseUrl).withToken(boardId, token) };
  }

  async revoke(boardId: string, linkId: string): Promise<{ revoked: string }> {
    const hash = await this.identity.revokeLink(boardId, linkId);
    if (hash === null) throw DomainError.refusal('not-found', 'unknown-link', 'no such link on this board', 'linkId');
    this.sessions.close({ match: { boardId, tokenHash: hash }, cause: 'revoked' });
    return { revoked: linkId };
  }
}
