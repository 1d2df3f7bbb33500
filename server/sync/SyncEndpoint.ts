import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE } from '../../shared/closeCodes.js';
import { LIMITS } from '../../shared/limits.js';
import type { LiveSessions } from '../access/LiveSessions.js';
import { resolveAccess, type Access } from '../auth/Access.js';
import { hashToken } from '../auth/tokens.js';
import type { ServerConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { RoomRegistry } from '../rooms/RoomRegistry.js';
import type { BoardOwners } from '../scale/BoardOwners.js';
import type { LeaseHolder } from '../storage/BoardLeases.js';
import type { Identity } from '../storage/Identity.js';
import { StoreUnavailable } from '../storage/StoreUnavailable.js';
import { requestUrl } from '../requestUrl.js';
import { Admission, type AdmissionSettings } from './Admission.js';
import { ClientConnection } from './ClientConnection.js';
import { documentOfPath } from './documentPath.js';
import { holdMessages, type HeldMessage } from './heldMessages.js';
import { originAllowed } from './originPolicy.js';
import { relayToOwner, type RelayTarget } from './ownerRelay.js';
import { relayedClientAddress } from './relayHeaders.js';
import { SESSION_CLOSES } from './sessionCloses.js';

export interface SyncEndpointParts {
  config: Pick<ServerConfig, 'allowedOrigins'> & AdmissionSettings;
  identity: Identity;
  rooms: RoomRegistry;
  sessions: LiveSessions;
  metrics: Metrics;
  log: Logger;
  /** Counts a wrong token against the request's address; true once that address has used up its attempts. */
  tooManyWrongTokens(req: IncomingMessage): Promise<boolean>;
  /** The client address a request counts against (the proxy's word where it is trusted). */
  addressOf(req: IncomingMessage): string;
  /** Instances owning boards in turn (the owners' leases, and the secret relays carry); null: every instance serves its own clients. */
  owners: { boards: BoardOwners; secret: string } | null;
}

/**
 * The WebSocket side of the server: the upgrade on `/ws/…` (origin, token, admission), a connection per
 * document once its room is loaded, and the close code of every refusal on the way.
 */
export class SyncEndpoint {
  private readonly admission: Admission;
  // ws cuts frames over maxPayload at the header, with a bare 1009; up to twice the limit ClientConnection
  // reads the frame and closes with a reason.
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 2 * LIMITS.maxMessageBytes });
  private draining = false;
  private relays = 0;

  constructor(
    server: Server,
    private readonly parts: SyncEndpointParts,
  ) {
    this.admission = new Admission(parts.config);
    server.on('upgrade', (req: IncomingMessage, socket, head) => this.upgrade(req, socket, head));
  }

  /** Sessions with a valid token, counted from admission: a burst waiting for rooms is bounded like open ones. */
  get connections(): number {
    return this.admission.held;
  }

  /** Sessions piped to the instance owning their board. */
  get relayed(): number {
    return this.relays;
  }

  /**
   * Shutdown: admits no one any more and closes every socket with 1012, so clients reconnect at once (to another
   * instance behind a balancer). Every update a client received was stored first, so closing loses nothing; what a
   * client sent and was not yet stored, it sends again on reconnecting. Sockets that do not finish the closing
   * handshake within DRAIN_GRACE_MS are cut.
   */
  async drain(): Promise<void> {
    this.draining = true;
    // Let go first: clients told to reconnect find their boards free for whichever instance they reach.
    await this.parts.owners?.boards.releaseAll().catch((err: unknown) => this.parts.log.warn('board leases could not be let go', { error: String(err) }));
    for (const client of this.wss.clients) closeForRestart(client);
    const closed = [...this.wss.clients].map((client) => new Promise((resolve) => client.once('close', resolve)));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_GRACE_MS)));
    await Promise.race([Promise.all(closed), timedOut]);
    clearTimeout(timer);
    for (const client of this.wss.clients) client.terminate();
  }

  private upgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer): void {
    const { config, identity, metrics, log } = this.parts;
    const url = requestUrl(req);
    const target = url && documentOfPath(url.pathname);
    if (!url || !target) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      const { boardId, docName } = target;
      if (this.draining) return closeForRestart(ws);
      // Refusals happen after the upgrade because only an open WebSocket can carry a close code and reason.
      if (!originAllowed(req, config.allowedOrigins)) {
        metrics.connectionsRefused.inc();
        return ws.close(CLOSE.forbidden, 'pages from this origin may not open boards');
      }
      // What the client sends while its token is checked and its room loads waits for the connection.
      const held = holdMessages(ws);
      const token = url.searchParams.get('token');
      void resolveAccess(identity, boardId, token).then(
        (result) => {
          if (!result.ok) {
            metrics.connectionsRefused.inc();
            const ended = this.parts.sessions.endedFor(boardId, token ? hashToken(token) : null);
            if (ended) return ws.close(SESSION_CLOSES[ended].code, SESSION_CLOSES[ended].reason);
            // An unknown board answers as a wrong token does, so nobody can find out which boards exist.
            return this.refuseWrongToken(ws, req);
          }
          if (ws.readyState !== ws.OPEN) return;
          this.route(ws, req, boardId, docName, result.access, held);
        },
        (err: unknown) => {
          log.error('a token could not be checked', { board: boardId, error: String(err) });
          closeForFailure(ws, err, 'the token could not be checked');
        },
      );
    });
  }

  /**
   * A wrong token is counted against its address; once the address has used up its failed attempts it is told
   * to come back later (1013) instead, in the same words whether the board exists or not.
   */
  private refuseWrongToken(ws: WebSocket, req: IncomingMessage): void {
    void this.parts.tooManyWrongTokens(req).then((tooMany) =>
      tooMany
        ? ws.close(CLOSE.busy, 'too many wrong tokens from this address; try again shortly')
        : ws.close(CLOSE.invalidToken, 'invalid token for this board'),
    );
  }

  /**
   * Serves the session here, or relays it to the live instance owning its board. A relayed session is served by
   * the instance it reached (taking the lease when it is free) and never relayed on; one whose owner cannot be
   * asked is served here too: nothing stored depends on the lease, only where the work is done.
   */
  private route(ws: WebSocket, req: IncomingMessage, boardId: string, docName: string, access: Access, held: () => HeldMessage[]): void {
    const { owners, log } = this.parts;
    const relayedFor = owners && relayedClientAddress(req, owners.secret);
    const address = relayedFor ?? this.parts.addressOf(req);
    if (!owners) return this.open(ws, boardId, docName, access, held, address);
    const serve = (owner: LeaseHolder | null, gone?: () => void) => {
      if (ws.readyState !== ws.OPEN) return;
      if (owner === null || relayedFor) return this.open(ws, boardId, docName, access, held, address);
      this.relay(ws, req, boardId, { owner: owner.address, secret: owners.secret, clientAddress: address }, held, gone);
    };
    const servedHere = (err: unknown) => {
      log.warn('the owner of a board could not be asked; its session is served here', { board: boardId, error: String(err) });
      serve(null);
    };
    // An owner found gone is replaced at once, and the session tried once more: served here, or by whoever took it first.
    const takeOver = (gone: LeaseHolder) => () => void owners.boards.takeOver(boardId, gone).then((owner) => serve(owner), servedHere);
    void owners.boards.ownerOf(boardId).then((owner) => serve(owner, owner ? takeOver(owner) : undefined), servedHere);
  }

  private relay(ws: WebSocket, req: IncomingMessage, boardId: string, target: RelayTarget, held: () => HeldMessage[], ownerGone?: () => void): void {
    const admitted = this.admission.admit(boardId, target.clientAddress);
    if (!admitted) {
      this.parts.metrics.connectionsRefused.inc();
      return ws.close(CLOSE.busy, 'server busy, try again shortly');
    }
    this.relays++;
    const onClose = () => {
      this.relays--;
      admitted();
    };
    const onOwnerGone = ownerGone ?? (() => closeForRestart(ws));
    relayToOwner(ws, req, target, held, { onClose, onOwnerGone });
  }

  private open(ws: WebSocket, boardId: string, docName: string, access: Access, held: () => HeldMessage[], address: string): void {
    const { rooms, sessions, metrics, log } = this.parts;
    // Only sessions with a valid token count against the limits: forged ones cost a lookup and are gone.
    const admitted = this.admission.admit(boardId, address);
    if (!admitted) {
      metrics.connectionsRefused.inc();
      return ws.close(CLOSE.busy, 'server busy, try again shortly');
    }
    const letGo = () => {
      admitted();
      rooms.release(boardId);
    };
    rooms
      .acquire(boardId)
      .then((board) => board.open(docName, access))
      .then(
        (room) => {
          if (!room) {
            letGo();
            return ws.close(CLOSE.forbidden, 'this document is not yours to open');
          }
          if (ws.readyState !== ws.OPEN) return letGo(); // gone while the room loaded
          const connection = new ClientConnection(ws, room, access, metrics, log, () => {
            leave();
            stopServing?.();
            letGo();
          }, held());
          const leave = sessions.add({ access, end: (cause) => connection.end(cause) });
          const stopServing = this.parts.owners?.boards.serve(boardId, () => connection.close(CLOSE.serviceRestart, 'this board moved to another server; reconnect now'));
          // Deleted or revoked while its token was checked and its room loaded: ended as if it had been open then.
          const ended = sessions.endedFor(boardId, access.tokenHash);
          if (ended) connection.end(ended);
        },
        (err: unknown) => {
          letGo();
          log.error('a room could not be loaded', { board: boardId, doc: docName, error: String(err) });
          closeForFailure(ws, err, 'the board could not be loaded');
        },
      );
  }
}

/** How long a shutting-down instance waits for its clients to answer its close before cutting them. */
const DRAIN_GRACE_MS = 2_000;

function closeForRestart(ws: WebSocket): void {
  ws.close(CLOSE.serviceRestart, 'this server is restarting; reconnect now');
}

/** A session the server could not open: 1013 while the database is away (the client retries), else 1011. */
function closeForFailure(ws: WebSocket, err: unknown, what: string): void {
  if (err instanceof StoreUnavailable) ws.close(CLOSE.busy, 'the database is unavailable; try again later');
  else ws.close(CLOSE.serverError, `${what}; try again shortly`);
}
