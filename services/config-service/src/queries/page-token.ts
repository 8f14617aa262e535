/**
 * Paging of the list queries: pages follow the id order (the read-model key order), and a page token
 * names the last id of the page before, so an item that exists throughout a walk is listed exactly
 * once however many items are added or removed meanwhile (keyset paging, no offsets).
 */
import { DEFAULT_PAGE_SIZE } from '@sipauth/contracts';
import { ValidationFailed } from '@sipauth/domain';

const TOKEN_VERSION = 'p1';
const ID = /^[A-Z]{2}[0-9a-f]{32}$/;

/** The opaque token of the page after the item `lastId`. */
export function pageTokenAfter(lastId: string): string {
  return Buffer.from(`${TOKEN_VERSION}:${lastId}`, 'utf8').toString('base64url');
}

/** The id a token says to continue after; a token this service did not write is VALIDATION_FAILED naming pageToken. */
export function idAfterToken(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const text = /^[A-Za-z0-9_-]+$/.test(token) ? Buffer.from(token, 'base64url').toString('utf8') : '';
  const [version, id] = text.split(':');
  if (version !== TOKEN_VERSION || id === undefined || !ID.test(id)) {
    throw new ValidationFailed('invalid pageToken', [{ field: 'pageToken', message: "is not a page token of this service (use a list reply's nextPageToken)" }]);
  }
  return id;
}

export interface PageRequest { pageSize?: number; pageToken?: string }

export interface Page<T> { items: T[]; nextPageToken?: string }

/**
 * Picks a page from `entries` (the documents of one list by key or by id; a key's last token is the
 * item's id): the items after the token's id, in id order, at most pageSize of them.
 */
export function pageOf<T>(entries: Map<string, T>, request: PageRequest): Page<T> {
  const after = idAfterToken(request.pageToken);
  const size = request.pageSize ?? DEFAULT_PAGE_SIZE;
  const idOf = (key: string): string => key.slice(key.lastIndexOf('.') + 1);
  const ordered = [...entries.keys()].map((key) => ({ key, id: idOf(key) })).filter((k) => after === undefined || k.id > after)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const chosen = ordered.slice(0, size);
  const items = chosen.map((k) => entries.get(k.key) as T);
  return ordered.length > size ? { items, nextPageToken: pageTokenAfter(chosen[chosen.length - 1].id) } : { items };
}
