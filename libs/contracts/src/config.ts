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

export interface GetRequest { accountId: string; id: string }
export interface ListRequest { accountId: string }
