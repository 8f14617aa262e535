import { keys, type CredentialDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import { ACCOUNT, CRED, LIST, NOW, sealed, StreamWriter } from '../../test/recorded-events';
import type { ReadModelDoc } from './projection.types';
import { project } from './read-model.projection';

describe('the credential projection of password changes with an overlap (SPEC §5.2)', () => {
  const key = keys.credential(ACCOUNT, LIST, CRED);
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
  const credential = (docs: Map<string, ReadModelDoc>) => docs.get(key) as CredentialDoc | undefined;

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
