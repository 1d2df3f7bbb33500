import { useCallback, useEffect, useState } from 'react';

export type PolledRead<T> = { state: 'loading' } | { state: 'ready'; view: T } | { state: 'failed'; error: unknown };

/**
 * A page that reads one thing over REST and keeps it fresh while it is open: read at once, again on `reload`, and
 * every `everyMs` while the page is visible (things change elsewhere: owners update a register, workshops move on).
 * `read` must be stable for as long as what it reads is the same (useCallback on its inputs).
 */
export function usePolledRead<T>(read: () => Promise<T>, everyMs: number): PolledRead<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<PolledRead<T>>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ state: 'ready', view: await read() });
    } catch (error) {
      setState({ state: 'failed', error });
    }
  }, [read]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => document.visibilityState === 'visible' && void reload(), everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { ...state, reload };
}
