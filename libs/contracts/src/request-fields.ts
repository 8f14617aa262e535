/**
 * The fields of every request of contract v1 as runtime lists, for what cannot read TypeScript types:
 * the AsyncAPI document's drift check, permission tooling, generic validators. Each list is checked
 * against its request interface at compile time: a field added to, removed from or made optional in
 * an interface without the same change here does not compile.
 */
import type { AuthorizeRequest, ChallengeRequest, ClearLockoutsRequest, ExplainRequest, ListLockoutsRequest, VerifyRequest } from './auth';
import type {
  AddCredentialRequest,
  AddIpAddressRequest,
  AssignListRequest,
  ChangeCredentialPasswordRequest,
  CreateCredentialListRequest,
  CreateIpAclRequest,
  CreateTrunkRequest,
  DeleteCredentialListRequest,
  DeleteIpAclRequest,
  DeleteTrunkRequest,
  GetCredentialListRequest,
  GetCredentialRequest,
  GetIpAddressRequest,
  ListCredentialsRequest,
  ListIpAddressesRequest,
  RenameIpAddressRequest,
  GetIpAclRequest,
  GetTrunkRequest,
  HistoryRequest,
  ImportCredentialsRequest,
  ListRequest,
  RemoveCredentialRequest,
  RemoveIpAddressRequest,
  RenameCredentialListRequest,
  RenameIpAclRequest,
  RenameTrunkRequest,
  SetDigestAlgorithmsRequest,
  SetLockoutPolicyRequest,
} from './config';
import type { AdminOperation, AuthOperation, ConfigCommandName, QueryName } from './subjects';

/** The top-level fields of one request body. */
export interface RequestFields {
  required: readonly string[];
  optional: readonly string[];
}

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T] & string;
type OptionalKeys<T> = Exclude<keyof T & string, RequiredKeys<T>>;
/** `unknown` when `Listed` names every key of `All`; otherwise a type no array literal satisfies. */
type Exhaustive<All, Listed> = [All] extends [Listed] ? unknown : { missingFields: Exclude<All, Listed> };

/** Binds a field list to request type T: only T's fields, each in the right list, none left out. */
const fieldsOf =
  <T>() =>
  <const R extends readonly RequiredKeys<T>[], const O extends readonly OptionalKeys<T>[]>(
    required: R & Exhaustive<RequiredKeys<T>, R[number]>,
    optional: O & Exhaustive<OptionalKeys<T>, O[number]>,
  ): RequestFields => ({ required, optional });

/** Request fields of each config command (`<ns>.v1.config.<name>`). */
export const COMMAND_REQUEST_FIELDS: Readonly<Record<ConfigCommandName, RequestFields>> = {
  'credential-list.create': fieldsOf<CreateCredentialListRequest>()(['accountId', 'friendlyName', 'username', 'password'], ['requestId', 'actor']),
  'credential-list.rename': fieldsOf<RenameCredentialListRequest>()(['accountId', 'credentialListId', 'friendlyName'], ['requestId', 'actor']),
  'credential-list.delete': fieldsOf<DeleteCredentialListRequest>()(['accountId', 'credentialListId'], ['requestId', 'actor']),
  'credential.add': fieldsOf<AddCredentialRequest>()(['accountId', 'credentialListId', 'username', 'password'], ['requestId', 'actor']),
  'credential.change-password': fieldsOf<ChangeCredentialPasswordRequest>()(['accountId', 'credentialListId', 'credentialId', 'password'], ['requestId', 'actor', 'previousPasswordValidForSeconds']),
  'credential.remove': fieldsOf<RemoveCredentialRequest>()(['accountId', 'credentialListId', 'credentialId'], ['requestId', 'actor']),
  'credential.import': fieldsOf<ImportCredentialsRequest>()(['accountId', 'credentialListId', 'realm', 'credentials'], ['requestId', 'actor']),
  'ip-acl.create': fieldsOf<CreateIpAclRequest>()(['accountId', 'friendlyName'], ['requestId', 'actor']),
  'ip-acl.rename': fieldsOf<RenameIpAclRequest>()(['accountId', 'ipAccessControlListId', 'friendlyName'], ['requestId', 'actor']),
  'ip-acl.delete': fieldsOf<DeleteIpAclRequest>()(['accountId', 'ipAccessControlListId'], ['requestId', 'actor']),
  'ip-address.add': fieldsOf<AddIpAddressRequest>()(['accountId', 'ipAccessControlListId', 'friendlyName', 'ipAddress'], ['requestId', 'actor', 'cidrPrefixLength']),
  'ip-address.remove': fieldsOf<RemoveIpAddressRequest>()(['accountId', 'ipAccessControlListId', 'ipAddressId'], ['requestId', 'actor']),
  'ip-address.rename': fieldsOf<RenameIpAddressRequest>()(['accountId', 'ipAccessControlListId', 'ipAddressId', 'friendlyName'], ['requestId', 'actor']),
  'trunk.create': fieldsOf<CreateTrunkRequest>()(['accountId', 'friendlyName', 'domainName'], ['requestId', 'actor']),
  'trunk.rename': fieldsOf<RenameTrunkRequest>()(['accountId', 'trunkId', 'friendlyName'], ['requestId', 'actor']),
  'trunk.delete': fieldsOf<DeleteTrunkRequest>()(['accountId', 'trunkId'], ['requestId', 'actor']),
  'trunk.assign': fieldsOf<AssignListRequest>()(['accountId', 'trunkId', 'listKind', 'listId'], ['requestId', 'actor']),
  'trunk.unassign': fieldsOf<AssignListRequest>()(['accountId', 'trunkId', 'listKind', 'listId'], ['requestId', 'actor']),
  'trunk.set-digest-algorithms': fieldsOf<SetDigestAlgorithmsRequest>()(['accountId', 'trunkId', 'algorithms'], ['requestId', 'actor']),
  'trunk.set-lockout-policy': fieldsOf<SetLockoutPolicyRequest>()(['accountId', 'trunkId', 'enabled'], ['requestId', 'actor', 'maxFailures', 'windowSeconds', 'lockoutSeconds']),
};

