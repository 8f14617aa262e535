import type { ListKind } from '../common';
import { Conflict, NotFound, ValidationFailed } from '../errors';
import { MAX_LISTS_PER_TRUNK } from '../rules';
import { DeciderSpecification } from '../testing';
import type { TrunkCommand } from './trunk.commands';
import { trunkDecider } from './trunk.decider';
import type { TrunkEvent } from './trunk.events';

const spec = DeciderSpecification.for(trunkDecider);
const accountId = 'acme';
const trunkId = 'TK' + '1'.repeat(32);
const credentialListId = 'CL' + 'a'.repeat(32);
const ipAccessControlListId = 'AL' + 'b'.repeat(32);
const now = '2025-01-01T00:00:00.000Z';

const create: TrunkCommand = { type: 'CreateTrunk', accountId, trunkId, friendlyName: 'Main', domainName: 'Acme.PSTN.example.net.', now };
const created: TrunkEvent = { type: 'TrunkCreated', data: { trunkId, accountId, friendlyName: 'Main', domainName: 'acme.pstn.example.net', createdAt: now } };
const assigned = (listKind: ListKind, listId: string): TrunkEvent => ({ type: 'TrunkAssigned', data: { trunkId, listKind, listId } });
const unassigned = (listKind: ListKind, listId: string): TrunkEvent => ({ type: 'TrunkUnassigned', data: { trunkId, listKind, listId } });
const deleted: TrunkEvent = { type: 'TrunkDeleted', data: { trunkId, domainName: 'acme.pstn.example.net', credentialListIds: [], ipAccessControlListIds: [] } };

describe('CreateTrunk', () => {
  it('creates the trunk with its domain in lower case and without the trailing dot', () => spec.given([]).when(create).then([created]));

  it('refuses a domain that is not an RFC 1123 host name', () =>
    spec.given([]).when({ ...create, domainName: 'acme_trunk.example.net' }).thenRejects(ValidationFailed, [{ field: 'domainName' }]));

  it('names every bad field at once', () =>
    spec.given([]).when({ ...create, friendlyName: '', domainName: 'localhost' })
      .thenRejects(ValidationFailed, [{ field: 'friendlyName' }, { field: 'domainName', message: /two labels/ }]));

  it('does nothing when the same trunk is created again, whatever the domain case', () =>
    spec.given([created]).when({ ...create, domainName: 'acme.pstn.example.net' }).thenNothing());

  it('refuses to create a trunk whose id exists with another domain', () =>
    spec.given([created]).when({ ...create, domainName: 'other.example.net' }).thenRejects(Conflict, [{ field: 'trunkId' }]));

  it('refuses to re-create a deleted trunk', () => spec.given([created, deleted]).when(create).thenRejects(Conflict));
});

describe('RenameTrunk', () => {
  const rename: TrunkCommand = { type: 'RenameTrunk', accountId, trunkId, friendlyName: 'Backup' };
  it('renames the trunk', () => spec.given([created]).when(rename).then([{ type: 'TrunkRenamed', data: { trunkId, friendlyName: 'Backup' } }]));
  it('does nothing when the name is unchanged', () => spec.given([created]).when({ ...rename, friendlyName: 'Main' }).thenNothing());
  it('refuses a name with a line break', () =>
    spec.given([created]).when({ ...rename, friendlyName: 'a\nb' }).thenRejects(ValidationFailed, [{ field: 'friendlyName' }]));
  it('reports a trunk of another account as not found', () =>
    spec.given([created]).when({ ...rename, accountId: 'globex' }).thenRejects(NotFound, [{ field: 'trunkId' }]));
  it('reports a deleted trunk as not found', () => spec.given([created, deleted]).when(rename).thenRejects(NotFound));
});

