import { LIMITS } from '../../shared/limits.js';

/** What to do with a connection's own presence change: apply it, keep it for the next second, or close. */
export type OwnPresenceVerdict = 'apply' | 'later' | 'flood';

/**
 * One connection's presence budget, per second. A stock client passes on every presence message it hears, so
 * its messages are counted in two ways: all of them (echoes included), beyond which they are dropped unread,
 * and those that change its own state, which alone can mark it hostile. Queries for everyone's presence are
 * answered once a second at most: the answer is the whole room's presence.
 */
export class PresenceAllowance {
  private windowStart = Number.NEGATIVE_INFINITY;
  private messages = 0;
  private own = 0;
  private queries = 0;

  /** False: the message is dropped without being read. */
  message(now = Date.now()): boolean {
    this.roll(now);
    return ++this.messages <= LIMITS.awarenessMessagesPerSecond;
  }

  ownChange(now = Date.now()): OwnPresenceVerdict {
    this.roll(now);
    this.own++;
    if (this.own > LIMITS.awarenessFloodPerSecond) return 'flood';
    return this.own > LIMITS.awarenessPerSecond ? 'later' : 'apply';
  }

  query(now = Date.now()): boolean {
    this.roll(now);
    return ++this.queries <= 1;
  }

  /** Until the budget is new again. */
  msUntilRenewed(now = Date.now()): number {
    return Math.max(0, this.windowStart + 1000 - now);
  }

  private roll(now: number): void {
    if (now - this.windowStart < 1000) return;
    this.windowStart = now;
    this.messages = 0;
    this.own = 0;
    this.queries = 0;
  }
}
