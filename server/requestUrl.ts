import type { IncomingMessage } from 'node:http';

/**
 * The request's URL, or null when its path cannot be read: broken %-encoding (`/%ZZ`) or no path at all (`//`).
 * Checked once, up front, so no later step throws on it and leaves the socket unanswered.
 */
export function requestUrl(req: IncomingMessage): URL | null {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}