describe('DeleteTrunk', () => {
  const del: TrunkCommand = { type: 'DeleteTrunk', accountId, trunkId };
  it('deletes the trunk, carrying its domain and assigned lists so they can be released', () =>
    spec.given([created, assigned('credentialList', credentialListId), assigned('ipAccessControlList', ipAccessControlListId)])
      .when(del).then([{
        type: 'TrunkDeleted',
        data: { trunkId, domainName: 'acme.pstn.example.net', credentialListIds: [credentialListId], ipAccessControlListIds: [ipAccessControlListId] },
      }]));
  it('deletes a trunk with no lists', () => spec.given([created]).when(del).then([deleted]));
  it('reports a trunk of another account as not found', () =>
    spec.given([created]).when({ ...del, accountId: 'globex' }).thenRejects(NotFound));
  it('reports an already deleted trunk as not found', () => spec.given([created, deleted]).when(del).thenRejects(NotFound));
  it('reports a trunk that never existed as not found', () => spec.given([]).when(del).thenRejects(NotFound));
});

describe('SetDigestAlgorithms', () => {
  const set = (algorithms: unknown[]): TrunkCommand => ({ type: 'SetDigestAlgorithms', accountId, trunkId, algorithms } as TrunkCommand);
  it('records the ordered algorithms', () =>
    spec.given([created]).when(set(['SHA-512-256', 'MD5'])).then([{ type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: ['SHA-512-256', 'MD5'] } }]));
  it('records the default order when the trunk sets it, so the trunk keeps it if the default changes', () =>
    spec.given([created]).when(set(['MD5', 'SHA-256'])).then([{ type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: ['MD5', 'SHA-256'] } }]));
  it('does nothing when the order is unchanged', () =>
    spec.given([created, { type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: ['MD5'] } }]).when(set(['MD5'])).thenNothing());
  it('records a change of order alone', () =>
    spec.given([created, { type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: ['SHA-256', 'MD5'] } }])
      .when(set(['MD5', 'SHA-256'])).then([{ type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: ['MD5', 'SHA-256'] } }]));
  it('refuses an empty list', () => spec.given([created]).when(set([])).thenRejects(ValidationFailed, [{ field: 'algorithms' }]));
  it('refuses an unknown algorithm', () =>
    spec.given([created]).when(set(['SHA-1'])).thenRejects(ValidationFailed, [{ field: 'algorithms', message: /SHA-1/ }]));
  it('refuses a repeated algorithm', () =>
    spec.given([created]).when(set(['MD5', 'MD5'])).thenRejects(ValidationFailed, [{ field: 'algorithms', message: /repeat/ }]));
  it('reports a trunk of another account as not found', () =>
    spec.given([created]).when({ ...set(['MD5']), accountId: 'globex' }).thenRejects(NotFound));
});

describe('SetLockoutPolicy', () => {
  const policy = { enabled: true, maxFailures: 5, windowSeconds: 30, lockoutSeconds: 600 };
  const set = (over: Record<string, unknown> = {}): TrunkCommand => ({ type: 'SetLockoutPolicy', accountId, trunkId, ...policy, ...over } as TrunkCommand);
  const policySet = (over: Record<string, unknown> = {}): TrunkEvent => ({ type: 'TrunkLockoutPolicySet', data: { trunkId, ...policy, ...over } } as TrunkEvent);

  it('records the whole policy', () => spec.given([created]).when(set()).then([policySet()]));
  it('records a policy that turns the lockout off', () =>
    spec.given([created, policySet()]).when(set({ enabled: false })).then([policySet({ enabled: false })]));
  it('records a policy equal to the default the first time, so the trunk keeps it if the default changes', () =>
    spec.given([created]).when(set({ maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 }))
      .then([policySet({ maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 })]));
  it('does nothing when the policy is unchanged', () => spec.given([created, policySet()]).when(set()).thenNothing());
  it('records a change of a single figure', () =>
    spec.given([created, policySet()]).when(set({ lockoutSeconds: 60 })).then([policySet({ lockoutSeconds: 60 })]));
  it.each([
    ['maxFailures', 0], ['maxFailures', 1001], ['maxFailures', 2.5],
    ['windowSeconds', 0], ['windowSeconds', 86_401],
    ['lockoutSeconds', 0], ['lockoutSeconds', 86_401], ['lockoutSeconds', '300'],
  ])('refuses %s = %p', (field, value) =>
    spec.given([created]).when(set({ [field]: value })).thenRejects(ValidationFailed, [{ field, message: /integer from 1 to/ }]));
  it('refuses an enabled flag that is not a boolean', () =>
    spec.given([created]).when(set({ enabled: 'yes' })).thenRejects(ValidationFailed, [{ field: 'enabled' }]));
  it('names every bad field at once', () =>
    spec.given([created]).when(set({ maxFailures: 0, windowSeconds: 0 }))
      .thenRejects(ValidationFailed, [{ field: 'maxFailures' }, { field: 'windowSeconds' }]));
  it('reports a trunk of another account as not found', () =>
    spec.given([created]).when(set({ accountId: 'globex' })).thenRejects(NotFound, [{ field: 'trunkId' }]));
  it('reports a deleted trunk as not found', () => spec.given([created, deleted]).when(set()).thenRejects(NotFound));
});

