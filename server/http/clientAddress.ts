import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
import proxyAddr from 'proxy-addr';

export type AddressOf = (req: IncomingMessage) => string;

/**
 * The address that limits are counted against. X-Forwarded-For is believed only from the proxies named in
 * TRUST_PROXY: without it anyone could send a fresh made-up address with every guess. An IPv6 address counts
 * by its /64, the block one home or phone network is given: counted one by one, a network would have 2^64 budgets.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): AddressOf {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (req) => network(proxyAddr(req, trust));
}

function network(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head, tail] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(':')}::/64`;
}
