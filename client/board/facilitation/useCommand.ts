import { useCallback, useState } from 'react';

/** Runs a facilitator command (a REST call) and tracks whether it is under way or has failed. */
export function useCommand() {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailed(false);
    try {
      await action();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, failed, run };
}
