/**
 * Events of the trunk aggregate (stream `trunk-<id>`).
 *
 * These are a storage contract: type names are never renamed and data shapes never change in place.
 * A new shape gets a new schemaVersion in metadata and an upcaster with its own test. Every event
 * carries its stream's id (trunkId).
 */
import type { DomainEvent } from '../decider';
import type { DigestAlgorithmName, LockoutPolicyData, TrunkAssignedData } from '../common';

export type TrunkCreated = DomainEvent<'TrunkCreated', {
  trunkId: string; accountId: string; friendlyName: string; domainName: string; createdAt: string;
}>;
export type TrunkRenamed = DomainEvent<'TrunkRenamed', { trunkId: string; friendlyName: string }>;
/** Carries the domain (to release its reservation) and what was assigned (to detach the lists). */
export type TrunkDeleted = DomainEvent<'TrunkDeleted', {
  trunkId: string; domainName: string; credentialListIds: string[]; ipAccessControlListIds: string[];
}>;
export type TrunkDigestAlgorithmsSet = DomainEvent<'TrunkDigestAlgorithmsSet', { trunkId: string; algorithms: DigestAlgorithmName[] }>;
/** The trunk's own lockout policy, every figure spelled out (the edge fills in what the caller left out). */
export type TrunkLockoutPolicySet = DomainEvent<'TrunkLockoutPolicySet', { trunkId: string } & LockoutPolicyData>;
export type TrunkAssigned = DomainEvent<'TrunkAssigned', TrunkAssignedData>;
export type TrunkUnassigned = DomainEvent<'TrunkUnassigned', TrunkAssignedData>;

export type TrunkEvent =
  | TrunkCreated | TrunkRenamed | TrunkDeleted | TrunkDigestAlgorithmsSet | TrunkLockoutPolicySet | TrunkAssigned | TrunkUnassigned;
