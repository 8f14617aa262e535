/**
 * Client-side routes in the URL fragment (`#/accounts/AC1/trunks/TK…`): ids only, never the token.
 */
import { useEffect, useState } from 'react';

export type Section = 'credential-lists' | 'ip-access-control-lists' | 'trunks';
export type Route =
  | { page: 'accounts' }
  | { page: Section; accountId: string; id?: string };

const SECTIONS: readonly Section[] = ['credential-lists', 'ip-access-control-lists', 'trunks'];

export function parseRoute(hash: string): Route {
  const [first, accountId, section, id] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (first === 'accounts' && accountId && SECTIONS.includes(section as Section)) {
    return { page: section as Section, accountId, ...(id ? { id } : {}) };
  }
  return { page: 'accounts' };
}

/** The href of a route, for links. */
export function href(route: Route): string {
  if (route.page === 'accounts') return '#/';
  const parts = ['accounts', route.accountId, route.page, ...(route.id ? [route.id] : [])];
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

/** The current route, following the fragment. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
