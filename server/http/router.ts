import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { AbuseLimits } from './AbuseLimits.js';
import type { AddressOf } from './clientAddress.js';
import { DomainError } from '../DomainError.js';
import { isStorageFailure } from '../storage/StorageHealth.js';
import { HttpError } from './HttpError.js';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  url: URL;
}

type Handler = (ctx: RequestContext) => unknown | Promise<unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

/** Where the router counts wrong join codes and tokens (see AbuseLimits). */
export interface RouterGuard {
  limits: AbuseLimits;
  addressOf: AddressOf;
}

/**
 * A wrong guess at a secret: a token that opens nothing (401, also for a board that does not exist), a join code
 * that is not the board's, or a code no board has.
 */
function isFailedGuess(err: HttpError): boolean {
  return err.status === 401 || err.details.code === 'wrong-join-code' || (err.status === 404 && err.field === 'joinCode');
}

/** Result of a handler that answers with something other than 200 JSON. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const MAX_BODY_BYTES = 64 * 1024;

/** A minimal router: `/api/boards/:boardId` patterns, JSON in and out, errors as `{ error, field? }`. */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly guard?: RouterGuard) {}

  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const pattern = new RegExp(
      '^' + path.replace(/:([a-zA-Z]+)/g, (_m, key: string) => (keys.push(key), '([^/]+)')) + '$',
    );
    this.routes.push({ method, pattern, keys, handler });
    return this;
  }

  /** Returns false when no route matches the path, so the caller can serve static files. */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(match[i + 1])));
      try {
        const result = await route.handler({ req, res, params, url });
        if (result instanceof Reply) send(res, result.status, result.body, result.headers);
        else send(res, 200, result);
      } catch (thrown) {
        const err = thrown instanceof DomainError ? HttpError.fromDomain(thrown) : isStorageFailure(thrown) ? HttpError.storageFailed() : thrown;
        if (err instanceof HttpError) {
          const refusal = (this.guard && isFailedGuess(err) && (await this.guard.limits.countFailure(this.guard.addressOf(req)))) || err;
          send(res, refusal.status, { error: refusal.message, field: refusal.field, ...refusal.details }, refusal.headers);
        } else {
          send(res, 500, { error: 'internal error' });
          throw err;
        }
      }
      return true;
    }
    if (pathMatched) {
      send(res, 405, { error: `method ${req.method} not allowed here` });
      return true;
    }
    return false;
  }
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (typeof body === 'string' || body instanceof Uint8Array) {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    res.end(body);
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** Reads and validates a JSON body; any problem is a 4xx naming the field. */
export async function readBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, 'send JSON with content-type application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw HttpError.fromZod(parsed.error);
  return parsed.data;
}

export function bearerToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return url.searchParams.get('token');
}
