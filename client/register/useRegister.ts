import { useCallback, useEffect, useState } from 'react';
import type { RegisterView } from '../../shared/register';
import { fetchRegister } from '../api/serverApi';

export type RegisterState = { state: 'loading' } | { state: 'ready'; view: RegisterView } | { state: 'failed'; error: unknown };

/** Owners update from elsewhere: a page left open reads the register again this often while it is visible. */
const REFRESH_MS = 20_000;

/** The register as the server shows it to this token's holder, read again on `reload` and while the page is open. */
export function useRegister(boardId: string, token: string): RegisterState & { reload: () => Promise<void> } {
  const [state, setState] = useState<RegisterState>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ state: 'ready', view: await fetchRegister(boardId, token) });
    } catch (error) {
      setState({ state: 'failed', error });
    }
  }, [boardId, token]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => document.visibilityState === 'visible' && void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return { ...state, reload };
}
