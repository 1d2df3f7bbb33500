import type { SessionEnding } from '../../shared/sessionEnding.js';
import type { Access } from '../auth/Access.js';
import type { Logger } from '../log.js';
import type { Identity } from '../storage/Identity.js';
import type { LiveSessions } from './LiveSessions.js';

const RECHECK_EVERY_MS = 2_000;

/**
 * The fallback for endings another instance could not relay (Redis down, or instances on one database without
 * Redis): while `needed()` says so and this instance has sessions, every open session's token is looked up
 * again, and a session whose board, token or participant is gone is ended with the code the command would have
 * sent. The commands delete those rows before ending sessions, so the store alone tells what was ended.
 * Returns the stop function.
 */
export function startSessionRecheck(
  deps: { sessions: Pick<LiveSessions, 'accesses'>; identity: Identity; needed: () => boolean; onEnding: (ending: SessionEnding) => void; log: Logger },
  everyMs = RECHECK_EVERY_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !deps.needed()) return;
    const accesses = [...deps.sessions.accesses()];
    if (accesses.length === 0) return;
    running = true;
    void endingsFor(deps.identity, accesses)
      .then((endings) => {
        endings.forEach(deps.onEnding);
      })
      // The database being down is reported elsewhere; the next round tries again.
      .catch((err: unknown) => deps.log.debug('open sessions could not be re-checked', { error: String(err) }))
      .finally(() => (running = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** What has become of each session's board, token and participant since the session opened. */
async function endingsFor(identity: Identity, accesses: Access[]): Promise<SessionEnding[]> {
  const endings: SessionEnding[] = [];
  const goneBoards = new Set<string>();
  for (const boardId of new Set(accesses.map((a) => a.boardId))) {
    if (await identity.getBoard(boardId)) continue;
    goneBoards.add(boardId);
    endings.push({ match: { boardId, all: true }, cause: 'board-deleted' });
  }
  const seen = new Set<string>();
  for (const access of accesses) {
    const { boardId, tokenHash, participantId } = access;
    if (goneBoards.has(boardId) || seen.has(tokenHash)) continue;
    seen.add(tokenHash);
    const token = await identity.findToken(tokenHash);
    const participant = participantId === null || !token ? undefined : await identity.getParticipant(participantId);
    if (participantId !== null && !participant) {
      endings.push({ match: { boardId, participantId }, cause: 'removed' });
    } else if (!token) {
      endings.push({ match: { boardId, tokenHash }, cause: 'revoked' });
    } else if (participant && (participant.name !== access.identity.name || participant.organisation !== access.identity.organisation || participant.group !== access.identity.group)) {
      // Presence carries the details resolved when the session opened: reconnecting shows the corrected ones.
      endings.push({ match: { boardId, participantId: participant.id }, cause: 'identity-changed' });
    }
  }
  return endings;
}
