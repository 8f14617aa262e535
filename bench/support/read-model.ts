/**
 * A read model written straight into a namespace's NATS KV, in the layout of
 * libs/contracts/src/read-models.ts, as projection-service would leave it: generation 1 filled, then
 * `meta.position`, then the `active` pointer. Only for benchmarks of the readers (the worker's index),
 * which need a configuration far larger than config commands could build in the time.
 */
import { StorageType, type NatsConnection } from 'nats';
import {
  ACTIVE_KEY, credentialChunkOf, keys, POSITION_KEY, projectionBucket, READ_MODEL_LAYOUT, readModelBucket,
  type ActiveReadModel, type ChunkedCredential, type CredentialChunkDoc, type PositionDoc,
} from '@sipauth/contracts';

/** Documents (or bytes) published between flushes, so the client never queues the whole model in memory. */
const BATCH = 1_000;
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * A list's credentials as projection-service keeps them: grouped into their chunk documents
 * (`keys.credentialChunk`), key → document, each stamped with `stamp`.
 */
export function credentialChunkDocs(accountId: string, credentialListId: string, credentials: Iterable<[string, ChunkedCredential]>,
  stamp: { revision: number; position: string; updatedAt: string }): Array<[string, CredentialChunkDoc]> {
  const chunks = new Map<number, CredentialChunkDoc>();
  for (const [credentialId, entry] of credentials) {
    const chunk = credentialChunkOf(credentialId);
    let doc = chunks.get(chunk);
    if (!doc) chunks.set(chunk, (doc = { credentialListId, accountId, chunk, credentials: {}, ...stamp }));
    doc.credentials[credentialId] = entry;
  }
  return [...chunks.values()].map((doc) => [keys.credentialChunk(accountId, credentialListId, doc.chunk), doc]);
}

export interface WrittenReadModel { bucket: string; documents: number; bytes: number }

/**
 * Writes `documents` (key → document) into a fresh generation 1 at `position` and makes it active.
 * The documents go out as plain publishes on the bucket's subjects, six times as fast as acknowledged
 * KV puts; the stream's message count then proves that every one was stored.
 */
export async function writeReadModel(nc: NatsConnection, ns: string, documents: Iterable<[string, object]>, position: string): Promise<WrittenReadModel> {
  const js = nc.jetstream();
  const options = { history: 1, storage: StorageType.File };
  const bucket = readModelBucket(ns, 1);
  const kv = await js.views.kv(bucket, options);
  const control = await js.views.kv(projectionBucket(ns), options);
  let count = 0;
  let bytes = 0;
  let unflushed = 0;
  for (const [key, doc] of documents) {
    const data = JSON.stringify(doc);
    const size = Buffer.byteLength(data);
    bytes += size;
    unflushed += size;
    nc.publish(`$KV.${bucket}.${key}`, data);
    if (++count % BATCH === 0 || unflushed > BATCH_BYTES) {
      await nc.flush();
      unflushed = 0;
    }
  }
  await nc.flush();
  await storedCount(nc, `KV_${bucket}`, count);
  await kv.put(POSITION_KEY, JSON.stringify({ position, updatedAt: new Date().toISOString() } satisfies PositionDoc));
  const active: ActiveReadModel = { bucket, generation: 1, activatedAt: new Date().toISOString(), layout: READ_MODEL_LAYOUT };
  await control.put(ACTIVE_KEY, JSON.stringify(active));
  return { bucket, documents: count, bytes };
}

/** Waits up to 30 s for `stream` to hold `expected` messages; throws naming how many it holds. */
async function storedCount(nc: NatsConnection, stream: string, expected: number): Promise<void> {
  const jsm = await nc.jetstreamManager();
  let held = 0;
  for (let i = 0; i < 1_500; i++) {
    held = (await jsm.streams.info(stream)).state.messages;
    if (held === expected) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`${stream} holds ${held} of the ${expected} documents published`);
}
