/** Closes after which reconnecting cannot help: the person needs a new invitation. */
export const FATAL_REASONS = ['invalidToken', 'unknownBoard', 'forbidden', 'removed', 'revoked', 'deleted'] as const;
export type FatalReason = (typeof FATAL_REASONS)[number];

/** How much each ending tells the person: a deleted board or a removed person explains a refused token. */
const FATAL_RANK: Record<FatalReason, number> = { invalidToken: 0, unknownBoard: 0, forbidden: 1, revoked: 2, removed: 3, deleted: 4 };

/**
 * The ending to show once `next` arrives after `shown`. A board's two documents close one after the other: after a
 * deletion the second may be refused as an unknown token while it was reconnecting. The reason that says what
 * happened wins over the one that follows from it, whichever comes first.
 */
export function endingToShow(shown: FatalReason | null, next: FatalReason): FatalReason {
  return shown !== null && FATAL_RANK[shown] >= FATAL_RANK[next] ? shown : next;
}
