/**
 * Credential list stream → the list's members document (`keys.credentialIds`, issue 14): credential id
 * → username, so that a worker loads a list by one get and then one get per credential, instead of
 * listing or filtering the bucket's credential keys (linear in all credentials on NATS 2.9).
 *
 * Written with the list's own events (an import adds all its credentials in one write), before the
 * list document, which stays the parent: a list document at or past the event's revision proves this
 * one was written too. A list whose members document is missing (a read model older than this code) is
 * not given a partial one: it stays absent until a rebuild, and a worker falls back to a filtered read.
 */
import type { CredentialIdsDoc } from '@sipauth/contracts';
import type { CredentialListEvent } from '@sipauth/domain';
import { stampOf, type Evolved, type Recorded } from './projection.types';

type Event = Recorded<CredentialListEvent>;

/** The next state of a list's members document. */
export function evolveCredentialIds(doc: CredentialIdsDoc | undefined, event: Event, accountId: string): Evolved<CredentialIdsDoc> {
  const stamp = stampOf(event);
  if (event.type === 'CredentialListCreated') {
    return { credentialListId: event.data.credentialListId, accountId, credentials: {}, ...stamp };
  }
  if (!doc) return undefined;
  switch (event.type) {
    case 'CredentialAdded':
      return { ...doc, credentials: { ...doc.credentials, [event.data.credentialId]: event.data.username }, ...stamp };
    case 'CredentialsImported': {
      const credentials = { ...doc.credentials };
      for (const { credentialId, username } of event.data.credentials) credentials[credentialId] = username;
      return { ...doc, credentials, ...stamp };
    }
    case 'CredentialRemoved': {
      if (!(event.data.credentialId in doc.credentials)) return undefined;
      const { [event.data.credentialId]: _removed, ...credentials } = doc.credentials;
      return { ...doc, credentials, ...stamp };
    }
    case 'CredentialListDeleted':
      return null;
    default:
      // Renames, password changes and assignments change no member.
      return undefined;
  }
}
