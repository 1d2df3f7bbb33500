import { useSyncExternalStore } from 'react';

/** The SPA's screens; the server answers every other non-API path with index.html, so this decides. */
export type Route =
  | { name: 'start' }
  | { name: 'join'; code: string }
  | { name: 'board'; boardId: string }
  | { name: 'report'; boardId: string }
  | { name: 'present'; boardId: string }
  | { name: 'progress'; boardId: string }
  | { name: 'forum'; forumId: string }
  | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { name: 'start' };
  if (parts[0] === 'join' && parts.length === 2) return { name: 'join', code: parts[1] };
  if (parts[0] === 'b' && parts.length === 2) return { name: 'board', boardId: parts[1] };
  if (parts[0] === 'b' && parts.length === 3 && parts[2] === 'report') return { name: 'report', boardId: parts[1] };
  if (parts[0] === 'b' && parts.length === 3 && parts[2] === 'present') return { name: 'present', boardId: parts[1] };
  if (parts[0] === 'b' && parts.length === 3 && parts[2] === 'progress') return { name: 'progress', boardId: parts[1] };
  if (parts[0] === 'f' && parts.length === 2) return { name: 'forum', forumId: parts[1] };
  return { name: 'notFound' };
}

export const paths = {
  start: () => '/',
  join: (code: string) => `/join/${encodeURIComponent(code)}`,
  board: (boardId: string) => `/b/${encodeURIComponent(boardId)}`,
  report: (boardId: string) => `/b/${encodeURIComponent(boardId)}/report`,
  present: (boardId: string) => `/b/${encodeURIComponent(boardId)}/present`,
  progress: (boardId: string) => `/b/${encodeURIComponent(boardId)}/progress`,
  forum: (forumId: string) => `/f/${encodeURIComponent(forumId)}`,
};

const NAVIGATE_EVENT = 'forumboard:navigate';

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname);
}
