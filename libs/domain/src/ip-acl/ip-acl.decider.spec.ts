import { Conflict, NotFound, ValidationFailed } from '../errors';
import { MAX_IP_ADDRESSES_PER_ACL } from '../rules';
import { DeciderSpecification } from '../testing';
import type { AddIpAddress, IpAclCommand } from './ip-acl.commands';
import { ipAclDecider } from './ip-acl.decider';
import type { IpAclEvent, IpAddressAdded } from './ip-acl.events';

const spec = DeciderSpecification.for(ipAclDecider);
const accountId = 'acme';
const ipAccessControlListId = 'AL' + '1'.repeat(32);
const ipAddressId = 'IP' + 'a'.repeat(32);
const otherIpAddressId = 'IP' + 'b'.repeat(32);
const trunkId = 'TK' + 'c'.repeat(32);
const now = '2025-01-01T00:00:00.000Z';

const create: IpAclCommand = { type: 'CreateIpAccessControlList', accountId, ipAccessControlListId, friendlyName: 'Office', now };
const created: IpAclEvent = { type: 'IpAccessControlListCreated', data: { ipAccessControlListId, accountId, friendlyName: 'Office', createdAt: now } };
const deleted: IpAclEvent = { type: 'IpAccessControlListDeleted', data: { ipAccessControlListId } };
const attached: IpAclEvent = { type: 'TrunkAssigned', data: { trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId } };
const detached: IpAclEvent = { type: 'TrunkUnassigned', data: { trunkId, listKind: 'ipAccessControlList', listId: ipAccessControlListId } };
const added = (ipAddress: string, cidrPrefixLength: number, id = ipAddressId, friendlyName = 'PBX'): IpAddressAdded =>
  ({ type: 'IpAddressAdded', data: { ipAccessControlListId, ipAddressId: id, friendlyName, ipAddress, cidrPrefixLength, createdAt: now } });
const add = (ipAddress: string, cidrPrefixLength?: number, overrides: Partial<AddIpAddress> = {}): IpAclCommand =>
  ({ type: 'AddIpAddress', accountId, ipAccessControlListId, ipAddressId, friendlyName: 'PBX', ipAddress, cidrPrefixLength, now, ...overrides });

describe('CreateIpAccessControlList', () => {
  it('creates the list', () => spec.given([]).when(create).then([created]));
  it('refuses a blank name', () =>
    spec.given([]).when({ ...create, friendlyName: '   ' }).thenRejects(ValidationFailed, [{ field: 'friendlyName', message: /blank/ }]));
  it('refuses an account id that cannot be a key token', () =>
    spec.given([]).when({ ...create, accountId: 'acme.corp' }).thenRejects(ValidationFailed, [{ field: 'accountId' }]));
  it('does nothing when the same list is created again', () => spec.given([created]).when(create).thenNothing());
  it('refuses to create a list whose id exists with another name', () =>
    spec.given([created]).when({ ...create, friendlyName: 'Other' }).thenRejects(Conflict));
  it('refuses to re-create a deleted list', () => spec.given([created, deleted]).when(create).thenRejects(Conflict));
});

describe('RenameIpAccessControlList', () => {
  const rename: IpAclCommand = { type: 'RenameIpAccessControlList', accountId, ipAccessControlListId, friendlyName: 'Branch' };
  it('renames the list', () =>
    spec.given([created]).when(rename).then([{ type: 'IpAccessControlListRenamed', data: { ipAccessControlListId, friendlyName: 'Branch' } }]));
  it('does nothing when the name is unchanged', () => spec.given([created]).when({ ...rename, friendlyName: 'Office' }).thenNothing());
  it('refuses a name longer than 64 characters', () =>
    spec.given([created]).when({ ...rename, friendlyName: 'x'.repeat(65) }).thenRejects(ValidationFailed, [{ field: 'friendlyName' }]));
  it('reports a list of another account as not found', () =>
    spec.given([created]).when({ ...rename, accountId: 'globex' }).thenRejects(NotFound, [{ field: 'ipAccessControlListId' }]));
  it('reports a list that does not exist as not found', () => spec.given([]).when(rename).thenRejects(NotFound));
});

describe('DeleteIpAccessControlList', () => {
  const del: IpAclCommand = { type: 'DeleteIpAccessControlList', accountId, ipAccessControlListId };
  it('deletes a list that no trunk uses', () => spec.given([created, added('10.0.0.0', 8)]).when(del).then([deleted]));
  it('deletes a list once detached from its trunk', () => spec.given([created, attached, detached]).when(del).then([deleted]));
  it('refuses to delete an assigned list, naming the trunk', () =>
    spec.given([created, attached]).when(del).thenRejects(Conflict, [{ field: 'trunkId', message: trunkId }]));
  it('reports a list of another account as not found', () =>
    spec.given([created]).when({ ...del, accountId: 'globex' }).thenRejects(NotFound));
  it('reports a deleted list as not found', () => spec.given([created, deleted]).when(del).thenRejects(NotFound));
});

