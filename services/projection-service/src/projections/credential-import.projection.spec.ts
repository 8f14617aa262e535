import { keys, type CredentialDoc, type CredentialListDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import { ACCOUNT, LIST, NOW, sealed, StreamWriter } from '../../test/recorded-events';
import type { ReadModelDoc } from './projection.types';
import { project } from './read-model.projection';

const idOf = (n: number): string => 'CR' + n.toString(16).padStart(32, '0');

function apply(events: RecordedEvent[], docs = new Map<string, ReadModelDoc>()): Map<string, ReadModelDoc> {
  for (const event of events) {
    for (const op of project(event, (k) => docs.get(k))) {
      if (op.op === 'put') docs.set(op.key, op.doc);
      if (op.op === 'delete') docs.delete(op.key);
    }
  }
  return docs;
}

describe('the credential projection of an import (issue 14)', () => {
  const start = () => {
    const list = new StreamWriter(`credentialList-${LIST}`);
    const created = list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW });
    const imported = list.record('CredentialsImported', {
      credentialListId: LIST, realm: 'sipauth.test', createdAt: NOW,
      credentials: [
        { credentialId: idOf(1), username: 'alice', ha1: sealed('a1') },
        { credentialId: idOf(2), username: 'bob', ha1: { 'MD5': 'k1.md5-only' }, md5Only: true },
      ],
    });
    return { list, events: [created, imported] };
  };

  it('writes one credential document per imported credential, as an add would, and counts them on the list', () => {
    const docs = apply(start().events);
    expect(docs.get(keys.credential(ACCOUNT, LIST, idOf(1)))).toMatchObject({ username: 'alice', realm: 'sipauth.test', ha1: sealed('a1'), createdAt: NOW });
    expect(docs.get(keys.credential(ACCOUNT, LIST, idOf(1)))).not.toHaveProperty('md5Only');
    expect(docs.get(keys.credential(ACCOUNT, LIST, idOf(2)))).toMatchObject({ username: 'bob', ha1: { 'MD5': 'k1.md5-only' }, md5Only: true });
    expect((docs.get(keys.credentialList(ACCOUNT, LIST)) as CredentialListDoc).credentialCount).toBe(2);
  });

  it('changes nothing when the import is delivered again', () => {
    const { events } = start();
    const once = apply(events);
    const snapshot = JSON.stringify([...once]);
    expect(JSON.stringify([...apply([events[1]], once)])).toBe(snapshot);
  });

  it('drops the MD5-only mark when the imported credential gets a password', () => {
    const { list, events } = start();
    const change = list.record('CredentialPasswordChanged', { credentialListId: LIST, credentialId: idOf(2), realm: 'sipauth.test', ha1: sealed('b2') });
    const doc = apply([...events, change]).get(keys.credential(ACCOUNT, LIST, idOf(2))) as CredentialDoc;
    expect(doc.ha1).toEqual(sealed('b2'));
    expect(doc).not.toHaveProperty('md5Only');
  });
});
