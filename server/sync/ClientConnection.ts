import type { WebSocket } from 'ws';
import { CLOSE } from '../../shared/closeCodes.js';
import { LIMITS } from '../../shared/limits.js';
import type { EndingCause } from '../../shared/sessionEnding.js';
import type { Access } from '../auth/Access.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import { TokenBucket } from '../TokenBucket.js';
import type { DocRoom } from '../rooms/DocRoom.js';
import type { ApplyResult, RoomPeer } from '../rooms/types.js';
import type { HeldMessage } from './heldMessages.js';
import { PresenceAllowance } from './PresenceAllowance.js';
import { SESSION_CLOSES } from './sessionCloses.js';
import { decodeAwarenessUpdate, decodeClientMessage, MalformedMessage, type AwarenessEntry, type ClientMessage } from '../rooms/wire.js';

/** How a room's verdict on an update is said in the protocol: bad bytes, a refusal, or the server's own failure. */
const APPLY_CLOSE = { malformed: CLOSE.invalidPayload, refused: CLOSE.policy, failed: CLOSE.serverError, unavailable: CLOSE.busy } as const;

/** Keep-alive period; a connection that misses one pong is dropped so its presence does not linger. */
export const PING_EVERY_MS = 30_000;
/** A presence state is a name tag and a typing flag; anything bigger is a payload riding on every peer's screen. */
const MAX_PRESENCE_BYTES = 4096;
/** Updates building on unknown state that one connection may send before it is closed (see ApplyResult). */
const MAX_STATE_REQUESTS = 20;
/**
 * Sync requests (step 1) a connection may send at once, and how fast that comes back. The stock client sends one
 * when it connects; each may cost the server an encode of the whole document, so a stream of them is refused.
 */
const SYNC_REQUEST_BURST = 3;
const SYNC_REQUESTS_PER_SECOND = 0.1;