describe('AddIpAddress', () => {
  it('adds a single IPv4 address as a /32', () => spec.given([created]).when(add('192.0.2.10')).then([added('192.0.2.10', 32)]));

  it('normalises an IPv4 address to its network', () =>
    spec.given([created]).when(add('10.1.2.3', 24)).then([added('10.1.2.0', 24)]));

  it('accepts the prefix inside the address', () =>
    spec.given([created]).when(add('10.1.2.3/24')).then([added('10.1.2.0', 24)]));

  it('normalises an IPv6 address to its network in RFC 5952 form', () =>
    spec.given([created]).when(add('2001:DB8:0:0:1::1', 64)).then([added('2001:db8::', 64)]));

  it('adds a single IPv6 address as a /128', () =>
    spec.given([created]).when(add('2001:db8::0001')).then([added('2001:db8::1', 128)]));

  it('refuses something that is not an address', () =>
    spec.given([created]).when(add('10.1.2')).thenRejects(ValidationFailed, [{ field: 'ipAddress' }]));

  it('refuses an IPv4 prefix shorter than 8', () =>
    spec.given([created]).when(add('10.0.0.0', 7)).thenRejects(ValidationFailed, [{ field: 'cidrPrefixLength', message: /8 to 32/ }]));

  it('refuses an IPv6 prefix shorter than 16', () =>
    spec.given([created]).when(add('2001:db8::', 15)).thenRejects(ValidationFailed, [{ field: 'cidrPrefixLength', message: /16 to 128/ }]));

  it('names both the bad name and the bad address', () =>
    spec.given([created]).when(add('not-an-ip', undefined, { friendlyName: '' }))
      .thenRejects(ValidationFailed, [{ field: 'friendlyName' }, { field: 'ipAddress' }]));

  it('refuses a range already in the list, even written differently', () =>
    spec.given([created, added('10.1.2.0', 24)]).when(add('10.1.2.200/24', undefined, { ipAddressId: otherIpAddressId }))
      .thenRejects(Conflict, [{ field: 'ipAddress', message: /10\.1\.2\.0\/24/ }]));

  it('stores an IPv4-mapped IPv6 range as the IPv4 range it maps to', () =>
    spec.given([created]).when(add('::ffff:10.1.2.3/120')).then([added('10.1.2.0', 24)]));

  it('refuses an IPv4-mapped range that would cover more than an IPv4 /8', () =>
    spec.given([created]).when(add('::ffff:0.0.0.0/96')).thenRejects(ValidationFailed, [{ field: 'cidrPrefixLength', message: /104 to 128/ }]));

  it('refuses an IPv4 range already in the list in its IPv4-mapped spelling', () =>
    spec.given([created, added('10.1.2.0', 24)]).when(add('::ffff:10.1.2.0/120', undefined, { ipAddressId: otherIpAddressId }))
      .thenRejects(Conflict, [{ field: 'ipAddress' }]));

  it('refuses an IPv6 range already in the list, written in another form', () =>
    spec.given([created, added('2001:db8::', 64)]).when(add('2001:0db8:0000::ffff', 64, { ipAddressId: otherIpAddressId }))
      .thenRejects(Conflict, [{ field: 'ipAddress' }]));

  it('accepts the same network with another prefix length', () =>
    spec.given([created, added('10.1.2.0', 24)]).when(add('10.1.2.0', 25, { ipAddressId: otherIpAddressId }))
      .then([added('10.1.2.0', 25, otherIpAddressId)]));

  it('accepts a range again once the address holding it was removed', () =>
    spec.given([created, added('10.1.2.0', 24), { type: 'IpAddressRemoved', data: { ipAccessControlListId, ipAddressId } }])
      .when(add('10.1.2.0', 24, { ipAddressId: otherIpAddressId })).then([added('10.1.2.0', 24, otherIpAddressId)]));

  it('does nothing when the same address is added again under the same id', () =>
    spec.given([created, added('10.1.2.0', 24)]).when(add('10.1.2.3', 24, { now: '2025-02-02T00:00:00.000Z' })).thenNothing());

  it('refuses to reuse an address id for other data', () =>
    spec.given([created, added('10.1.2.0', 24)]).when(add('10.9.9.0', 24)).thenRejects(Conflict, [{ field: 'ipAddressId' }]));

  it(`refuses an address beyond the limit of ${MAX_IP_ADDRESSES_PER_ACL} per list`, () => {
    const full = [created, ...Array.from({ length: MAX_IP_ADDRESSES_PER_ACL }, (_, i) =>
      added(`10.${i >> 8}.${i & 255}.0`, 24, `IP${i.toString(16).padStart(32, '0')}`))];
    spec.given(full).when(add('192.0.2.1', undefined, { ipAddressId: otherIpAddressId }))
      .thenRejects(Conflict, [{ field: 'ipAccessControlListId', message: /maximum of 1000/ }]);
  });

  it('reports a list of another account as not found', () =>
    spec.given([created]).when(add('10.0.0.1', undefined, { accountId: 'globex' })).thenRejects(NotFound));

  it('reports a deleted list as not found', () => spec.given([created, deleted]).when(add('10.0.0.1')).thenRejects(NotFound));
});

