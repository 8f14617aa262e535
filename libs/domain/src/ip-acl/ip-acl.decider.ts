/**
 * The IP access control list aggregate: a named list of normalised address ranges, and the trunks it
 * is attached to (so that deleting a list in use can be refused at decision time).
 */
import type { Cidr } from '@sipauth/ip-acl-match';
import { Map as ImmutableMap } from 'immutable';
import type { UpcastingDecider } from '../decider';
import { upcastIpAclEvent } from './ip-acl.upcast';
import { Conflict, NotFound } from '../errors';
import { activeListOwnedBy, assertDeletable, attachToTrunk, detachFromTrunk, evolveTrunkIds, isRename, isRepeatedCreation } from '../list/list-rules';
import { assertValid, checkAccountId, checkFriendlyName, MAX_IP_ADDRESSES_PER_ACL, normaliseIpRange, validationFailed } from '../rules';
import type { AddIpAddress, IpAclCommand } from './ip-acl.commands';
import type { IpAclEvent } from './ip-acl.events';

export interface IpAddressEntry {
  ipAddressId: string;
  friendlyName: string;
  /** The network address, normalised. */
  ipAddress: string;
  cidrPrefixLength: number;
  createdAt: string;
}

export type IpAclState =
  | { status: 'Empty' }
  | {
      status: 'Active';
      ipAccessControlListId: string;
      accountId: string;
      friendlyName: string;
      createdAt: string;
      /** By ipAddressId. Persistent maps keep folding a long stream linear rather than quadratic. */
      ipAddresses: ImmutableMap<string, IpAddressEntry>;
      /** ipAddressId by normalised range (`10.1.2.0/24`): no range twice in one list. */
      ranges: ImmutableMap<string, string>;
      /** Trunks (of the same account) this list is assigned to. */
      trunkIds: ReadonlySet<string>;
    }
  | { status: 'Deleted'; ipAccessControlListId: string; accountId: string };

type Active = Extract<IpAclState, { status: 'Active' }>;

const KIND = 'ipAccessControlList';

const rangeKey = (entry: { ipAddress: string; cidrPrefixLength: number }): string => `${entry.ipAddress}/${entry.cidrPrefixLength}`;

function decideAddition(state: Active, entry: Omit<IpAddressEntry, 'createdAt'>): 'new' | 'retry' {
  const range = rangeKey(entry);
  const existing = state.ipAddresses.get(entry.ipAddressId);
  if (existing) {
    const identical = existing.friendlyName === entry.friendlyName && existing.ipAddress === entry.ipAddress
      && existing.cidrPrefixLength === entry.cidrPrefixLength;
    if (identical) return 'retry';
    throw new Conflict(`IP address ${entry.ipAddressId} already exists with other data`, [
      { field: 'ipAddressId', message: 'already exists with other data' },
    ]);
  }
  const holder = state.ranges.get(range);
  if (holder !== undefined) {
    throw new Conflict(`${range} is already in this list`, [
      { field: 'ipAddress', message: `${range} is already in this list (as ${holder})` },
    ]);
  }
  if (state.ipAddresses.size >= MAX_IP_ADDRESSES_PER_ACL) {
    throw new Conflict(`the IP access control list already holds the maximum of ${MAX_IP_ADDRESSES_PER_ACL} addresses`, [
      { field: 'ipAccessControlListId', message: `holds the maximum of ${MAX_IP_ADDRESSES_PER_ACL} addresses` },
    ]);
  }
  return 'new';
}

function validRange(command: AddIpAddress): Cidr {
  const range = normaliseIpRange(command.ipAddress, command.cidrPrefixLength);
  const nameProblem = checkFriendlyName(command.friendlyName);
  if (range.ok && !nameProblem) return range.value;
  throw validationFailed([nameProblem, range.ok ? undefined : range.problem]);
}

