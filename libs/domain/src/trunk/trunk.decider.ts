/**
 * The trunk aggregate: a named trunk with its (normalised) domain, its digest algorithm order, its
 * lockout policy and the lists assigned to its termination settings. Domain uniqueness is the reservation stream's job
 * (trunk-domain.decider.ts); the list side of an assignment is recorded on the list's own stream.
 */
import type { DigestAlgorithmName, ListKind, LockoutPolicyData } from '../common';
import type { UpcastingDecider } from '../decider';
import { upcastTrunkEvent } from './trunk.upcast';
import { Conflict, NotFound } from '../errors';
import {
  assertValid, checkAccountId, checkDigestAlgorithms, checkFriendlyName, checkListKind, checkLockoutPolicy,
  MAX_LISTS_PER_TRUNK, normaliseDomainName, validationFailed,
} from '../rules';
import type { CreateTrunk, TrunkCommand } from './trunk.commands';
import type { TrunkEvent } from './trunk.events';

export type TrunkState =
  | { status: 'Empty' }
  | {
      status: 'Active';
      trunkId: string;
      accountId: string;
      friendlyName: string;
      /** Normalised (lower case, no trailing dot). */
      domainName: string;
      createdAt: string;
      /**
       * The order the trunk set; empty until it sets one, meaning "the default", which readers resolve.
       * Kept apart from the default so that a trunk which chose an order keeps it when the default changes.
       */
      digestAlgorithms: readonly DigestAlgorithmName[];
      /** The policy the trunk set; undefined until it sets one (the default applies). */
      lockoutPolicy?: LockoutPolicyData;
      credentialListIds: readonly string[];
      ipAccessControlListIds: readonly string[];
    }
  | { status: 'Deleted'; trunkId: string; accountId: string; domainName: string };

type Active = Extract<TrunkState, { status: 'Active' }>;

const LIST_FIELD: Record<ListKind, 'credentialListIds' | 'ipAccessControlListIds'> = {
  credentialList: 'credentialListIds',
  ipAccessControlList: 'ipAccessControlListIds',
};
const LIST_LABEL: Record<ListKind, string> = { credentialList: 'credential lists', ipAccessControlList: 'IP access control lists' };

function activeOwnedBy(state: TrunkState, accountId: string, trunkId: string): Active {
  if (state.status !== 'Active' || state.accountId !== accountId) {
    throw new NotFound(`trunk ${trunkId} not found`, [{ field: 'trunkId', message: 'no such trunk' }]);
  }
  return state;
}

function validCreation(command: CreateTrunk): string {
  const domain = normaliseDomainName(command.domainName);
  const problems = [checkAccountId(command.accountId), checkFriendlyName(command.friendlyName), domain.ok ? undefined : domain.problem];
  if (domain.ok && problems.every((p) => p === undefined)) return domain.value;
  throw validationFailed(problems);
}

const samePolicy = (a: LockoutPolicyData, b: LockoutPolicyData): boolean =>
  a.enabled === b.enabled && a.maxFailures === b.maxFailures && a.windowSeconds === b.windowSeconds && a.lockoutSeconds === b.lockoutSeconds;

