import { credentialChunkOf, keys, type TrunkDoc } from '@sipauth/contracts';
import { computeHa1s, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import type { CredentialCandidate, TrunkView } from '../authorization/auth-lookup';
import { AuthIndex } from './auth-index';

const keyring = SealingKeyring.fromConfig(`k1:${Buffer.alloc(32, 2).toString('base64')}`);
const trunk = (trunkId: string, domainName: string, position: string): TrunkDoc => ({
  trunkId, accountId: 'acme', friendlyName: trunkId, domainName, credentialListIds: [], ipAccessControlListIds: [],
  digestAlgorithms: [], revision: 0, position, updatedAt: '2026-11-26T00:00:00Z', createdAt: '2026-11-26T00:00:00Z',
});

describe('AuthIndex domain lookup', () => {
  it('finds a trunk by its domain and forgets it when the trunk is deleted', () => {
    const index = new AuthIndex('sipauth.test', keyring);
    index.apply(keys.trunk('acme', 'TKa'), trunk('TKa', 'acme.pstn.example.net', '1000'));
    expect(index.trunkByDomain('acme.pstn.example.net')?.trunkId).toBe('TKa');
    index.apply(keys.trunk('acme', 'TKa'), undefined);
    expect(index.trunkByDomain('acme.pstn.example.net')).toBeUndefined();
  });

  it('keeps a domain on its newer trunk while a replay briefly re-creates and re-deletes the older one', () => {
    const index = new AuthIndex('sipauth.test', keyring);
    index.apply(keys.trunk('acme', 'TKold'), trunk('TKold', 'shared.pstn.example.net', '1000'));
    index.apply(keys.trunk('acme', 'TKold'), undefined);
    index.apply(keys.trunk('globex', 'TKnew'), trunk('TKnew', 'shared.pstn.example.net', '5000'));
    // The projection replays from an older checkpoint: the deleted trunk reappears, then goes again.
    index.apply(keys.trunk('acme', 'TKold'), trunk('TKold', 'shared.pstn.example.net', '1000'));
    expect(index.trunkByDomain('shared.pstn.example.net')?.trunkId).toBe('TKnew');
    index.apply(keys.trunk('acme', 'TKold'), undefined);
    expect(index.trunkByDomain('shared.pstn.example.net')?.trunkId).toBe('TKnew');
  });

  it('moves a domain with its trunk when a document changes it', () => {
    const index = new AuthIndex('sipauth.test', keyring);
    index.apply(keys.trunk('acme', 'TKa'), trunk('TKa', 'one.example.net', '1000'));
    index.apply(keys.trunk('acme', 'TKa'), trunk('TKa', 'two.example.net', '2000'));
    expect(index.trunkByDomain('one.example.net')).toBeUndefined();
    expect(index.trunkByDomain('two.example.net')?.trunkId).toBe('TKa');
  });
});

describe('AuthIndex credential chunks from the watch', () => {
  const realm = 'sipauth.test';
  const enc = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  const entry = (key: string, value: unknown, revision: number) => ({ key, operation: 'PUT' as const, value: enc(value), revision });
  const chunkDoc = (credentialId: string, username: string, revision: number) => ({
    credentialListId: 'CL1', accountId: 'acme', chunk: credentialChunkOf(credentialId), revision, position: String(revision), updatedAt: '2026-11-30T00:00:00Z',
    credentials: { [credentialId]: { username, realm, ha1: sealHa1s(keyring, computeHa1s(username, realm, 'pw'), `CL1/${credentialId}`), revision, position: String(revision), createdAt: '2026-11-30T00:00:00Z', updatedAt: '2026-11-30T00:00:00Z' } },
  });
  const listTrunk = { accountId: 'acme', credentialListIds: ['CL1'] } as unknown as TrunkView;
  const usernames = async (found: CredentialCandidate[] | Promise<CredentialCandidate[]>) => (await found).map((c) => c.username);

  it('drops the chunk of a list it does not cache unread, and decodes and applies one of a list it caches', async () => {
    const index = new AuthIndex(realm, keyring);
    const loads: string[] = [];
    index.loadCredentialsWith(async (_accountId, listId) => { loads.push(listId); return []; });
    const key = keys.credentialChunk('acme', 'CL1', credentialChunkOf('CR1'));
    // Not cached: not even decoded (a value that is not JSON passes unnoticed), nothing loaded.
    expect(() => index.applyEntry(entry(key, 'not json', 5))).not.toThrow();
    expect(index.cacheStats()).toEqual({ credentials: 0, lists: 0, loads: 0 });
    // Other documents are still decoded: a corrupt one is named.
    expect(() => index.applyEntry(entry(keys.trunk('acme', 'TKa'), 'not json', 6))).toThrow(keys.trunk('acme', 'TKa'));
    expect(await usernames(index.credentialsFor(listTrunk, 'alice', false, 'MD5'))).toEqual([]);
    expect(loads).toEqual(['CL1']);
    // Cached now: a change is decoded and applied at once, and a corrupt one is named.
    index.applyEntry(entry(key, chunkDoc('CR1', 'alice', 7), 7));
    expect(await usernames(index.credentialsFor(listTrunk, 'alice', false, 'MD5'))).toEqual(['alice']);
    expect(() => index.applyEntry(entry(key, 'not json', 8))).toThrow(key);
    expect(loads).toEqual(['CL1']);
  });

  it('holds a change of a list being loaded and applies it after the load', async () => {
    const index = new AuthIndex(realm, keyring);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    index.loadCredentialsWith(async () => { await gate; return []; });
    const found = index.credentialsFor(listTrunk, 'bob', false, 'MD5');
    index.applyEntry(entry(keys.credentialChunk('acme', 'CL1', credentialChunkOf('CR2')), chunkDoc('CR2', 'bob', 9), 9));
    release();
    expect(await usernames(found)).toEqual(['bob']);
  });
});
