/** Request and reply bodies of the config commands and queries (SPEC §6). Every request carries accountId. */
export type ListKind = 'credentialList' | 'ipAccessControlList';
export const LIST_KINDS: readonly ListKind[] = ['credentialList', 'ipAccessControlList'];

export type DigestAlgorithmName = 'SHA-512-256' | 'SHA-256' | 'MD5';
export const DIGEST_ALGORITHMS: readonly DigestAlgorithmName[] = ['SHA-512-256', 'SHA-256', 'MD5'];
/** Offered when a trunk sets no order of its own (SPEC §5 step 5). */
export const DEFAULT_DIGEST_ALGORITHMS: readonly DigestAlgorithmName[] = ['SHA-256', 'MD5'];

interface AccountScoped {
  accountId: string;
  /** Optional idempotency key: a retry with the same requestId returns the first reply and writes nothing. */
  requestId?: string;
}

export interface CreateCredentialListRequest extends AccountScoped { friendlyName: string; username: string; password: string }
export interface RenameCredentialListRequest extends AccountScoped { credentialListId: string; friendlyName: string }
export interface DeleteCredentialListRequest extends AccountScoped { credentialListId: string }
export interface AddCredentialRequest extends AccountScoped { credentialListId: string; username: string; password: string }
export interface ChangeCredentialPasswordRequest extends AccountScoped { credentialListId: string; credentialId: string; password: string }
export interface RemoveCredentialRequest extends AccountScoped { credentialListId: string; credentialId: string }
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
export interface CreateTrunkRequest extends AccountScoped { friendlyName: string; domainName: string }
export interface RenameTrunkRequest extends AccountScoped { trunkId: string; friendlyName: string }
export interface DeleteTrunkRequest extends AccountScoped { trunkId: string }
export interface AssignListRequest extends AccountScoped { trunkId: string; listKind: ListKind; listId: string }
export interface SetDigestAlgorithmsRequest extends AccountScoped { trunkId: string; algorithms: DigestAlgorithmName[] }

/** Every command reply carries the event store position at which its effect is visible (decimal string). */
export interface CommandResult { position: string }

/** Query requests (`sipauth.v1.query.*`): a get names the resource by its id field. */
export interface GetCredentialListRequest { accountId: string; credentialListId: string }
export interface GetIpAclRequest { accountId: string; ipAccessControlListId: string }
export interface GetTrunkRequest { accountId: string; trunkId: string }
export interface ListRequest { accountId: string }

/** Query replies: read-model fields without any secret material, plus the read model's position. */
export interface QueryResult { position: string }
export interface CredentialSummary { credentialId: string; username: string; createdAt: string }
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
  /** Offered order; empty means the default (SHA-256, MD5). */
  digestAlgorithms: DigestAlgorithmName[]; createdAt: string; updatedAt: string;
}
export type GetCredentialListResult = QueryResult & { credentialList: CredentialListDetail };
export type ListCredentialListsResult = QueryResult & { credentialLists: CredentialListView[] };
export type GetIpAclResult = QueryResult & { ipAccessControlList: IpAclDetail };
export type ListIpAclsResult = QueryResult & { ipAccessControlLists: IpAclView[] };
export type GetTrunkResult = QueryResult & { trunk: TrunkView };
export type ListTrunksResult = QueryResult & { trunks: TrunkView[] };
