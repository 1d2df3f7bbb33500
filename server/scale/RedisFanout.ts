import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { SessionEnding } from '../../shared/sessionEnding.js';
import type { Logger } from '../log.js';
import type { ManagedFanout } from './Fanout.js';
import { decodeFanoutMessage, encodeFanoutMessage, INSTANCE_ID_BYTES } from './fanoutMessage.js';
import { decodeSessionEnding, encodeSessionEnding } from './sessionEndingMessage.js';

type RemoteUpdate = (seq: number, update: Uint8Array) => void;

/**
 * After the subscriber is back and has every channel again, the fan-out still reports unhealthy this long, so
 * rooms poll the log once or twice more: an update published while the channel was down, or in the moment
 * before the subscription took effect, is read from the log instead of waiting for the next one to show the gap.
 */
const SETTLE_MS = 1_000;
const RETRY_SUBSCRIBE_MS = 500;
/** Reconnect quickly and keep trying: an instance without Redis still serves, only slower between instances. */
const retryStrategy = (attempt: number) => Math.min(attempt * 100, 1_000);
/** Every instance listens here, whatever rooms it has loaded: a removed person may be connected anywhere. */
const SESSIONS_CHANNEL = 'forumboard:sessions';
/**
 * A Redis that hangs (a stopped process, a half-open connection) never closes the connection, and ioredis just waits
 * for answers: the instance publishes to a channel of its own every HEARTBEAT_MS, and when it has not heard itself for
 * HEARTBEAT_DEADLINE_MS the fan-out is unhealthy, so rooms read the log and sessions are re-checked within seconds.
 */
const HEARTBEAT_MS = 500;
const HEARTBEAT_DEADLINE_MS = 2_000;

/**
 * Cross-instance fan-out over Redis pub/sub, one channel per document, subscribed while a room of that document
 * is loaded. Two connections: a subscriber (Redis allows nothing else on it) and a publisher. Neither queues
 * commands while disconnected: a message that cannot be sent now is dropped (the update is in the log already),
 * and on reconnecting the subscriber subscribes every channel it should have.
 */
