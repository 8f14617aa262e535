/**
 * One-shot reads of a KV bucket: the current entry of every key a filter matches (delete markers
 * included), through an ordered consumer stopped once it has delivered them; and a list's credential
 * chunks by exact keys.
 */
import type { KV, KvEntry } from 'nats';
import { credentialsOfChunk, decodeKvJson, keys, type CredentialChunkDoc } from '@sipauth/contracts';
import type { ChunkChange, ListLoader } from './credential-cache';

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

/** KV gets of credential chunks in flight at most, over every list loading at once (a trunk may name 100 lists). */
const GETS_IN_FLIGHT = 64;

/**
 * A loader for {@link CredentialCache}: every chunk of one list by exact key (`keys.credentialChunks`),
 * side by side, at most GETS_IN_FLIGHT gets in flight per loader. An absent or deleted chunk reads as
 * empty at revision 0 (any held change is newer). A get that fails is tried once more.
 */
export function kvChunkLoader(kv: KV): ListLoader {
  let inFlight = 0;
  const queue: Array<() => void> = [];
  const slot = async (): Promise<void> => {
    if (inFlight < GETS_IN_FLIGHT) { inFlight++; return; }
    await new Promise<void>((resolve) => queue.push(resolve));
  };
  const release = (): void => {
    const next = queue.shift();
    if (next) next();
    else inFlight--;
  };
  const get = async (key: string) => {
    await slot();
    try {
      return await kv.get(key).catch(() => kv.get(key));
    } finally {
      release();
    }
  };
  return (accountId, listId) => Promise.all(keys.credentialChunks(accountId, listId).map(async (key, chunk): Promise<ChunkChange> => {
    const entry = await get(key);
    const doc = entry && entry.operation === 'PUT' ? decodeKvJson<CredentialChunkDoc>(entry) : undefined;
    return { chunk, credentials: doc ? credentialsOfChunk(doc) : [], revision: entry?.revision ?? 0 };
  }));
}
