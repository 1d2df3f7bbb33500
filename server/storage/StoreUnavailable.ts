import { DomainError } from '../DomainError.js';

/**
 * The database cannot be reached now (PostgreSQL down, connection refused or lost). Nothing was stored; the
 * caller may try again later: http answers 503, sync closes with 1013. What the database said stays in `cause`,
 * for the server's log: an address or a driver's message is none of the caller's business.
 */
export class StoreUnavailable extends DomainError {
  constructor(cause: unknown) {
    super('unavailable', 'the database is unavailable; nothing was stored, try again in a moment', undefined, 'try-again-later');
    this.name = 'StoreUnavailable';
    this.cause = cause;
  }
}
