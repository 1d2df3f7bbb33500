/**
 * Marks a board its facilitator has just created in this tab, so the board greets them with their facilitator
 * link and the warning to keep it, once, until they say they have.
 */
const key = (boardId: string) => `forumboard:created:${boardId}`;

export function markJustCreated(boardId: string): void {
  try {
    sessionStorage.setItem(key(boardId), '1');
  } catch {
    // Storage refused: the link is still in the invite panel.
  }
}

export function isJustCreated(boardId: string): boolean {
  try {
    return sessionStorage.getItem(key(boardId)) === '1';
  } catch {
    return false;
  }
}

export function keptLink(boardId: string): void {
  try {
    sessionStorage.removeItem(key(boardId));
  } catch {
    // Nothing stored.
  }
}
