import { z } from 'zod';

/**
 * Which open sessions of a board a command ends: all of them (the board was deleted), a participant's, or
 * those opened with one token (a revoked link). Plain data rather than a predicate, so that the instance that
 * handled the command can tell the other instances, which end their own matching sessions.
 */
const sessionMatch = z.union([
  z.strictObject({ boardId: z.string().min(1).max(100), all: z.literal(true) }),
  z.strictObject({ boardId: z.string().min(1).max(100), participantId: z.string().min(1).max(100) }),
  z.strictObject({ boardId: z.string().min(1).max(100), tokenHash: z.string().regex(/^[0-9a-f]{64}$/) }),
]);
type SessionMatch = z.infer<typeof sessionMatch>;

/**
 * Why sessions end. The domain says only this; the WebSocket layer (server/sync/sessionCloses.ts) turns it into
 * the close code and reason the browser acts on.
 */
const ENDING_CAUSES = ['board-deleted', 'removed', 'revoked', 'identity-changed'] as const;
export type EndingCause = (typeof ENDING_CAUSES)[number];

/** An ending as it travels between instances: whom, and why. */
export const sessionEnding = z.strictObject({
  match: sessionMatch,
  cause: z.enum(ENDING_CAUSES),
});
export type SessionEnding = z.infer<typeof sessionEnding>;

/** Whether a session opened with this access is one the match names. */
export function sessionMatches(match: SessionMatch, access: { boardId: string; participantId: string | null; tokenHash: string }): boolean {
  if (access.boardId !== match.boardId) return false;
  if ('all' in match) return true;
  if ('participantId' in match) return access.participantId === match.participantId;
  return access.tokenHash === match.tokenHash;
}
