/**
 * A read-model generation as the writer sees it: its bucket, with the eager copy kept beside it
 * (contracts `eagerBucketOf`, issue 14). The copy holds what a worker reads at start (position,
 * trunks, lists, ACLs, ranges: `isEagerKey`) and nothing else; it is what lets a worker start at 10 M
 * credentials, because on NATS 2.9 a wildcard-filtered read scans every key of a stream, and the
 * generation's stream holds every credential.
 *
 * The copy follows the writer's own calls, and is fenced like the generation:
 *  - a put or a delete of an eager key is repeated into the copy. When the writer's write is a
 *    compare-and-set and this session knows the copy's revision of the key (it read or wrote it), the
 *    copy's write is a compare-and-set on that revision too, sent beside the generation's (issue 14:
 *    one round trip for the kinds propagation is about, not two in a row). So a fenced-out writer
 *    cannot overwrite a newer copy: the copy refuses it as the generation does (wrong last sequence,
 *    which the writer reports as FencedOut), and a writer that took over and finds the copy moved
 *    under it is fenced out too, and its successor repairs the key on reading it (below). Otherwise
 *    (an unconditional write, or a revision this session does not know) the copy's write follows the
 *    generation's success, so a fenced-out writer never reaches it;
 *  - the write counts as done (the event as stored, the checkpoint as moved) only once both are
 *    acknowledged: should either fail, the error ends the writer's session, and the event redelivered
 *    to the next writer reads the key again before it skips it as applied;
 *  - a read of an eager key repairs the copy from the generation (the generation is the truth): a
 *    copy left behind, or one ahead of a generation write that failed beside it (a committed event
 *    the generation will have again once the event is redelivered).
 */
import type { KV, KvEntry } from 'nats';
import { isEagerKey } from '@sipauth/contracts';

/** Copy revisions remembered at most per session; the oldest is forgotten first (its next write takes the sequential path). */
const REVISIONS_KEPT = 50_000;

const sameValue = (a: KvEntry | null, b: KvEntry | null): boolean => {
  const live = (e: KvEntry | null) => (e && e.operation === 'PUT' ? e.value : undefined);
  const x = live(a);
  const y = live(b);
  return x === undefined || y === undefined ? x === y : Buffer.from(x).equals(Buffer.from(y));
};

/** The generation's bucket `kv` whose get/put/delete keep `eager` in step (other methods are the bucket's own). */
export function withEagerCopy(kv: KV, eager: KV): KV {
  /** The copy's revision of each eager key as this session last read or wrote it; absent: unknown. */
  const revisions = new Map<string, number>();
  const remember = (key: string, revision: number): void => {
    revisions.delete(key);
    if (revisions.size >= REVISIONS_KEPT) revisions.delete(revisions.keys().next().value as string);
    revisions.set(key, revision);
  };
  /** The copy's revision of `key` for a compare-and-set beside the generation's, taken (forgotten) until the write ends. */
  const take = (key: string, casInGeneration: boolean): number | undefined => {
    const known = casInGeneration ? revisions.get(key) : undefined;
    revisions.delete(key);
    return known;
  };

  const own: Partial<KV> = {
    async get(key: string) {
      if (!isEagerKey(key)) return kv.get(key);
      const [entry, copied] = await Promise.all([kv.get(key), eager.get(key)]);
      if (sameValue(entry, copied)) {
        remember(key, copied?.revision ?? 0);
      } else if (entry && entry.operation === 'PUT') {
        remember(key, await eager.put(key, entry.value));
      } else {
        await eager.delete(key);
        revisions.delete(key);
      }
      return entry;
    },
    async put(key: string, data: Uint8Array, opts?: Parameters<KV['put']>[2]) {
      if (!isEagerKey(key)) return kv.put(key, data, opts);
      const known = take(key, opts?.previousSeq !== undefined);
      if (known === undefined) {
        const revision = await kv.put(key, data, opts);
        remember(key, await eager.put(key, data));
        return revision;
      }
      const [revision, copied] = await Promise.all([kv.put(key, data, opts), eager.put(key, data, { previousSeq: known })]);
      remember(key, copied);
      return revision;
    },
    async delete(key: string, opts?: Parameters<KV['delete']>[1]) {
      if (!isEagerKey(key)) return kv.delete(key, opts);
      // The copy's revision after a delete is not returned: the key is read again before it is next written.
      const known = take(key, opts?.previousSeq !== undefined);
      if (known === undefined || known === 0) {
        await kv.delete(key, opts);
        await eager.delete(key);
        return;
      }
      await Promise.all([kv.delete(key, opts), eager.delete(key, { previousSeq: known })]);
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
