import crypto from 'node:crypto';

/** Tokens are bearer secrets in links; only their SHA-256 is stored, so a leaked database opens no board. */
export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O or 1/I: codes are read aloud and typed on phones

/** One draw; the store draws again while the code is taken (its uniqueness is the database's, across instances). */
export function randomJoinCode(): string {
  const bytes = crypto.randomBytes(6);
  return Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

export function newBoardId(): string {
  return crypto.randomBytes(9).toString('base64url');
}

export function newParticipantId(): string {
  return 'p_' + crypto.randomBytes(8).toString('base64url');
}

