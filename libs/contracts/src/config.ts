/** Request and reply bodies of the config commands and queries (SPEC §6). Every request carries accountId. */
import { DIGEST_ALGORITHM_NAMES, LIST_KIND_NAMES, type DigestAlgorithmName, type ListKind } from '@sipauth/domain';

// The domain owns the rule values (its deciders check them); the contract re-exports them, so an
// enum is written once (STYLE §12) and the AsyncAPI check reads the same list the deciders do.
export type { DigestAlgorithmName, ListKind };
export const LIST_KINDS: readonly ListKind[] = LIST_KIND_NAMES;
export const DIGEST_ALGORITHMS: readonly DigestAlgorithmName[] = DIGEST_ALGORITHM_NAMES;
/**
 * Offered when a trunk sets no order of its own (SPEC §5 step 5). MD5 first: sipp, sipsak and baresip
 * read only the first challenge and give up when it is SHA-256.
 */
export const DEFAULT_DIGEST_ALGORITHMS: readonly DigestAlgorithmName[] = ['MD5', 'SHA-256'];

/**
 * The order a trunk offers: the one it set, or the default when it set none (absent or empty).
 * Read models keep what the trunk set, so trunks without an order follow a changed default.
 */
export function effectiveDigestAlgorithms(set: readonly DigestAlgorithmName[] | undefined): DigestAlgorithmName[] {
  return [...(set !== undefined && set.length > 0 ? set : DEFAULT_DIGEST_ALGORITHMS)];
}

/** Brute-force lockout of one source IP on one trunk (SPEC §5.1). */
export interface LockoutPolicy {
  /** false: failures are neither counted per source nor locked out. */
  enabled: boolean;
  /** Failed attempts (`bad-response`, `unknown-user`) within the window that lock the source out. */
  maxFailures: number;
  windowSeconds: number;
  /** How long a locked-out source stays locked out. */
  lockoutSeconds: number;
}
/** Applies to every trunk that never set a policy of its own. */
export const DEFAULT_LOCKOUT_POLICY: Readonly<LockoutPolicy> = Object.freeze({ enabled: true, maxFailures: 10, windowSeconds: 60, lockoutSeconds: 300 });

/** The policy in force: the trunk's (each figure it left out taken from the default), or the default when it set none. */
export function effectiveLockoutPolicy(p: (Partial<LockoutPolicy> & { enabled: boolean }) | undefined): LockoutPolicy {
  return {
    enabled: p?.enabled ?? DEFAULT_LOCKOUT_POLICY.enabled,
    maxFailures: p?.maxFailures ?? DEFAULT_LOCKOUT_POLICY.maxFailures,
    windowSeconds: p?.windowSeconds ?? DEFAULT_LOCKOUT_POLICY.windowSeconds,
    lockoutSeconds: p?.lockoutSeconds ?? DEFAULT_LOCKOUT_POLICY.lockoutSeconds,
  };
}

interface AccountScoped {
  accountId: string;
  /** Optional idempotency key: a retry with the same requestId returns the first reply and writes nothing. */
  requestId?: string;
  /** Who asks, for the audit trail (SPEC §6): a REST call's token name, or what a NATS caller gives (default `nats`). */
  actor?: string;
}

export interface CreateCredentialListRequest extends AccountScoped { friendlyName: string; username: string; password: string }
export interface RenameCredentialListRequest extends AccountScoped { credentialListId: string; friendlyName: string }
export interface DeleteCredentialListRequest extends AccountScoped { credentialListId: string }
export interface AddCredentialRequest extends AccountScoped { credentialListId: string; username: string; password: string }
export interface ChangeCredentialPasswordRequest extends AccountScoped {
  credentialListId: string; credentialId: string; password: string;
  /** 0–604800 (default 0): how long the replaced password still authenticates (SPEC §5.2). */
  previousPasswordValidForSeconds?: number;
}
export interface RemoveCredentialRequest extends AccountScoped { credentialListId: string; credentialId: string }
/**
 * One line of a bulk import: a password (checked like credential.add's), or an MD5 HA1 (32 hex digits,
 * e.g. Kamailio's `subscriber.ha1`, computed under the request's realm): such a credential answers MD5
 * challenges only, so every trunk using the list should offer `["MD5"]` (trunk.set-digest-algorithms).
 */
