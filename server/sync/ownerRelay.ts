import type { IncomingMessage } from 'node:http';
import { WebSocket, type RawData } from 'ws';
import { CLOSE } from '../../shared/closeCodes.js';
import { LIMITS } from '../../shared/limits.js';
import { PING_EVERY_MS } from './ClientConnection.js';
import type { HeldMessage } from './heldMessages.js';
import { relayHeaders } from './relayHeaders.js';

/** Codes a close frame may not carry (RFC 6455 §7.4.1): the owner vanished rather than said why. */
const UNSENDABLE = new Set([1004, 1005, 1006, 1015]);

export interface RelayTarget {
  /** The owner's internal http://host:port. */
  owner: string;
  secret: string;
  clientAddress: string;
}

export interface RelayEnds {
  /** The relay is over (the client's socket closed, or handed back). */
  onClose(): void;
  /**
   * Nothing listens at the owner's address (killed, or restarted under a new id): the relay lets go of the
   * client's socket, its early messages still held, for it to be served otherwise.
   */
  onOwnerGone(): void;
}

/**
 * Pipes a client's socket to the instance that owns its board, frame by frame and undecoded: one upstream
 * socket per client, opened on the same path with the client's token, so the owner checks and serves it as its
 * own. What the client sent before the owner answered waits in `held`. A close from either side is passed on
 * with its code and reason; an owner that vanished (killed, its network gone) closes the client with 1012, so
 * it reconnects at once and finds the lease taken over, or takes it.
 */
export function relayToOwner(client: WebSocket, req: IncomingMessage, target: RelayTarget, held: () => HeldMessage[], ends: RelayEnds): void {
  const upstream = new WebSocket(target.owner.replace(/^http/, 'ws') + (req.url ?? '/'), {
    headers: relayHeaders(req, target.clientAddress, target.secret),
    perMessageDeflate: false,
    maxPayload: 2 * LIMITS.maxMessageBytes,
  });
  const toOwner = (data: RawData, isBinary: boolean) => upstream.send(data, { binary: isBinary });
  upstream.on('open', () => {
    opened = true;
    if (client.readyState !== client.OPEN) return upstream.close();
    for (const [data, isBinary] of held()) toOwner(data, isBinary);
    client.on('message', toOwner);
    client.on('error', () => client.terminate());
  });
  upstream.on('message', (data, isBinary) => {
    if (client.readyState === client.OPEN) client.send(data, { binary: isBinary });
  });
  let opened = false;
  let ownerGone = false;
  // ws closes the socket itself after any error; only a refused connection says who is (not) there.
  upstream.on('error', (err: Error & { code?: string }) => (ownerGone = !opened && err.code === 'ECONNREFUSED'));
  upstream.on('close', (code, reason) => {
    if (client.readyState !== client.OPEN) return;
    if (ownerGone) {
      stop();
      return ends.onOwnerGone();
    }
    if (UNSENDABLE.has(code)) client.close(CLOSE.serviceRestart, 'the server of this board went away; reconnect now');
    else client.close(code, reason.toString());
  });

  let alive = true;
  const pong = () => (alive = true);
  const pinger = setInterval(() => {
    if (!alive) return client.terminate();
    alive = false;
    client.ping();
  }, PING_EVERY_MS);
  pinger.unref();
  const closed = (code: number, reason: Buffer) => {
    stop();
    if (upstream.readyState === upstream.OPEN) upstream.close(UNSENDABLE.has(code) ? 1000 : code, reason);
    else upstream.terminate();
  };
  const stop = () => {
    clearInterval(pinger);
    client.off('pong', pong);
    client.off('close', closed);
    ends.onClose();
  };
  client.on('pong', pong);
  client.on('close', closed);
}
