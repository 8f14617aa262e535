/**
 * One-shot reads of a KV bucket: the current entry of every key a filter matches (delete markers
 * included), through an ordered consumer stopped once it has delivered them; and a list's credentials
 * by exact keys.
 */
import type { KV, KvEntry } from 'nats';
import { decodeKvJson } from '@sipauth/contracts';
import type { CredentialChange, CredentialFetcher } from './credential-cache';

/**
 * Calls `onEntry` for the current entry of every key matching `filter`; true once all were delivered,
 * false when the watch ended first (a lost consumer, a reconnect). Entries written meanwhile may be
 * delivered too: callers order them by revision.
 */
export async function readSnapshot(kv: KV, filter: string, onEntry: (entry: KvEntry) => void, timeoutMs?: number): Promise<boolean> {
  let seen = 0;
  /** Entries in the snapshot: -1 until known, -2 when initialised before the watch was returned. */
  let target = -1;
  let watch: Awaited<ReturnType<KV['watch']>> | undefined;
  // nats.js calls this either before returning the watch (all entries already queued) or from the
  // iterator right after the last snapshot entry was handed out.
  const initializedFn = (): void => {
    if (!watch) { target = -2; return; }
    target = seen;
    watch.stop();
  };
  watch = await kv.watch({ key: filter, initializedFn });
  if (target === -2) target = watch.getReceived();
  if (target >= 0 && seen >= target) { watch.stop(); return true; }
  // An ordered consumer reset mid-snapshot (nats.js recreates it) may never signal the end: give up and let the caller retry.
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => watch?.stop(), timeoutMs);
  try {
    for await (const entry of watch) {
      onEntry(entry);
      seen++;
      if (target >= 0 && seen >= target) { watch.stop(); break; }
    }
  } finally {
    clearTimeout(timer);
  }
  return target >= 0 && seen >= target;
}

/**
 * Some credentials of one list by one get per id, at most GETS_IN_FLIGHT at a time (for
 * {@link CredentialCache}: a list's members document names them). A key deleted meanwhile reads as
 * deleted (revision 0: any held change is newer). A get that times out is tried once more.
 */
export function kvGetCredentials(kv: KV, keyOf: (accountId: string, listId: string, credentialId: string) => string): CredentialFetcher {
  const get = (key: string) => kv.get(key).catch(() => kv.get(key));
  return async (accountId, listId, ids) => {
    const changes: CredentialChange[] = new Array(ids.length);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(GETS_IN_FLIGHT, ids.length) }, async () => {
      while (next < ids.length) {
        const i = next++;
        const entry = await get(keyOf(accountId, listId, ids[i]));
        changes[i] = entry && entry.operation === 'PUT'
          ? { credentialId: ids[i], doc: decodeKvJson(entry), revision: entry.revision }
          : { credentialId: ids[i], doc: undefined, revision: 0 };
      }
    }));
    return changes;
  };
}
const GETS_IN_FLIGHT = 64;

/** A list snapshot that takes longer than this has stalled (an ordered consumer reset may never signal its end). */
const LIST_LOAD_TIMEOUT_MS = 5_000;
const LIST_LOAD_ATTEMPTS = 3;

/**
 * A loader for {@link CredentialCache} by a filtered snapshot of the list's keys: only for a list without
 * a members document (a read model written before it existed), since on NATS 2.9 it scans the bucket.
 */
export function kvListLoader(kv: KV, credentialsOf: (accountId: string, listId: string) => string): (accountId: string, listId: string) => Promise<CredentialChange[]> {
  return async (accountId, listId) => {
    for (let attempt = 1; ; attempt++) {
      const changes: CredentialChange[] = [];
      const complete = await readSnapshot(kv, credentialsOf(accountId, listId), (entry) => {
        const credentialId = entry.key.slice(entry.key.lastIndexOf('.') + 1);
        changes.push({ credentialId, doc: decodeKvJson(entry), revision: entry.revision });
      }, LIST_LOAD_TIMEOUT_MS);
      if (complete) return changes;
      if (attempt === LIST_LOAD_ATTEMPTS) throw new Error(`the credentials of list ${listId} could not be read (${attempt} attempts)`);
    }
  };
}
