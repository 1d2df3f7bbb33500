import type { SessionEnding } from '../../shared/sessionEnding.js';
import type { Access } from '../auth/Access.js';
import type { Logger } from '../log.js';
import type { Identity } from '../storage/Identity.js';
import type { ParticipantRecord } from '../storage/records.js';
import type { LiveSessions } from './LiveSessions.js';

const RECHECK_EVERY_MS = 2_000;

/**
 * By then every instance has ended the sessions a command ended, Redis down or not: a re-check that read the
 * store just before the command finds it at the next round, and a round's reads take well under a second.
 */
export const SESSIONS_ENDED_WITHIN_MS = 2 * RECHECK_EVERY_MS + 1_000;

/**
 * The fallback for endings another instance could not relay (Redis down, or instances on one database without
 * Redis): while `needed()` says so and this instance has sessions, the tokens and participants of every board
 * with sessions here are read again, and a session whose board, token or participant is gone is ended with the code the command would have
 * sent. The commands delete those rows before ending sessions, so the store alone tells what was ended.
 * Returns the stop function.
 */
export function startSessionRecheck(
  deps: { sessions: Pick<LiveSessions, 'accessesByBoard'>; identity: Identity; needed: () => boolean; onEnding: (ending: SessionEnding) => void; log: Logger },
  everyMs = RECHECK_EVERY_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !deps.needed()) return;
    const boards = [...deps.sessions.accessesByBoard()];
    if (boards.length === 0) return;
    running = true;
    void endingsFor(deps.identity, boards)
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

/**
 * What has become of each session's board, token and participant since the session opened: three reads per
 * board with sessions here, however many sessions it has.
 */
async function endingsFor(identity: Identity, boards: Array<[string, Access[]]>): Promise<SessionEnding[]> {
  const endings: SessionEnding[] = [];
  for (const [boardId, ofBoard] of boards) {
    const [board, tokens, participants] = await Promise.all([identity.getBoard(boardId), identity.listTokenHashes(boardId), identity.listParticipants(boardId)]);
    if (!board) endings.push({ match: { boardId, all: true }, cause: 'board-deleted' });
    else endings.push(...endingsOnBoard(ofBoard, new Set(tokens), new Map(participants.map((p) => [p.id, p]))));
  }
  return endings;
}

function endingsOnBoard(accesses: Access[], tokens: ReadonlySet<string>, participants: ReadonlyMap<string, ParticipantRecord>): SessionEnding[] {
  const endings: SessionEnding[] = [];
  const seen = new Set<string>();
  for (const access of accesses) {
    const { boardId, tokenHash, participantId } = access;
    if (seen.has(tokenHash)) continue;
    seen.add(tokenHash);
    const token = tokens.has(tokenHash);
    const participant = participantId === null || !token ? undefined : participants.get(participantId);
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
