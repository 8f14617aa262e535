import { isEagerKey, isNamespaceStream, parseKey, keys } from './read-models';

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
    expect(parseKey(keys.credential('acme', 'CL1', 'CR1'))).toEqual({ kind: 'credential', accountId: 'acme', parentId: 'CL1', id: 'CR1' });
    expect(parseKey(keys.credentialIds('acme', 'CL1'))).toEqual({ kind: 'credential-ids', accountId: 'acme', id: 'CL1' });
    expect(parseKey('meta.position')).toEqual({ kind: 'position' });
    expect(parseKey('acct.acme.unknown.x')).toBeUndefined();
    // projection-service's tombstones of deleted documents: no reader takes them for a document.
    expect(parseKey(`tombstone.${keys.trunk('acme', 'TK1')}`)).toBeUndefined();
  });
});

describe('isEagerKey', () => {
  it('copies what a worker reads at start into the eager bucket, never a credential, a list\'s members or a tombstone', () => {
    for (const key of [keys.trunk('a', 'TK1'), keys.credentialList('a', 'CL1'), keys.ipAcl('a', 'AL1'), keys.ipAddress('a', 'AL1', 'IP1'), 'meta.position']) {
      expect(isEagerKey(key)).toBe(true);
    }
    for (const key of [keys.credential('a', 'CL1', 'CR1'), keys.credentialIds('a', 'CL1'), `tombstone.${keys.trunk('a', 'TK1')}`]) {
      expect(isEagerKey(key)).toBe(false);
    }
  });
});
