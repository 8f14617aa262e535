import type { RecordedEvent } from '@sipauth/event-store';
import { credentialChunkOf, keys, type CredentialChunkDoc } from '@sipauth/contracts';
import { applyAll, credentialIn } from '../../test/apply-projection';
import { ACCOUNT, CRED, LIST, NOW, sealed, StreamWriter } from '../../test/recorded-events';
import type { ReadModelDoc } from './projection.types';
import { project } from './read-model.projection';

describe('the credential projection of password changes with an overlap (SPEC §5.2)', () => {
  const until = '2025-01-02T04:04:05.000Z';
  const start = () => {
    const list = new StreamWriter(`credentialList-${LIST}`);
    const events = [
      list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW }),
      list.record('CredentialAdded', { credentialListId: LIST, credentialId: CRED, username: 'alice', realm: 'sipauth.test', ha1: sealed('a1'), createdAt: NOW }),
    ];
    const change = (ha1: string, overlap?: { previousHa1: string; previousValidUntil: string }) =>
      list.record('CredentialPasswordChanged', {
        credentialListId: LIST, credentialId: CRED, realm: 'sipauth.test', ha1: sealed(ha1),
        ...(overlap ? { previousHa1: sealed(overlap.previousHa1), previousValidUntil: overlap.previousValidUntil } : {}),
      });
    return { list, events, change };
  };
  const apply = (events: RecordedEvent[], docs = new Map<string, ReadModelDoc>()): Map<string, ReadModelDoc> => {
    for (const event of events) {
      for (const op of project(event, (k) => docs.get(k))) {
        if (op.op === 'put') docs.set(op.key, op.doc);
        if (op.op === 'delete') docs.delete(op.key);
      }
    }
    return docs;
  };
  const credential = (docs: Map<string, ReadModelDoc>) => credentialIn(docs, ACCOUNT, LIST, CRED);

  it('keeps the replaced hashes, sealed as the event carries them, with the end of the overlap', () => {
    const { events, change } = start();
    const doc = credential(apply([...events, change('a2', { previousHa1: 'a1', previousValidUntil: until })]));
    expect(doc).toMatchObject({ ha1: sealed('a2'), previous: { ha1: sealed('a1'), validUntil: until } });
  });

  it('ends the overlap at once when a later change has none', () => {
    const { events, change } = start();
    const doc = credential(apply([...events, change('a2', { previousHa1: 'a1', previousValidUntil: until }), change('a3')]));
    expect(doc?.ha1).toEqual(sealed('a3'));
    expect(doc).not.toHaveProperty('previous');
  });

  it('replaces the overlap when a later change starts its own, so the first password stops counting', () => {
    const { events, change } = start();
    const later = '2025-01-02T05:00:00.000Z';
    const doc = credential(apply([...events, change('a2', { previousHa1: 'a1', previousValidUntil: until }), change('a3', { previousHa1: 'a2', previousValidUntil: later })]));
    expect(doc?.previous).toEqual({ ha1: sealed('a2'), validUntil: later });
  });

  it('keeps no previous hashes for a change without an overlap', () => {
    const { events, change } = start();
    expect(credential(apply([...events, change('a2')]))).not.toHaveProperty('previous');
  });

  it('ends the overlap with the credential when it is removed', () => {
    const { list, events, change } = start();
    const overlap = change('a2', { previousHa1: 'a1', previousValidUntil: until });
    const removed = list.record('CredentialRemoved', { credentialListId: LIST, credentialId: CRED });
    const docs = apply([...events, overlap]);
    expect(credential(docs)?.previous).toBeDefined();
    expect(credential(apply([removed], docs))).toBeUndefined();
  });

  it('applies nothing a second time when the change is delivered again', () => {
    const { events, change } = start();
    const overlap = change('a2', { previousHa1: 'a1', previousValidUntil: until });
    const docs = apply([...events, overlap, change('a3')]);
    expect(project(overlap, (k) => docs.get(k))).toEqual([]);
    expect(credential(docs)).not.toHaveProperty('previous');
  });
});