export interface ImportCredentialLine { username: string; password?: string; ha1?: string }
/** At most {@link MAX_IMPORT_LINES} credentials, imported all or none; `realm` must be the service's digest realm. */
export interface ImportCredentialsRequest extends AccountScoped { credentialListId: string; realm: string; credentials: ImportCredentialLine[] }
/** The most credentials one import request carries (a whole list). */
export const MAX_IMPORT_LINES = 1000;
export interface ImportCredentialsResult extends CommandResult {
  credentialListId: string;
  /** One per line, in the request's order (`index` is the line's place in `credentials`). */
  credentials: Array<{ index: number; credentialId: string; username: string; md5Only?: true }>;
  /** How many credentials can answer MD5 challenges only (imported from an MD5 HA1). */
  md5OnlyCount: number;
}
export interface CreateIpAclRequest extends AccountScoped { friendlyName: string }
export interface RenameIpAclRequest extends AccountScoped { ipAccessControlListId: string; friendlyName: string }
export interface DeleteIpAclRequest extends AccountScoped { ipAccessControlListId: string }
export interface AddIpAddressRequest extends AccountScoped {
  ipAccessControlListId: string;
  friendlyName: string;
  ipAddress: string;
  cidrPrefixLength?: number;
}
export interface RemoveIpAddressRequest extends AccountScoped { ipAccessControlListId: string; ipAddressId: string }
export interface RenameIpAddressRequest extends AccountScoped { ipAccessControlListId: string; ipAddressId: string; friendlyName: string }
export interface CreateTrunkRequest extends AccountScoped { friendlyName: string; domainName: string }
export interface RenameTrunkRequest extends AccountScoped { trunkId: string; friendlyName: string }
export interface DeleteTrunkRequest extends AccountScoped { trunkId: string }
export interface AssignListRequest extends AccountScoped { trunkId: string; listKind: ListKind; listId: string }
export interface SetDigestAlgorithmsRequest extends AccountScoped { trunkId: string; algorithms: DigestAlgorithmName[] }
/** Figures left out take the default's ({@link DEFAULT_LOCKOUT_POLICY}); `enabled: false` turns the lockout off. */
export interface SetLockoutPolicyRequest extends AccountScoped {
  trunkId: string; enabled: boolean; maxFailures?: number; windowSeconds?: number; lockoutSeconds?: number;
}

/** Every command reply carries the event store position at which its effect is visible (decimal string). */
export interface CommandResult { position: string }

/** Query requests (`sipauth.v1.query.*`): a get names the resource by its id field. */
export interface GetCredentialListRequest { accountId: string; credentialListId: string }
export interface GetIpAclRequest { accountId: string; ipAccessControlListId: string }
export interface GetTrunkRequest { accountId: string; trunkId: string }
/** Paging of list queries: `pageSize` 1–{@link MAX_PAGE_SIZE} (default {@link DEFAULT_PAGE_SIZE}); `pageToken` from the previous page's `nextPageToken`. */
export interface PageRequest { pageSize?: number; pageToken?: string }
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
export interface ListRequest extends PageRequest { accountId: string }
export interface GetCredentialRequest { accountId: string; credentialListId: string; credentialId: string }
export interface ListCredentialsRequest extends PageRequest { accountId: string; credentialListId: string }
export interface GetIpAddressRequest { accountId: string; ipAccessControlListId: string; ipAddressId: string }
export interface ListIpAddressesRequest extends PageRequest { accountId: string; ipAccessControlListId: string }

