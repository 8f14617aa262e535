import type { SealedHa1s } from '../common';
import { Conflict, NotFound, ValidationFailed } from '../errors';
import { MAX_CREDENTIALS_PER_LIST } from '../rules';
import { DeciderSpecification } from '../testing';
import type { AddCredential, CredentialListCommand } from './credential-list.commands';
import { credentialListDecider } from './credential-list.decider';
import type { CredentialAdded, CredentialListEvent } from './credential-list.events';

const spec = DeciderSpecification.for(credentialListDecider);
const accountId = 'acme';
const credentialListId = 'CL' + '1'.repeat(32);
const credentialId = 'CR' + 'a'.repeat(32);
const otherCredentialId = 'CR' + 'b'.repeat(32);
const trunkId = 'TK' + 'c'.repeat(32);
const now = '2025-01-01T00:00:00.000Z';
const realm = 'sipauth.local';
const ha1: SealedHa1s = { 'MD5': 'k1.sealed-md5', 'SHA-256': 'k1.sealed-sha256', 'SHA-512-256': 'k1.sealed-sha512' };
const newHa1: SealedHa1s = { 'MD5': 'k1.new-md5', 'SHA-256': 'k1.new-sha256', 'SHA-512-256': 'k1.new-sha512' };

const create: CredentialListCommand = {
  type: 'CreateCredentialList', accountId, credentialListId, friendlyName: 'Office phones', now,
  credentialId, username: 'alice', realm, ha1,
};
const created: CredentialListEvent = { type: 'CredentialListCreated', data: { credentialListId, accountId, friendlyName: 'Office phones', createdAt: now } };
const credentialAdded = (id: string, username: string): CredentialAdded =>
  ({ type: 'CredentialAdded', data: { credentialListId, credentialId: id, username, realm, ha1, createdAt: now } });
const existing: CredentialListEvent[] = [created, credentialAdded(credentialId, 'alice')];
const deleted: CredentialListEvent = { type: 'CredentialListDeleted', data: { credentialListId } };
const attached: CredentialListEvent = { type: 'TrunkAssigned', data: { trunkId, listKind: 'credentialList', listId: credentialListId } };
const detached: CredentialListEvent = { type: 'TrunkUnassigned', data: { trunkId, listKind: 'credentialList', listId: credentialListId } };
const add = (username: string, id = otherCredentialId, account = accountId): AddCredential =>
  ({ type: 'AddCredential', accountId: account, credentialListId, credentialId: id, username, realm, ha1, now });

describe('CreateCredentialList', () => {
  it('creates the list together with its first credential', () =>
    spec.given([]).when(create).then(existing));

  it('names every bad field at once', () =>
    spec.given([]).when({ ...create, friendlyName: '', username: 'al ice', accountId: '-bad' })
      .thenRejects(ValidationFailed, [{ field: 'friendlyName' }, { field: 'username' }, { field: 'accountId' }]));

  it('does nothing when the same list is created again (a retry)', () =>
    spec.given(existing).when({ ...create, now: '2025-01-02T00:00:00.000Z' }).thenNothing());

  it('refuses to create a list whose id exists with other data', () =>
    spec.given(existing).when({ ...create, friendlyName: 'Other' }).thenRejects(Conflict, [{ field: 'credentialListId' }]));

  it('refuses to create a list whose id exists in another account', () =>
    spec.given(existing).when({ ...create, accountId: 'globex' }).thenRejects(Conflict));

  it('refuses to re-create a deleted list', () =>
    spec.given([...existing, deleted]).when(create).thenRejects(Conflict));
});

describe('RenameCredentialList', () => {
  const rename: CredentialListCommand = { type: 'RenameCredentialList', accountId, credentialListId, friendlyName: 'Branch phones' };

  it('renames the list', () =>
    spec.given(existing).when(rename).then([{ type: 'CredentialListRenamed', data: { credentialListId, friendlyName: 'Branch phones' } }]));

  it('does nothing when the name is unchanged', () =>
    spec.given(existing).when({ ...rename, friendlyName: 'Office phones' }).thenNothing());

  it('refuses a name with control characters', () =>
    spec.given(existing).when({ ...rename, friendlyName: 'a\u0007b' }).thenRejects('VALIDATION_FAILED', [{ field: 'friendlyName', message: /printable/ }]));

  it('reports a list that does not exist as not found', () =>
    spec.given([]).when(rename).thenRejects(NotFound, [{ field: 'credentialListId' }]));

  it('reports a list of another account as not found', () =>
    spec.given(existing).when({ ...rename, accountId: 'globex' }).thenRejects(NotFound));

  it('reports a deleted list as not found', () =>
    spec.given([...existing, deleted]).when(rename).thenRejects(NotFound));
});

