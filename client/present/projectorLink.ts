import type { BoardApi } from '../kernel/commands/boardApi';

/** Where this window keeps its projector token once the address no longer shows it: this window only, per board. */
const storageKey = (boardId: string) => `forumboard-projector:${boardId}`;

/**
 * The projector's token, taken out of the address: a projector link carries it in the fragment (never sent to a
 * server or put in a Referer), and once read it leaves the address bar, the wall and the venue PC's history.
 * The window keeps it in its own session storage, so a reload still shows the room; it never becomes the tab's
 * identity on the board.
 */
export function takeProjectorToken(boardId: string): string | null {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromFragment) {
    sessionStorage.setItem(storageKey(boardId), fromFragment);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromFragment;
  }
  return sessionStorage.getItem(storageKey(boardId));
}

/** The projector link this tab minted last, per board, reused while it is still listed (not revoked). */
const minted = new Map<string, { id: string; link: string }>();

/**
 * A projector link for the facilitator's "Present": a read-only token of its own, so the projector window never
 * holds the facilitator's. Reused while it stands; a new one is minted when there is none or it was revoked.
 */
export async function projectorLink(api: BoardApi, boardId: string): Promise<string> {
  const known = minted.get(boardId);
  if (known && (await api.fetchLinks()).projectors.some((link) => link.id === known.id)) return known.link;
  const { id, link } = await api.mintProjectorLink();
  minted.set(boardId, { id, link });
  return link;
}
