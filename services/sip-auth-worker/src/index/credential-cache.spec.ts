import type { CredentialDoc } from '@sipauth/contracts';
import { computeHa1s, computeUserhash, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import type { CredentialCandidate } from '../authorization/auth-lookup';
import { CredentialCache, CredentialChange } from './credential-cache';
import { CredentialDirectory } from './credential-directory';

const REALM = 'sip.example.net';
const ACCOUNT = 'AC1';
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 7) }]);

function doc(listId: string, credentialId: string, username: string, password = `pw-${username}`): CredentialDoc {
  const ha1 = sealHa1s(keyring, computeHa1s(username, REALM, password), `${listId}/${credentialId}`);
  const at = '2024-01-01T00:00:00.000Z';
  return { credentialId, credentialListId: listId, accountId: ACCOUNT, username, realm: REALM, ha1, revision: 1, position: '1', createdAt: at, updatedAt: at } as CredentialDoc;
}

/** A fake KV: the current changes of each list, and a count of loads; `hold` keeps a load pending until released. */
function store() {
  const lists = new Map<string, CredentialChange[]>();
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
    kv.lists.set('CL1', [{ credentialId: 'CR1', doc: doc('CL1', 'CR1', 'alice'), revision: 5 }]);
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
    kv.lists.set('CL1', [{ credentialId: 'CR1', doc: doc('CL1', 'CR1', 'Alice'), revision: 5 }]);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    const userhash = computeUserhash('SHA-256', 'Alice', REALM);
    const [a, b] = await Promise.all([cache.find(ACCOUNT, ['CL1'], userhash, true, 'SHA-256'), cache.find(ACCOUNT, ['CL1'], 'Alice', false, 'SHA-256')]);
    expect(a.map((c) => c.credentialId)).toEqual(['CR1']);
    expect(b.map((c) => c.credentialId)).toEqual(['CR1']);
    expect(kv.loads).toEqual(['CL1']);
  });

  it('applies a change made while its list loads when it is newer than the snapshot, and drops an older one', async () => {
    const kv = store();
    kv.lists.set('CL1', [
      { credentialId: 'CR1', doc: doc('CL1', 'CR1', 'alice'), revision: 10 },
      { credentialId: 'CR2', doc: doc('CL1', 'CR2', 'bob'), revision: 11 },
    ]);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    kv.hold();
    const pending = cache.find(ACCOUNT, ['CL1'], 'carol', false, 'MD5');
    cache.changed(ACCOUNT, 'CL1', { credentialId: 'CR1', doc: undefined, revision: 9 });
    cache.changed(ACCOUNT, 'CL1', { credentialId: 'CR2', doc: undefined, revision: 12 });
    cache.changed(ACCOUNT, 'CL1', { credentialId: 'CR3', doc: doc('CL1', 'CR3', 'carol'), revision: 13 });
    kv.release();
    expect(await names(pending)).toEqual(['CL1/carol']);
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5'))).toEqual(['CL1/alice']);
    expect(await names(cache.find(ACCOUNT, ['CL1'], 'bob', false, 'MD5'))).toEqual([]);
  });

  it('follows changes of a cached list and ignores changes of a list it does not hold', async () => {
    const kv = store();
    kv.lists.set('CL1', []);
    const cache = new CredentialCache(new CredentialDirectory(REALM, keyring), 1000, kv.loader);
    await cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5');
    cache.changed(ACCOUNT, 'CL1', { credentialId: 'CR1', doc: doc('CL1', 'CR1', 'alice', 'new'), revision: 20 });
    cache.changed(ACCOUNT, 'CL2', { credentialId: 'CR9', doc: doc('CL2', 'CR9', 'zed'), revision: 21 });
    const [alice] = await cache.find(ACCOUNT, ['CL1'], 'alice', false, 'MD5');
    expect(alice.ha1('MD5')).toBe(computeHa1s('alice', REALM, 'new').MD5);
    expect(cache.stats()).toMatchObject({ credentials: 1, lists: 1 });
  });

  it('prefetches the lists of a challenged trunk, so that the credentialed answer is found without a load', async () => {
    const kv = store();
    kv.lists.set('CL1', [{ credentialId: 'CR1', doc: doc('CL1', 'CR1', 'alice'), revision: 5 }]);
    kv.lists.set('CL2', [{ credentialId: 'CR2', doc: doc('CL2', 'CR2', 'alice'), revision: 6 }]);
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
      kv.lists.set(list, [1, 2].map((n) => ({ credentialId: `${list}-${n}`, doc: doc(list, `${list}-${n}`, `u${n}`), revision: n })));
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
