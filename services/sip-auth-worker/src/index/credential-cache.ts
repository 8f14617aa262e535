/**
 * Credentials on demand (issue 14): a worker holds the credentials of the lists it has recently
 * used, not every credential of the read model, so its memory is bounded by the cache and not by the
 * size of the platform (10 M credentials at ~645 B each would be 6.5 GB in every replica).
 *
 * The unit of caching is a whole credential list (at most 1,000 credentials in Twilio's model):
 *  - a username is looked up by exact match within a list, and a userhash (RFC 7616) is
 *    H(username:realm) per algorithm, which no key can be derived from; holding whole lists keeps
 *    both lookups exactly as before (CredentialDirectory), with no scan of the bucket;
 *  - a list is loaded by its members document (`acct.<a>.credential-ids.<list>`, one get) and one get
 *    per credential it names (a list without one, from a read model older than it, by a filtered
 *    snapshot of its keys), when a trunk is challenged (prefetch: the credentialed answer comes a round trip later, and the
 *    first INVITE names no user, but its trunk names the lists) or at the latest when a credentialed
 *    request needs it.
 *
 * Staying current: the worker's single update watch of the whole bucket hands every credential change
 * here; a change to a cached list is applied at once, a change to a list being loaded is held and
 * applied after the snapshot if it is newer than what the snapshot holds for that key (KV revisions
 * are stream sequences, comparable across watches), and a change to a list not cached is dropped:
 * the next load reads it from KV. Eviction is least-recently-used by list, bounded by the number of
 * credentials held.
 */
import type { CredentialDoc } from '@sipauth/contracts';
import type { BaseAlgorithm } from '@sipauth/sip-digest';
import type { CredentialCandidate } from '../authorization/auth-lookup';
import type { CredentialDirectory } from './credential-directory';

/** One credential key of a list snapshot or an update: its document (undefined once deleted) and KV revision. */
export interface CredentialChange { credentialId: string; doc: CredentialDoc | undefined; revision: number }

/** Reads the current credentials of one list from KV (a snapshot, delete markers included). */
export type ListLoader = (accountId: string, listId: string) => Promise<CredentialChange[]>;
/** Reads some credentials of one list by id (absent ones as deleted, revision 0). */
export type CredentialFetcher = (accountId: string, listId: string, credentialIds: string[]) => Promise<CredentialChange[]>;

interface Loading { promise: Promise<void>; held: CredentialChange[] }

const listKey = (accountId: string, listId: string): string => `${accountId}/${listId}`;

/** Default bound: 200,000 credentials cached (~130 MB at the measured ~645 B each). */
export const DEFAULT_CACHED_CREDENTIALS = 200_000;

export class CredentialCache {
  /** Cached lists in least-recently-used order (a Map iterates in insertion order; a use re-inserts). */
  private readonly cached = new Map<string, { accountId: string; listId: string }>();
  private readonly loading = new Map<string, Loading>();
  /** Cached lists whose missing members are being fetched: the changes that arrive meanwhile, by id. */
  private readonly refreshing = new Map<string, CredentialChange[]>();
  private fetcher?: CredentialFetcher;
  private loads = 0;

  /**
   * @param loader undefined keeps every credential it is given (the whole-index mode of unit tests
   *   and of callers that feed the index themselves); set, lists are loaded on demand.
   */
  constructor(private readonly directory: CredentialDirectory, private readonly maxCredentials = DEFAULT_CACHED_CREDENTIALS, private loader?: ListLoader) {}

  /**
   * Loads lists from now on instead of keeping everything it is given; `fetcher` reads the members a
   * cached list gained when its members document changes (see membersChanged).
   */
  attach(loader: ListLoader, fetcher?: CredentialFetcher): void {
    this.loader = loader;
    this.fetcher = fetcher;
  }

  /** Cached credentials and lists, and how many list loads were made (for status and benches). */
  stats(): { credentials: number; lists: number; loads: number } {
    return { credentials: this.directory.size, lists: this.cached.size, loads: this.loads };
  }

  /** A change of one credential key from the update watch. */
  changed(accountId: string, listId: string, change: CredentialChange): void {
    const key = listKey(accountId, listId);
    if (!this.loader || this.cached.has(key)) {
      this.refreshing.get(key)?.push(change);
      return this.applyChange(accountId, listId, change);
    }
    this.loading.get(key)?.held.push(change);
  }

  /**
   * A list's members document changed (projection-service writes it beside the credentials of the same
   * event, in no guaranteed order): a credential change for a list neither cached nor loading is
   * dropped, so a list loaded just after such a drop from a members document older than the change
   * would miss the credential. The newer members document names it: a cached list fetches the ids it
   * lacks (a list still loading is checked once loaded), and a change that arrives meanwhile wins.
   */
  membersChanged(accountId: string, listId: string, credentialIds: string[]): void {
    const fetcher = this.fetcher;
    const key = listKey(accountId, listId);
    if (!fetcher) return;
    const loading = this.loading.get(key);
    if (loading) {
      loading.promise.then(() => this.membersChanged(accountId, listId, credentialIds), () => undefined);
      return;
    }
    if (!this.cached.has(key) || this.refreshing.has(key)) return;
    const missing = credentialIds.filter((id) => !this.directory.has(accountId, listId, id));
    if (missing.length === 0) return;
    const arrived: CredentialChange[] = [];
    this.refreshing.set(key, arrived);
    fetcher(accountId, listId, missing).then((fetched) => {
      if (!this.cached.has(key)) return;
      for (const change of fetched) {
        const newer = arrived.some((c) => c.credentialId === change.credentialId && c.revision >= change.revision);
        if (!newer && change.doc) this.applyChange(accountId, listId, change);
      }
    }, () => undefined).finally(() => this.refreshing.delete(key));
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
        const seen = new Map<string, number>();
        for (const change of snapshot) {
          seen.set(change.credentialId, change.revision);
          this.applyChange(accountId, listId, change);
        }
        for (const change of loading.held) {
          if (change.revision > (seen.get(change.credentialId) ?? 0)) this.applyChange(accountId, listId, change);
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

  private applyChange(accountId: string, listId: string, change: CredentialChange): void {
    if (change.doc) this.directory.put(change.doc);
    else this.directory.remove(accountId, listId, change.credentialId);
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
