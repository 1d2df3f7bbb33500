import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { SessionEnding } from '../../shared/sessionEnding.js';
import type { Logger } from '../log.js';
import type { RemotePresence } from '../rooms/Fanout.js';
import type { ManagedFanout } from './Fanout.js';
import { decodeFanoutMessage, encodeFanoutMessage, encodePresenceMessage, encodePresenceQuery, INSTANCE_ID_BYTES, type FanoutMessage } from './fanoutMessage.js';
import { decodeSessionEnding, encodeSessionEnding } from './sessionEndingMessage.js';

type RemoteUpdate = (seq: number, update: Uint8Array) => void;

/** One document's channel: who listens here, and whether Redis has confirmed the subscription. */
interface Channel {
  updates: Set<RemoteUpdate>;
  presence: Set<RemotePresence>;
  subscribed: boolean;
}

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
 * Cross-instance fan-out over Redis pub/sub, one channel per document (updates and presence), subscribed while a
 * room of that document is loaded. Two connections: a subscriber (Redis allows nothing else on it) and a publisher. Neither queues
 * commands while disconnected: a message that cannot be sent now is dropped (the update is in the log already),
 * and on reconnecting the subscriber subscribes every channel it should have.
 */
export class RedisFanout implements ManagedFanout {
  private readonly instanceId = randomBytes(INSTANCE_ID_BYTES);
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channels = new Map<string, Channel>();
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
    // A lost message costs only time: the next one shows the gap, and the room reads the log.
    this.send(channelOf(boardId, docName), encodeFanoutMessage(this.instanceId, seq, update), 'debug', 'a fan-out message was dropped');
  }

  subscribe(boardId: string, docName: string, onRemote: RemoteUpdate): () => void {
    return this.listen(channelOf(boardId, docName), (channel) => channel.updates, onRemote);
  }

  publishPresence(boardId: string, docName: string, update: Uint8Array): void {
    // A lost one costs only time: stock clients renew their state every 15 s, and one not renewed for 30 s goes.
    this.send(channelOf(boardId, docName), encodePresenceMessage(this.instanceId, update), 'debug', 'a presence message was dropped');
  }

  subscribePresence(boardId: string, docName: string, listener: RemotePresence): () => void {
    const channel = channelOf(boardId, docName);
    const stop = this.listen(channel, (entry) => entry.presence, listener);
    if (this.channels.get(channel)?.subscribed) this.askPresence(channel);
    return stop;
  }

  publishSessionEnding(ending: SessionEnding): void {
    // A lost ending costs only time: while the fan-out is unhealthy every instance re-checks its sessions' tokens.
    this.send(SESSIONS_CHANNEL, encodeSessionEnding(this.instanceId, ending), 'warn', 'a session ending was not relayed');
  }

  onSessionEnding(onEnding: (ending: SessionEnding) => void): void {
    this.endingListeners.add(onEnding);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.heartbeat);
    this.endingListeners.clear();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.channels.clear();
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }

  /** Nothing is sent while Redis is unreachable or hangs: the message would only wait in a socket. */
  private send(channel: string, message: Buffer | string, level: 'debug' | 'warn', dropped: string): void {
    if (!this.connected || this.stalled) return;
    this.publisher.publish(channel, message).catch((err: Error) => this.log[level](dropped, { error: err.message }));
  }

  private listen<T>(name: string, listeners: (channel: Channel) => Set<T>, listener: T): () => void {
    let channel = this.channels.get(name);
    if (!channel) {
      channel = { updates: new Set(), presence: new Set(), subscribed: false };
      this.channels.set(name, channel);
      // While disconnected nothing is sent: `cameUp` subscribes every channel that has listeners by then.
      if (this.subscriber.status === 'ready') {
        const subscribing = channel;
        this.subscriber
          .subscribe(name)
          .then(() => {
            subscribing.subscribed = true;
            this.askPresence(name);
          })
          .catch((err: Error) => this.retrySubscribing(err));
      }
    }
    listeners(channel).add(listener);
    return () => {
      const current = this.channels.get(name);
      if (!current || !listeners(current).delete(listener) || current.updates.size + current.presence.size > 0) return;
      this.channels.delete(name);
      if (this.subscriber.status === 'ready') this.subscriber.unsubscribe(name).catch(() => {});
    };
  }

  /** Asks the other instances for their presence on a channel this instance listens to presence on. */
  private askPresence(name: string): void {
    if (this.channels.get(name)?.presence.size) this.send(name, encodePresenceQuery(this.instanceId), 'debug', 'a presence query was dropped');
  }

  private deliver(name: string, raw: Buffer): void {
    const message = decodeFanoutMessage(raw);
    if (message === null || this.instanceId.equals(message.instanceId)) return;
    const channel = this.channels.get(name);
    if (!channel) return;
    try {
      this.dispatch(channel, message);
    } catch (err) {
      this.log.error('a message from another instance could not be applied', { channel: name, kind: message.kind, error: String(err), stack: (err as Error)?.stack });
    }
  }

  private dispatch(channel: Channel, message: FanoutMessage): void {
    switch (message.kind) {
      case 'update':
        for (const listener of channel.updates) listener(message.seq, message.update);
        return;
      case 'presence': {
        const from = Buffer.from(message.instanceId).toString('hex');
        for (const listener of channel.presence) listener.received(from, message.update);
        return;
      }
      case 'presence-query':
        for (const listener of channel.presence) listener.wanted();
        return;
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
    const documents = [...this.channels.keys()];
    try {
      await this.subscriber.subscribe(SESSIONS_CHANNEL, this.heartbeatChannel, ...documents);
    } catch (err) {
      this.retrySubscribing(err as Error);
      return;
    }
    // Presence published while Redis was away is lost: ask for all of it again.
    for (const name of documents) {
      const channel = this.channels.get(name);
      if (channel) channel.subscribed = true;
      this.askPresence(name);
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
