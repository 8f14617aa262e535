import { credentialListDecider } from './credential-list/credential-list.decider';
import { CREDENTIAL_LIST_EVENT_TYPES } from './credential-list/credential-list.upcast';
import { ipAclDecider } from './ip-acl/ip-acl.decider';
import { UnknownStream, upcastStoredEvent } from './stored-events';
import { trunkDomainDecider } from './trunk-domain/trunk-domain.decider';
import { trunkDecider } from './trunk/trunk.decider';
import { UnknownEventType, UnsupportedSchemaVersion } from './upcast';

const renamed = { credentialListId: 'CL1', friendlyName: 'Office' };

describe('upcastStoredEvent', () => {
  it('reads a stored event in the shape of the aggregate its stream names', () =>
    expect(upcastStoredEvent({ streamName: 'credentialList-CL1', type: 'CredentialListRenamed', data: renamed, metadata: { schemaVersion: 1 } }))
      .toEqual({ kind: 'credentialList', event: { type: 'CredentialListRenamed', data: renamed } }));

  it.each([
    ['trunkDomain-acme.example', 'TrunkDomainReleased', 'trunkDomain'],
    ['trunk-TK1', 'TrunkRenamed', 'trunk'],
    ['ipAcl-AL1', 'IpAddressRemoved', 'ipAcl'],
  ])('tells %s apart by its stream name', (streamName, type, kind) =>
    expect(upcastStoredEvent({ streamName, type, data: {} }).kind).toBe(kind));

  it('refuses a type the aggregate never wrote, naming it, even one another aggregate writes', () => {
    expect(() => upcastStoredEvent({ streamName: 'trunk-TK1', type: 'CredentialAdded', data: {} })).toThrow(UnknownEventType);
    expect(() => upcastStoredEvent({ streamName: 'trunk-TK1', type: 'TrunkPainted', data: {} })).toThrow(/TrunkPainted/);
  });

  it('refuses a schema version newer than the code', () =>
    expect(() => upcastStoredEvent({ streamName: 'ipAcl-AL1', type: 'IpAddressRemoved', data: {}, metadata: { schemaVersion: 2 } })).toThrow(UnsupportedSchemaVersion));

  it('refuses a stream of no known aggregate', () =>
    expect(() => upcastStoredEvent({ streamName: 'order-1', type: 'OrderPlaced', data: {} })).toThrow(UnknownStream));

  it('knows every credential list event type once', () =>
    expect(Object.keys(CREDENTIAL_LIST_EVENT_TYPES).sort()).toEqual([
      'CredentialAdded', 'CredentialListCreated', 'CredentialListDeleted', 'CredentialListRenamed', 'CredentialPasswordChanged', 'CredentialRemoved', 'CredentialsImported', 'TrunkAssigned', 'TrunkUnassigned',
    ]));
});

describe('every decider', () => {
  it.each([
    ['credential list', credentialListDecider],
    ['IP access control list', ipAclDecider],
    ['trunk', trunkDecider],
    ['domain reservation', trunkDomainDecider],
  ] as const)('the %s decider upcasts with its aggregate’s upcaster and refuses what it cannot read', (_, decider) => {
    expect(() => decider.upcast({ type: 'Unheard', data: {} })).toThrow(UnknownEventType);
  });

  it.each([
    ['credential list', credentialListDecider, { status: 'Active', credentialListId: 'CL1' }],
    ['IP access control list', ipAclDecider, { status: 'Active', ipAccessControlListId: 'AL1' }],
    ['trunk', trunkDecider, { status: 'Active', trunkId: 'TK1' }],
    ['domain reservation', trunkDomainDecider, { status: 'Reserved', domainName: 'a.example', trunkId: 'TK1' }],
  ] as const)('the %s evolve keeps the state for an event it has no case for, never undefined', (_, decider, state) => {
    const evolve = decider.evolve as (s: unknown, e: unknown) => unknown;
    expect(evolve(state, { type: 'Unheard', data: {} })).toBe(state);
  });
});
