import type { WebSocket } from 'ws';

/** A client opening a document sends its sync step 1 and 2 at once; more while a room loads is a flood. */
const MAX_HELD = 64;

export type HeldMessage = [data: Buffer, isBinary: boolean];

/**
 * Keeps what a socket sends while its room loads (the socket is open, the connection not there yet), for the
 * connection to read in order once it exists; the returned function stops holding and hands them over.
 */
export function holdMessages(ws: WebSocket): () => HeldMessage[] {
  const held: HeldMessage[] = [];
  const hold = (data: Buffer, isBinary: boolean) => {
    if (held.length >= MAX_HELD) return ws.terminate();
    held.push([data, isBinary]);
  };
  // Until the connection listens, a socket error must not reach the process as an unhandled 'error' event.
  const drop = () => ws.terminate();
  ws.on('message', hold);
  ws.on('error', drop);
  return () => {
    ws.off('message', hold);
    ws.off('error', drop);
    return held;
  };
}