describe('DeleteCredentialList', () => {
  const del: CredentialListCommand = { type: 'DeleteCredentialList', accountId, credentialListId };
  const otherTrunkId = 'TK' + 'd'.repeat(32);

  it('deletes a list that no trunk uses, with only the Deleted event', () =>
    spec.given(existing).when(del).then([deleted]));

  it('deletes a list once it has been detached from its trunk', () =>
    spec.given([...existing, attached, detached]).when(del).then([deleted]));

  it('refuses to delete an assigned list, naming every blocking trunk', () =>
    spec.given([...existing, attached, { type: 'TrunkAssigned', data: { trunkId: otherTrunkId, listKind: 'credentialList', listId: credentialListId } }])
      .when(del).thenRejects(Conflict, [{ field: 'trunkId', message: trunkId }, { field: 'trunkId', message: otherTrunkId }]));

  it('reports a list of another account as not found', () =>
    spec.given(existing).when({ ...del, accountId: 'globex' }).thenRejects(NotFound));

  it('reports an already deleted list as not found', () =>
    spec.given([...existing, deleted]).when(del).thenRejects(NotFound));
});

describe('AddCredential', () => {
  it('adds a credential', () =>
    spec.given(existing).when(add('bob')).then([credentialAdded(otherCredentialId, 'bob')]));

  it('refuses a username with characters outside the allowed set', () =>
    spec.given(existing).when(add('bob@example')).thenRejects(ValidationFailed, [{ field: 'username' }]));

  it('refuses a username that differs from an existing one only in case', () =>
    spec.given(existing).when(add('ALICE')).thenRejects(Conflict, [{ field: 'username' }]));

  it('does nothing when the same credential is added again (a retry with freshly sealed hashes)', () =>
    spec.given(existing).when({ ...add('alice', credentialId), ha1: newHa1 }).thenNothing());

  it('refuses to reuse a credential id for another username', () =>
    spec.given(existing).when(add('bob', credentialId)).thenRejects(Conflict, [{ field: 'credentialId' }]));

  it('accepts a username again once the credential holding it was removed', () =>
    spec.given([...existing, { type: 'CredentialRemoved', data: { credentialListId, credentialId } }])
      .when(add('Alice')).then([credentialAdded(otherCredentialId, 'Alice')]));

  it(`refuses a credential beyond the limit of ${MAX_CREDENTIALS_PER_LIST} per list`, () => {
    const full = [created, ...Array.from({ length: MAX_CREDENTIALS_PER_LIST }, (_, i) => credentialAdded(`CR${i.toString(16).padStart(32, '0')}`, `user${i}`))];
    spec.given(full).when(add('one-too-many')).thenRejects(Conflict, [{ field: 'credentialListId', message: /maximum of 1000/ }]);
  });

  it('accepts the last credential up to the limit', () => {
    const almostFull = [created, ...Array.from({ length: MAX_CREDENTIALS_PER_LIST - 1 }, (_, i) => credentialAdded(`CR${i.toString(16).padStart(32, '0')}`, `user${i}`))];
    spec.given(almostFull).when(add('last')).then([credentialAdded(otherCredentialId, 'last')]);
  });

  it('reports a list of another account as not found', () =>
    spec.given(existing).when(add('bob', otherCredentialId, 'globex')).thenRejects(NotFound));

  it('reports a list that does not exist as not found', () =>
    spec.given([]).when(add('bob')).thenRejects(NotFound));
});

