import { TokenBuckets } from '../TokenBuckets.js';
import { HttpError } from './HttpError.js';

export interface AbuseLimitSettings {
  /** Wrong join codes and tokens one address may send at once; 0 counts none. */
  failedAttemptsBurst: number;
  /** Wrong attempts that flow back to an address per minute, once its burst is spent. */
  failedAttemptsPerMinute: number;
  /** Boards created per address per hour; 0 counts none. */
  boardsPerHour: number;
  /** Joins one address may make to one board in a burst, and again per hour; the facilitator may raise it; 0 counts none. */
  joinsPerAddress: number;
}

/** How long a join code that worked from an address keeps working there while the address is throttled. */
const KNOWN_CODE_MS = 3 * 3_600_000;
/** Join codes remembered per address: the workshops of one venue on one day. */
const KNOWN_CODES_PER_ADDRESS = 16;
/**
 * Joins per address per second, over all boards, in bursts of 60: a room of sixty scanning the QR code at the
 * same moment fits, and a stream of made-up participants costs the server at most ten joins' work a second.
 */
const JOIN_PACE = { burst: 60, perSecond: 10 };
/**
 * The guessing budget of a neighbourhood of addresses (an IPv4 /24, an IPv6 /48) is this many address budgets: a
 * guesser who rotates through the addresses of one host or one small network gets no more than a few addresses' guesses.
 */
const NEIGHBOURHOOD_FACTOR = 4;

/**
 * Budgets per client address (an IPv6 /64), kept in memory: limits are per instance. Wrong codes are counted per
 * neighbourhood too (NEIGHBOURHOOD_FACTOR), so rotating through nearby addresses buys a few budgets, not thousands.
 *
 * A venue is not an attacker: sixty people behind one router share an address, and thirty of them mistype the
 * code once. Only wrong codes and tokens spend the guessing budget, a burst of `failedAttemptsBurst` (30) that
 * flows back at `failedAttemptsPerMinute` (5), so a room's typos fit and a guesser gets five a minute once the
 * burst is spent. While an address has no budget left, every join code it sends is answered 429 unseen (a
 * throttle that answered right codes would tell a guesser which ones are right) except a code known there: one
 * that worked from that address before, or that the facilitator's screen fetched from it. The guesser learns
 * nothing from it that the venue's projector does not show, and the room keeps joining while a guesser on the
 * same Wi-Fi waits. A token (192 bits) cannot be guessed,
 * so a valid token is always let through.
 *
 * Joins per address and board are budgeted too (`joinsPerAddress`, venue-sized, per hour), so one address cannot
 * fill a workshop's places; the facilitator of a larger venue raises it for their board.
 */
export class AbuseLimits {
  private readonly failures: TokenBuckets | null;
  private readonly neighbourhoodFailures: TokenBuckets | null;
  private readonly creations: TokenBuckets | null;
  private readonly joins: TokenBuckets | null;
  private readonly joinPace: TokenBuckets | null;
  /** Boards whose facilitator raised the joins per address, with their own budget. */
  private readonly raisedJoins = new Map<string, TokenBuckets>();
  private readonly knownCodes = new Map<string, Map<string, number>>();
  /** The last join in turn per address (bounded by the pace: at most a burst of them wait). */
  private readonly joinTurns = new Map<string, Promise<void>>();

  constructor(
    private readonly settings: AbuseLimitSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.failures =
      settings.failedAttemptsBurst > 0 ? new TokenBuckets({ burst: settings.failedAttemptsBurst, perSecond: settings.failedAttemptsPerMinute / 60 }, now) : null;
    this.neighbourhoodFailures =
      settings.failedAttemptsBurst > 0
        ? new TokenBuckets({ burst: settings.failedAttemptsBurst * NEIGHBOURHOOD_FACTOR, perSecond: (settings.failedAttemptsPerMinute * NEIGHBOURHOOD_FACTOR) / 60 }, now)
        : null;
    this.creations = settings.boardsPerHour > 0 ? new TokenBuckets({ burst: settings.boardsPerHour, perSecond: settings.boardsPerHour / 3600 }, now) : null;
    this.joins = settings.joinsPerAddress > 0 ? joinBudget(settings.joinsPerAddress, now) : null;
    this.joinPace = settings.joinsPerAddress > 0 ? new TokenBuckets(JOIN_PACE, now) : null;
  }

  /**
   * Before looking up a join code: an address without guessing budget waits, whatever it sends, unless the
   * code has worked from there before.
   */
  refuseWhileBlocked(address: string, code: string): void {
    const wait = Math.max(this.failures?.waitFor(address) ?? 0, this.neighbourhoodFailures?.waitFor(neighbourhood(address)) ?? 0);
    if (wait > 0 && !this.worked(address, code)) throw tooManyAttempts(wait);
  }

