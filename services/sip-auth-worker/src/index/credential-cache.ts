/**
 * Credentials on demand (issue 14): a worker holds the credentials of the lists it has recently
 * used, not every credential of the read model, so its memory is bounded by the cache and not by the
 * size of the platform (10 M credentials at ~645 B each would be 6.5 GB in every replica).
 *
 * The unit of caching is a whole credential list (at most 1,000 credentials in Twilio's model):
 *  - a username is looked up by exact match within a list, and a userhash (RFC 7616) is
 *    H(username:realm) per algorithm, which no key can be derived from; holding whole lists keeps
 *    both lookups exactly as before (CredentialDirectory), with no scan of the bucket;
 *  - a list is loaded by its chunk documents (`keys.credentialChunks`: CREDENTIAL_CHUNKS gets by exact
 *    key, side by side), when a trunk is challenged (prefetch: the credentialed answer comes a round
 *    trip later, and the first INVITE names no user, but its trunk names the lists) or at the latest
 *    when a credentialed request needs it.
 *
 * Staying current: the worker's single update watch of the whole bucket hands every chunk change
 * here; a chunk is a list's credentials of that chunk, whole, so a change replaces that chunk's
 * credentials. A change to a cached list is applied at once, a change to a list being loaded is held and
 * applied after the load if it is newer than what the load read for that chunk (KV revisions are
 * stream sequences, comparable between a get and a watch), and a change to a list not cached is
 * dropped unread (`follows`: the index does not decode its value): the next load reads it from KV. Eviction is least-recently-used by list, bounded by the
 * number of credentials held.
 */
import type { CredentialDoc } from '@sipauth/contracts';
import type { BaseAlgorithm } from '@sipauth/sip-digest';
import type { CredentialCandidate } from '../authorization/auth-lookup';
import type { CredentialDirectory } from './credential-directory';

/** One chunk of a list, read or watched: its credentials (none once deleted or absent) and its KV revision (0 when absent). */
export interface ChunkChange { chunk: number; credentials: CredentialDoc[]; revision: number }

/** Reads every chunk of one list from KV. */
export type ListLoader = (accountId: string, listId: string) => Promise<ChunkChange[]>;

interface Loading { promise: Promise<void>; held: ChunkChange[] }

const listKey = (accountId: string, listId: string): string => `${accountId}/${listId}`;

/** Default bound: 200,000 credentials cached (~130 MB at the measured ~645 B each). */
export const DEFAULT_CACHED_CREDENTIALS = 200_000;

export class CredentialCache {
  /** Cached lists in least-recently-used order (a Map iterates in insertion order; a use re-inserts). */
  private readonly cached = new Map<string, { accountId: string; listId: string }>();
  private readonly loading = new Map<string, Loading>();
  private loads = 0;

  /**
   * @param loader undefined keeps every credential it is given (the whole-index mode of unit tests
   *   and of callers that feed the index themselves); set, lists are loaded on demand.
   */
  constructor(private readonly directory: CredentialDirectory, private readonly maxCredentials = DEFAULT_CACHED_CREDENTIALS, private loader?: ListLoader) {}

  /** Loads lists from now on instead of keeping everything it is given. */
  attach(loader: ListLoader): void {
    this.loader = loader;
  }

  /** Cached credentials and lists, and how many list loads were made (for status and benches). */
  stats(): { credentials: number; lists: number; loads: number } {
    return { credentials: this.directory.size, lists: this.cached.size, loads: this.loads };
  }

  /**
   * Whether a change of this list's chunks is used: the list is cached or being loaded (or every
   * credential is kept). A change it does not follow is dropped, so the watcher need not even decode it.
   */
  follows(accountId: string, listId: string): boolean {
    if (!this.loader) return true;
    const key = listKey(accountId, listId);
    return this.cached.has(key) || this.loading.has(key);
  }

  /** A change of one chunk key from the update watch. */
  changed(accountId: string, listId: string, change: ChunkChange): void {
    const key = listKey(accountId, listId);
    if (!this.loader || this.cached.has(key)) return this.applyChange(accountId, listId, change);
    this.loading.get(key)?.held.push(change);
  }

  /** The candidates of the given lists, loading those not cached first (then a promise). */
  find(accountId: string, listIds: readonly string[], username: string, userhash: boolean, algorithm: BaseAlgorithm): CredentialCandidate[] | Promise<CredentialCandidate[]> {
    const loader = this.loader;
    let missing: Promise<void>[] | undefined;
    for (const listId of listIds) {
      const key = listKey(accountId, listId);
      const entry = this.cached.get(key);
      if (entry) {
        this.cached.delete(key);
        this.cached.set(key, entry);
      } else if (loader) {
        (missing ??= []).push(this.load(loader, accountId, listId, key));
      }
    }
    if (!missing) return this.directory.find(accountId, listIds, username, userhash, algorithm);
    return Promise.all(missing).then(() => this.directory.find(accountId, listIds, username, userhash, algorithm));
  }

  /** Loads the lists not cached, without waiting; a failed load is simply retried by the next request. */
  prefetch(accountId: string, listIds: readonly string[]): void {
    const loader = this.loader;
    if (!loader) return;
    for (const listId of listIds) {
      const key = listKey(accountId, listId);
      if (!this.cached.has(key)) this.load(loader, accountId, listId, key).catch(() => undefined);
    }
  }

  private load(loader: ListLoader, accountId: string, listId: string, key: string): Promise<void> {
    const running = this.loading.get(key);
    if (running) return running.promise;
    const loading: Loading = { held: [], promise: Promise.resolve() };
    loading.promise = (async () => {
      try {
        const snapshot = await loader(accountId, listId);
        const seen = new Map<number, number>();
        for (const change of snapshot) {
          seen.set(change.chunk, change.revision);
          this.applyChange(accountId, listId, change);
        }
        for (const change of loading.held) {
          if (change.revision > (seen.get(change.chunk) ?? 0)) this.applyChange(accountId, listId, change);
        }
        this.cached.set(key, { accountId, listId });
        this.loads++;
        this.evict(key);
      } finally {
        this.loading.delete(key);
      }
    })();
    this.loading.set(key, loading);
    return loading.promise;
  }

  private applyChange(accountId: string, listId: string, change: ChunkChange): void {
    this.directory.replaceChunk(accountId, listId, change.chunk, change.credentials);
  }

  /** Drops least-recently-used lists (never the one just loaded) until the bound holds. */
  private evict(keep: string): void {
    for (const [key, { accountId, listId }] of this.cached) {
      if (this.directory.size <= this.maxCredentials) return;
      if (key === keep) continue;
      this.cached.delete(key);
      this.directory.dropList(accountId, listId);
    }
  }
}
