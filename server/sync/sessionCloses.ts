import { CLOSE, type CloseCode } from '../../shared/closeCodes.js';
import type { EndingCause } from '../../shared/sessionEnding.js';

/** What a session ended by a command is told: the one place where an ending's cause becomes a close code. */
export const SESSION_CLOSES: Record<EndingCause, { code: CloseCode; reason: string }> = {
  'board-deleted': { code: CLOSE.boardDeleted, reason: 'this workshop was deleted' },
  removed: { code: CLOSE.removed, reason: 'you were removed from this workshop' },
  revoked: { code: CLOSE.revoked, reason: 'this link was revoked' },
  'identity-changed': { code: CLOSE.identityChanged, reason: 'your details changed' },
};
