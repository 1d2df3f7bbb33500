import type { Awareness } from 'y-protocols/awareness';

/**
 * How many times the awareness states changed, counted for the awareness's life for the same reason as
 * docVersion: a change between a view's render and its subscription is then caught up on, not lost.
 */
const counts = new WeakMap<Awareness, { changes: number }>();

export function awarenessVersion(awareness: Awareness): number {
  let count = counts.get(awareness);
  if (!count) {
    const started = { changes: 0 };
    // 'change', not 'update': the periodic renewal of an unchanged state is no change for any view.
    awareness.on('change', () => started.changes++);
    counts.set(awareness, started);
    count = started;
  }
  return count.changes;
}

/** Calls `onChange` after every change of the states, once the count already includes it. */
export function subscribeToAwareness(awareness: Awareness, onChange: () => void): () => void {
  awarenessVersion(awareness);
  awareness.on('change', onChange);
  return () => awareness.off('change', onChange);
}
