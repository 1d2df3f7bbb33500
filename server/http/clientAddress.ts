import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

export type AddressOf = (req: IncomingMessage) => string;

/**
 * The address that limits are counted against. X-Forwarded-For is believed only from the proxies named in
 * TRUST_PROXY: without it anyone could send a fresh made-up address with every guess.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): AddressOf {
  const trust = proxyAddr.compile([...trustedProxies]);
  return (req) => proxyAddr(req, trust);
}
