import type { ZodError } from 'zod';
import type { RefusalCode } from '../../shared/api.js';
import type { DomainError, RefusalKind } from '../DomainError.js';

/** The one place where a domain refusal becomes an HTTP status. */
const STATUS_OF: Record<RefusalKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-large': 413,
  'too-soon': 429,
  unavailable: 503,
};

/** An error answered to the client as `{ error, code?, field? }` with its HTTP status; nothing is stored when thrown. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly details: { code?: RefusalCode; issues?: Array<{ field: string; message: string }> } = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** A refusal with a code the client says in the reader's language (see REFUSAL_CODES). */
  static refusal(status: number, code: RefusalCode, message: string, field?: string): HttpError {
    return new HttpError(status, message, field, { code });
  }

  /** 429: this address has used up a budget; Retry-After says when it may try again. */
  static tooManyRequests(code: RefusalCode, message: string, retryAfterMs: number): HttpError {
    return new HttpError(429, message, undefined, { code }, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) });
  }

  /**
   * The database could not keep a change (a full disk): the server's fault, yet nothing was stored and asking
   * again later may work, so 503 with the code the browser words as "try again in a moment". Logged where it
   * happened (StorageHealth).
   */
  static storageFailed(): HttpError {
    return HttpError.refusal(503, 'try-again-later', 'the server could not store this; nothing was changed, try again in a moment');
  }

  static fromDomain(err: DomainError): HttpError {
    if (err.kind === 'too-soon') return HttpError.tooManyRequests(err.code ?? 'try-again-later', err.message, err.retryAfterMs ?? 1000);
    return new HttpError(STATUS_OF[err.kind], err.message, err.field, err.code ? { code: err.code } : {});
  }

  static fromZod(error: ZodError): HttpError {
    const issues = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    const first = issues[0];
    return new HttpError(400, `${first.field}: ${first.message}`, first.field, { issues });
  }
}
