import { setTimeout as sleep } from 'node:timers/promises';
import { holdsSeen } from '../../shared/seenState.js';
import type { DocRoom } from './DocRoom.js';

/** How often a command waiting for a client's edits looks again: the document is replaced on undo, so it is read afresh. */
const LOOK_EVERY_MS = 20;

/**
 * Waits until the room holds everything `seen` names (a client's edits still on their way arrive meanwhile), for at
 * most `withinMs`. Costs one state vector per look, a few bytes per writer of the document.
 */
export async function whenHolds(room: DocRoom, seen: ReadonlyMap<number, number>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (!holdsSeen(room.doc, seen)) {
    if (Date.now() >= deadline) return false;
    await sleep(LOOK_EVERY_MS);
  }
  return true;
}
