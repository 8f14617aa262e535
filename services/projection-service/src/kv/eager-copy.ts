/**
 * A read-model generation as the writer sees it: its bucket, with the eager copy kept beside it
 * (contracts `eagerBucketOf`, issue 14). The copy holds what a worker reads at start (position,
 * trunks, lists, ACLs, ranges: `isEagerKey`) and nothing else; it is what lets a worker start at 10 M
 * credentials, because on NATS 2.9 a wildcard-filtered read scans every key of a stream, and the
 * generation's stream holds every credential.
 *
 * The copy follows the writer's own calls, after the generation's write succeeded (so a fenced-out
 * writer never reaches it):
 *  - a put of an eager key is repeated into the copy, and so is a delete: the writer deletes through
 *    `kv.delete` (with the previous revision), which this wrapper sees;
 *  - deletions are also derived from writes, so that the copy does not depend on how the writer
 *    deletes (it published deletes to the stream itself for a while, which a wrapper cannot see): a
 *    deleted trunk, list or ACL always gets its tombstone first (`tombstone.<key>`: the key goes from
 *    the copy), and a removed range's ACL document is always written after the range's delete (its
 *    parent, last in the event): on an ACL write that lowers its range count, the ranges of that ACL
 *    this writer has read or written are looked up again and those gone are deleted from the copy. A
 *    range removed by the writer was always read or written by it first (the projection reads a child
 *    before changing it); a second delete of a key already gone is harmless;
 *  - a read of an eager key repairs the copy from the generation: should the copy's write fail after
 *    the generation's succeeded, the error ends the writer's session, and the event redelivered to the
 *    next writer reads the key again (the copy put right) before it skips it as applied.
 */
import type { KV, KvEntry } from 'nats';
import { isEagerKey, parseKey } from '@sipauth/contracts';

const TOMBSTONE = 'tombstone.';

const sameValue = (a: KvEntry | null, b: KvEntry | null): boolean => {
  const live = (e: KvEntry | null) => (e && e.operation === 'PUT' ? e.value : undefined);
  const x = live(a);
  const y = live(b);
  return x === undefined || y === undefined ? x === y : Buffer.from(x).equals(Buffer.from(y));
};

/** The ACL key a range key belongs to (undefined for any other key). */
function aclOfRange(key: string): string | undefined {
  const k = parseKey(key);
  return k?.kind === 'ip-address' ? `acct.${k.accountId}.ip-acl.${k.parentId}` : undefined;
}

/** The generation's bucket `kv` whose get/put/delete keep `eager` in step (other methods are the bucket's own). */
export function withEagerCopy(kv: KV, eager: KV): KV {
  /** ACL key → the range keys this writer has read or written (see the header). */
  const ranges = new Map<string, Set<string>>();
  const remember = (key: string): void => {
    const acl = aclOfRange(key);
    if (!acl) return;
    let known = ranges.get(acl);
    if (!known) ranges.set(acl, (known = new Set()));
    known.add(key);
  };
  /** ACL key → its range count as last read or written: only a lower count can mean a removed range. */
  const counts = new Map<string, number>();
  const countOf = (value: Uint8Array | undefined): number | undefined => {
    try {
      const count = value ? (JSON.parse(Buffer.from(value).toString('utf8')) as { ipAddressCount?: unknown }).ipAddressCount : undefined;
      return typeof count === 'number' ? count : undefined;
    } catch {
      return undefined;
    }
  };
  const dropGoneRanges = async (acl: string): Promise<void> => {
    for (const key of ranges.get(acl) ?? []) {
      const entry = await kv.get(key);
      if (entry && entry.operation === 'PUT') continue;
      await eager.delete(key);
      ranges.get(acl)?.delete(key);
    }
  };

  const own: Partial<KV> = {
    async get(key: string) {
      const entry = await kv.get(key);
      if (isEagerKey(key)) {
        remember(key);
        if (parseKey(key)?.kind === 'ip-acl') counts.set(key, countOf(entry?.operation === 'PUT' ? entry.value : undefined) ?? 0);
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
      if (isEagerKey(key)) {
        remember(key);
        await eager.put(key, data);
        if (parseKey(key)?.kind === 'ip-acl') {
          const before = counts.get(key);
          const after = countOf(data);
          if (after !== undefined) counts.set(key, after);
          if (before === undefined || after === undefined || after < before) await dropGoneRanges(key);
        }
      } else if (key.startsWith(TOMBSTONE) && isEagerKey(key.slice(TOMBSTONE.length))) {
        await eager.delete(key.slice(TOMBSTONE.length));
      }
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
