import type { DomainEvent } from './decider';
import { upcastCredentialListEvent } from './credential-list/credential-list.upcast';
import { upcastIpAclEvent } from './ip-acl/ip-acl.upcast';
import { upcastTrunkDomainEvent } from './trunk-domain/trunk-domain.upcast';
import { upcastTrunkEvent } from './trunk/trunk.upcast';
import { createUpcaster, CURRENT_SCHEMA_VERSION, UnsupportedSchemaVersion } from './upcast';

describe('the upcasters of the aggregates', () => {
  const renamed = { credentialListId: 'CL' + '1'.repeat(32), friendlyName: 'Office' };

  it('writes version 1 today', () => expect(CURRENT_SCHEMA_VERSION).toBe(1));

  it.each([
    ['credential list', upcastCredentialListEvent, 'CredentialListRenamed'],
    ['IP access control list', upcastIpAclEvent, 'IpAccessControlListRenamed'],
    ['trunk', upcastTrunkEvent, 'TrunkRenamed'],
    ['domain reservation', upcastTrunkDomainEvent, 'TrunkDomainReleased'],
  ] as const)('read a version 1 %s event as it was stored', (_, upcast, type) => {
    expect(upcast(type, renamed, 1)).toEqual({ type, data: renamed });
  });

  it('read an event without a schemaVersion as version 1', () =>
    expect(upcastTrunkEvent('TrunkRenamed', renamed)).toEqual({ type: 'TrunkRenamed', data: renamed }));

  it.each([0, 2, 1.5, Number.NaN])('refuse schemaVersion %p, which no writer of this code produced', (version) =>
    expect(() => upcastCredentialListEvent('CredentialListRenamed', renamed, version)).toThrow(UnsupportedSchemaVersion));
});

describe('createUpcaster', () => {
  // A made-up change of shape: version 1 had `name`, version 2 calls it `friendlyName`, version 3 adds `tags`.
  type Renamed = DomainEvent<'Renamed', { id: string; friendlyName: string; tags: string[] }>;
  const upcast = createUpcaster<Renamed>({
    1: ({ type, data }) => {
      const { name, ...rest } = data as { id: string; name: string };
      return { type, data: { ...rest, friendlyName: name } };
    },
    2: ({ type, data }) => ({ type, data: { ...(data as object), tags: [] } }),
  }, 3);

  it('applies every step from the stored version up to the current one, in order', () =>
    expect(upcast('Renamed', { id: 'x', name: 'Office' }, 1)).toEqual({ type: 'Renamed', data: { id: 'x', friendlyName: 'Office', tags: [] } }));

  it('applies only the steps after the stored version', () =>
    expect(upcast('Renamed', { id: 'x', friendlyName: 'Office' }, 2)).toEqual({ type: 'Renamed', data: { id: 'x', friendlyName: 'Office', tags: [] } }));

  it('leaves an event of the current version alone', () =>
    expect(upcast('Renamed', { id: 'x', friendlyName: 'Office', tags: ['a'] }, 3)).toEqual({ type: 'Renamed', data: { id: 'x', friendlyName: 'Office', tags: ['a'] } }));

  it('refuses a version newer than the current one, naming the event', () =>
    expect(() => upcast('Renamed', {}, 4)).toThrow(/event Renamed: schemaVersion 4 is not supported \(1 to 3\)/));
});
