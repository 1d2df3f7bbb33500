import { useCallback, useEffect, useState } from 'react';
import type { ForumView } from '../../shared/forum';
import { fetchForum } from '../api/serverApi';

export type ForumState = { state: 'loading' } | { state: 'ready'; view: ForumView } | { state: 'failed'; error: unknown };

/** Workshops move on elsewhere: a page left open reads the forum again this often while it is visible. */
const REFRESH_MS = 60_000;

/** The forum as the server shows it to this link's holder, read again on `reload` and while the page is open. */
export function useForum(forumId: string, token: string): ForumState & { reload: () => Promise<void> } {
  const [state, setState] = useState<ForumState>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ state: 'ready', view: await fetchForum(forumId, token) });
    } catch (error) {
      setState({ state: 'failed', error });
    }
  }, [forumId, token]);
  useEffect(() => {
    void reload();
    const timer = setInterval(() => document.visibilityState === 'visible' && void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return { ...state, reload };
}
