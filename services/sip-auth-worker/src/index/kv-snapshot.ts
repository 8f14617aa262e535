/**
 * One-shot reads of a KV bucket by key filter: the current entry of every key the filter matches
 * (delete markers included), through an ordered consumer that is stopped once it has delivered them.
 */
import type { KV, KvEntry } from 'nats';
import type { CredentialChange } from './credential-cache';

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

/** A list holds at most 1,000 credentials: a snapshot of it that takes longer has stalled. */
const LIST_LOAD_TIMEOUT_MS = 1_500;
const LIST_LOAD_ATTEMPTS = 3;

/** A loader for {@link CredentialCache}: the credentials of one list, as their current KV entries. */
export function kvListLoader(kv: KV, credentialsOf: (accountId: string, listId: string) => string): (accountId: string, listId: string) => Promise<CredentialChange[]> {
  return async (accountId, listId) => {
    for (let attempt = 1; ; attempt++) {
      const changes: CredentialChange[] = [];
      const complete = await readSnapshot(kv, credentialsOf(accountId, listId), (entry) => {
        const credentialId = entry.key.slice(entry.key.lastIndexOf('.') + 1);
        changes.push({ credentialId, doc: entry.operation === 'PUT' ? entry.json() : undefined, revision: entry.revision });
      }, LIST_LOAD_TIMEOUT_MS);
      if (complete) return changes;
      if (attempt === LIST_LOAD_ATTEMPTS) throw new Error(`the credentials of list ${listId} could not be read (${attempt} attempts)`);
    }
  };
}
