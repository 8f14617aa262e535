import { credentialChunkOf, type CredentialDoc } from '@sipauth/contracts';
import { computeHa1s, computeUserhash, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import type { CredentialCandidate } from '../authorization/auth-lookup';
import { CredentialCache, type ChunkChange } from './credential-cache';
import { CredentialDirectory } from './credential-directory';

const REALM = 'sip.example.net';
const ACCOUNT = 'AC1';
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 7) }]);

function doc(listId: string, credentialId: string, username: string, password = `pw-${username}`, revision = 1): CredentialDoc {
  const ha1 = sealHa1s(keyring, computeHa1s(username, REALM, password), `${listId}/${credentialId}`);
  const at = '2024-01-01T00:00:00.000Z';
  return { credentialId, credentialListId: listId, accountId: ACCOUNT, username, realm: REALM, ha1, revision, position: '1', createdAt: at, updatedAt: at } as CredentialDoc;
}

/** A chunk holding exactly `docs` (all of one chunk), at a KV revision. */
const chunkOf = (revision: number, ...docs: CredentialDoc[]): ChunkChange => ({ chunk: credentialChunkOf(docs[0].credentialId), credentials: docs, revision });
/** The chunks holding `docs`, each whole, at one KV revision. */
function chunksOf(revision: number, ...docs: CredentialDoc[]): ChunkChange[] {
  const byChunk = new Map<number, CredentialDoc[]>();
  for (const d of docs) byChunk.set(credentialChunkOf(d.credentialId), [...(byChunk.get(credentialChunkOf(d.credentialId)) ?? []), d]);
  return [...byChunk].map(([chunk, credentials]) => ({ chunk, credentials, revision }));
}
/** Credential ids that share one chunk (not `avoid`'s). */
function idsInOneChunk(count: number, prefix = 'CR', avoid?: string): string[] {
  const ids: string[] = [];
  for (let n = 0; ids.length < count; n++) {
    const id = `${prefix}${n}`;
    if (avoid !== undefined && credentialChunkOf(id) === credentialChunkOf(avoid)) continue;
    if (ids.length === 0 || credentialChunkOf(id) === credentialChunkOf(ids[0])) ids.push(id);
  }
  return ids;
}

/** A fake KV: the current changes of each list, and a count of loads; `hold` keeps a load pending until released. */
function store() {
  const lists = new Map<string, ChunkChange[]>();
  const loads: string[] = [];
  let gate: Promise<void> | undefined;
  let release = () => undefined as void;
  return {
    lists, loads,
    hold() { gate = new Promise((resolve) => { release = resolve; }); },
    release: () => release(),
    loader: async (accountId: string, listId: string) => {
      loads.push(listId);
      const snapshot = [...(lists.get(listId) ?? [])];
      await gate;
      return snapshot;
    },
  };
}

const names = async (found: CredentialCandidate[] | Promise<CredentialCandidate[]>) => (await found).map((c) => `${c.credentialListId}/${c.username}`);

