import { namesFrom, summarise } from './event-summary';

const sealed = { MD5: 'k1:SEALED-MD5-abcdef', 'SHA-256': 'k1:SEALED-SHA256-abcdef', 'SHA-512-256': 'k1:SEALED-SHA512-abcdef' };
const added = { type: 'CredentialAdded', data: { credentialListId: 'CL1', credentialId: 'CR1', username: 'alice', realm: 'r', ha1: sealed, createdAt: 't' } };

describe('summaries of events for the audit trail', () => {
  it('names the credential a password change is about, and the end of the overlap', () => {
    const changed = { type: 'CredentialPasswordChanged', data: { credentialListId: 'CL1', credentialId: 'CR1', realm: 'r', ha1: sealed, previousHa1: sealed, previousValidUntil: '2026-12-01T00:00:00.000Z' } };
    expect(summarise(changed, namesFrom([added]))).toBe('Password of alice changed (previous valid until 2026-12-01T00:00:00.000Z)');
    expect(summarise({ ...changed, data: { ...changed.data, previousValidUntil: undefined } }, namesFrom([added]))).toBe('Password of alice changed');
  });

  it('never copies a sealed hash, whatever the event', () => {
    for (const event of [added, { type: 'CredentialPasswordChanged', data: { credentialId: 'CR1', ha1: sealed, previousHa1: sealed } }, { type: 'SomethingNew', data: { ha1: sealed } }]) {
      expect(summarise(event, namesFrom([added]))).not.toMatch(/SEALED|k1:/);
    }
  });

  it('reads like a sentence for every kind of change', () => {
    expect(summarise({ type: 'CredentialListCreated', data: { friendlyName: 'Office PBXs' } })).toBe('Credential list "Office PBXs" created');
    expect(summarise({ type: 'CredentialListRenamed', data: { friendlyName: 'Branch' } })).toBe('Credential list renamed to "Branch"');
    expect(summarise(added)).toBe('Credential alice added');
    expect(summarise({ type: 'IpAddressAdded', data: { ipAddressId: 'IP1', friendlyName: 'HQ', ipAddress: '10.0.0.0', cidrPrefixLength: 24 } })).toBe('IP address 10.0.0.0/24 ("HQ") added');
    const ipNames = namesFrom([{ type: 'IpAddressAdded', data: { ipAddressId: 'IP1', ipAddress: '10.0.0.0', cidrPrefixLength: 24 } }]);
    expect(summarise({ type: 'IpAddressRemoved', data: { ipAddressId: 'IP1' } }, ipNames)).toBe('IP address 10.0.0.0/24 removed');
    expect(summarise({ type: 'TrunkCreated', data: { friendlyName: 'Main', domainName: 'acme.pstn.example.net' } })).toBe('Trunk "Main" created with domain acme.pstn.example.net');
    expect(summarise({ type: 'TrunkDigestAlgorithmsSet', data: { algorithms: ['MD5', 'SHA-256'] } })).toBe('Digest algorithms set to MD5, SHA-256');
    expect(summarise({ type: 'TrunkLockoutPolicySet', data: { enabled: false } })).toBe('Lockout turned off');
    expect(summarise({ type: 'SomethingNew', data: {} })).toBe('SomethingNew recorded');
  });

  it("tells a trunk's side of an assignment from the list's", () => {
    const data = { trunkId: 'TK1', listKind: 'credentialList', listId: 'CL1' };
    expect(summarise({ type: 'TrunkAssigned', data, streamName: 'trunk-TK1' })).toBe('Credential list CL1 assigned');
    expect(summarise({ type: 'TrunkAssigned', data, streamName: 'credentialList-CL1' })).toBe('Assigned to trunk TK1');
    expect(summarise({ type: 'TrunkUnassigned', data: { ...data, listKind: 'ipAccessControlList' }, streamName: 'trunk-TK1' })).toBe('IP ACL CL1 unassigned');
  });
});

describe('summaries of a credential import', () => {
  const credentials = ['a', 'b', 'c', 'd', 'e', 'f'].map((u, i) => ({ credentialId: `CR${i}`, username: u, ha1: i === 5 ? { MD5: sealed.MD5 } : sealed, ...(i === 5 ? { md5Only: true } : {}) }));
  const imported = { type: 'CredentialsImported', data: { credentialListId: 'CL1', realm: 'r', createdAt: 't', credentials } };

  it('counts the credentials, names the first few and the MD5-only ones, and never a hash', () => {
    expect(summarise(imported)).toBe('6 credentials imported: a, b, c, d, e, … (1 from MD5 HA1s: MD5 only)');
    expect(summarise(imported)).not.toMatch(/SEALED|k1:/);
  });

  it('lets later events name an imported credential', () =>
    expect(summarise({ type: 'CredentialRemoved', data: { credentialId: 'CR2' } }, namesFrom([imported]))).toBe('Credential c removed'));
});
