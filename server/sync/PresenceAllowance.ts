import { LIMITS } from '../../shared/limits.js';
import { TokenBucket } from '../TokenBucket.js';

/** What to do with a connection's own presence change: apply it, keep it for a moment, or close. */
export type OwnPresenceVerdict = 'apply' | 'later' | 'flood';

/**
 * One connection's presence budget. A stock client passes on every presence message it hears, so its messages
 * are counted in two ways: all of them (echoes included), beyond which they are dropped unread, and those that
 * change its own state, which alone can mark it hostile. Queries for everyone's presence are answered once a
 * second at most: the answer is the whole room's presence.
 */
export class PresenceAllowance {
  private readonly messages = new TokenBucket(LIMITS.awarenessMessagesPerSecond, LIMITS.awarenessMessagesPerSecond);
  private readonly own = new TokenBucket(LIMITS.awarenessPerSecond, LIMITS.awarenessPerSecond);
  private readonly flood = new TokenBucket(LIMITS.awarenessFloodPerSecond, LIMITS.awarenessFloodPerSecond);
  private readonly queries = new TokenBucket(1, 1);
  /** How long a change over the allowance waits before it is tried again: the time one change is renewed in. */
  readonly laterMs = 1000 / LIMITS.awarenessPerSecond;

  /** False: the message is dropped without being read. */
  message(): boolean {
    return this.messages.take();
  }

  ownChange(): OwnPresenceVerdict {
    if (!this.flood.take()) return 'flood';
    return this.own.take() ? 'apply' : 'later';
  }

  query(): boolean {
    return this.queries.take();
  }
}
