import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes.js';
import { HttpError } from './HttpError.js';

/** How long an address that used up its failed attempts must wait: long enough to make guessing a join code hopeless. */
const BLOCK_SECONDS = 300;

export interface AbuseLimitSettings {
  /** Failed join codes and tokens per address per minute; 0 counts none. */
  failedAttemptsPerMinute: number;
  /** Boards created per address per hour; 0 counts none. */
  boardsPerHour: number;
}

/**
 * Budgets per client address, kept in memory (one server process holds every board's rooms anyway).
 *
 * Only failures are counted against the guessing budget: a room of forty people behind one venue router shares
 * one address, and their correct codes and tokens must never use it up. A join code has 32^6 values, so an
 * address allowed 20 misses per five minutes needs centuries to find a workshop; a token (192 bits) cannot be
 * guessed at all, so a valid token is always let through, and a blocked address only loses its wrong ones.
 */
export class AbuseLimits {
  private readonly failures: RateLimiterMemory | null;
  private readonly creations: RateLimiterMemory | null;

  constructor(private readonly settings: AbuseLimitSettings) {
    this.failures =
      settings.failedAttemptsPerMinute > 0
        ? new RateLimiterMemory({ keyPrefix: 'failed', points: settings.failedAttemptsPerMinute, duration: 60, blockDuration: BLOCK_SECONDS })
        : null;
    this.creations = settings.boardsPerHour > 0 ? new RateLimiterMemory({ keyPrefix: 'create', points: settings.boardsPerHour, duration: 3600 }) : null;
  }

  /** Before looking up a join code: an address that used up its failed attempts waits, whatever it sends. */
  async refuseWhileBlocked(address: string): Promise<void> {
    const state = await this.failures?.get(address);
    if (state && state.consumedPoints > this.settings.failedAttemptsPerMinute) throw tooManyAttempts(state.msBeforeNext);
  }

  /** Counts a wrong join code or token; the refusal to send instead once the budget is gone, else null. */
  async countFailure(address: string): Promise<HttpError | null> {
    if (!this.failures) return null;
    try {
      await this.failures.consume(address);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return tooManyAttempts(rejection.msBeforeNext);
      throw rejection;
    }
  }

  /** Takes one board creation from the address's hourly budget, or refuses with 429. */
  async takeBoardCreation(address: string): Promise<void> {
    if (!this.creations) return;
    try {
      await this.creations.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw HttpError.tooManyRequests('too-many-boards', `at most ${this.settings.boardsPerHour} new boards per hour from one address`, rejection.msBeforeNext);
    }
  }
}

function tooManyAttempts(waitMs: number): HttpError {
  return HttpError.tooManyRequests('too-many-attempts', 'too many wrong join codes or tokens from this address; try again later', waitMs);
}
