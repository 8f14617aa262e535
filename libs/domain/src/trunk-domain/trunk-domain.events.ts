/**
 * Events of the domain reservation (stream `trunkDomain-<domain>`), which makes trunk domains unique
 * across all accounts: a trunk is created only after its domain is reserved for it, and the
 * reservation is released when the trunk is deleted.
 *
 * These are a storage contract: type names are never renamed and data shapes never change in place.
 */
import type { DomainEvent } from '../decider';

export type TrunkDomainReserved = DomainEvent<'TrunkDomainReserved', { domainName: string; trunkId: string; accountId: string }>;
export type TrunkDomainReleased = DomainEvent<'TrunkDomainReleased', { domainName: string; trunkId: string }>;
export type TrunkDomainEvent = TrunkDomainReserved | TrunkDomainReleased;
