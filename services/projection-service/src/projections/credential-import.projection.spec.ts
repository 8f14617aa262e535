import { CREDENTIAL_CHUNKS, credentialChunkOf, keys, type CredentialChunkDoc, type CredentialListDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import { credentialIn, credentialsIn } from '../../test/apply-projection';
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

  it('puts each imported credential in its chunk, as an add would, and counts them on the list', () => {
    const docs = apply(start().events);
    expect(credentialIn(docs, ACCOUNT, LIST, idOf(1))).toMatchObject({ username: 'alice', realm: 'sipauth.test', ha1: sealed('a1'), createdAt: NOW });
    expect(credentialIn(docs, ACCOUNT, LIST, idOf(1))).not.toHaveProperty('md5Only');
    expect(credentialIn(docs, ACCOUNT, LIST, idOf(2))).toMatchObject({ username: 'bob', ha1: { 'MD5': 'k1.md5-only' }, md5Only: true });
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
    const doc = credentialIn(apply([...events, change]), ACCOUNT, LIST, idOf(2))!;
    expect(doc.ha1).toEqual(sealed('b2'));
    expect(doc).not.toHaveProperty('md5Only');
  });

  it('writes an import of 250 credentials as one put per chunk it touches, then the list', () => {
    const list = new StreamWriter(`credentialList-${LIST}`);
    const docs = apply([list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW })]);
    const credentials = Array.from({ length: 250 }, (_, i) => ({ credentialId: idOf(i + 1), username: `u${i}`, ha1: sealed(`h${i}`) }));
    const ops = project(list.record('CredentialsImported', { credentialListId: LIST, realm: 'sipauth.test', createdAt: NOW, credentials }), (k) => docs.get(k));
    const chunks = new Set(credentials.map((c) => credentialChunkOf(c.credentialId)));
    expect(ops.map((op) => op.op === 'put' && op.key)).toEqual([...[...chunks].map((c) => keys.credentialChunk(ACCOUNT, LIST, c)), keys.credentialList(ACCOUNT, LIST)]);
    expect(ops.length).toBeLessThanOrEqual(CREDENTIAL_CHUNKS + 1);
    const held = ops.flatMap((op) => (op.op === 'put' && 'chunk' in op.doc ? Object.keys((op.doc as CredentialChunkDoc).credentials) : []));
    expect(held.sort()).toEqual(credentials.map((c) => c.credentialId).sort());
  });

  it('holds a list at the maximum size (1,000 credentials, 4 imports) in its chunks, each far under 1 MB even with overlaps running', () => {
    const list = new StreamWriter(`credentialList-${LIST}`);
    const events = [list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW })];
    // Sealed values as long as real ones (AES-256-GCM of a 64-hex-digit HA1, base64url, with key id).
    const longSealed = (n: number) => ({ 'MD5': `k1.${'x'.repeat(120)}${n}`, 'SHA-256': `k1.${'y'.repeat(150)}${n}`, 'SHA-512-256': `k1.${'z'.repeat(150)}${n}` });
    for (let start = 0; start < 1000; start += 250) {
      events.push(list.record('CredentialsImported', {
        credentialListId: LIST, realm: 'sipauth.test', createdAt: NOW,
        credentials: Array.from({ length: 250 }, (_, i) => ({ credentialId: idOf(start + i + 1), username: `user-${start + i}`, ha1: longSealed(start + i) })),
      }));
    }
    for (let i = 1; i <= 1000; i += 1) {
      events.push(list.record('CredentialPasswordChanged', {
        credentialListId: LIST, credentialId: idOf(i), realm: 'sipauth.test', ha1: longSealed(-i), previousHa1: longSealed(i), previousValidUntil: NOW,
      }));
    }
    const docs = apply(events);
    expect(credentialsIn(docs, ACCOUNT, LIST)).toHaveLength(1000);
    expect((docs.get(keys.credentialList(ACCOUNT, LIST)) as CredentialListDoc).credentialCount).toBe(1000);
    const sizes = keys.credentialChunks(ACCOUNT, LIST).map((key) => Buffer.byteLength(JSON.stringify(docs.get(key))));
    expect(sizes).toHaveLength(CREDENTIAL_CHUNKS);
    expect(Math.max(...sizes)).toBeLessThan(256 * 1024);
  });
});
