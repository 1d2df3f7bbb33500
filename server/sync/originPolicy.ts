import type { IncomingMessage } from 'node:http';

/**
 * Which pages may open a WebSocket to us. Browsers send cookies-free WebSocket handshakes from any site, so a
 * foreign page holding a leaked token could otherwise sit in a board; the Origin header is the browser's own
 * word for which page asks. Clients without an Origin are not browsers (the stock y-websocket client in Node,
 * monitoring) and carry their token like any API client, so they are let through.
 *
 * With allowed origins configured (PUBLIC_URL, ALLOWED_ORIGINS), only those; otherwise the page must come from
 * the host it connects to, which is what a browser on our own client always does.
 */
export function originAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.length > 0) return allowedOrigins.includes(origin);
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file) or garbage
  }
}
