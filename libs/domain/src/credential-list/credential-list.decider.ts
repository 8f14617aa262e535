/**
 * The credential list aggregate: a named list of digest credentials, and the trunks it is attached to
 * (so that deleting a list in use can be refused at decision time).
 */
import { Map as ImmutableMap } from 'immutable';
import type { CredentialHa1s } from '../common';
import type { UpcastingDecider } from '../decider';
import { upcastCredentialListEvent } from './credential-list.upcast';
import { decideImport } from './credential-import';
import { Conflict, NotFound } from '../errors';
import { activeListOwnedBy, assertDeletable, attachToTrunk, detachFromTrunk, evolveTrunkIds, isRename, isRepeatedCreation } from '../list/list-rules';
import {
  assertValid, checkAccountId, checkFriendlyName, checkIntegerInRange, checkUsername, MAX_CREDENTIALS_PER_LIST,
  MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS,
} from '../rules';
import type { ChangeCredentialPassword, CredentialListCommand } from './credential-list.commands';
import type { CredentialListEvent, CredentialPasswordChanged } from './credential-list.events';

export interface Credential {
  credentialId: string;
  username: string;
  realm: string;
  ha1: CredentialHa1s;
  createdAt: string;
}

export type CredentialListState =
  | { status: 'Empty' }
  | {
      status: 'Active';
      credentialListId: string;
      accountId: string;
      friendlyName: string;
      createdAt: string;
      /** By credentialId. Persistent maps keep folding a long stream linear rather than quadratic. */
      credentials: ImmutableMap<string, Credential>;
      /** credentialId by lower-cased username: usernames are unique case-insensitively. */
      usernames: ImmutableMap<string, string>;
      /** Trunks (of the same account) this list is assigned to. */
      trunkIds: ReadonlySet<string>;
    }
  | { status: 'Deleted'; credentialListId: string; accountId: string };

type Active = Extract<CredentialListState, { status: 'Active' }>;

const KIND = 'credentialList';

function findCredential(state: Active, credentialId: string): Credential {
  const credential = state.credentials.get(credentialId);
  if (!credential) {
    throw new NotFound(`credential ${credentialId} not found`, [{ field: 'credentialId', message: 'no such credential in this list' }]);
  }
  return credential;
}

/**
 * The same credentialId with the same username is a retry (the HA1s are re-sealed with a fresh IV on
 * every attempt, so they cannot be compared); another credential with that username is a conflict.
 */
function decideAddition(state: Active, credentialId: string, username: string): 'new' | 'retry' {
  const existing = state.credentials.get(credentialId);
  if (existing) {
    if (existing.username === username) return 'retry';
    throw new Conflict(`credential ${credentialId} already exists with another username`, [
      { field: 'credentialId', message: 'already exists with another username' },
    ]);
  }
  if (state.usernames.has(username.toLowerCase())) {
    throw new Conflict(`username ${username} is already in this list`, [
      { field: 'username', message: 'is already in this list (usernames are compared case-insensitively)' },
    ]);
  }
  if (state.credentials.size >= MAX_CREDENTIALS_PER_LIST) {
    throw new Conflict(`the credential list already holds the maximum of ${MAX_CREDENTIALS_PER_LIST} credentials`, [
      { field: 'credentialListId', message: `holds the maximum of ${MAX_CREDENTIALS_PER_LIST} credentials` },
    ]);
  }
  return 'new';
}

/**
 * Always an event: the new HA1s are sealed with a fresh IV, so two changes cannot be told apart. With an
 * overlap the event carries the HA1s being replaced, read from the state the change is decided on (a
 * retry after a concurrent change re-decides on the newer state, so it is always the password in force).
 */
function passwordChange(command: ChangeCredentialPassword, current: Credential, overlapSeconds: number): CredentialPasswordChanged {
  const { credentialListId, credentialId, realm, ha1 } = command;
  if (overlapSeconds === 0) return { type: 'CredentialPasswordChanged', data: { credentialListId, credentialId, realm, ha1 } };
  const previousValidUntil = new Date(Date.parse(command.now) + overlapSeconds * 1000).toISOString();
  return { type: 'CredentialPasswordChanged', data: { credentialListId, credentialId, realm, ha1, previousHa1: current.ha1, previousValidUntil } };
}

