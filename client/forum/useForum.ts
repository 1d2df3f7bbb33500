import { useCallback } from 'react';
import type { ForumView } from '../../shared/forum';
import { fetchForum } from '../api/serverApi';
import { usePolledRead } from '../app/usePolledRead';

/** Workshops move on elsewhere: a page left open reads the forum again this often while it is visible. */
const REFRESH_MS = 60_000;

/** The forum as the server shows it to this link's holder. */
export function useForum(forumId: string, token: string) {
  return usePolledRead<ForumView>(useCallback(() => fetchForum(forumId, token), [forumId, token]), REFRESH_MS);
}
