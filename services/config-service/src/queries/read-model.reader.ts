/**
 * Reads the projection's read models in NATS KV (layout: libs/contracts read-models.ts). The active
 * generation is looked up on every read, so a rebuild's switch is seen at once. The position is read
 * before the documents, so the documents are at least as fresh as the position reported.
 */
import type { KV, NatsConnection } from 'nats';
import { ACTIVE_KEY, POSITION_KEY, projectionBucket, type ActiveReadModel, type PositionDoc } from '@sipauth/contracts';

export interface ReadModelSnapshot {
  position: string;
  get<T>(key: string): Promise<T | undefined>;
  list<T>(filter: string): Promise<T[]>;
  /** The keys matching `filter` (no documents read). */
  keys(filter: string): Promise<string[]>;
}

const EMPTY: ReadModelSnapshot = { position: '0', get: async () => undefined, list: async () => [], keys: async () => [] };

export class ReadModelReader {
  private readonly buckets = new Map<string, Promise<KV>>();

  constructor(private readonly nc: NatsConnection, private readonly namespace: string) {}

  /** The position the active read model has applied ('0' before the projection wrote one). */
  async position(): Promise<string> {
    return (await this.open()).position;
  }

  /** The active read model, or an empty one when the projection has not written any yet. */
  async open(): Promise<ReadModelSnapshot> {
    const projection = await this.bind(projectionBucket(this.namespace));
    const active = projection && (await getJson<ActiveReadModel>(projection, ACTIVE_KEY));
    const kv = active && (await this.bind(active.bucket));
    if (!kv) return EMPTY;
    const position = (await getJson<PositionDoc>(kv, POSITION_KEY))?.position ?? '0';
    // Collect the keys before reading any value: nats.js 2.x drops the keys that arrive after the
    // first batch when the loop over kv.keys() awaits inside its body.
    const keysOf = async (filter: string): Promise<string[]> => {
      const keys: string[] = [];
      for await (const key of await kv.keys(filter)) keys.push(key);
      // A key written while the listing runs can come twice (seen in the paging test): one entry per key.
      return [...new Set(keys)];
    };
    return {
      position,
      get: <T>(key: string) => getJson<T>(kv, key),
      keys: keysOf,
      list: async <T>(filter: string) => {
        const docs = await Promise.all((await keysOf(filter)).map((key) => getJson<T>(kv, key)));
        return docs.filter((doc): doc is Awaited<T> => doc !== undefined) as T[];
      },
    };
  }

  private async bind(bucket: string): Promise<KV | undefined> {
    let kv = this.buckets.get(bucket);
    if (!kv) {
      kv = this.nc.jetstream().views.kv(bucket, { bindOnly: true });
      this.buckets.set(bucket, kv);
    }
    try {
      return await kv;
    } catch {
      this.buckets.delete(bucket); // not there yet; look again next time
      return undefined;
    }
  }
}

async function getJson<T>(kv: KV, key: string): Promise<T | undefined> {
  const entry = await kv.get(key);
  return entry && entry.operation === 'PUT' ? entry.json<T>() : undefined;
}
