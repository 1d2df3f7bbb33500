import crypto from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const SECRET_HEADER = 'x-forumboard-relay-secret';
const CLIENT_HEADER = 'x-forumboard-client-address';

/**
 * The headers of a relayed connection's upgrade: the client's Host and Origin as it sent them (so the owner's
 * origin check says what it would have said), and its address under the instances' shared secret (so the
 * owner counts the connection against the client's address, not against the relaying instance's).
 */
export function relayHeaders(req: IncomingMessage, clientAddress: string, secret: string): OutgoingHttpHeaders {
  return {
    ...(req.headers.host ? { host: req.headers.host } : {}),
    ...(req.headers.origin ? { origin: req.headers.origin } : {}),
    [SECRET_HEADER]: secret,
    [CLIENT_HEADER]: clientAddress,
  };
}

/** The client address another instance relayed this connection for, or null when it is not a relay proven by the secret. */
export function relayedClientAddress(req: IncomingMessage, secret: string): string | null {
  const offered = req.headers[SECRET_HEADER];
  const address = req.headers[CLIENT_HEADER];
  if (typeof offered !== 'string' || typeof address !== 'string' || address === '') return null;
  const [a, b] = [crypto.createHash('sha256').update(offered).digest(), crypto.createHash('sha256').update(secret).digest()];
  return crypto.timingSafeEqual(a, b) ? address : null;
}