/** Query replies: read-model fields without any secret material, plus the read model's position. */
export interface QueryResult { position: string }
export interface CredentialSummary {
  credentialId: string; username: string; createdAt: string;
  /** Until when the password replaced by the last change still authenticates; absent when no overlap is running. */
  previousPasswordValidUntil?: string;
}
export interface CredentialListView {
  credentialListId: string; accountId: string; friendlyName: string; credentialCount: number;
  assignedTrunkIds: string[]; createdAt: string; updatedAt: string;
}
export interface CredentialListDetail extends CredentialListView { credentials: CredentialSummary[] }
export interface IpAddressView { ipAddressId: string; friendlyName: string; ipAddress: string; cidrPrefixLength: number; createdAt: string }
export interface IpAclView {
  ipAccessControlListId: string; accountId: string; friendlyName: string; ipAddressCount: number;
  assignedTrunkIds: string[]; createdAt: string; updatedAt: string;
}
export interface IpAclDetail extends IpAclView { ipAddresses: IpAddressView[] }
export interface TrunkView {
  trunkId: string; accountId: string; friendlyName: string; domainName: string;
  credentialListIds: string[]; ipAccessControlListIds: string[];
  /** The effective offered order, most preferred first (the default MD5, SHA-256 when the trunk set none). */
  digestAlgorithms: DigestAlgorithmName[];
  /** The effective lockout policy (the default when the trunk set none). */
  lockoutPolicy: LockoutPolicy;
  createdAt: string; updatedAt: string;
}
export type GetCredentialListResult = QueryResult & { credentialList: CredentialListDetail };
/** A page of a list query, in a stable order (by id); `nextPageToken` is absent on the last page. */
export interface PagedResult { nextPageToken?: string }
export type ListCredentialListsResult = QueryResult & PagedResult & { credentialLists: CredentialListView[] };
export type GetIpAclResult = QueryResult & { ipAccessControlList: IpAclDetail };
export type ListIpAclsResult = QueryResult & PagedResult & { ipAccessControlLists: IpAclView[] };
export type GetTrunkResult = QueryResult & { trunk: TrunkView };
export type ListTrunksResult = QueryResult & PagedResult & { trunks: TrunkView[] };
export type CredentialView = CredentialSummary & { credentialListId: string };
export type GetCredentialResult = QueryResult & { credential: CredentialView };
export type ListCredentialsResult = QueryResult & PagedResult & { credentials: CredentialView[] };
export type IpAddressDetail = IpAddressView & { ipAccessControlListId: string };
export type GetIpAddressResult = QueryResult & { ipAddress: IpAddressDetail };
export type ListIpAddressesResult = QueryResult & PagedResult & { ipAddresses: IpAddressDetail[] };

/** `query.history`: the audit trail of an account, or of one resource (a list, trunk, credential or IP address id), from the event store. */
export interface HistoryRequest extends PageRequest { accountId: string; resourceId?: string }
/** One recorded change, in words; never a password or a hash. */
export interface HistoryEntry {
  /** Event store position (decimal string); entries come newest first. */
  position: string;
  /** When the store recorded it (ISO 8601). */
  at: string;
  /** The event type, e.g. `CredentialAdded`. */
  type: string;
  /** The credential list, IP ACL or trunk the event belongs to. */
  resourceId: string;
  /** Who asked: a REST token's name, a NATS caller's actor (default `nats`); `unknown` for events written before actors were recorded. */
  actor: string;
  requestId?: string;
  correlationId: string;
  /** What changed, for a person, e.g. `Credential alice added`. */
  summary: string;
}
export type HistoryResult = PagedResult & { events: HistoryEntry[] };

/**
 * The request type of every command subject, by name: the endpoint table of config-service is typed
 * from it, so a DTO wired to another command's use case does not compile.
 */
export interface ConfigCommandRequests {
  'credential-list.create': CreateCredentialListRequest;
  'credential-list.rename': RenameCredentialListRequest;
  'credential-list.delete': DeleteCredentialListRequest;
  'credential.add': AddCredentialRequest;
  'credential.change-password': ChangeCredentialPasswordRequest;
  'credential.remove': RemoveCredentialRequest;
  'credential.import': ImportCredentialsRequest;
  'ip-acl.create': CreateIpAclRequest;
  'ip-acl.rename': RenameIpAclRequest;
  'ip-acl.delete': DeleteIpAclRequest;
  'ip-address.add': AddIpAddressRequest;
  'ip-address.remove': RemoveIpAddressRequest;
  'ip-address.rename': RenameIpAddressRequest;
  'trunk.create': CreateTrunkRequest;
  'trunk.rename': RenameTrunkRequest;
  'trunk.delete': DeleteTrunkRequest;
  'trunk.assign': AssignListRequest;
  'trunk.unassign': AssignListRequest;
  'trunk.set-digest-algorithms': SetDigestAlgorithmsRequest;
  'trunk.set-lockout-policy': SetLockoutPolicyRequest;
}

/** The request type of every query subject, by name (see ConfigCommandRequests). */
export interface QueryRequests {
  'credential-list.get': GetCredentialListRequest;
  'credential-list.list': ListRequest;
  'ip-acl.get': GetIpAclRequest;
  'ip-acl.list': ListRequest;
  'trunk.get': GetTrunkRequest;
  'trunk.list': ListRequest;
  'credential.get': GetCredentialRequest;
  'credential.list': ListCredentialsRequest;
  'ip-address.get': GetIpAddressRequest;
  'ip-address.list': ListIpAddressesRequest;
  history: HistoryRequest;
}
