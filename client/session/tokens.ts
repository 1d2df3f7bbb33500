/**
 * Where a person's token for a board lives. Facilitator and observer links carry it in the URL fragment
 * (never sent to a server, never in logs); we move it to localStorage at once and strip it from the address
 * bar, so a screenshot or a shared screen of the board does not leak it.
 */
const key = (boardId: string) => `forumboard:token:${boardId}`;

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
  } catch {
    // Storage refused (private mode): the token then lives only in this page's memory via the caller.
  }
}

export function forgetToken(boardId: string): void {
  try {
    localStorage.removeItem(key(boardId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** Takes `#token=…` out of the current URL, stores it for `boardId`, and returns it (or null if there was none). */
export function takeTokenFromLocation(boardId: string): string | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const token = fragment.get('token');
  if (!token) return null;
  saveToken(boardId, token);
  fragment.delete('token');
  const rest = fragment.toString();
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? `#${rest}` : ''));
  return token;
}
