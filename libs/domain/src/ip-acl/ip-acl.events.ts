/**
 * Events of the IP access control list aggregate (stream `ipAcl-<id>`).
 *
 * These are a storage contract: type names are never renamed and data shapes never change in place.
 * A new shape gets a new schemaVersion in metadata and an upcaster with its own test. Every event
 * carries its stream's id (ipAccessControlListId). Addresses are stored normalised to their network.
 */
import type { DomainEvent } from '../decider';
import type { TrunkAssignedData } from '../common';

export type IpAccessControlListCreated = DomainEvent<'IpAccessControlListCreated', {
  ipAccessControlListId: string; accountId: string; friendlyName: string; createdAt: string;
}>;
export type IpAccessControlListRenamed = DomainEvent<'IpAccessControlListRenamed', { ipAccessControlListId: string; friendlyName: string }>;
export type IpAccessControlListDeleted = DomainEvent<'IpAccessControlListDeleted', { ipAccessControlListId: string }>;
export type IpAddressAdded = DomainEvent<'IpAddressAdded', {
  ipAccessControlListId: string; ipAddressId: string; friendlyName: string;
  /** Network address, normalised (`10.1.2.3/24` → `10.1.2.0`; IPv6 in RFC 5952 form). */
  ipAddress: string; cidrPrefixLength: number; createdAt: string;
}>;
export type IpAddressRemoved = DomainEvent<'IpAddressRemoved', { ipAccessControlListId: string; ipAddressId: string }>;
/** An address's friendly name changed; its range did not (a new range is a remove and an add). */
export type IpAddressRenamed = DomainEvent<'IpAddressRenamed', { ipAccessControlListId: string; ipAddressId: string; friendlyName: string }>;
export type IpAclTrunkAssigned = DomainEvent<'TrunkAssigned', TrunkAssignedData & { listKind: 'ipAccessControlList' }>;
export type IpAclTrunkUnassigned = DomainEvent<'TrunkUnassigned', TrunkAssignedData & { listKind: 'ipAccessControlList' }>;

export type IpAclEvent =
  | IpAccessControlListCreated
  | IpAccessControlListRenamed
  | IpAccessControlListDeleted
  | IpAddressAdded
  | IpAddressRemoved
  | IpAddressRenamed
  | IpAclTrunkAssigned
  | IpAclTrunkUnassigned;
