import { useCallback, useState } from 'react';
import { ApiFailure } from '../../api/serverApi';
import { useT } from '../../app/i18n';
import { describeFailure } from '../../app/describeFailure';

/**
 * Runs a command (a REST call) and tracks whether it is under way or has failed. When the server refused it with
 * a reason (a refusal code in the 4xx body, such as "the timer is not running"), `refusal` says that reason in
 * the reader's language; a view shows it in place of its own general "could not do that".
 */
export function useCommand() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure({ error });
    } finally {
      setBusy(false);
    }
  }, []);
  // Translated when shown, not when it failed: a language switch in between changes it too.
  const refusal = failure && hasReason(failure.error) ? describeFailure(failure.error, t) : null;
  return { busy, failed: failure !== null, refusal, run };
}

/** A failure that says why in a way the reader can be told: a refusal code, or the server not reached. */
function hasReason(error: unknown): boolean {
  return error instanceof ApiFailure && (error.status === 0 || Boolean(error.body?.code));
}