function decide(command: IpAclCommand, state: IpAclState): IpAclEvent[] {
  const { ipAccessControlListId } = command;
  switch (command.type) {
    case 'CreateIpAccessControlList': {
      assertValid([checkAccountId(command.accountId), checkFriendlyName(command.friendlyName)]);
      if (isRepeatedCreation(KIND, state, ipAccessControlListId, command)) return [];
      return [{
        type: 'IpAccessControlListCreated',
        data: { ipAccessControlListId, accountId: command.accountId, friendlyName: command.friendlyName, createdAt: command.now },
      }];
    }
    case 'RenameIpAccessControlList': {
      if (!isRename(KIND, state, command.accountId, ipAccessControlListId, command.friendlyName)) return [];
      return [{ type: 'IpAccessControlListRenamed', data: { ipAccessControlListId, friendlyName: command.friendlyName } }];
    }
    case 'DeleteIpAccessControlList': {
      assertDeletable(KIND, state, command.accountId, ipAccessControlListId);
      return [{ type: 'IpAccessControlListDeleted', data: { ipAccessControlListId } }];
    }
    case 'AddIpAddress': {
      const range = validRange(command);
      const acl = activeListOwnedBy(KIND, state, command.accountId, ipAccessControlListId);
      const entry = {
        ipAddressId: command.ipAddressId,
        friendlyName: command.friendlyName,
        ipAddress: range.network,
        cidrPrefixLength: range.prefixLength,
      };
      if (decideAddition(acl, entry) === 'retry') return [];
      return [{ type: 'IpAddressAdded', data: { ipAccessControlListId, ...entry, createdAt: command.now } }];
    }
    case 'RemoveIpAddress': {
      const acl = activeListOwnedBy(KIND, state, command.accountId, ipAccessControlListId);
      if (!acl.ipAddresses.has(command.ipAddressId)) {
        throw new NotFound(`IP address ${command.ipAddressId} not found`, [{ field: 'ipAddressId', message: 'no such IP address in this list' }]);
      }
      return [{ type: 'IpAddressRemoved', data: { ipAccessControlListId, ipAddressId: command.ipAddressId } }];
    }
    case 'RenameIpAddress': {
      assertValid([checkFriendlyName(command.friendlyName)]);
      const acl = activeListOwnedBy(KIND, state, command.accountId, ipAccessControlListId);
      const entry = acl.ipAddresses.get(command.ipAddressId);
      if (!entry) {
        throw new NotFound(`IP address ${command.ipAddressId} not found`, [{ field: 'ipAddressId', message: 'no such IP address in this list' }]);
      }
      if (entry.friendlyName === command.friendlyName) return [];
      return [{ type: 'IpAddressRenamed', data: { ipAccessControlListId, ipAddressId: command.ipAddressId, friendlyName: command.friendlyName } }];
    }
    case 'AttachIpAclToTrunk':
      return attachToTrunk(KIND, state, command.accountId, ipAccessControlListId, command.trunkId);
    case 'DetachIpAclFromTrunk':
      return detachFromTrunk(KIND, state, command.accountId, ipAccessControlListId, command.trunkId);
  }
}

function evolve(state: IpAclState, event: IpAclEvent): IpAclState {
  if (event.type === 'IpAccessControlListCreated') {
    const { ipAccessControlListId, accountId, friendlyName, createdAt } = event.data;
    return { status: 'Active', ipAccessControlListId, accountId, friendlyName, createdAt, ipAddresses: ImmutableMap(), ranges: ImmutableMap(), trunkIds: new Set() };
  }
  if (state.status !== 'Active') return state;
  switch (event.type) {
    case 'IpAccessControlListRenamed':
      return { ...state, friendlyName: event.data.friendlyName };
    case 'IpAccessControlListDeleted':
      return { status: 'Deleted', ipAccessControlListId: state.ipAccessControlListId, accountId: state.accountId };
    case 'IpAddressAdded': {
      const { ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt } = event.data;
      return {
        ...state,
        ipAddresses: state.ipAddresses.set(ipAddressId, { ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt }),
        ranges: state.ranges.set(rangeKey(event.data), ipAddressId),
      };
    }
    case 'IpAddressRemoved': {
      const removed = state.ipAddresses.get(event.data.ipAddressId);
      if (!removed) return state;
      return { ...state, ipAddresses: state.ipAddresses.delete(removed.ipAddressId), ranges: state.ranges.delete(rangeKey(removed)) };
    }
    case 'IpAddressRenamed': {
      const entry = state.ipAddresses.get(event.data.ipAddressId);
      if (!entry) return state;
      return { ...state, ipAddresses: state.ipAddresses.set(entry.ipAddressId, { ...entry, friendlyName: event.data.friendlyName }) };
    }
    case 'TrunkAssigned':
    case 'TrunkUnassigned':
      return evolveTrunkIds(state, event);
    default:
      // Upcasting refuses unknown types before they get here; a fold never turns them into undefined.
      return state;
  }
}

/** Decider of the IP access control list aggregate (stream `ipAcl-<id>`). */
export const ipAclDecider: UpcastingDecider<IpAclState, IpAclCommand, IpAclEvent> = {
  initialState: () => ({ status: 'Empty' }),
  evolve,
  decide,
  upcast: (stored) => upcastIpAclEvent(stored.type, stored.data, stored.metadata?.schemaVersion),
};
