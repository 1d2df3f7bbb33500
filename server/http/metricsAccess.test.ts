import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { requireMetricsToken } from './metricsAccess.js';

const request = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
const status = (req: IncomingMessage, token: string | null) => {
  try {
    requireMetricsToken(req, token);
    return 200;
  } catch (refusal) {
    return (refusal as { status: number }).status;
  }
};

describe('who may read /metrics', () => {
  it('without a token: loopback and private networks that came straight, nobody else', () => {
    expect(['127.0.0.1', '::1', '::ffff:10.1.2.3', '192.168.1.20', '172.20.0.4', 'fd00::7'].map((a) => status(request(a), null))).toEqual(Array(6).fill(200));
    expect(['203.0.113.5', '2001:db8::1', '172.32.0.1'].map((a) => status(request(a), null))).toEqual(Array(3).fill(403));
    expect(status(request('127.0.0.1', { 'x-forwarded-for': '203.0.113.5' }), null)).toBe(403);
  });

  it('with a token: whoever shows it, from anywhere', () => {
    expect(status(request('203.0.113.5', { authorization: 'Bearer s3cret' }), 's3cret')).toBe(200);
    expect(status(request('127.0.0.1'), 's3cret')).toBe(401);
  });
});
