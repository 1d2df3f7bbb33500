/**
 * How a room hears of updates that other server instances stored, and tells them of its own. The room only
 * needs this port; server/scale implements it (Redis), and a single instance passes none.
 */
export interface Fanout {
  /** Tells the other instances of an update this instance stored under `seq`. */
  publish(boardId: string, docName: string, seq: number, update: Uint8Array): void;
  /** Calls `onRemote` with each update another instance published for the document; returns the unsubscribe. */
  subscribe(boardId: string, docName: string, onRemote: (seq: number, update: Uint8Array) => void): () => void;
  /** Tells the other instances of presence on the document: an awareness update of this instance's connections. */
  publishPresence(boardId: string, docName: string, update: Uint8Array): void;
  /**
   * Hands `listener` the presence other instances publish for the document; once subscribed, and again after
   * the fan-out was down, it asks them all for theirs. Returns the unsubscribe.
   */
  subscribePresence(boardId: string, docName: string, listener: RemotePresence): () => void;
  /**
   * False while messages may be lost (Redis unreachable): rooms with peers then read the log every
   * half second, so updates between instances still arrive.
   */
  readonly healthy: boolean;
}

/** Presence on one document as the other instances relay it. */
export interface RemotePresence {
  /** An awareness update of the connections on instance `from` (a null state: that connection left). */
  received(from: string, update: Uint8Array): void;
  /** Another instance asks for the presence of this instance's connections (it just loaded the document). */
  wanted(): void;
}
