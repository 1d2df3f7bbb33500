/**
 * How a room hears of updates that other server instances stored, and tells them of its own. The room only
 * needs this port; server/scale implements it (Redis), and a single instance passes none.
 */
export interface Fanout {
  /** Tells the other instances of an update this instance stored under `seq`. */
  publish(boardId: string, docName: string, seq: number, update: Uint8Array): void;
  /** Calls `onRemote` with each update another instance published for the document; returns the unsubscribe. */
  subscribe(boardId: string, docName: string, onRemote: (seq: number, update: Uint8Array) => void): () => void;
  /**
   * False while messages may be lost (Redis unreachable): rooms with peers then read the log every
   * half second, so updates between instances still arrive.
   */
  readonly healthy: boolean;
}
