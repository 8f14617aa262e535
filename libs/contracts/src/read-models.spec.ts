import { CREDENTIAL_CHUNKS, credentialChunkOf, credentialOfChunk, credentialsOfChunk, isEagerKey, isNamespaceStream, parseKey, keys, type CredentialChunkDoc } from './read-models';

describe('isNamespaceStream', () => {
  it.each(['acme_events', 'KV_acme_projection', 'KV_acme_nonces', 'KV_acme_lockouts', 'KV_acme_requests', 'KV_acme_rm_1', 'KV_acme_rm_12', 'KV_acme_rm_3_eager'])(
    'claims %s for namespace acme', (name) => expect(isNamespaceStream(name, 'acme')).toBe(true));

  it.each(['acme_b_events', 'KV_acme_b_projection', 'KV_acme_b_rm_1', 'KV_acme_rm_', 'KV_acme_rm_01', 'KV_acme_rm_1_other', 'KV_acme_b_rm_1_eager', 'KV_acme_other', 'acme-events', 'KV_acmex_nonces', 'KV_acme_b_lockouts', 'other_events'])(
    'never claims %s for namespace acme (a namespace that only shares a prefix keeps its streams)', (name) =>
      expect(isNamespaceStream(name, 'acme')).toBe(false));
});

describe('parseKey', () => {
  it('reads back every key the layout builds', () => {
    expect(parseKey(keys.trunk('acme', 'TK1'))).toEqual({ kind: 'trunk', accountId: 'acme', id: 'TK1' });
    expect(parseKey(keys.credentialChunk('acme', 'CL1', 7))).toEqual({ kind: 'credential-chunk', accountId: 'acme', parentId: 'CL1', chunk: 7 });
    expect(keys.credentialChunks('acme', 'CL1').map(parseKey)).toEqual(
      Array.from({ length: CREDENTIAL_CHUNKS }, (_, chunk) => ({ kind: 'credential-chunk', accountId: 'acme', parentId: 'CL1', chunk })));
    // The per-credential and members keys of the previous layout, and chunks out of range, are no documents of this one.
    for (const key of ['acct.acme.credential.CL1.CR1', 'acct.acme.credential-ids.CL1', `acct.acme.credentials.CL1.${CREDENTIAL_CHUNKS}`, 'acct.acme.credentials.CL1.01', 'acct.acme.credentials.CL1.x']) {
      expect(parseKey(key)).toBeUndefined();
    }
    expect(parseKey('meta.position')).toEqual({ kind: 'position' });
    expect(parseKey('acct.acme.unknown.x')).toBeUndefined();
    // projection-service's tombstones of deleted documents: no reader takes them for a document.
    expect(parseKey(`tombstone.${keys.trunk('acme', 'TK1')}`)).toBeUndefined();
  });
});

describe('isEagerKey', () => {
  it('copies what a worker reads at start into the eager bucket, never a credential chunk or a tombstone', () => {
    for (const key of [keys.trunk('a', 'TK1'), keys.credentialList('a', 'CL1'), keys.ipAcl('a', 'AL1'), keys.ipAddress('a', 'AL1', 'IP1'), 'meta.position']) {
      expect(isEagerKey(key)).toBe(true);
    }
    for (const key of [...keys.credentialChunks('a', 'CL1'), `tombstone.${keys.trunk('a', 'TK1')}`]) {
      expect(isEagerKey(key)).toBe(false);
    }
  });
});

describe('credential chunks', () => {
  it('puts a credential in the same chunk every time, and spreads a list\'s random ids over every chunk', () => {
    expect(credentialChunkOf('CR0123456789abcdef0123456789abcdef')).toBe(credentialChunkOf('CR0123456789abcdef0123456789abcdef'));
    const counts = new Array<number>(CREDENTIAL_CHUNKS).fill(0);
    for (let i = 0; i < 1000; i++) counts[credentialChunkOf(`CR${i.toString(16).padStart(32, '0')}`)]++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan(1000 / CREDENTIAL_CHUNKS * 2);
  });

  it('gives back whole credential documents from a chunk, in the chunk\'s order', () => {
    const stamp = { revision: 3, position: '9', updatedAt: 't' };
    const entry = { username: 'alice', realm: 'r', ha1: { 'MD5': 'k1.x' }, md5Only: true as const, createdAt: 't', ...stamp };
    const doc: CredentialChunkDoc = { credentialListId: 'CL1', accountId: 'acme', chunk: 2, credentials: { CRb: entry, CRa: { ...entry, username: 'bob' } }, ...stamp };
    expect(credentialsOfChunk(doc).map((c) => [c.credentialId, c.username, c.credentialListId, c.accountId])).toEqual([['CRb', 'alice', 'CL1', 'acme'], ['CRa', 'bob', 'CL1', 'acme']]);
    expect(credentialOfChunk(doc, 'CRa')).toEqual({ credentialId: 'CRa', credentialListId: 'CL1', accountId: 'acme', ...entry, username: 'bob' });
    expect(credentialOfChunk(doc, 'toString')).toBeUndefined();
    expect(credentialOfChunk(undefined, 'CRa')).toBeUndefined();
  });
});
