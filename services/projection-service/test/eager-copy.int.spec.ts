import type { KV, NatsConnection } from 'nats';
import { eagerBucketOf, isWrongLastSequence, keys, readModelBucket } from '@sipauth/contracts';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { withEagerCopy } from '../src/kv/eager-copy';

/**
 * The eager copy beside a generation (issue 14): a compare-and-set write of an eager key reaches the
 * copy in the same round trip, fenced on the copy's own revision; a write whose copy revision is not
 * known goes to the copy after the generation; a read repairs the copy from the generation.
 */
describe('the eager copy of a read-model generation', () => {
  const namespace = freshNamespace('eager');
  const trunk = keys.trunk('AC1', 'TK1');
  const chunk = keys.credentialChunk('AC1', 'CL1', 0);
  let nc: NatsConnection;
  let generation: KV;
  let copy: KV;
  const text = (entry: { value: Uint8Array } | null) => (entry ? new TextDecoder().decode(entry.value) : undefined);
  const doc = (s: string) => new TextEncoder().encode(s);

  beforeAll(async () => {
    nc = await connectNats('eager-copy-test');
    const bucket = readModelBucket(namespace, 1);
    generation = await nc.jetstream().views.kv(bucket, { history: 1 });
    copy = await nc.jetstream().views.kv(eagerBucketOf(bucket), { history: 1 });
  });
  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('writes an eager key into both, compare-and-set on each bucket\'s revision, and a credential chunk into the generation only', async () => {
    const kv = withEagerCopy(generation, copy);
    expect(await kv.get(trunk)).toBeNull();
    let revision = await kv.put(trunk, doc('v1'), { previousSeq: 0 });
    revision = await kv.put(trunk, doc('v2'), { previousSeq: revision });
    await kv.put(chunk, doc('c1'), { previousSeq: 0 });
    expect(text(await generation.get(trunk))).toBe('v2');
    expect(text(await copy.get(trunk))).toBe('v2');
    expect(await copy.get(chunk)).toBeNull();
    expect((await generation.get(trunk))?.revision).toBe(revision);
  });

  it('refuses a write when the copy moved under this session (another writer), and the next session\'s read puts the copy right', async () => {
    const kv = withEagerCopy(generation, copy);
    const read = (await kv.get(trunk))!;
    await copy.put(trunk, doc('foreign'));
    const refused = await kv.put(trunk, doc('v3'), { previousSeq: read.revision }).catch((err: unknown) => err);
    expect(isWrongLastSequence(refused)).toBe(true);

    // The generation is the truth: a fresh session reading the key repairs the copy, then writes both again.
    const next = withEagerCopy(generation, copy);
    const again = (await next.get(trunk))!;
    expect(text(await copy.get(trunk))).toBe(text(again));
    await next.put(trunk, doc('v4'), { previousSeq: again.revision });
    expect(text(await copy.get(trunk))).toBe('v4');
  });

  it('copies a write after the generation\'s success when the copy\'s revision is unknown, and never when the generation refused it', async () => {
    const kv = withEagerCopy(generation, copy);
    const current = (await generation.get(trunk))!.revision;
    // Not read in this session: the generation first, then the copy.
    await kv.put(trunk, doc('v5'), { previousSeq: current });
    expect(text(await copy.get(trunk))).toBe('v5');

    const fresh = withEagerCopy(generation, copy);
    const refused = await fresh.put(trunk, doc('stale'), { previousSeq: current }).catch((err: unknown) => err);
    expect(isWrongLastSequence(refused)).toBe(true);
    expect(text(await copy.get(trunk))).toBe('v5');
  });

  it('deletes an eager key from both', async () => {
    const kv = withEagerCopy(generation, copy);
    const read = (await kv.get(trunk))!;
    await kv.delete(trunk, { previousSeq: read.revision });
    expect((await generation.get(trunk))?.operation).toBe('DEL');
    expect((await copy.get(trunk))?.operation).toBe('DEL');
    const afterDelete = (await kv.get(trunk))!;
    await kv.put(trunk, doc('v6'), { previousSeq: afterDelete.revision });
    expect(text(await copy.get(trunk))).toBe('v6');
  });
});
