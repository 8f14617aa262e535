/**
 * Credential list stream (`credentialList-<id>`) → the list document (name, credential count,
 * assigned trunks), its members document (credential-ids.projection.ts) and one document per credential holding its sealed HA1s exactly as the event
 * carries them (an import writes one per imported credential, as if each had been added), with the replaced password's HA1s while an overlap runs (`previous`; the worker checks
 * `validUntil` against its own clock). Both kinds record the list stream's revision.
 */
import { keys, type CredentialDoc, type CredentialIdsDoc, type CredentialListDoc } from '@sipauth/contracts';
import { evolveCredentialIds } from './credential-ids.projection';
import type { CredentialListEvent, CredentialsImported } from '@sipauth/domain';
import {
  noPlan, stampOf, withId, withoutId,
  type Evolved, type Plan, type ReadModelDoc, type Recorded,
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

/** The next state of one credential's document (only events naming that credential reach it). */
export function evolveCredential(doc: CredentialDoc | undefined, event: Event, accountId: string): Evolved<CredentialDoc> {
  const stamp = stampOf(event);
  switch (event.type) {
    case 'CredentialAdded': {
      const { credentialListId, credentialId, username, realm, ha1, createdAt } = event.data;
      return { credentialId, credentialListId, accountId, username, realm, ha1: { ...ha1 }, createdAt, ...stamp };
    }
    case 'CredentialPasswordChanged': {
      if (!doc) return undefined;
      // Every change replaces any overlap: a change without one ends the running one at once (SPEC §5.2).
      // A new password gives every algorithm's HA1: an imported MD5-only credential is one no longer.
      const { previous: _ended, md5Only: _derived, ...current } = doc;
      const { realm, ha1, previousHa1, previousValidUntil } = event.data;
      const previous = previousHa1 && previousValidUntil ? { previous: { ha1: { ...previousHa1 }, validUntil: previousValidUntil } } : {};
      return { ...current, realm, ha1: { ...ha1 }, ...previous, ...stamp };
    }
    case 'CredentialRemoved':
      return null;
    default:
      return undefined;
  }
}

/** The document of one credential of an import: exactly what a `CredentialAdded` of it would have written. */
function importedCredential(event: Recorded<CredentialsImported>, index: number, accountId: string): CredentialDoc {
  const { credentialListId, realm, createdAt } = event.data;
  const { credentialId, username, ha1, md5Only } = event.data.credentials[index];
  return { credentialId, credentialListId, accountId, username, realm, ha1: { ...ha1 }, ...(md5Only ? { md5Only } : {}), createdAt, ...stampOf(event) };
}

/** Every document a credential list event touches. */
export function planCredentialListEvent(event: Event, accountId: string): Plan {
  const listId = event.type === 'TrunkAssigned' || event.type === 'TrunkUnassigned' ? event.data.listId : event.data.credentialListId;
  const plan = noPlan();
  const listKey = keys.credentialList(accountId, listId);
  if ('credentialId' in event.data) {
    plan.targets.push({
      key: keys.credential(accountId, listId, event.data.credentialId),
      parentKey: listKey,
      evolve: (current: ReadModelDoc | undefined) => evolveCredential(current as CredentialDoc | undefined, event, accountId),
    });
  }
  if (event.type === 'CredentialsImported') {
    event.data.credentials.forEach(({ credentialId }, index) => plan.targets.push({
      key: keys.credential(accountId, listId, credentialId),
      parentKey: listKey,
      createOnly: true,
      evolve: (current) => (current ? undefined : importedCredential(event, index, accountId)),
    }));
  }
  if (event.type === 'CredentialListDeleted') plan.deleteMatching.push(keys.credentialsOf(accountId, listId));
  plan.targets.push({
    key: keys.credentialIds(accountId, listId),
    parentKey: listKey,
    evolve: (current) => evolveCredentialIds(current as CredentialIdsDoc | undefined, event, accountId),
  });
  plan.targets.push({ key: listKey, evolve: (current) => evolveCredentialList(current as CredentialListDoc | undefined, event, accountId) });
  return plan;
}
