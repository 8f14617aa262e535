import { credentialChunkOf, credentialOfChunk, credentialsOfChunk, keys, type CredentialChunkDoc, type CredentialDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';
import type { ReadModelDoc } from '../src/projections/projection.types';
import { project } from '../src/projections/read-model.projection';

/** Applies events the way the runner does, into a map standing in for the KV bucket. */
export function applyAll(events: RecordedEvent[], docs = new Map<string, ReadModelDoc>()): Map<string, ReadModelDoc> {
  for (const event of events) {
    for (const op of project(event, (k) => docs.get(k))) {
      if (op.op === 'put') docs.set(op.key, op.doc);
      else if (op.op === 'delete') docs.delete(op.key);
      else for (const k of [...docs.keys()]) if (k.startsWith(op.filter.slice(0, -1))) docs.delete(k);
    }
  }
  return docs;
}

/** One credential as its chunk holds it (undefined when absent), from documents by key. */
export function credentialIn(docs: Map<string, ReadModelDoc> | Record<string, unknown>, accountId: string, listId: string, credentialId: string): CredentialDoc | undefined {
  const key = keys.credentialChunk(accountId, listId, credentialChunkOf(credentialId));
  const chunk = (docs instanceof Map ? docs.get(key) : docs[key]) as CredentialChunkDoc | undefined;
  return credentialOfChunk(chunk, credentialId);
}

/** Every credential of a list's chunks, from documents by key. */
export function credentialsIn(docs: Map<string, ReadModelDoc> | Record<string, unknown>, accountId: string, listId: string): CredentialDoc[] {
  return keys.credentialChunks(accountId, listId).flatMap((key) => {
    const chunk = (docs instanceof Map ? docs.get(key) : docs[key]) as CredentialChunkDoc | undefined;
    return chunk ? credentialsOfChunk(chunk) : [];
  });
}