function decide(command: CredentialListCommand, state: CredentialListState): CredentialListEvent[] {
  const { credentialListId } = command;
  switch (command.type) {
    case 'CreateCredentialList': {
      assertValid([checkAccountId(command.accountId), checkFriendlyName(command.friendlyName), checkUsername(command.username)]);
      const sameFirstCredential = (list: Active): boolean => list.credentials.get(command.credentialId)?.username === command.username;
      if (isRepeatedCreation(KIND, state, credentialListId, command, sameFirstCredential)) return [];
      return [
        { type: 'CredentialListCreated', data: { credentialListId, accountId: command.accountId, friendlyName: command.friendlyName, createdAt: command.now } },
        {
          type: 'CredentialAdded',
          data: { credentialListId, credentialId: command.credentialId, username: command.username, realm: command.realm, ha1: command.ha1, createdAt: command.now },
        },
      ];
    }
    case 'RenameCredentialList': {
      if (!isRename(KIND, state, command.accountId, credentialListId, command.friendlyName)) return [];
      return [{ type: 'CredentialListRenamed', data: { credentialListId, friendlyName: command.friendlyName } }];
    }
    case 'DeleteCredentialList': {
      assertDeletable(KIND, state, command.accountId, credentialListId);
      return [{ type: 'CredentialListDeleted', data: { credentialListId } }];
    }
    case 'AddCredential': {
      assertValid([checkUsername(command.username)]);
      const list = activeListOwnedBy(KIND, state, command.accountId, credentialListId);
      if (decideAddition(list, command.credentialId, command.username) === 'retry') return [];
      return [{
        type: 'CredentialAdded',
        data: { credentialListId, credentialId: command.credentialId, username: command.username, realm: command.realm, ha1: command.ha1, createdAt: command.now },
      }];
    }
    case 'ChangeCredentialPassword': {
      const overlapSeconds = command.previousPasswordValidForSeconds ?? 0;
      assertValid([checkIntegerInRange(overlapSeconds, 'previousPasswordValidForSeconds', 0, MAX_PREVIOUS_PASSWORD_VALID_FOR_SECONDS)]);
      const list = activeListOwnedBy(KIND, state, command.accountId, credentialListId);
      return [passwordChange(command, findCredential(list, command.credentialId), overlapSeconds)];
    }
    case 'RemoveCredential': {
      const list = activeListOwnedBy(KIND, state, command.accountId, credentialListId);
      findCredential(list, command.credentialId);
      return [{ type: 'CredentialRemoved', data: { credentialListId, credentialId: command.credentialId } }];
    }
    case 'ImportCredentials':
      return decideImport(command, activeListOwnedBy(KIND, state, command.accountId, credentialListId));
    case 'AttachCredentialListToTrunk':
      return attachToTrunk(KIND, state, command.accountId, credentialListId, command.trunkId);
    case 'DetachCredentialListFromTrunk':
      return detachFromTrunk(KIND, state, command.accountId, credentialListId, command.trunkId);
  }
}

function evolve(state: CredentialListState, event: CredentialListEvent): CredentialListState {
  if (event.type === 'CredentialListCreated') {
    const { credentialListId, accountId, friendlyName, createdAt } = event.data;
    return { status: 'Active', credentialListId, accountId, friendlyName, createdAt, credentials: ImmutableMap(), usernames: ImmutableMap(), trunkIds: new Set() };
  }
  if (state.status !== 'Active') return state;
  switch (event.type) {
    case 'CredentialListRenamed':
      return { ...state, friendlyName: event.data.friendlyName };
    case 'CredentialListDeleted':
      return { status: 'Deleted', credentialListId: state.credentialListId, accountId: state.accountId };
    case 'CredentialAdded': {
      const { credentialId, username, realm, ha1, createdAt } = event.data;
      return {
        ...state,
        credentials: state.credentials.set(credentialId, { credentialId, username, realm, ha1, createdAt }),
        usernames: state.usernames.set(username.toLowerCase(), credentialId),
      };
    }
    case 'CredentialsImported': {
      const { realm, createdAt } = event.data;
      let { credentials, usernames } = state;
      for (const { credentialId, username, ha1 } of event.data.credentials) {
        credentials = credentials.set(credentialId, { credentialId, username, realm, ha1, createdAt });
        usernames = usernames.set(username.toLowerCase(), credentialId);
      }
      return { ...state, credentials, usernames };
    }
    case 'CredentialPasswordChanged': {
      const current = state.credentials.get(event.data.credentialId);
      if (!current) return state;
      const changed = { ...current, realm: event.data.realm, ha1: event.data.ha1 };
      return { ...state, credentials: state.credentials.set(changed.credentialId, changed) };
    }
    case 'CredentialRemoved': {
      const removed = state.credentials.get(event.data.credentialId);
      if (!removed) return state;
      return {
        ...state,
        credentials: state.credentials.delete(removed.credentialId),
        usernames: state.usernames.delete(removed.username.toLowerCase()),
      };
    }
    case 'TrunkAssigned':
    case 'TrunkUnassigned':
      return evolveTrunkIds(state, event);
    default:
      // Upcasting refuses unknown types before they get here; a fold never turns them into undefined.
      return state;
  }
}

/** Decider of the credential list aggregate (stream `credentialList-<id>`). */
export const credentialListDecider: UpcastingDecider<CredentialListState, CredentialListCommand, CredentialListEvent> = {
  initialState: () => ({ status: 'Empty' }),
  evolve,
  decide,
  upcast: (stored) => upcastCredentialListEvent(stored.type, stored.data, stored.metadata?.schemaVersion),
};
