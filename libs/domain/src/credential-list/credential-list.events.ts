/**
 * Events of the credential list aggregate (stream `credentialList-<id>`).
 *
 * These are a storage contract: type names are never renamed and data shapes never change in place.
 * A new shape gets a new schemaVersion in metadata and an upcaster (see credential-list.upcast.ts) with
 * its own test. Every event carries its stream's id (credentialListId). No event carries a password
 * or an HA1 in clear: credential events carry the sealed HA1s.
 */
import type { DomainEvent, } from '../decider';
import type { CredentialHa1s, SealedHa1s, TrunkAssignedData } from '../common';

export type CredentialListCreated = DomainEvent<'CredentialListCreated', {
  credentialListId: string; accountId: string; friendlyName: string; createdAt: string;
}>;
export type CredentialListRenamed = DomainEvent<'CredentialListRenamed', { credentialListId: string; friendlyName: string }>;
export type CredentialListDeleted = DomainEvent<'CredentialListDeleted', { credentialListId: string }>;
export type CredentialAdded = DomainEvent<'CredentialAdded', {
  credentialListId: string; credentialId: string; username: string; realm: string; ha1: SealedHa1s; createdAt: string;
}>;
/**
 * With an overlap (SPEC §5.2), `previousHa1` (the sealed HA1s of the password being replaced) and
 * `previousValidUntil` (ISO) are both present; without one, both are absent (as in every event written
 * before overlaps existed, which therefore read as changes without overlap). Either way the change
 * ends any overlap an earlier change started.
 */
export type CredentialPasswordChanged = DomainEvent<'CredentialPasswordChanged', {
  credentialListId: string; credentialId: string; realm: string; ha1: SealedHa1s;
  previousHa1?: CredentialHa1s; previousValidUntil?: string;
}>;
/** One credential of a {@link CredentialsImported}; `md5Only` when it came with an MD5 HA1 instead of a password. */
export interface ImportedCredential { credentialId: string; username: string; ha1: CredentialHa1s; md5Only?: true }
/**
 * Many credentials added at once (bulk import, issue 14), each exactly as a `CredentialAdded` would have
 * added it. One import command may write several of these in one atomic append, each holding at most
 * `MAX_CREDENTIALS_PER_IMPORTED_EVENT`, so that no event grows past what a message may carry.
 */
export type CredentialsImported = DomainEvent<'CredentialsImported', {
  credentialListId: string; realm: string; createdAt: string; credentials: ImportedCredential[];
}>;
export type CredentialRemoved = DomainEvent<'CredentialRemoved', { credentialListId: string; credentialId: string }>;
/** The list's side of an assignment: known here so that deleting an assigned list can be refused. */
export type CredentialListTrunkAssigned = DomainEvent<'TrunkAssigned', TrunkAssignedData & { listKind: 'credentialList' }>;
export type CredentialListTrunkUnassigned = DomainEvent<'TrunkUnassigned', TrunkAssignedData & { listKind: 'credentialList' }>;

export type CredentialListEvent =
  | CredentialListCreated
  | CredentialListRenamed
  | CredentialListDeleted
  | CredentialAdded
  | CredentialPasswordChanged
  | CredentialRemoved
  | CredentialsImported
  | CredentialListTrunkAssigned
  | CredentialListTrunkUnassigned;