describe('AssignList', () => {
  const assign = (listKind: ListKind, listId: string, account = accountId): TrunkCommand => ({ type: 'AssignList', accountId: account, trunkId, listKind, listId });
  it('assigns a credential list', () =>
    spec.given([created]).when(assign('credentialList', credentialListId)).then([assigned('credentialList', credentialListId)]));
  it('assigns an IP access control list', () =>
    spec.given([created]).when(assign('ipAccessControlList', ipAccessControlListId)).then([assigned('ipAccessControlList', ipAccessControlListId)]));
  it('does nothing when the list is already assigned', () =>
    spec.given([created, assigned('credentialList', credentialListId)]).when(assign('credentialList', credentialListId)).thenNothing());
  it('refuses an unknown list kind', () =>
    spec.given([created]).when(assign('sipDomain' as ListKind, credentialListId)).thenRejects(ValidationFailed, [{ field: 'listKind' }]));
  it('reports a trunk of another account as not found', () =>
    spec.given([created]).when(assign('credentialList', credentialListId, 'globex')).thenRejects(NotFound));
  it('reports a deleted trunk as not found', () =>
    spec.given([created, deleted]).when(assign('credentialList', credentialListId)).thenRejects(NotFound));

  const fill = (listKind: ListKind, prefix: string): TrunkEvent[] =>
    Array.from({ length: MAX_LISTS_PER_TRUNK }, (_, i) => assigned(listKind, `${prefix}${i.toString(16).padStart(32, '0')}`));
  it(`refuses a list beyond the limit of ${MAX_LISTS_PER_TRUNK} of one kind`, () =>
    spec.given([created, ...fill('credentialList', 'CL')]).when(assign('credentialList', credentialListId))
      .thenRejects(Conflict, [{ field: 'listId', message: /maximum of 100 credential lists/ }]));
  it('counts the limit per kind', () =>
    spec.given([created, ...fill('credentialList', 'CL')]).when(assign('ipAccessControlList', ipAccessControlListId))
      .then([assigned('ipAccessControlList', ipAccessControlListId)]));
});

describe('UnassignList', () => {
  const unassign = (listKind: ListKind, listId: string, account = accountId): TrunkCommand => ({ type: 'UnassignList', accountId: account, trunkId, listKind, listId });
  it('unassigns an assigned list', () =>
    spec.given([created, assigned('credentialList', credentialListId)]).when(unassign('credentialList', credentialListId))
      .then([unassigned('credentialList', credentialListId)]));
  it('reports a list that is not assigned as not found', () =>
    spec.given([created]).when(unassign('credentialList', credentialListId)).thenRejects(NotFound, [{ field: 'listId' }]));
  it('reports a list assigned as the other kind as not found', () =>
    spec.given([created, assigned('credentialList', credentialListId)]).when(unassign('ipAccessControlList', credentialListId)).thenRejects(NotFound));
  it('reports a list already unassigned as not found', () =>
    spec.given([created, assigned('credentialList', credentialListId), unassigned('credentialList', credentialListId)])
      .when(unassign('credentialList', credentialListId)).thenRejects(NotFound));
  it('reports a trunk of another account as not found', () =>
    spec.given([created, assigned('credentialList', credentialListId)]).when(unassign('credentialList', credentialListId, 'globex'))
      .thenRejects(NotFound, [{ field: 'trunkId' }]));
});
