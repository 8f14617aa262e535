/**
 * The KV buckets of the projection (libs/contracts read-models.ts): `<ns>_projection` holds the
 * `active` pointer and the lease; `<ns>_rm_<generation>` holds one generation of the read model.
 */
import { StorageType, type JetStreamClient, type JetStreamManager, type KV } from 'nats';
import { ACTIVE_KEY, eagerBucketOf, projectionBucket, READ_MODEL_LAYOUT, readActivePointer, readModelBucket, type ActivePointer, type ActiveReadModel, openKvBucket } from '@sipauth/contracts';
import { withEagerCopy } from './eager-copy';
import { encodeJson } from './kv-json';

export type { ActivePointer };

export class ReadModelBuckets {
  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly namespace: string,
    readonly control: KV,
    private readonly replicas: number,
  ) {}

  static async open(js: JetStreamClient, jsm: JetStreamManager, namespace: string, replicas = 1): Promise<ReadModelBuckets> {
    const control = await openKvBucket(js, projectionBucket(namespace), { history: 1, storage: StorageType.File, replicas });
    return new ReadModelBuckets(js, jsm, namespace, control, replicas);
  }

  /** Opens (creating if needed) the bucket of one generation. */
  async generation(generation: number): Promise<KV> {
    const open = (bucket: string) => openKvBucket(this.js, bucket, { history: 1, storage: StorageType.File, replicas: this.replicas });
    const bucket = readModelBucket(this.namespace, generation);
    const [kv, eager] = await Promise.all([open(bucket), open(eagerBucketOf(bucket))]);
    return withEagerCopy(kv, eager);
  }

  /** The `active` pointer and its revision; undefined before the first generation. */
  readActive(): Promise<ActivePointer | undefined> {
    return readActivePointer(this.control);
  }

  /** The active generation; on the very first start, generation 1 (created empty). */
  async ensureActive(now = new Date()): Promise<ActivePointer> {
    const existing = await this.readActive();
    if (existing) return existing;
    await this.generation(1);
    const active: ActiveReadModel = { bucket: readModelBucket(this.namespace, 1), generation: 1, activatedAt: now.toISOString(), layout: READ_MODEL_LAYOUT };
    try {
      return { active, kvRevision: await this.control.create(ACTIVE_KEY, encodeJson(active)) };
    } catch (err) {
      const raced = await this.readActive();
      if (raced) return raced;
      throw err;
    }
  }

  /** Points readers at another generation (written by this code: its layout), only if `active` is still what the caller read. */
  async switchActive(from: ActivePointer, generation: number, now = new Date()): Promise<ActivePointer> {
    const active: ActiveReadModel = { bucket: readModelBucket(this.namespace, generation), generation, activatedAt: now.toISOString(), layout: READ_MODEL_LAYOUT };
    return { active, kvRevision: await this.control.update(ACTIVE_KEY, encodeJson(active), from.kvRevision) };
  }

  /** Removes a generation's bucket (a KV bucket is the stream `KV_<bucket>`); absent is fine. */
  async destroy(generation: number): Promise<void> {
    const bucket = readModelBucket(this.namespace, generation);
    for (const name of [bucket, eagerBucketOf(bucket)]) {
      await this.jsm.streams.delete(`KV_${name}`).catch((err: unknown) => {
        if (!/not found/i.test(String((err as Error)?.message))) throw err;
      });
    }
  }
}
