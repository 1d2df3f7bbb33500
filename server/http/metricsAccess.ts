import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HttpError } from './HttpError.js';

/**
 * With METRICS_TOKEN set, `/metrics` answers only to `Authorization: Bearer <token>`: its counts tell an
 * outsider how many boards and people are live. Compared in constant time, so the answer's timing says nothing.
 */
export function requireMetricsToken(req: IncomingMessage, metricsToken: string | null): void {
  if (metricsToken === null) return;
  const header = req.headers.authorization ?? '';
  const given = crypto.createHash('sha256').update(header.startsWith('Bearer ') ? header.slice(7).trim() : '').digest();
  const expected = crypto.createHash('sha256').update(metricsToken).digest();
  if (!crypto.timingSafeEqual(given, expected)) throw new HttpError(401, 'metrics need the metrics token');
}