export class RedisFanout implements ManagedFanout {
  private readonly instanceId = randomBytes(INSTANCE_ID_BYTES);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<RemoteUpdate>>();
  private readonly endingListeners = new Set<(ending: SessionEnding) => void>();
  /** True once the subscriber has been connected, with all its channels, for SETTLE_MS. */
  private settled = false;
  private settleTimer: NodeJS.Timeout | null = null;
  private downSince: number | null = Date.now();
  private lastError = 'not connected yet';
  private closed = false;
  private readonly heartbeatChannel = `forumboard:heartbeat:${this.instanceId.toString('hex')}`;
  /** When this instance last heard its own heartbeat; set when the subscriber comes up. */
  private heardAt = Date.now();
  /** Connected, but Redis stopped answering: nothing is published until a heartbeat is heard again. */
  private stalled = false;
  private beatInFlight = false;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly log: Logger,
  ) {
    const options = { retryStrategy, enableOfflineQueue: false, autoResubscribe: false, maxRetriesPerRequest: 1, keepAlive: 10_000 };
    this.publisher = new Redis(url, { ...options, connectionName: 'forumboard-publisher' });
    this.subscriber = new Redis(url, { ...options, connectionName: 'forumboard-subscriber' });
    for (const connection of [this.publisher, this.subscriber]) {
      connection.on('error', (err: Error) => this.wentDown(err.message));
      connection.on('close', () => this.wentDown('connection to Redis closed'));
      connection.on('ready', () => void this.cameUp());
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const name = channel.toString('utf8');
      if (name === SESSIONS_CHANNEL) this.deliverEnding(message);
      else if (name === this.heartbeatChannel) this.heardHeartbeat();
      else this.deliver(name, message);
    });
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get healthy(): boolean {
    return this.settled && !this.stalled && this.connected;
  }

  private get connected(): boolean {
    return this.publisher.status === 'ready' && this.subscriber.status === 'ready';
  }

  degraded(): { reason: string; since: string } | null {
    if (this.healthy) return null;
    return { reason: `Redis unreachable (${this.lastError}); updates between instances go through the database`, since: new Date(this.downSince ?? Date.now()).toISOString() };
  }

  publish(boardId: string, docName: string, seq: number, update: Uint8Array): void {
    if (!this.connected || this.stalled) return;
    // A lost message costs only time: the next one shows the gap, and the room reads the log.
    this.publisher.publish(channelOf(boardId, docName), encodeFanoutMessage(this.instanceId, seq, update)).catch((err: Error) => this.log.debug('a fan-out message was dropped', { error: err.message }));
  }

  subscribe(boardId: string, docName: string, onRemote: RemoteUpdate): () => void {
    const channel = channelOf(boardId, docName);
    let listeners = this.listeners.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.listeners.set(channel, listeners);
      // While disconnected nothing is sent: `cameUp` subscribes every channel that has listeners by then.
      if (this.subscriber.status === 'ready') this.subscriber.subscribe(channel).catch((err: Error) => this.retrySubscribing(err));
    }
    listeners.add(onRemote);
    return () => {
      const current = this.listeners.get(channel);
      if (!current?.delete(onRemote) || current.size > 0) return;
      this.listeners.delete(channel);
      if (this.subscriber.status === 'ready') this.subscriber.unsubscribe(channel).catch(() => {});
    };
  }

  publishSessionEnding(ending: SessionEnding): void {
    if (!this.connected || this.stalled) return;
    // A lost ending costs only time: while the fan-out is unhealthy every instance re-checks its sessions' tokens.
    this.publisher.publish(SESSIONS_CHANNEL, encodeSessionEnding(this.instanceId, ending)).catch((err: Error) => this.log.warn('a session ending was not relayed', { error: err.message }));
  }

  onSessionEnding(onEnding: (ending: SessionEnding) => void): void {
    this.endingListeners.add(onEnding);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.endingListeners.clear();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.listeners.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  private deliver(channel: string, raw: Buffer): void {
    const message = decodeFanoutMessage(raw);
    if (message === null || this.instanceId.equals(message.instanceId)) return;
    const listeners = this.listeners.get(channel);
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener(message.seq, message.update);
      } catch (err) {
        this.log.error('a remote update could not be applied', { channel, seq: message.seq, error: String(err), stack: (err as Error)?.stack });
      }
    }
  }

  private deliverEnding(raw: Buffer): void {
    const message = decodeSessionEnding(raw);
    if (message === null) return this.log.warn('an unreadable session ending was ignored', { channel: SESSIONS_CHANNEL });
    if (this.instanceId.equals(message.instanceId)) return;
    for (const listener of this.endingListeners) {
      try {
        listener(message.ending);
      } catch (err) {
        this.log.error('a relayed session ending failed', { error: String(err), stack: (err as Error)?.stack });
      }
    }
  }

  private beat(): void {
    if (this.closed || !this.connected) return;
    if (this.settled && Date.now() - this.heardAt > HEARTBEAT_DEADLINE_MS) {
      this.stalled = true;
      this.wentDown(`Redis did not answer within ${HEARTBEAT_DEADLINE_MS} ms`);
    }
    // One beat at a time: while Redis hangs, more would only queue up behind it in the socket.
    if (this.beatInFlight) return;
    this.beatInFlight = true;
    this.publisher
      .publish(this.heartbeatChannel, '')
      .catch(() => {})
      .finally(() => (this.beatInFlight = false));
  }

  private heardHeartbeat(): void {
    this.heardAt = Date.now();
    if (!this.stalled) return;
    this.stalled = false;
    // Subscriptions asked for while Redis hung may have been lost with it: take them all again, then settle.
    void this.cameUp();
  }

  private wentDown(reason: string): void {
    if (this.closed) return;
    this.lastError = reason;
    this.settled = false;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    if (this.downSince === null) {
      this.downSince = Date.now();
      this.log.warn('Redis fan-out down; rooms read other instances\' updates from the database', { reason });
    }
  }

  /** A channel could not be subscribed on a live connection: unhealthy (rooms poll) until all are subscribed again. */
  private retrySubscribing(err: Error): void {
    this.wentDown(err.message);
    setTimeout(() => void this.cameUp(), RETRY_SUBSCRIBE_MS).unref();
  }

  /** Once both connections are ready: subscribe every channel that has listeners, then settle. */
  private async cameUp(): Promise<void> {
    if (this.closed || !this.connected) return;
    const channels = [SESSIONS_CHANNEL, this.heartbeatChannel, ...this.listeners.keys()];
    try {
      await this.subscriber.subscribe(...channels);
    } catch (err) {
      this.retrySubscribing(err as Error);
      return;
    }
    this.heardAt = Date.now();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      if (this.closed || this.stalled || !this.connected) return;
      this.settled = true;
      if (this.downSince !== null) this.log.info('Redis fan-out up', { downSinceMs: Date.now() - this.downSince });
      this.downSince = null;
    }, SETTLE_MS);
    this.settleTimer.unref();
  }
}

/** One channel per document; a board's id and a document's name hold no colon, so the name is unambiguous. */
function channelOf(boardId: string, docName: string): string {
  return `forumboard:doc:${boardId}:${docName}`;
}