describe('RemoveIpAddress', () => {
  const remove: IpAclCommand = { type: 'RemoveIpAddress', accountId, ipAccessControlListId, ipAddressId };
  it('removes an address', () =>
    spec.given([created, added('10.0.0.0', 8)]).when(remove).then([{ type: 'IpAddressRemoved', data: { ipAccessControlListId, ipAddressId } }]));
  it('reports an unknown address as not found', () =>
    spec.given([created]).when(remove).thenRejects(NotFound, [{ field: 'ipAddressId' }]));
  it('reports a list of another account as not found', () =>
    spec.given([created, added('10.0.0.0', 8)]).when({ ...remove, accountId: 'globex' }).thenRejects(NotFound, [{ field: 'ipAccessControlListId' }]));
});

describe('RenameIpAddress', () => {
  const rename: IpAclCommand = { type: 'RenameIpAddress', accountId, ipAccessControlListId, ipAddressId, friendlyName: 'Branch PBX' };
  const renamed: IpAclEvent = { type: 'IpAddressRenamed', data: { ipAccessControlListId, ipAddressId, friendlyName: 'Branch PBX' } };
  it("changes an address's friendly name and nothing else", () => spec.given([created, added('10.0.0.0', 8)]).when(rename).then([renamed]));
  it('does nothing when the name is unchanged', () =>
    spec.given([created, added('10.0.0.0', 8), renamed]).when(rename).thenNothing());
  it('refuses a blank name', () =>
    spec.given([created, added('10.0.0.0', 8)]).when({ ...rename, friendlyName: ' ' }).thenRejects(ValidationFailed, [{ field: 'friendlyName' }]));
  it('refuses a name longer than 64 characters', () =>
    spec.given([created, added('10.0.0.0', 8)]).when({ ...rename, friendlyName: 'x'.repeat(65) }).thenRejects(ValidationFailed, [{ field: 'friendlyName' }]));
  it('reports an unknown or removed address as not found', () => {
    spec.given([created]).when(rename).thenRejects(NotFound, [{ field: 'ipAddressId' }]);
    spec.given([created, added('10.0.0.0', 8), { type: 'IpAddressRemoved', data: { ipAccessControlListId, ipAddressId } }])
      .when(rename).thenRejects(NotFound, [{ field: 'ipAddressId' }]);
  });
  it('reports a list of another account as not found', () =>
    spec.given([created, added('10.0.0.0', 8)]).when({ ...rename, accountId: 'globex' }).thenRejects(NotFound, [{ field: 'ipAccessControlListId' }]));
  it('keeps the range held: the renamed address still blocks a duplicate range', () =>
    spec.given([created, added('10.0.0.0', 8), renamed]).when(add('10.0.0.0', 8, { ipAddressId: otherIpAddressId }))
      .thenRejects(Conflict, [{ field: 'ipAddress' }]));
  it('lets a retried add of the renamed address under its new name do nothing', () =>
    spec.given([created, added('10.0.0.0', 8), renamed]).when(add('10.0.0.0', 8, { friendlyName: 'Branch PBX' })).thenNothing());
});

describe('AttachIpAclToTrunk and DetachIpAclFromTrunk', () => {
  const attach: IpAclCommand = { type: 'AttachIpAclToTrunk', accountId, ipAccessControlListId, trunkId };
  const detach: IpAclCommand = { type: 'DetachIpAclFromTrunk', accountId, ipAccessControlListId, trunkId };
  it('records the trunk on the list', () => spec.given([created]).when(attach).then([attached]));
  it('does nothing when the trunk is already attached', () => spec.given([created, attached]).when(attach).thenNothing());
  it('refuses to attach a list of another account, as not found', () =>
    spec.given([created]).when({ ...attach, accountId: 'globex' }).thenRejects(NotFound));
  it('detaches an attached trunk', () => spec.given([created, attached]).when(detach).then([detached]));
  it('does nothing when detaching a trunk that is not attached', () => spec.given([created]).when(detach).thenNothing());
  it('refuses to detach on a deleted list, as not found', () => spec.given([created, deleted]).when(detach).thenRejects(NotFound));
});
