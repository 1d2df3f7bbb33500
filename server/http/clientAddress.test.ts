import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressResolver } from './clientAddress.js';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({ socket: { remoteAddress }, connection: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }) as unknown as IncomingMessage;

describe('the address limits count against', () => {
  it('counts every address of one IPv6 /64 as one, and IPv4 as it is', () => {
    const addressOf = clientAddressResolver([]);
    expect(addressOf(request('2001:db8:1:2:aaaa::1'))).toBe('2001:db8:1:2::/64');
    expect(addressOf(request('2001:0db8:0001:0002:ffff:1:2:3'))).toBe('2001:db8:1:2::/64');
    expect(addressOf(request('2001:db8::1'))).toBe('2001:db8:0:0::/64');
    expect(addressOf(request('::1'))).toBe('0:0:0:0::/64');
    expect(addressOf(request('::ffff:192.0.2.7'))).toBe('192.0.2.7');
    expect(addressOf(request('192.0.2.7'))).toBe('192.0.2.7');
  });

  it('believes X-Forwarded-For only from a trusted proxy', () => {
    expect(clientAddressResolver([])(request('127.0.0.1', '192.0.2.7'))).toBe('127.0.0.1');
    expect(clientAddressResolver(['loopback'])(request('127.0.0.1', '2001:db8:1:2::9'))).toBe('2001:db8:1:2::/64');
  });
});
