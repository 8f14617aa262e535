/**
 * The credential list aggregate: a named list of digest credentials, and the trunks it is attached to
 * (so that deleting a list in use can be refused at decision time).
 */
import { Map as ImmutableMap } from 'immutable';
import type { SealedHa1s } from '../common';
import type { Decider } from '../decider';
import { Conflict, NotFound } from '../errors';
import { assertValid, checkAccountId, checkFriendlyName, checkUsername, MAX_CREDENTIALS_PER_LIST } from '../rules';
import type { CredentialListCommand } from './credential-list.commands';
import type { CredentialListEvent } from './credential-list.events';

export interface Credential {
  credentialId: string;
  username: string;
  realm: string;
  ha1: SealedHa1s;
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

const notFound = (id: string): NotFound =>
  new NotFound(`credential list ${id} not found`, [{ field: 'credentialListId', message: 'no such credential list' }]);

function activeOwnedBy(state: CredentialListState, accountId: string, credentialListId: string): Active {
  if (state.status !== 'Active' || state.accountId !== accountId) throw notFound(credentialListId);
  return state;
}

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

function decide(command: CredentialListCommand, state: CredentialListState): CredentialListEvent[] {
  const { credentialListId } = command;
  switch (command.type) {
    case 'CreateCredentialList': {
      assertValid([checkAccountId(command.accountId), checkFriendlyName(command.friendlyName), checkUsername(command.username)]);
      if (state.status !== 'Empty') {
        const first = state.status === 'Active' ? state.credentials.get(command.credentialId) : undefined;
        const identical = state.status === 'Active' && state.accountId === command.accountId
          && state.friendlyName === command.friendlyName && first?.username === command.username;
        if (identical) return [];
        throw new Conflict(`credential list ${credentialListId} already exists`, [{ field: 'credentialListId', message: 'already exists' }]);
      }
      return [
        { type: 'CredentialListCreated', data: { credentialListId, accountId: command.accountId, friendlyName: command.friendlyName, createdAt: command.now } },
        {
          type: 'CredentialAdded',
          data: { credentialListId, credentialId: command.credentialId, username: command.username, realm: command.realm, ha1: command.ha1, createdAt: command.now },
        },
      ];
    }
    case 'RenameCredentialList': {
      assertValid([checkFriendlyName(command.friendlyName)]);
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      if (list.friendlyName === command.friendlyName) return [];
      return [{ type: 'CredentialListRenamed', data: { credentialListId, friendlyName: command.friendlyName } }];
    }
    case 'DeleteCredentialList': {
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      if (list.trunkIds.size > 0) {
        throw new Conflict(
          `credential list ${credentialListId} is assigned to trunk(s) ${[...list.trunkIds].join(', ')}; unassign it first`,
          [...list.trunkIds].map((trunkId) => ({ field: 'trunkId', message: trunkId })),
        );
      }
      return [{ type: 'CredentialListDeleted', data: { credentialListId } }];
    }
    case 'AddCredential': {
      assertValid([checkUsername(command.username)]);
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      if (decideAddition(list, command.credentialId, command.username) === 'retry') return [];
      return [{
        type: 'CredentialAdded',
        data: { credentialListId, credentialId: command.credentialId, username: command.username, realm: command.realm, ha1: command.ha1, createdAt: command.now },
      }];
    }
    case 'ChangeCredentialPassword': {
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      findCredential(list, command.credentialId);
      return [{ type: 'CredentialPasswordChanged', data: { credentialListId, credentialId: command.credentialId, realm: command.realm, ha1: command.ha1 } }];
    }
    case 'RemoveCredential': {
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      findCredential(list, command.credentialId);
      return [{ type: 'CredentialRemoved', data: { credentialListId, credentialId: command.credentialId } }];
    }
    case 'AttachCredentialListToTrunk': {
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      if (list.trunkIds.has(command.trunkId)) return [];
      return [{ type: 'TrunkAssigned', data: { trunkId: command.trunkId, listKind: 'credentialList', listId: credentialListId } }];
    }
    case 'DetachCredentialListFromTrunk': {
      const list = activeOwnedBy(state, command.accountId, credentialListId);
      if (!list.trunkIds.has(command.trunkId)) return [];
      return [{ type: 'TrunkUnassigned', data: { trunkId: command.trunkId, listKind: 'credentialList', listId: credentialListId } }];
    }
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
      return { ...state, trunkIds: new Set(state.trunkIds).add(event.data.trunkId) };
    case 'TrunkUnassigned': {
      const trunkIds = new Set(state.trunkIds);
      trunkIds.delete(event.data.trunkId);
      return { ...state, trunkIds };
    }
  }
}

/** Decider of the credential list aggregate (stream `credentialList-<id>`). */
export const credentialListDecider: Decider<CredentialListState, CredentialListCommand, CredentialListEvent> = {
  initialState: () => ({ status: 'Empty' }),
  evolve,
  decide,
};
