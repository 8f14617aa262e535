/**
 * Credential list stream (`credentialList-<id>`) → the list document (name, credential count,
 * assigned trunks) and the list's credential chunks (`keys.credentialChunk`, issue 14): each credential
 * lives in the chunk its id hashes to (`credentialChunkOf`), with its sealed HA1s exactly as the event
 * carries them (an imported credential exactly as if it had been added), and the replaced password's
 * HA1s while an overlap runs (`previous`; the worker checks `validUntil` against its own clock).
 *
 * An event writes each chunk it touches once (an import of 250 credentials: at most CREDENTIAL_CHUNKS
 * puts, not 250), then the list document, which stays the parent: a list document at or past the
 * event's revision proves its chunks were written too. Chunks and their entries record the list
 * stream's revision; a chunk emptied by removals stays, empty; a deleted list's chunks are deleted.
 */
import { credentialChunkOf, keys, type ChunkedCredential, type CredentialChunkDoc, type CredentialListDoc } from '@sipauth/contracts';
import type { CredentialListEvent } from '@sipauth/domain';
import {
  noPlan, stampOf, withId, withoutId,
  type Evolved, type Plan, type Recorded,
} from './projection.types';

type Event = Recorded<CredentialListEvent>;

/** The next state of a credential list's document. */
export function evolveCredentialList(doc: CredentialListDoc | undefined, event: Event, accountId: string): Evolved<CredentialListDoc> {
  const stamp = stampOf(event);
  if (event.type === 'CredentialListCreated') {
    const { credentialListId, friendlyName, createdAt } = event.data;
    return { credentialListId, accountId, friendlyName, credentialCount: 0, assignedTrunkIds: [], createdAt, ...stamp };
  }
  if (!doc) return undefined;
  switch (event.type) {
    case 'CredentialListRenamed':
      return { ...doc, friendlyName: event.data.friendlyName, ...stamp };
    case 'CredentialListDeleted':
      return null;
    case 'CredentialAdded':
      return { ...doc, credentialCount: doc.credentialCount + 1, ...stamp };
    case 'CredentialsImported':
      return { ...doc, credentialCount: doc.credentialCount + event.data.credentials.length, ...stamp };
    case 'CredentialRemoved':
      return { ...doc, credentialCount: Math.max(0, doc.credentialCount - 1), ...stamp };
    case 'CredentialPasswordChanged':
      // Nothing on the list changes, but the revision advances so that redelivery stays a no-op.
      return { ...doc, ...stamp };
    case 'TrunkAssigned':
      return { ...doc, assignedTrunkIds: withId(doc.assignedTrunkIds, event.data.trunkId), ...stamp };
    case 'TrunkUnassigned':
      return { ...doc, assignedTrunkIds: withoutId(doc.assignedTrunkIds, event.data.trunkId), ...stamp };
    default:
      // Unknown types never get here (upcasting refuses them); this one leaves the document as it is.
      return undefined;
  }
}

/** The next state of one credential's entry (only events naming that credential reach it); null removes it. */
export function evolveCredential(entry: ChunkedCredential | undefined, event: Event): Evolved<ChunkedCredential> {
  const stamp = stampOf(event);
  switch (event.type) {
    case 'CredentialAdded': {
      const { username, realm, ha1, createdAt } = event.data;
      return { username, realm, ha1: { ...ha1 }, createdAt, ...stamp };
    }
    case 'CredentialPasswordChanged': {
      if (!entry) return undefined;
      // Every change replaces any overlap: a change without one ends the running one at once (SPEC §5.2).
      // A new password gives every algorithm's HA1: an imported MD5-only credential is one no longer.
      const { previous: _ended, md5Only: _derived, ...current } = entry;
      const { realm, ha1, previousHa1, previousValidUntil } = event.data;
      const previous = previousHa1 && previousValidUntil ? { previous: { ha1: { ...previousHa1 }, validUntil: previousValidUntil } } : {};
      return { ...current, realm, ha1: { ...ha1 }, ...previous, ...stamp };
    }
    case 'CredentialRemoved':
      return entry ? null : undefined;
    default:
      return undefined;
  }
}

/** The entries an event sets or removes in one chunk: credential id → its next entry (null: removed). */
type ChunkEdits = Map<string, (current: ChunkedCredential | undefined) => Evolved<ChunkedCredential>>;

/** The next state of one chunk: its entries edited in the event's order; unchanged when no entry changed. */
export function evolveChunk(doc: CredentialChunkDoc | undefined, event: Event, accountId: string, chunk: number, edits: ChunkEdits): Evolved<CredentialChunkDoc> {
  const credentials = { ...doc?.credentials };
  let changed = false;
  for (const [credentialId, edit] of edits) {
    const current = Object.prototype.hasOwnProperty.call(credentials, credentialId) ? credentials[credentialId] : undefined;
    const next = edit(current);
    if (next === undefined) continue;
    changed = true;
    if (next === null) delete credentials[credentialId];
    else credentials[credentialId] = next;
  }
  if (!changed) return undefined;
  const { credentialListId } = event.data as { credentialListId: string };
  return { credentialListId, accountId, chunk, credentials, ...stampOf(event) };
}

/** The entry edits of one event, grouped by the chunk they fall in. */
function chunkEdits(event: Event): Map<number, ChunkEdits> {
  const byChunk = new Map<number, ChunkEdits>();
  const edit = (credentialId: string, next: (current: ChunkedCredential | undefined) => Evolved<ChunkedCredential>): void => {
    const chunk = credentialChunkOf(credentialId);
    let edits = byChunk.get(chunk);
    if (!edits) byChunk.set(chunk, (edits = new Map()));
    edits.set(credentialId, next);
  };
  if (event.type === 'CredentialAdded' || event.type === 'CredentialPasswordChanged' || event.type === 'CredentialRemoved') {
    edit(event.data.credentialId, (current) => evolveCredential(current, event));
  } else if (event.type === 'CredentialsImported') {
    const { realm, createdAt } = event.data;
    const stamp = stampOf(event);
    // The decider saw every id free: an entry already there can only be this event's own earlier write.
    for (const { credentialId, username, ha1, md5Only } of event.data.credentials) {
      edit(credentialId, (current) => (current ? undefined : { username, realm, ha1: { ...ha1 }, ...(md5Only ? { md5Only } : {}), createdAt, ...stamp }));
    }
  }
  return byChunk;
}

/** Every document a credential list event touches: the chunks first, then the list (their parent). */
export function planCredentialListEvent(event: Event, accountId: string): Plan {
  const listId = event.type === 'TrunkAssigned' || event.type === 'TrunkUnassigned' ? event.data.listId : event.data.credentialListId;
  const plan = noPlan();
  const listKey = keys.credentialList(accountId, listId);
  if (event.type === 'CredentialListDeleted') {
    for (const key of keys.credentialChunks(accountId, listId)) {
      plan.targets.push({ key, parentKey: listKey, evolve: (current) => (current ? null : undefined) });
    }
  }
  for (const [chunk, edits] of chunkEdits(event)) {
    plan.targets.push({
      key: keys.credentialChunk(accountId, listId, chunk),
      parentKey: listKey,
      evolve: (current) => evolveChunk(current as CredentialChunkDoc | undefined, event, accountId, chunk, edits),
    });
  }
  plan.targets.push({ key: listKey, evolve: (current) => evolveCredentialList(current as CredentialListDoc | undefined, event, accountId) });
  return plan;
}
