/**
 * A read-model generation as the writer sees it: its bucket, with the eager copy kept beside it
 * (contracts `eagerBucketOf`, issue 14). The copy holds what a worker reads at start (position,
 * trunks, lists, ACLs, ranges: `isEagerKey`) and nothing else; it is what lets a worker start at 10 M
 * credentials, because on NATS 2.9 a wildcard-filtered read scans every key of a stream, and the
 * generation's stream holds every credential.
 *
 * The copy follows the writer's own calls, after the generation's write succeeded (so a fenced-out
 * writer never reaches it):
 *  - a put or a delete of an eager key is repeated into the copy (the writer deletes every key through
 *    `kv.delete`, a deleted list's or ACL's children included);
 *  - a read of an eager key repairs the copy from the generation: should the copy's write fail after
 *    the generation's succeeded, the error ends the writer's session, and the event redelivered to the
 *    next writer reads the key again (the copy put right) before it skips it as applied.
 */
import type { KV, KvEntry } from 'nats';
import { isEagerKey } from '@sipauth/contracts';

const sameValue = (a: KvEntry | null, b: KvEntry | null): boolean => {
  const live = (e: KvEntry | null) => (e && e.operation === 'PUT' ? e.value : undefined);
  const x = live(a);
  const y = live(b);
  return x === undefined || y === undefined ? x === y : Buffer.from(x).equals(Buffer.from(y));
};

/** The generation's bucket `kv` whose get/put/delete keep `eager` in step (other methods are the bucket's own). */
export function withEagerCopy(kv: KV, eager: KV): KV {
  const own: Partial<KV> = {
    async get(key: string) {
      const entry = await kv.get(key);
      if (isEagerKey(key)) {
        const copied = await eager.get(key);
        if (!sameValue(entry, copied)) {
          if (entry && entry.operation === 'PUT') await eager.put(key, entry.value);
          else await eager.delete(key);
        }
      }
      return entry;
    },
    async put(key: string, data: Uint8Array, opts?: Parameters<KV['put']>[2]) {
      const revision = await kv.put(key, data, opts);
      if (isEagerKey(key)) await eager.put(key, data);
      return revision;
    },
    async delete(key: string, opts?: Parameters<KV['delete']>[1]) {
      await kv.delete(key, opts);
      if (isEagerKey(key)) await eager.delete(key);
    },
  };
  return new Proxy(kv, {
    get(target, prop, receiver) {
      if (prop in own) return own[prop as keyof KV];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
