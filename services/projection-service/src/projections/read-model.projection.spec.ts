import type { RecordedEvent } from '@sipauth/event-store';
import { credentialChunkOf, keys, type CredentialListDoc, type TrunkDoc } from '@sipauth/contracts';
import { project, UnreadableEvent } from './read-model.projection';
import { tombstoneKey, type ReadModelDoc } from './projection.types';
import { ACCOUNT, ACL, ADDR, CRED, LIST, NOW, StreamWriter, TRUNK, credentialListHistory, sealed, type KnownEvent } from '../../test/recorded-events';
import { applyAll, credentialIn, credentialsIn } from '../../test/apply-projection';

const recordAll = (streamName: string, history: KnownEvent[]): RecordedEvent[] => {
  const writer = new StreamWriter(streamName);
  return history.map((e) => writer.recordEvent(e));
};

describe('the read-model projection', () => {
  const listEvents = recordAll(`credentialList-${LIST}`, credentialListHistory());

  it('keeps a credential list document with its count, name and assigned trunks', () => {
    const list = applyAll(listEvents).get(keys.credentialList(ACCOUNT, LIST)) as CredentialListDoc;
    expect(list).toMatchObject({
      credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Head office', credentialCount: 1,
      assignedTrunkIds: [TRUNK], createdAt: NOW, revision: 6, position: listEvents[6].position,
    });
  });

  it('keeps each credential in its chunk with the sealed HA1s exactly as the event carried them', () => {
    const docs = applyAll(listEvents);
    const credential = credentialIn(docs, ACCOUNT, LIST, CRED);
    expect(credential).toMatchObject({ credentialId: CRED, username: 'alice', realm: 'sipauth.test', ha1: sealed('a2'), revision: 4 });
    expect(credentialsIn(docs, ACCOUNT, LIST).map((c) => c.credentialId)).toEqual([CRED]);
  });

  it('removes a deleted list together with every credential in it', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const events = credentialListHistory().map((e) => writer.recordEvent(e));
    const docs = applyAll([...events, writer.record('CredentialListDeleted', { credentialListId: LIST })]);
    expect([...docs.keys()]).toEqual([tombstoneKey(keys.credentialList(ACCOUNT, LIST))]);
    expect(docs.get(tombstoneKey(keys.credentialList(ACCOUNT, LIST)))).toMatchObject({ deleted: true, revision: events.length });
  });

  it('never brings a deleted list or any of its credentials back while its history is replayed from any point', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const events = [...credentialListHistory().map((e) => writer.recordEvent(e)), writer.record('CredentialListDeleted', { credentialListId: LIST })];
    for (let from = 0; from < events.length; from++) {
      const docs = applyAll(events);
      for (const event of events.slice(from)) {
        const ops = project(event, (k) => docs.get(k));
        expect(ops.filter((op) => op.op === 'put')).toEqual([]);
        applyAll([event], docs);
      }
    }
  });

  it('finishes a deletion cut short after its tombstone was written', () => {
    const writer = new StreamWriter(`ipAcl-${ACL}`);
    const created = writer.record('IpAccessControlListCreated', { ipAccessControlListId: ACL, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW });
    const deleted = writer.record('IpAccessControlListDeleted', { ipAccessControlListId: ACL });
    const docs = applyAll([created]);
    const [tombstone] = project(deleted, (k) => docs.get(k)).filter((op) => op.op === 'put');
    if (tombstone.op === 'put') docs.set(tombstone.key, tombstone.doc);
    const again = project(deleted, (k) => docs.get(k));
    expect(again).toContainEqual({ op: 'delete', key: keys.ipAcl(ACCOUNT, ACL) });
    expect(again.filter((op) => op.op === 'put')).toEqual([]);
  });

  it('routes an assignment on the trunk stream to the trunk and on the list stream to the list', () => {
    const trunk = new StreamWriter(`trunk-${TRUNK}`);
    const acl = new StreamWriter(`ipAcl-${ACL}`);
    const docs = applyAll([
      trunk.record('TrunkCreated', { trunkId: TRUNK, accountId: ACCOUNT, friendlyName: 'Main', domainName: 'acme.pstn.example.net', createdAt: NOW }),
      acl.record('IpAccessControlListCreated', { ipAccessControlListId: ACL, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW }),
      acl.record('TrunkAssigned', { trunkId: TRUNK, listKind: 'ipAccessControlList', listId: ACL }),
      trunk.record('TrunkAssigned', { trunkId: TRUNK, listKind: 'ipAccessControlList', listId: ACL }),
      trunk.record('TrunkAssigned', { trunkId: TRUNK, listKind: 'credentialList', listId: LIST }),
    ]);
    expect(docs.get(keys.trunk(ACCOUNT, TRUNK))).toMatchObject({ ipAccessControlListIds: [ACL], credentialListIds: [LIST] });
    expect(docs.get(keys.ipAcl(ACCOUNT, ACL))).toMatchObject({ assignedTrunkIds: [TRUNK], ipAddressCount: 0 });
  });

  it('keeps a trunk document through rename, algorithm order, unassignment and deletion', () => {
    const trunk = new StreamWriter(`trunk-${TRUNK}`);
    const events = [
      trunk.record('TrunkCreated', { trunkId: TRUNK, accountId: ACCOUNT, friendlyName: 'Main', domainName: 'acme.pstn.example.net', createdAt: NOW }),
      trunk.record('TrunkRenamed', { trunkId: TRUNK, friendlyName: 'Primary' }),
      trunk.record('TrunkDigestAlgorithmsSet', { trunkId: TRUNK, algorithms: ['SHA-512-256', 'MD5'] }),
      trunk.record('TrunkAssigned', { trunkId: TRUNK, listKind: 'credentialList', listId: LIST }),
      trunk.record('TrunkUnassigned', { trunkId: TRUNK, listKind: 'credentialList', listId: LIST }),
    ];
    const docs = applyAll(events);
    expect(docs.get(keys.trunk(ACCOUNT, TRUNK)) as TrunkDoc).toMatchObject({
      friendlyName: 'Primary', domainName: 'acme.pstn.example.net', digestAlgorithms: ['SHA-512-256', 'MD5'],
      credentialListIds: [], ipAccessControlListIds: [], revision: 4,
    });
    const deleted = trunk.record('TrunkDeleted', { trunkId: TRUNK, domainName: 'acme.pstn.example.net', credentialListIds: [], ipAccessControlListIds: [] });
    expect(applyAll([deleted], docs).has(keys.trunk(ACCOUNT, TRUNK))).toBe(false);
  });

  it('keeps IP addresses as their own documents and counts them on the ACL', () => {
    const acl = new StreamWriter(`ipAcl-${ACL}`);
    const other = `IP${'8'.repeat(32)}`;
    const docs = applyAll([
      acl.record('IpAccessControlListCreated', { ipAccessControlListId: ACL, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW }),
      acl.record('IpAddressAdded', { ipAccessControlListId: ACL, ipAddressId: ADDR, friendlyName: 'LAN', ipAddress: '10.1.2.0', cidrPrefixLength: 24, createdAt: NOW }),
      acl.record('IpAddressAdded', { ipAccessControlListId: ACL, ipAddressId: other, friendlyName: 'v6', ipAddress: '2001:db8::', cidrPrefixLength: 32, createdAt: NOW }),
      acl.record('IpAddressRemoved', { ipAccessControlListId: ACL, ipAddressId: other }),
      acl.record('IpAccessControlListRenamed', { ipAccessControlListId: ACL, friendlyName: 'Branch' }),
    ]);
    expect(docs.get(keys.ipAcl(ACCOUNT, ACL))).toMatchObject({ friendlyName: 'Branch', ipAddressCount: 1, revision: 4 });
    expect(docs.get(keys.ipAddress(ACCOUNT, ACL, ADDR))).toMatchObject({ ipAddress: '10.1.2.0', cidrPrefixLength: 24, friendlyName: 'LAN', revision: 1 });
    expect(docs.has(keys.ipAddress(ACCOUNT, ACL, other))).toBe(false);
    const deleted = applyAll([acl.record('IpAccessControlListDeleted', { ipAccessControlListId: ACL })], docs);
    expect([...deleted.keys()]).toEqual([tombstoneKey(keys.ipAcl(ACCOUNT, ACL))]);
  });

  it('changes no document for a domain reservation', () => {
    const reservation = new StreamWriter('trunkDomain-acme.pstn.example.net');
    expect(project(reservation.record('TrunkDomainReserved', { domainName: 'acme.pstn.example.net', trunkId: TRUNK, accountId: ACCOUNT }), () => undefined)).toEqual([]);
  });

  it('refuses, naming the event, an unknown event type, a schema version newer than the code, and a stream of no aggregate', () => {
    const unknownType = new StreamWriter(`trunk-${TRUNK}`).recordRaw('SomethingNew', { trunkId: TRUNK });
    expect(() => project(unknownType, () => undefined)).toThrow(UnreadableEvent);
    expect(() => project(unknownType, () => undefined)).toThrow(new RegExp(`trunk-${TRUNK}@0 .*type SomethingNew.*not known`));
    const renamed = new StreamWriter(`trunk-${TRUNK}`).record('TrunkRenamed', { trunkId: TRUNK, friendlyName: 'x' });
    const newer = { ...renamed, metadata: { ...renamed.metadata, schemaVersion: 2 } };
    expect(() => project(newer, () => undefined)).toThrow(/schemaVersion 2/);
    expect(() => project(new StreamWriter('order-1').recordRaw('OrderPlaced', {}), () => undefined)).toThrow(UnreadableEvent);
  });

  it('applies nothing a second time when an event is delivered again', () => {
    const docs = applyAll(listEvents);
    for (const event of listEvents) expect(project(event, (k) => docs.get(k))).toEqual([]);
  });

  it('converges to the same documents when any suffix of the history is replayed', () => {
    const once = applyAll(listEvents);
    for (let from = 0; from < listEvents.length; from++) {
      const replayed = applyAll(listEvents.slice(from), applyAll(listEvents));
      expect(replayed).toEqual(once);
    }
  });

  it('finishes an event whose child was written before a crash but whose parent was not', () => {
    const [created, added] = listEvents;
    const docs = applyAll([created]);
    const [childPut] = project(added, (k) => docs.get(k));
    expect(childPut).toMatchObject({ op: 'put', key: keys.credentialChunk(ACCOUNT, LIST, credentialChunkOf(CRED)) });
    if (childPut.op === 'put') docs.set(childPut.key, childPut.doc);
    expect(project(added, (k) => docs.get(k))).toEqual([
      expect.objectContaining({ op: 'put', key: keys.credentialList(ACCOUNT, LIST) }),
    ]);
  });

  it('does not recreate a removed credential when its addition is delivered again', () => {
    const docs = applyAll(listEvents);
    const removedAddition = listEvents[3];
    expect(project(removedAddition, (k) => docs.get(k))).toEqual([]);
  });

  it('takes the account from the metadata for events that do not carry it', () => {
    const [created, added] = listEvents;
    const docs = applyAll([created, added]);
    expect(credentialIn(docs, ACCOUNT, LIST, CRED)).toMatchObject({ accountId: ACCOUNT });
  });
});
