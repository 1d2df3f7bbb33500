import { FATAL_REASONS, type FatalReason } from '../kernel/sync/fatalReasons';

/**
 * Where a person's token for a board lives. Facilitator and observer links carry it in the URL fragment
 * (never sent to a server, never in logs); we move it to localStorage at once and strip it from the address
 * bar, so a screenshot or a shared screen of the board does not leak it.
 */
const PREFIX = 'forumboard:token:';
const key = (boardId: string) => `${PREFIX}${boardId}`;
const endingKey = (boardId: string) => `forumboard:ended:${boardId}`;

export function readToken(boardId: string): string | null {
  try {
    return localStorage.getItem(key(boardId));
  } catch {
    return null;
  }
}

export function saveToken(boardId: string, token: string): void {
  try {
    localStorage.setItem(key(boardId), token);
    localStorage.removeItem(endingKey(boardId));
  } catch {
    // Storage refused (private mode): the token then lives only in this page's memory via the caller.
  }
}

/**
 * Forgets a token; one that will never work again keeps why (removed, revoked, deleted…), so a reload still tells the
 * person what happened instead of asking for an invitation as if they had never had one.
 */
export function forgetToken(boardId: string, why?: FatalReason): void {
  try {
    localStorage.removeItem(key(boardId));
    if (why) localStorage.setItem(endingKey(boardId), why);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** Why this browser's token for `boardId` stopped working, if it did. */
export function readEnding(boardId: string): FatalReason | null {
  try {
    const why = localStorage.getItem(endingKey(boardId));
    return FATAL_REASONS.find((reason) => reason === why) ?? null;
  } catch {
    return null;
  }
}

/** Takes `#token=…` out of the current URL, stores it for `boardId`, and returns it (or null if there was none). */
export function takeTokenFromLocation(boardId: string): string | null {
  const token = tokenFromFragment();
  if (token) saveToken(boardId, token);
  return token;
}

/**
 * A register link's token (an owner's or the steering group's) is kept apart from the board's, so opening one
 * never takes the place of a facilitator's or participant's own token in this browser.
 */
const registerKey = (boardId: string) => `forumboard:register-token:${boardId}`;

/** The register link's token from the address (remembered), else one remembered before, else the board's own. */
export function registerToken(boardId: string): string | null {
  try {
    const fresh = tokenFromFragment();
    if (fresh) localStorage.setItem(registerKey(boardId), fresh);
    return fresh ?? localStorage.getItem(registerKey(boardId)) ?? readToken(boardId);
  } catch {
    return readToken(boardId);
  }
}

/** A forum's link (its facilitator's or a read link) is kept per forum, apart from every board's token. */
const forumKey = (forumId: string) => `forumboard:forum-token:${forumId}`;

export function saveForumToken(forumId: string, token: string): void {
  try {
    localStorage.setItem(forumKey(forumId), token);
  } catch {
    // Storage refused: the forum opens again with its link.
  }
}

/** The forum link's token this browser remembers, if any. */
export function heldForumToken(forumId: string): string | null {
  try {
    return localStorage.getItem(forumKey(forumId));
  } catch {
    return null;
  }
}

/** The forum link's token from the address (remembered), else one remembered before. */
export function forumToken(forumId: string): string | null {
  const fresh = tokenFromFragment();
  if (fresh) saveForumToken(forumId, fresh);
  return fresh ?? heldForumToken(forumId);
}

function tokenFromFragment(): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) return null;
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  return token;
}

/** Every board this browser holds a token for, as "My workshops" lists them. */
export function heldBoards(): Array<{ boardId: string; token: string }> {
  const held: Array<{ boardId: string; token: string }> = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const name = localStorage.key(i);
      if (!name?.startsWith(PREFIX)) continue;
      const token = localStorage.getItem(name);
      if (token) held.push({ boardId: name.slice(PREFIX.length), token });
    }
  } catch {
    // Storage refused: this browser holds nothing we can list.
  }
  return held;
}

/** The link that opens `boardId` with `token` on any device, as the server's own links are built. */
export function boardLink(boardId: string, token: string): string {
  return `${location.origin}/b/${encodeURIComponent(boardId)}#token=${token}`;
}

/** The board and token a pasted board link (as `boardLink` spells it, from any host) names; null for anything else. */
export function boardOfLink(link: string): { boardId: string; token: string } | null {
  const match = /\/b\/([^/#?\s]+)\/?#token=([^&\s]+)$/.exec(link.trim());
  return match ? { boardId: decodeURIComponent(match[1]!), token: match[2]! } : null;
}