describe('CredentialCache (credentials on demand)', () => {
  it('loads a list on its first use, then answers from memory without loading it again', async () => {
    const kv = store();
    kv.lists.set('CL1', [chunkOf(5, doc('CL1', 'CR1', 'alice'))]);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    const first = cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5');
    expect(first).toBeInstanceOf(Promise);
    expect(await names(first)).toEqual(['CL1/alice']);
    const again = cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5');
    expect(Array.isArray(again)).toBe(true);
    expect(await names(again)).toEqual(['CL1/alice']);
    expect(kv.loads).toEqual(['CL1']);
  });

  it('loads a list once for concurrent requests and finds a userhash in a loaded list', async () => {
    const kv = store();
    kv.lists.set('CL1', [chunkOf(5, doc('CL1', 'CR1', 'Alice'))]);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    const userhash = computeUserhash('SHA-256', 'Alice', REALM);
    const [a, b] = await Promise.all([cache.find(ACCOUNT, ['CL1'], userhash, true, 'SHA-256'), cache.find(ACCOUNT, ['CL1'], 'Alice', false, 'SHA-256')]);
    expect(a.map((c) => c.credentialId)).toEqual(['CR1']);
    expect(b.map((c) => c.credentialId)).toEqual(['CR1']);
    expect(kv.loads).toEqual(['CL1']);
  });

  it('applies a chunk change made while its list loads when it is newer than what the load read, and drops an older one', async () => {
    const kv = store();
    const [a, b] = idsInOneChunk(2, 'A');
    const [c, d] = idsInOneChunk(2, 'B', a);
    kv.lists.set('CL1', [chunkOf(10, doc('CL1', a, 'alice')), chunkOf(11, doc('CL1', c, 'bob'))]);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    kv.hold();
    const pending = cache.find(ACCOUNT, ['CL1'], 'carol', false, 'MD5');
    // Older than the chunk the load reads: dropped. Newer: applied, replacing the chunk whole.
    cache.changed(ACCOUNT, 'CL1', chunkOf(9, doc('CL1', b, 'old')));
    cache.changed(ACCOUNT, 'CL1', chunkOf(12, doc('CL1', d, 'carol')));
    kv.release();
    expect(await names(pending)).toEqual(['CL1/carol']);
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5'))).toEqual(['CL1/alice']);
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'old', false, 'MD5'))).toEqual([]);
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'bob', false, 'MD5'))).toEqual([]);
  });

  it('follows chunk changes of a cached list (a credential added, changed, removed beside others) and ignores those of a list it does not hold', async () => {
    const kv = store();
    kv.lists.set('CL1', []);
    const [a, b, c] = idsInOneChunk(3);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    await cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5');
    cache.changed(ACCOUNT, 'CL1', chunkOf(20, doc('CL1', a, 'alice'), doc('CL1', b, 'bob'), doc('CL1', c, 'carol')));
    const [bobBefore] = await cache.find(ACCOUNT, ['CL1'], 'bob', false, 'MD5');
    cache.changed(ACCOUNT, 'CL1', chunkOf(21, doc('CL1', a, 'alice', 'new', 2), doc('CL1', b, 'bob'), doc('CL1', c, 'carol')));
    const [alice] = await cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5');
    expect(alice.ha1('MD5')).toBe(computeHa1s('alice', REALM, 'new').MD5);
    // An unchanged credential of the chunk is kept as it was (its opened HA1s too).
    expect((await cache.find(ACCOUNT, ['CL1'], 'bob', false, 'MD5'))[0]).toBe(bobBefore);
    cache.changed(ACCOUNT, 'CL1', chunkOf(22, doc('CL1', a, 'alice', 'new', 2), doc('CL1', c, 'carol')));
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'bob', false, 'MD5'))).toEqual([]);
    cache.changed(ACCOUNT, 'CL2', chunkOf(23, doc('CL2', 'CR9', 'zed')));
    expect(cache.stats()).toMatchObject({ credentials: 2, lists: 1 });
    cache.changed(ACCOUNT, 'CL1', { chunk: credentialChunkOf(a), credentials: [], revision: 24 });
    expect(cache.stats()).toMatchObject({ credentials: 0 });
  });

  it('prefetches the lists of a challenged trunk, so that the credentialed answer is found without a load', async () => {
    const kv = store();
    kv.lists.set('CL1', [chunkOf(5, doc('CL1', 'CR1', 'alice'))]);
    kv.lists.set('CL2', [chunkOf(6, doc('CL2', 'CR2', 'alice'))]);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    cache.prefetch(ACCOUNT, ['CL1', 'CL2']);
    cache.prefetch(ACCOUNT, ['CL1', 'CL2']);
    await new Promise((resolve) => setImmediate(resolve));
    const found = cache.find(ACCOUNT, ['CL1', 'CL2'], 'alice', false, 'MD5');
    expect(Array.isArray(found)).toBe(true);
    expect(await names(found)).toEqual(['CL1/alice', 'CL2/alice']);
    expect(kv.loads).toEqual(['CL1', 'CL2']);
  });

  it('evicts the least recently used lists once it holds more credentials than its bound', async () => {
    const kv = store();
    for (const list of ['CL1', 'CL2', 'CL3']) {
      kv.lists.set(list, chunksOf(1, ...[1, 2].map((n) => doc(list, `${list}-${n}`, `u${n}`))));
    }
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 4, kv.loader);
    await cache.find(ACCOUNT, ['CL1'], 'u1', false, 'MD5');
    await cache.find(ACCOUNT, ['CL2'], 'u1', false, 'MD5');
    await cache.find(ACCOUNT, ['CL1'], 'u1', false, 'MD5');
    await cache.find(ACCOUNT, ['CL3'], 'u1', false, 'MD5');
    expect(cache.stats()).toMatchObject({ credentials: 4, lists: 2 });
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'u2', false, 'MD5'))).toEqual(['CL1/u2']);
    expect(kv.loads).toEqual(['CL1', 'CL2', 'CL3']);
    await cache.find(ACCOUNT, ['CL2'], 'u1', false, 'MD5');
    expect(kv.loads).toEqual(['CL1', 'CL2', 'CL3', 'CL2']);
  });
});
