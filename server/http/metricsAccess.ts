import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList } from 'node:net';
import { HttpError } from './HttpError.js';

/** Networks a monitoring agent beside the server scrapes from: loopback and the private ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [['127.0.0.0', 8], ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) PRIVATE.addSubnet(network, prefix, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');

/**
 * `/metrics` counts tell an outsider how many boards and people are live. With METRICS_TOKEN set it answers only
 * to `Authorization: Bearer <token>`, compared in constant time so the answer's timing says nothing. Without
 * it, only to a scraper on a private network that came straight to the server: a request carrying
 * X-Forwarded-For came through a proxy, and whoever sent it may be anyone.
 */
export function requireMetricsToken(req: IncomingMessage, metricsToken: string | null): void {
  if (metricsToken === null) {
    if (req.headers['x-forwarded-for'] === undefined && fromPrivateNetwork(req.socket.remoteAddress ?? '')) return;
    throw new HttpError(403, 'metrics are served to a private network, or to the metrics token (METRICS_TOKEN)');
  }
  const header = req.headers.authorization ?? '';
  const given = crypto.createHash('sha256').update(header.startsWith('Bearer ') ? header.slice(7).trim() : '').digest();
  const expected = crypto.createHash('sha256').update(metricsToken).digest();
  if (!crypto.timingSafeEqual(given, expected)) throw new HttpError(401, 'metrics need the metrics token');
}

function fromPrivateNetwork(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
  return address.includes(':') ? PRIVATE.check(address, 'ipv6') : PRIVATE.check(address, 'ipv4');
}
