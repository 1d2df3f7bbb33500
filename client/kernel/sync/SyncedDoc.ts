import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { CLOSE } from '../../../shared/closeCodes';
import type { FatalReason } from './fatalReasons';
import { RefusalStreak, type RefusalStep } from './RefusalStreak';

export type { FatalReason };

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';
/** Closes after which the local copy holds a change the server will never take. */
export type RefusalReason = 'refused' | 'tooBig';

// An unknown board is closed as a bad token (4401), so nobody learns which boards exist.
const FATAL_CLOSES: Record<number, FatalReason> = {
  [CLOSE.invalidToken]: 'invalidToken',
  [CLOSE.forbidden]: 'forbidden',
  [CLOSE.boardDeleted]: 'deleted',
  [CLOSE.removed]: 'removed',
  [CLOSE.revoked]: 'revoked',
};
const REFUSAL_CLOSES: Record<number, RefusalReason> = { [CLOSE.policy]: 'refused', [CLOSE.tooBig]: 'tooBig' };

export interface SyncedDocEvents {
  changed(): void;
  fatal(reason: FatalReason): void;
  /** The server refused a change; `step` says whether the doc rebuilds (now or later) or has stopped. */
  refused(reason: RefusalReason, step: RefusalStep): void;
}

function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/**
 * One Y.Doc kept in sync with one room of the server. When the server refuses an update (1008) or finds a
 * message too big (1009), reconnecting would send the same change again and be closed again, forever: so the
 * doc and its provider are thrown away and rebuilt from the server's state, which drops the refused change.
 * Refusals that keep coming back are paced by RefusalStreak, which in the end stops until the person reconnects.
 */
export class SyncedDoc {
  doc!: Y.Doc;
  provider!: WebsocketProvider;
  status: LinkStatus = 'connecting';
  /** Has this doc ever finished a sync with the server (survives rebuilds: the content is then known). */
  everSynced = false;
  /** Reconnecting waits for the person: the server kept refusing this browser's changes. */
  stopped = false;
  private destroyed = false;
  private readonly refusals = new RefusalStreak();
  private pendingRebuild: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly room: string,
    private readonly token: string,
    private readonly events: SyncedDocEvents,
  ) {
    this.open();
  }

  private open(): void {
    const doc = new Y.Doc();
    // BroadcastChannel would let two tabs exchange updates the server never checked; the server is the authority.
    const provider = new WebsocketProvider(`${wsBase()}/ws`, this.room, doc, {
      params: { token: this.token },
      disableBc: true,
      // y-websocket's backoff has no jitter of its own; a ceiling drawn per tab keeps a room full of phones
      // from retrying in lockstep after the venue's Wi-Fi drops.
      maxBackoffTime: 2500 + Math.random() * 2500,
      shouldReconnect: (event) => !(event.code in FATAL_CLOSES) && !(event.code in REFUSAL_CLOSES),
    });
    provider.on('status', ({ status }) => {
      this.status = status;
      this.events.changed();
    });
    provider.on('sync', (synced) => {
      if (synced) this.everSynced = true;
      this.events.changed();
    });
    provider.on('connection-close', (event) => {
      // A server shutting down for a deploy (1012) sends its clients elsewhere: y-websocket would first wait out its
      // backoff. Only a connection that had synced comes back at once, so a refusal loop still backs off.
      if (event?.code === CLOSE.serviceRestart && provider.synced) queueMicrotask(() => provider.connect());
    });
    provider.on('closed', ({ code }) => {
      const fatal = FATAL_CLOSES[code];
      if (fatal) {
        this.events.fatal(fatal);
        return;
      }
      const refusal = REFUSAL_CLOSES[code];
      if (refusal) {
        const step = this.refusals.next(Date.now());
        // Not inside the provider's own event dispatch: destroying it there would pull the floor from under it.
        if (step.kind === 'rebuild') this.pendingRebuild = setTimeout(() => this.rebuild(), step.afterMs);
        this.stopped = step.kind === 'stop';
        this.events.refused(refusal, step);
      }
    });
    this.doc = doc;
    this.provider = provider;
    this.status = 'connecting';
  }

  /** The person asks to connect again after the refusals stopped it. */
  reconnect(): void {
    if (!this.stopped) return;
    this.refusals.reset();
    this.rebuild();
  }

  private rebuild(): void {
    this.pendingRebuild = null;
    this.stopped = false;
    if (this.destroyed) return;
    this.provider.destroy();
    this.doc.destroy();
    this.open();
    this.events.changed();
  }

  destroy(): void {
    this.destroyed = true;
    if (this.pendingRebuild !== null) clearTimeout(this.pendingRebuild);
    this.provider.destroy();
    this.doc.destroy();
  }
}