  /** A join code known at the address (it worked there, or was shown there): it keeps working while the address is throttled. */
  rememberCode(address: string, code: string): void {
    const now = this.now();
    const codes = this.knownCodes.get(address) ?? new Map<string, number>();
    this.knownCodes.delete(address);
    this.knownCodes.set(address, codes);
    codes.delete(code);
    codes.set(code, now + KNOWN_CODE_MS);
    if (codes.size > KNOWN_CODES_PER_ADDRESS) codes.delete(codes.keys().next().value!);
    // The oldest entries go first: an address that learned no code for a while is the first in the map.
    for (const [oldest, its] of this.knownCodes) {
      if ([...its.values()].some((expiry) => expiry > now)) break;
      this.knownCodes.delete(oldest);
    }
  }

  /** Counts a wrong join code or token; the refusal to send instead once the budget is gone, else null. */
  async countFailure(address: string): Promise<HttpError | null> {
    if (!this.failures || !this.neighbourhoodFailures) return null;
    const wait = Math.max(this.failures.take(address), this.neighbourhoodFailures.take(neighbourhood(address)));
    return wait > 0 ? tooManyAttempts(wait) : null;
  }

  /** Takes one board creation from the address's hourly budget, or refuses with 429. */
  async takeBoardCreation(address: string): Promise<void> {
    const wait = this.creations?.take(address) ?? 0;
    if (wait > 0) throw HttpError.tooManyRequests('too-many-boards', `at most ${this.settings.boardsPerHour} new boards per hour from one address`, wait);
  }

  /** Takes a join to the board from the address's budget, or refuses with 429; `giveBack` if the join then failed. */
  takeJoin(address: string, boardId: string): { giveBack: () => void } {
    if (!this.joins || !this.joinPace) return { giveBack: () => undefined };
    const paced = this.joinPace.take(address);
    if (paced > 0) throw HttpError.tooManyRequests('too-busy', `at most ${JOIN_PACE.perSecond} joins a second from one network`, paced);
    const budget = this.raisedJoins.get(boardId) ?? this.joins;
    const key = `${boardId} ${address}`;
    const wait = budget.take(key);
    if (wait > 0) {
      throw HttpError.tooManyRequests('too-many-joins', `at most ${budget.size.burst} people may join this workshop from one network per hour; the facilitator can raise this`, wait);
    }
    return { giveBack: () => budget.refund(key) };
  }

  /** The joins per address for one board, as its facilitator set them (never below the server's default). */
  raiseJoins(boardId: string, perAddress: number): number {
    if (!this.joins) return this.joinsPerAddress(boardId);
    if (perAddress <= this.settings.joinsPerAddress) this.raisedJoins.delete(boardId);
    else if (this.raisedJoins.get(boardId)?.size.burst !== perAddress) this.raisedJoins.set(boardId, joinBudget(perAddress, this.now));
    return this.joinsPerAddress(boardId);
  }

  /**
   * Runs a join from the address after the ones before it from there: a room's burst of joins is worked through
   * one at a time, so other boards' messages wait for one join's work at most, never for sixty.
   */
  inTurn<T>(address: string, join: () => Promise<T>): Promise<T> {
    const before = this.joinTurns.get(address) ?? Promise.resolve();
    const turn = before.then(join, join);
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.joinTurns.set(address, settled);
    void settled.then(() => this.joinTurns.get(address) === settled && this.joinTurns.delete(address));
    return turn;
  }

  /** The joins per address per hour for the board; 0 when joins are not counted. */
  joinsPerAddress(boardId: string): number {
    return (this.raisedJoins.get(boardId) ?? this.joins)?.size.burst ?? 0;
  }

  private worked(address: string, code: string): boolean {
    return (this.knownCodes.get(address)?.get(code) ?? 0) > this.now();
  }
}

/** The addresses around one (an IPv4 /24, an IPv6 /48 around its /64), which one host or one small network can rotate through. */
export function neighbourhood(address: string): string {
  if (address.endsWith('::/64')) return `${address.split(':').slice(0, 3).join(':')}::/48`;
  const octets = address.split('.');
  return octets.length === 4 ? `${octets.slice(0, 3).join('.')}.0/24` : address;
}

function joinBudget(perAddress: number, now: () => number): TokenBuckets {
  return new TokenBuckets({ burst: perAddress, perSecond: perAddress / 3600 }, now);
}

function tooManyAttempts(waitMs: number): HttpError {
  return HttpError.tooManyRequests('too-many-attempts', 'too many wrong join codes or tokens from this address; try again in a moment', waitMs);
}
