import type { RefusalCode } from '../shared/api.js';

/**
 * What kind of "no" a domain rule gives. Domain code speaks only of these; `http/` turns a kind into a status
 * code and `sync/` into a WebSocket close code, so a rule such as the timer's never names a transport.
 */
export type RefusalKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'too-large'
  | 'too-soon'
  | 'unavailable';

/** A rule said no: nothing was stored. `code` is what the client says in the reader's language (REFUSAL_CODES). */
export class DomainError extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly field?: string,
    readonly code?: RefusalCode,
    /** For `too-soon`: when asking again may work. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  static refusal(kind: RefusalKind, code: RefusalCode, message: string, field?: string): DomainError {
    return new DomainError(kind, message, field, code);
  }

  /** A budget (per board, per address) is used up for now: asking again after `retryAfterMs` may work. */
  static tooSoon(code: RefusalCode, message: string, retryAfterMs: number): DomainError {
    return new DomainError('too-soon', message, undefined, code, retryAfterMs);
  }
}

/** Whether `err` is the refusal with this code. */
export function isRefusal(err: unknown, code: RefusalCode): boolean {
  return err instanceof DomainError && err.code === code;
}