const sameList = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function decide(command: TrunkCommand, state: TrunkState): TrunkEvent[] {
  const { trunkId } = command;
  switch (command.type) {
    case 'CreateTrunk': {
      const domainName = validCreation(command);
      if (state.status !== 'Empty') {
        const identical = state.status === 'Active' && state.accountId === command.accountId
          && state.friendlyName === command.friendlyName && state.domainName === domainName;
        if (identical) return [];
        throw new Conflict(`trunk ${trunkId} already exists`, [{ field: 'trunkId', message: 'already exists' }]);
      }
      return [{ type: 'TrunkCreated', data: { trunkId, accountId: command.accountId, friendlyName: command.friendlyName, domainName, createdAt: command.now } }];
    }
    case 'RenameTrunk': {
      assertValid([checkFriendlyName(command.friendlyName)]);
      const trunk = activeOwnedBy(state, command.accountId, trunkId);
      if (trunk.friendlyName === command.friendlyName) return [];
      return [{ type: 'TrunkRenamed', data: { trunkId, friendlyName: command.friendlyName } }];
    }
    case 'DeleteTrunk': {
      const trunk = activeOwnedBy(state, command.accountId, trunkId);
      return [{
        type: 'TrunkDeleted',
        data: { trunkId, domainName: trunk.domainName, credentialListIds: [...trunk.credentialListIds], ipAccessControlListIds: [...trunk.ipAccessControlListIds] },
      }];
    }
    case 'SetDigestAlgorithms': {
      assertValid([checkDigestAlgorithms(command.algorithms)]);
      const trunk = activeOwnedBy(state, command.accountId, trunkId);
      if (sameList(trunk.digestAlgorithms, command.algorithms)) return [];
      return [{ type: 'TrunkDigestAlgorithmsSet', data: { trunkId, algorithms: [...command.algorithms] } }];
    }
    case 'SetLockoutPolicy': {
      const policy: LockoutPolicyData = {
        enabled: command.enabled, maxFailures: command.maxFailures, windowSeconds: command.windowSeconds, lockoutSeconds: command.lockoutSeconds,
      };
      assertValid(checkLockoutPolicy(policy));
      const trunk = activeOwnedBy(state, command.accountId, trunkId);
      if (trunk.lockoutPolicy !== undefined && samePolicy(trunk.lockoutPolicy, policy)) return [];
      return [{ type: 'TrunkLockoutPolicySet', data: { trunkId, ...policy } }];
    }
    case 'AssignList': {
      assertValid([checkListKind(command.listKind)]);
      const trunk = activeOwnedBy(state, command.accountId, trunkId);
      const assigned = trunk[LIST_FIELD[command.listKind]];
      if (assigned.includes(command.listId)) return [];
      if (assigned.length >= MAX_LISTS_PER_TRUNK) {
        throw new Conflict(`trunk ${trunkId} already has the maximum of ${MAX_LISTS_PER_TRUNK} ${LIST_LABEL[command.listKind]}`, [
          { field: 'listId', message: `the trunk already has the maximum of ${MAX_LISTS_PER_TRUNK} ${LIST_LABEL[command.listKind]}` },
        ]);
      }
      return [{ type: 'TrunkAssigned', data: { trunkId, listKind: command.listKind, listId: command.listId } }];
    }
    case 'UnassignList': {
      assertValid([checkListKind(command.listKind)]);
      const trunk = activeOwnedBy(state, command.accountId, trunkId);
      if (!trunk[LIST_FIELD[command.listKind]].includes(command.listId)) {
        throw new NotFound(`list ${command.listId} is not assigned to trunk ${trunkId}`, [
          { field: 'listId', message: 'is not assigned to this trunk' },
        ]);
      }
      return [{ type: 'TrunkUnassigned', data: { trunkId, listKind: command.listKind, listId: command.listId } }];
    }
  }
}

function evolve(state: TrunkState, event: TrunkEvent): TrunkState {
  if (event.type === 'TrunkCreated') {
    const { trunkId, accountId, friendlyName, domainName, createdAt } = event.data;
    return {
      status: 'Active', trunkId, accountId, friendlyName, domainName, createdAt,
      digestAlgorithms: [], credentialListIds: [], ipAccessControlListIds: [],
    };
  }
  if (state.status !== 'Active') return state;
  switch (event.type) {
    case 'TrunkRenamed':
      return { ...state, friendlyName: event.data.friendlyName };
    case 'TrunkDeleted':
      return { status: 'Deleted', trunkId: state.trunkId, accountId: state.accountId, domainName: state.domainName };
    case 'TrunkDigestAlgorithmsSet':
      return { ...state, digestAlgorithms: event.data.algorithms };
    case 'TrunkLockoutPolicySet': {
      const { enabled, maxFailures, windowSeconds, lockoutSeconds } = event.data;
      return { ...state, lockoutPolicy: { enabled, maxFailures, windowSeconds, lockoutSeconds } };
    }
    case 'TrunkAssigned': {
      const field = LIST_FIELD[event.data.listKind];
      if (state[field].includes(event.data.listId)) return state;
      return { ...state, [field]: [...state[field], event.data.listId] };
    }
    case 'TrunkUnassigned': {
      const field = LIST_FIELD[event.data.listKind];
      return { ...state, [field]: state[field].filter((id) => id !== event.data.listId) };
    }
    default:
      // Upcasting refuses unknown types before they get here; a fold never turns them into undefined.
      return state;
  }
}

/** Decider of the trunk aggregate (stream `trunk-<id>`). */
export const trunkDecider: UpcastingDecider<TrunkState, TrunkCommand, TrunkEvent> = {
  initialState: () => ({ status: 'Empty' }),
  evolve,
  decide,
  upcast: (stored) => upcastTrunkEvent(stored.type, stored.data, stored.metadata?.schemaVersion),
};
