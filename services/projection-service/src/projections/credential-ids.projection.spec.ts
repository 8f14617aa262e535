import { keys, type CredentialIdsDoc } from '@sipauth/contracts';
import { ACCOUNT, CRED, LIST, NOW, sealed, StreamWriter, credentialListHistory } from '../../test/recorded-events';
import type { ReadModelDoc } from './projection.types';
import { project } from './read-model.projection';
import { applyAll } from '../../test/apply-projection';

const membersOf = (docs: Map<string, ReadModelDoc>) => docs.get(keys.credentialIds(ACCOUNT, LIST)) as CredentialIdsDoc | undefined;
const idOf = (n: number): string => 'CR' + n.toString(16).padStart(32, '0');

describe("a credential list's members document (issue 14)", () => {
  it('holds exactly the ids and usernames of the credentials the list holds, after adds, a rename, a password change and a removal', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const events = credentialListHistory().map((e) => writer.recordEvent(e));
    const members = membersOf(applyAll(events));
    expect(members).toMatchObject({ credentialListId: LIST, accountId: ACCOUNT, credentials: { [CRED]: 'alice' } });
    expect(Object.keys(members!.credentials)).toEqual([CRED]);
    expect(members!.revision).toBe(events.find((e) => e.type === 'CredentialRemoved')!.revision);
  });

  it('gains every credential of an import in one write, and keeps them when the import is delivered again', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const created = writer.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW });
    const imported = writer.record('CredentialsImported', {
      credentialListId: LIST, realm: 'sipauth.test', createdAt: NOW,
      credentials: Array.from({ length: 250 }, (_, i) => ({ credentialId: idOf(i), username: `u${i}`, ha1: sealed(`h${i}`) })),
    });
    const docs = applyAll([created, imported]);
    const ops = project(imported, (k) => docs.get(k));
    expect(ops.filter((op) => op.op === 'put' && op.key === keys.credentialIds(ACCOUNT, LIST))).toHaveLength(0);
    const members = membersOf(docs)!;
    expect(Object.keys(members.credentials)).toHaveLength(250);
    expect(members.credentials[idOf(249)]).toBe('u249');
    expect(JSON.stringify(members)).not.toMatch(/h249|sealed/);
  });

  it('is written before its list document, which stays the last write of the event', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const created = writer.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW });
    const added = writer.record('CredentialAdded', { credentialListId: LIST, credentialId: CRED, username: 'alice', realm: 'sipauth.test', ha1: sealed('a1'), createdAt: NOW });
    const docs = applyAll([created]);
    const ops = project(added, (k) => docs.get(k)).map((op) => ('key' in op ? op.key : op.filter));
    expect(ops).toEqual([keys.credential(ACCOUNT, LIST, CRED), keys.credentialIds(ACCOUNT, LIST), keys.credentialList(ACCOUNT, LIST)]);
  });

  it('goes with its list, and is not brought back by a replay', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const events = [...credentialListHistory().map((e) => writer.recordEvent(e)), writer.record('CredentialListDeleted', { credentialListId: LIST })];
    const docs = applyAll(events);
    expect(membersOf(docs)).toBeUndefined();
    expect(membersOf(applyAll(events.slice(1), docs))).toBeUndefined();
  });

  it('is not started for a list that had none (a read model older than this code): a worker then reads the list another way', () => {
    const writer = new StreamWriter(`credentialList-${LIST}`);
    const [created, added] = credentialListHistory().slice(0, 2).map((e) => writer.recordEvent(e));
    const docs = applyAll([created]);
    docs.delete(keys.credentialIds(ACCOUNT, LIST));
    expect(membersOf(applyAll([added], docs))).toBeUndefined();
  });
});
