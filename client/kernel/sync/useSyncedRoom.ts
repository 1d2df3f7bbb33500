import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { SyncedDoc } from './SyncedDoc';

/**
 * A document the board needs only at times (a participant's private list, the facilitator's drafts):
 * connected while `room` is set, dropped when it turns null. Callers follow its content with useDocSelector.
 */
export function useSyncedRoom(room: string | null, token: string): Y.Doc | null {
  const [synced, setSynced] = useState<SyncedDoc | null>(null);
  const [, setGeneration] = useState(0);
  useEffect(() => {
    if (!room) return;
    const created = new SyncedDoc(room, token, {
      // A rebuilt doc is a new object: re-render so readers get it.
      changed: () => setGeneration((g) => g + 1),
      fatal: () => undefined,
      refused: () => undefined,
    });
    setSynced(created);
    return () => {
      created.destroy();
      setSynced(null);
    };
  }, [room, token]);
  return synced?.doc ?? null;
}