/** One WebSocket bound to one document room, speaking the y-websocket protocol under the access of its token. */
export class ClientConnection implements RoomPeer {
  readonly writer;
  readonly identity;
  private alive = true;
  private readonly pinger: NodeJS.Timeout;
  private readonly presenceAllowance = new PresenceAllowance();
  /** The newest own presence change over the allowance, tried again once the allowance has renewed. */
  private laterPresence: { entry: AwarenessEntry; timer: NodeJS.Timeout } | null = null;
  private stateRequests = 0;
  private readonly syncRequests = new TokenBucket(SYNC_REQUEST_BURST, SYNC_REQUESTS_PER_SECOND);
  /** Set when the server closes the connection (a refusal, a removed person, a deleted board). */
  closedByServer = false;
  /** The one awareness client id this connection speaks for, from the first new presence it publishes. */
  private presenceId: number | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: DocRoom,
    private readonly access: Access,
    private readonly metrics: Metrics,
    private readonly log: Logger,
    onClose: () => void,
    held: HeldMessage[] = [],
  ) {
    this.writer = access.writer;
    this.identity = access.identity;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => {
      clearInterval(this.pinger);
      if (this.laterPresence) clearTimeout(this.laterPresence.timer);
      room.leave(this);
      onClose();
    });
    ws.on('error', () => ws.terminate());
    this.pinger = setInterval(() => {
      if (!this.alive) return ws.terminate();
      this.alive = false;
      ws.ping();
    }, PING_EVERY_MS);
    this.pinger.unref();
    room.greet(this);
    for (const [data, isBinary] of held) this.receive(data, isBinary);
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.metrics.bytesOut.inc(message.byteLength);
    this.ws.send(message);
  }

  /** Ends the session for a command's reason (shared/sessionEnding.ts), with the close code it means. */
  end(cause: EndingCause): void {
    const { code, reason } = SESSION_CLOSES[cause];
    this.close(code, reason);
  }

  close(code: number, reason: string): void {
    this.closedByServer = true;
    // A close reason is limited to 123 bytes by the WebSocket protocol.
    this.ws.close(code, Buffer.from(reason).subarray(0, 123).toString());
  }

  private receive(data: Buffer, isBinary: boolean): void {
    // After the server closed a session (a removed person, a deleted board) nothing it still sends may be applied.
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.metrics.bytesIn.inc(data.byteLength);
    if (data.byteLength > LIMITS.maxMessageBytes) {
      return this.refuse(CLOSE.tooBig, `message over ${LIMITS.maxMessageBytes / 1024} kB; split large pastes into several cards`);
    }
    if (!isBinary) return this.close(CLOSE.invalidPayload, 'binary y-websocket messages only');
    let message: ClientMessage;
    try {
      message = decodeClientMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (err) {
      return this.refuse(CLOSE.invalidPayload, err instanceof MalformedMessage ? err.message : 'malformed message');
    }
    // Yjs throws on some malformed payloads (a broken state vector, say); none of that may reach the process.
    const malformed = () => {
      if (!this.closedByServer) this.refuse(CLOSE.invalidPayload, `malformed ${message.kind} message`);
    };
    try {
      this.handle(message)?.catch(malformed);
    } catch {
      malformed();
    }
  }

  /** Updates and sync requests wait their turn in the room's queue; the rest is answered at once. */
  private handle(message: ClientMessage): Promise<void> | void {
    switch (message.kind) {
      case 'sync-step1':
        if (!this.syncRequests.take()) return this.refuse(CLOSE.policy, 'too many sync requests');
        return this.room.answerSyncStep1(this, message.stateVector);
      case 'update':
        return this.room.applyClientUpdate(this, message.update).then((result) => this.answerUpdate(result));
      case 'awareness':
        return this.receiveAwareness(message.update);
      case 'query-awareness':
        if (this.presenceAllowance.message() && this.presenceAllowance.query()) this.room.answerAwarenessQuery(this);
        return;
    }
  }

  private answerUpdate(result: ApplyResult): void {
    if (result.ok === 'missing-state') {
      // Honest clients need this once per reconnect at most; a stream of them only costs the server reloads.
      if (++this.stateRequests > MAX_STATE_REQUESTS) return this.refuse(CLOSE.policy, 'updates keep depending on unknown state');
      return this.room.requestState(this);
    }
    if (!result.ok) this.refuse(APPLY_CLOSE[result.kind], result.reason);
  }

  private receiveAwareness(update: Uint8Array): void {
    if (!this.presenceAllowance.message()) return;
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwarenessUpdate(update, (clientId, clock) => clientId === this.presenceId || !this.knownPresence(clientId, clock));
    } catch (err) {
      return this.refuse(CLOSE.invalidPayload, err instanceof MalformedMessage ? err.message : 'malformed presence message');
    }
    const own = this.ownPresence(entries);
    if (typeof own === 'string') return this.refuse(CLOSE.policy, own);
    if (own) this.takeOwnPresence(own);
  }

  /** Applies a change of the connection's own presence within its allowance; past it, the newest waits. */
  private takeOwnPresence(own: AwarenessEntry): void {
    const verdict = this.presenceAllowance.ownChange();
    if (verdict === 'flood') return this.refuse(CLOSE.policy, 'too many presence messages');
    if (verdict === 'apply') return this.room.applyAwareness(this, [own]);
    if (this.laterPresence) {
      this.laterPresence.entry = own;
      return;
    }
    const timer = setTimeout(() => {
      const later = this.laterPresence;
      this.laterPresence = null;
      if (later && this.ws.readyState === this.ws.OPEN) this.takeOwnPresence(later.entry);
    }, this.presenceAllowance.laterMs);
    this.laterPresence = { entry: own, timer };
  }

  /**
   * The entry of this connection's own presence, null if the message has none, or why the message is refused.
   * The stock client echoes every state it hears of (and their removals); entries the room already has, or has
   * newer, were dropped quietly while decoding (`knownPresence`). A new id is this connection's own the first
   * time; a second one is someone publishing presences for people who are not there, and nothing of that message
   * reaches a peer.
   */
  private ownPresence(entries: AwarenessEntry[]): AwarenessEntry | null | string {
    let own: AwarenessEntry | null = null;
    for (const entry of entries) {
      if (entry.clientId !== this.presenceId) {
        if (entry.state === null) continue;
        if (this.presenceId !== null) return 'one presence per connection';
        this.presenceId = entry.clientId;
      }
      if (Buffer.byteLength(JSON.stringify(entry.state)) > MAX_PRESENCE_BYTES) return `presence state over ${MAX_PRESENCE_BYTES / 1024} kB`;
      own = entry;
    }
    return own;
  }

  /** A state the room has, or has had newer: an echo of someone else's, passed on by a stock client. */
  private knownPresence(clientId: number, clock: number): boolean {
    const { awareness } = this.room;
    return awareness.getStates().has(clientId) || (awareness.meta.get(clientId)?.clock ?? -1) >= clock;
  }

  private refuse(code: number, reason: string): void {
    this.metrics.updatesRefused.inc();
    this.log.warn('refused client message', {
      board: this.access.boardId,
      doc: this.room.name,
      role: this.access.role,
      participant: this.access.participantId,
      code,
      reason,
    });
    this.close(code, reason);
  }
}
