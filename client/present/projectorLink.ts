import { paths } from '../app/router';

/**
 * The projector's address: the token rides in the fragment, which browsers never send to a server or put in
 * a Referer, like the observer links.
 */
export function projectorLink(boardId: string, token: string): string {
  return `${paths.present(boardId)}#token=${encodeURIComponent(token)}`;
}

/** The token of a projector link, read without storing it: the projector window must not take over the tab's identity. */
export function tokenFromFragment(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}
