/** Called with an update another instance stored and published: its log sequence number and its bytes. */
export type RemoteUpdate = (seq: number, update: Uint8Array) => void;

/**
 * How an accepted update reaches the rooms of the same document on other server instances. It only makes
 * things fast: every update is in the shared log before it is published, and a room that sees a gap in the
 * sequence numbers, or a fan-out that is not healthy, reads the log instead.
 */
export interface Fanout {
  /** Sends a stored update to the other instances; never throws, and drops the message when it cannot send. */
  publish(boardId: string, docName: string, seq: number, update: Uint8Array): void;
  /** Listens for other instances' updates of one document until the returned function is called. */
  subscribe(boardId: string, docName: string, onRemote: RemoteUpdate): () => void;
  /** Whether other instances' updates arrive through this fan-out now; while false, rooms poll the log. */
  readonly healthy: boolean;
  /** For /healthz: why a configured fan-out is not working, and since when; null when all is well. */
  degraded(): { reason: string; since: string } | null;
  close(): Promise<void>;
}