/** Request fields of each query (`<ns>.v1.query.<name>`). */
export const QUERY_REQUEST_FIELDS: Readonly<Record<QueryName, RequestFields>> = {
  'credential-list.get': fieldsOf<GetCredentialListRequest>()(['accountId', 'credentialListId'], []),
  'credential-list.list': fieldsOf<ListRequest>()(['accountId'], ['pageSize', 'pageToken']),
  'ip-acl.get': fieldsOf<GetIpAclRequest>()(['accountId', 'ipAccessControlListId'], []),
  'ip-acl.list': fieldsOf<ListRequest>()(['accountId'], ['pageSize', 'pageToken']),
  'trunk.get': fieldsOf<GetTrunkRequest>()(['accountId', 'trunkId'], []),
  'trunk.list': fieldsOf<ListRequest>()(['accountId'], ['pageSize', 'pageToken']),
  'credential.get': fieldsOf<GetCredentialRequest>()(['accountId', 'credentialListId', 'credentialId'], []),
  'credential.list': fieldsOf<ListCredentialsRequest>()(['accountId', 'credentialListId'], ['pageSize', 'pageToken']),
  'ip-address.get': fieldsOf<GetIpAddressRequest>()(['accountId', 'ipAccessControlListId', 'ipAddressId'], []),
  'ip-address.list': fieldsOf<ListIpAddressesRequest>()(['accountId', 'ipAccessControlListId'], ['pageSize', 'pageToken']),
  history: fieldsOf<HistoryRequest>()(['accountId'], ['resourceId', 'pageSize', 'pageToken']),
};

/** Request fields of each auth operation (`<ns>.v1.auth.<op>`); `status` takes an empty body. */
export const AUTH_REQUEST_FIELDS: Readonly<Record<AuthOperation, RequestFields>> = {
  authorize: fieldsOf<AuthorizeRequest>()(['domain', 'sourceIp', 'method', 'requestUri'], ['authorization', 'body', 'transactionId']),
  challenge: fieldsOf<ChallengeRequest>()(['domain'], ['sourceIp', 'transactionId']),
  verify: fieldsOf<VerifyRequest>()(['domain', 'method', 'requestUri', 'authorization'], ['sourceIp', 'body', 'transactionId']),
  status: { required: [], optional: [] },
  explain: fieldsOf<ExplainRequest>()(['domain', 'sourceIp'], ['method', 'username', 'password']),
  'lockouts.list': fieldsOf<ListLockoutsRequest>()(['accountId', 'trunkId'], []),
  'lockouts.clear': fieldsOf<ClearLockoutsRequest>()(['accountId', 'trunkId'], ['sourceIp']),
};

/** Request fields of each admin operation (`<ns>.v1.admin.<op>`): the rebuild takes an empty body. */
export const ADMIN_REQUEST_FIELDS: Readonly<Record<AdminOperation, RequestFields>> = {
  'projection.rebuild': { required: [], optional: [] },
};
