import * as Y from 'yjs';
import { z } from 'zod';

/**
 * What a client had seen of a document when it sent a command: the document's state vector, base64. A command
 * that reads the board (opening a round takes its themes and cards) carries it, so the server first waits until
 * it holds everything that client had, its own edits of a moment ago included: a card typed just before pressing
 * "Open round" is on the ballot, whichever of the two messages arrives first.
 */
export const seenState = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'a base64 state vector');

export function encodeSeen(doc: Y.Doc): string {
  let binary = '';
  for (const byte of Y.encodeStateVector(doc)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The clock of each client the sender had seen, or null when the text is no state vector. */
export function decodeSeen(text: string): Map<number, number> | null {
  try {
    return Y.decodeStateVector(Uint8Array.from(atob(text), (char) => char.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** Whether `doc` holds every change `seen` names. */
export function holdsSeen(doc: Y.Doc, seen: ReadonlyMap<number, number>): boolean {
  const here = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of seen) if ((here.get(client) ?? 0) < clock) return false;
  return true;
}