describe('ChangeCredentialPassword', () => {
  const change: CredentialListCommand = { type: 'ChangeCredentialPassword', accountId, credentialListId, credentialId, realm, ha1: newHa1, now };
  const later = '2025-01-01T01:00:00.000Z';
  const changed = (data: object): CredentialListEvent =>
    ({ type: 'CredentialPasswordChanged', data: { credentialListId, credentialId, realm, ...data } } as CredentialListEvent);

  it('records the newly sealed hashes', () =>
    spec.given(existing).when(change).then([{ type: 'CredentialPasswordChanged', data: { credentialListId, credentialId, realm, ha1: newHa1 } }]));

  it('always records a change, since sealed hashes cannot be compared', () =>
    spec.given(existing).when({ ...change, ha1 }).then([{ type: 'CredentialPasswordChanged', data: { credentialListId, credentialId, realm, ha1 } }]));

  it('reports an unknown credential as not found', () =>
    spec.given(existing).when({ ...change, credentialId: otherCredentialId }).thenRejects(NotFound, [{ field: 'credentialId' }]));

  it('reports a removed credential as not found', () =>
    spec.given([...existing, { type: 'CredentialRemoved', data: { credentialListId, credentialId } }]).when(change).thenRejects(NotFound));

  it('reports a list of another account as not found', () =>
    spec.given(existing).when({ ...change, accountId: 'globex' }).thenRejects(NotFound, [{ field: 'credentialListId' }]));

  describe('with an overlap (SPEC §5.2)', () => {
    it('carries the sealed hashes being replaced and until when they still count, from the time in the command', () =>
      spec.given(existing).when({ ...change, previousPasswordValidForSeconds: 3600 })
        .then([changed({ ha1: newHa1, previousHa1: ha1, previousValidUntil: '2025-01-01T01:00:00.000Z' })]));

    it('carries the hashes in force at the second change, not those the first one replaced', () =>
      spec.given([...existing, changed({ ha1: newHa1, previousHa1: ha1, previousValidUntil: later })])
        .when({ ...change, ha1: { ...newHa1, MD5: 'k1.third-md5' }, now: later, previousPasswordValidForSeconds: 60 })
        .then([changed({ ha1: { ...newHa1, MD5: 'k1.third-md5' }, previousHa1: newHa1, previousValidUntil: '2025-01-01T01:01:00.000Z' })]));

    it('records no previous hashes for an overlap of 0 seconds, the default', () =>
      spec.given(existing).when({ ...change, previousPasswordValidForSeconds: 0 }).then([changed({ ha1: newHa1 })]));

    it('accepts the longest overlap, one week', () =>
      spec.given(existing).when({ ...change, previousPasswordValidForSeconds: 604_800 })
        .then([changed({ ha1: newHa1, previousHa1: ha1, previousValidUntil: '2025-01-08T00:00:00.000Z' })]));

    it.each([-1, 604_801, 1.5, '60'])('refuses an overlap of %p seconds, naming the field', (seconds) =>
      spec.given(existing).when({ ...change, previousPasswordValidForSeconds: seconds } as CredentialListCommand)
        .thenRejects(ValidationFailed, [{ field: 'previousPasswordValidForSeconds', message: /integer from 0 to 604800/ }]));

    it('reports an unknown credential as not found rather than recording an overlap', () =>
      spec.given(existing).when({ ...change, credentialId: otherCredentialId, previousPasswordValidForSeconds: 60 })
        .thenRejects(NotFound, [{ field: 'credentialId' }]));
  });
});

describe('RemoveCredential', () => {
  const remove: CredentialListCommand = { type: 'RemoveCredential', accountId, credentialListId, credentialId };

  it('removes a credential', () =>
    spec.given(existing).when(remove).then([{ type: 'CredentialRemoved', data: { credentialListId, credentialId } }]));

  it('reports an unknown credential as not found', () =>
    spec.given(existing).when({ ...remove, credentialId: otherCredentialId }).thenRejects(NotFound, [{ field: 'credentialId' }]));

  it('reports a list of another account as not found', () =>
    spec.given(existing).when({ ...remove, accountId: 'globex' }).thenRejects(NotFound));

  it('reports a deleted list as not found', () =>
    spec.given([...existing, deleted]).when(remove).thenRejects(NotFound));
});

describe('AttachCredentialListToTrunk and DetachCredentialListFromTrunk', () => {
  const attach: CredentialListCommand = { type: 'AttachCredentialListToTrunk', accountId, credentialListId, trunkId };
  const detach: CredentialListCommand = { type: 'DetachCredentialListFromTrunk', accountId, credentialListId, trunkId };

  it('records the trunk on the list', () => spec.given(existing).when(attach).then([attached]));
  it('does nothing when the trunk is already attached', () => spec.given([...existing, attached]).when(attach).thenNothing());
  it('refuses to attach a list of another account, as not found', () =>
    spec.given(existing).when({ ...attach, accountId: 'globex' }).thenRejects(NotFound));
  it('refuses to attach a deleted list, as not found', () =>
    spec.given([...existing, deleted]).when(attach).thenRejects(NotFound));

  it('detaches an attached trunk', () => spec.given([...existing, attached]).when(detach).then([detached]));
  it('does nothing when detaching a trunk that is not attached', () => spec.given(existing).when(detach).thenNothing());
  it('refuses to detach on a list of another account, as not found', () =>
    spec.given([...existing, attached]).when({ ...detach, accountId: 'globex' }).thenRejects(NotFound));
});
