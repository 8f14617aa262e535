import type { CredentialDoc } from '@sipauth/contracts';
import { computeHa1s, computeUserhash, sealHa1s, SealingKeyring, sealMd5Ha1 } from '@sipauth/sip-digest';
import { CredentialDirectory } from './credential-directory';

const REALM = 'sip.example.net';
const ACCOUNT = 'AC1';
const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 7) }]);

function credential(credentialId: string, username: string, listId = 'CL1', accountId = ACCOUNT): CredentialDoc {
  const ha1 = sealHa1s(keyring, computeHa1s(username, REALM, `pw-${username}`), `${listId}/${credentialId}`);
  const at = '2024-01-01T00:00:00.000Z';
  return { credentialId, credentialListId: listId, accountId, username, realm: REALM, ha1, revision: 1, position: '1', createdAt: at, updatedAt: at } as CredentialDoc;
}

const byName = (d: CredentialDirectory, username: string, lists = ['CL1']) => d.find(ACCOUNT, lists, username, false, 'SHA-256');
const byHash = (d: CredentialDirectory, username: string, alg: 'MD5' | 'SHA-256' = 'SHA-256', lists = ['CL1']) =>
  d.find(ACCOUNT, lists, computeUserhash(alg, username, REALM).toUpperCase(), true, alg);

describe('CredentialDirectory', () => {
  it('opens a credential imported from an MD5 HA1 alone: MD5 answers, the other algorithms have no HA1 (never an empty one)', () => {
    const d = new CredentialDirectory(REALM, keyring);
    const md5 = computeHa1s('Bob', REALM, 'pw-Bob').MD5;
    d.put({ ...credential('CR2', 'Bob'), ha1: sealMd5Ha1(keyring, md5, 'CL1/CR2') } as CredentialDoc);
    const [found] = byName(d, 'Bob');
    expect(found.ha1('MD5')).toBe(md5);
    expect(found.ha1('SHA-256')).toBeUndefined();
    expect(found.ha1('SHA-512-256')).toBeUndefined();
  });

  it('finds a credential by its exact username, with its ids and the HA1 of each algorithm', () => {
    const d = new CredentialDirectory(REALM, keyring);
    d.put(credential('CR1', 'Alice'));
    const [found] = byName(d, 'Alice');
    expect(found).toMatchObject({ credentialId: 'CR1', credentialListId: 'CL1', username: 'Alice' });
    const expected = computeHa1s('Alice', REALM, 'pw-Alice');
    expect(found.ha1('SHA-256')).toBe(expected['SHA-256']);
    expect(found.ha1('MD5')).toBe(expected.MD5);
    expect(found.ha1('SHA-512-256')).toBe(expected['SHA-512-256']);
    expect(byName(d, 'alice')).toEqual([]);
  });

  it('finds a credential by its userhash in any letter case, including credentials added after the first userhash request', () => {
    const d = new CredentialDirectory(REALM, keyring);
    d.put(credential('CR1', 'alice'));
    expect(byHash(d, 'alice').map((c) => c.credentialId)).toEqual(['CR1']);
    d.put(credential('CR2', 'bob'));
    expect(byHash(d, 'bob').map((c) => c.credentialId)).toEqual(['CR2']);
    expect(byHash(d, 'bob', 'MD5').map((c) => c.credentialId)).toEqual(['CR2']);
  });

  it('forgets the old username and userhash of a credential that is renamed or removed', () => {
    const d = new CredentialDirectory(REALM, keyring);
    d.put(credential('CR1', 'alice'));
    d.put(credential('CR2', 'bob'));
    expect(byHash(d, 'alice')).toHaveLength(1);
    d.put(credential('CR1', 'carol'));
    expect(byName(d, 'alice')).toEqual([]);
    expect(byHash(d, 'alice')).toEqual([]);
    expect(byHash(d, 'carol').map((c) => c.credentialId)).toEqual(['CR1']);
    d.remove(ACCOUNT, 'CL1', 'CR2');
    expect(byName(d, 'bob')).toEqual([]);
    expect(byHash(d, 'bob')).toEqual([]);
    expect(d.size).toBe(1);
  });

  it('serves the new HA1s of a credential updated after its old ones were opened', () => {
    const d = new CredentialDirectory(REALM, keyring);
    d.put(credential('CR1', 'alice'));
    byName(d, 'alice')[0].ha1('SHA-256');
    const updated = credential('CR1', 'alice');
    updated.ha1 = sealHa1s(keyring, computeHa1s('alice', REALM, 'new-password'), 'CL1/CR1');
    d.put(updated);
    expect(byName(d, 'alice')[0].ha1('SHA-256')).toBe(computeHa1s('alice', REALM, 'new-password')['SHA-256']);
  });

  it('answers no HA1 for a credential sealed for another credential, and keeps answering so', () => {
    const d = new CredentialDirectory(REALM, keyring);
    const moved = credential('CR1', 'alice');
    moved.ha1 = credential('CR9', 'alice').ha1;
    d.put(moved);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const [found] = byName(d, 'alice');
    expect(found.ha1('SHA-256')).toBeUndefined();
    expect(found.ha1('MD5')).toBeUndefined();
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('keeps lists of different accounts apart and returns candidates in the order of the lists', () => {
    const d = new CredentialDirectory(REALM, keyring);
    d.put(credential('CR1', 'alice', 'CL1'));
    d.put(credential('CR2', 'alice', 'CL2'));
    d.put(credential('CR3', 'alice', 'CL3', 'AC2'));
    expect(byName(d, 'alice', ['CL2', 'CL1', 'CL3']).map((c) => c.credentialId)).toEqual(['CR2', 'CR1']);
    expect(byHash(d, 'alice', 'SHA-256', ['CL2', 'CL1', 'CL3']).map((c) => c.credentialListId)).toEqual(['CL2', 'CL1']);
  });
});
