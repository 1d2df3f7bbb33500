import * as Y from 'yjs';
import type { Writer } from '../../server/auth/Access.js';
import type { RoomPeer } from '../../server/rooms/types.js';
import { decodeClientMessage } from '../../server/rooms/wire.js';

/**
 * A client as a room sees it, without a socket: it records every message the room sends it, and keeps a
 * document of what it was sent, as a y-websocket client would.
 */
export class FakePeer implements RoomPeer {
  readonly received: Uint8Array[] = [];
  /** The document as this peer knows it: what it was sent, and its own changes. */
  readonly doc = new Y.Doc();
  identity = null;
  closedByServer = false;

  constructor(
    readonly writer: Writer = { role: 'participant', authorId: 'p1', cardKey: null },
    private readonly onReceive: (message: Uint8Array) => void = () => {},
  ) {}

  send(message: Uint8Array): void {
    this.received.push(message);
    const decoded = decodeClientMessage(message);
    if (decoded.kind === 'update') Y.applyUpdate(this.doc, decoded.update);
    this.onReceive(message);
  }

  /** The document updates it was sent (not the sync or presence messages). */
  get updates(): Uint8Array[] {
    return this.received.flatMap((m) => {
      const decoded = decodeClientMessage(m);
      return decoded.kind === 'update' ? [decoded.update] : [];
    });
  }

  /** Makes a change on its own document and returns the update it would send. */
  change(edit: (doc: Y.Doc) => void): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    edit(this.doc);
    return Y.encodeStateAsUpdate(this.doc, before);
  }
}