describe('the credential chunks of a list', () => {
  /** Ids that share one chunk, so that the tests below change one credential beside others. */
  const sameChunk = (count: number): string[] => {
    const ids: string[] = [];
    for (let n = 0; ids.length < count; n++) {
      const id = `CR${n.toString(16).padStart(32, '0')}`;
      if (credentialChunkOf(id) === credentialChunkOf(CRED)) ids.push(id);
    }
    return ids;
  };
  const chunkKey = keys.credentialChunk(ACCOUNT, LIST, credentialChunkOf(CRED));
  const start = () => {
    const list = new StreamWriter(`credentialList-${LIST}`);
    const [a, b, c] = sameChunk(3);
    const events = [
      list.record('CredentialListCreated', { credentialListId: LIST, accountId: ACCOUNT, friendlyName: 'Office', createdAt: NOW }),
      ...[a, b, c].map((credentialId, i) => list.record('CredentialAdded', { credentialListId: LIST, credentialId, username: `user${i}`, realm: 'sipauth.test', ha1: sealed(`h${i}`), createdAt: NOW })),
    ];
    return { list, events, ids: [a, b, c] };
  };

  it('changes one credential\'s password and leaves the others of its chunk as they were', () => {
    const { list, events, ids: [a, b, c] } = start();
    const before = applyAll(events);
    const after = applyAll([list.record('CredentialPasswordChanged', { credentialListId: LIST, credentialId: b, realm: 'sipauth.test', ha1: sealed('new') })], applyAll(events));
    expect(credentialIn(after, ACCOUNT, LIST, b)).toMatchObject({ ha1: sealed('new'), revision: 4 });
    for (const id of [a, c]) expect(credentialIn(after, ACCOUNT, LIST, id)).toEqual(credentialIn(before, ACCOUNT, LIST, id));
    expect(Object.keys((after.get(chunkKey) as CredentialChunkDoc).credentials)).toEqual([a, b, c]);
    expect(after.get(chunkKey)).toMatchObject({ revision: 4 });
  });

  it('removes one credential from its chunk, keeps the others, and keeps an emptied chunk as an empty document', () => {
    const { list, events, ids: [a, b, c] } = start();
    const docs = applyAll([...events, list.record('CredentialRemoved', { credentialListId: LIST, credentialId: b })]);
    expect(Object.keys((docs.get(chunkKey) as CredentialChunkDoc).credentials)).toEqual([a, c]);
    applyAll([a, c].map((credentialId) => list.record('CredentialRemoved', { credentialListId: LIST, credentialId })), docs);
    expect(docs.get(chunkKey)).toMatchObject({ credentials: {}, revision: 6 });
  });

  it('writes nothing to a chunk for the removal or password change of a credential it does not hold', () => {
    const { list, events } = start();
    const docs = applyAll(events);
    const [, , , stranger] = sameChunk(4);
    const ops = project(list.record('CredentialRemoved', { credentialListId: LIST, credentialId: stranger }), (k) => docs.get(k));
    expect(ops.map((op) => op.op === 'put' && op.key)).toEqual([keys.credentialList(ACCOUNT, LIST)]);
  });

  it('deletes every chunk of a deleted list, and nothing of another list', () => {
    const { list, events } = start();
    const other = new StreamWriter(`credentialList-CL${'7'.repeat(32)}`);
    const otherList = `CL${'7'.repeat(32)}`;
    const docs = applyAll([...events,
      other.record('CredentialListCreated', { credentialListId: otherList, accountId: ACCOUNT, friendlyName: 'Other', createdAt: NOW }),
      other.record('CredentialAdded', { credentialListId: otherList, credentialId: CRED, username: 'alice', realm: 'sipauth.test', ha1: sealed('x'), createdAt: NOW }),
      list.record('CredentialListDeleted', { credentialListId: LIST }),
    ]);
    expect(keys.credentialChunks(ACCOUNT, LIST).filter((key) => docs.has(key))).toEqual([]);
    expect(credentialIn(docs, ACCOUNT, otherList, CRED)).toMatchObject({ username: 'alice' });
  });
});
