import { DomainError } from '../DomainError.js';

/**
 * The database cannot be reached now (PostgreSQL down, connection refused or lost). Nothing was stored; the
 * caller may try again later: http answers 503, sync closes with 1013.
 */
export class StoreUnavailable extends DomainError {
  constructor(cause: unknown) {
    super('unavailable', `the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailable';
    this.cause = cause;
  }
}
