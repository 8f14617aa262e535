/**
 * Reading the projection's read models in NATS KV (layout: read-models.ts), shared by every reader:
 * the guarded JSON decode of a KV value and the `active` pointer of `<ns>_projection`. How each
 * service reaches the buckets differs (the projection owns them, config-service binds per read, the
 * worker watches the pointer), so only the decoding and the pointer lookup live here.
 */
import type { KvEntry } from 'nats';
import { decodeJsonPayload } from './json-payload';
import { ACTIVE_KEY, type ActiveReadModel } from './read-models';

/** A KV entry as far as decoding needs it (nats.js `KvEntry`). */
export type KvValueEntry = Pick<KvEntry, 'key' | 'operation' | 'value'>;

/**
 * The entry's JSON document, or undefined for an absent, deleted or purged key. A value that is not
 * UTF-8 JSON throws an Error naming the key (a corrupt read model must not pass for an absent one).
 */
export function decodeKvJson<T>(entry: KvValueEntry | null | undefined): T | undefined {
  if (!entry || entry.operation !== 'PUT' || entry.value.length === 0) return undefined;
  const decoded = decodeJsonPayload(entry.value);
  if (!decoded.ok) throw new Error(`KV key ${entry.key}: ${decoded.message.replace('the request', 'the value')}`);
  return decoded.value as T;
}

/** The `active` pointer in an entry of `<ns>_projection`, checked, or undefined when deleted; throws when malformed. */
export function decodeActivePointer(entry: KvValueEntry | null | undefined): ActiveReadModel | undefined {
  const active = decodeKvJson<ActiveReadModel>(entry);
  if (active === undefined) return undefined;
  if (typeof active !== 'object' || active === null || typeof active.bucket !== 'string' || !Number.isInteger(active.generation)) {
    throw new Error(`KV key ${ACTIVE_KEY}: not a read-model pointer ({ bucket, generation, activatedAt })`);
  }
  return active;
}

/** The active generation and the KV revision of its `active` key (the revision serves compare-and-set). */
export interface ActivePointer { active: ActiveReadModel; kvRevision: number }

/** Reads the `active` pointer from the projection bucket; undefined before the projection wrote one. */
export async function readActivePointer(projection: { get(key: string): Promise<KvEntry | null> }): Promise<ActivePointer | undefined> {
  const entry = await projection.get(ACTIVE_KEY);
  const active = decodeActivePointer(entry);
  return entry && active ? { active, kvRevision: entry.revision } : undefined;
}
