import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

export type LinkStatus = 'connecting' | 'connected' | 'disconnected';
/** Closes after which reconnecting cannot help: the person needs a new invitation. */
export type FatalReason = 'invalidToken' | 'unknownBoard' | 'forbidden';
/** Closes after which the local copy holds a change the server will never take. */
export type RefusalReason = 'refused' | 'tooBig';

const FATAL_CLOSES: Record<number, FatalReason> = { 4401: 'invalidToken', 4404: 'unknownBoard', 4403: 'forbidden' };
const REFUSAL_CLOSES: Record<number, RefusalReason> = { 1008: 'refused', 1009: 'tooBig' };

export interface SyncedDocEvents {
  changed(): void;
  fatal(reason: FatalReason): void;
  refused(reason: RefusalReason): void;
}

function wsBase(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`;
}

/**
 * One Y.Doc kept in sync with one room of the server. When the server refuses an update (1008) or finds a
 * message too big (1009), reconnecting would send the same change again and be closed again, forever: so the
 * doc and its provider are thrown away and rebuilt from the server's state, which drops the refused change.
 */
export class SyncedDoc {
  doc!: Y.Doc;
  provider!: WebsocketProvider;
  status: LinkStatus = 'connecting';
  /** Has this doc ever finished a sync with the server (survives rebuilds: the content is then known). */
  everSynced = false;
  private destroyed = false;

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
    provider.on('closed', ({ code }) => {
      const fatal = FATAL_CLOSES[code];
      if (fatal) {
        this.events.fatal(fatal);
        return;
      }
      const refusal = REFUSAL_CLOSES[code];
      if (refusal) {
        // Not inside the provider's own event dispatch: destroying it there would pull the floor from under it.
        setTimeout(() => this.rebuild(), 0);
        this.events.refused(refusal);
      }
    });
    this.doc = doc;
    this.provider = provider;
    this.status = 'connecting';
  }

  private rebuild(): void {
    if (this.destroyed) return;
    this.provider.destroy();
    this.doc.destroy();
    this.open();
    this.events.changed();
  }

  destroy(): void {
    this.destroyed = true;
    this.provider.destroy();
    this.doc.destroy();
  }
}
