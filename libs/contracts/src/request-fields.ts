/**
 * The fields of every request of contract v1 as runtime lists, for what cannot read TypeScript types:
 * the AsyncAPI document's drift check, permission tooling, generic validators. Each list is checked
 * against its request interface at compile time: a field added to, removed from or made optional in
 * an interface without the same change here does not compile.
 */
import type { AuthorizeRequest, ChallengeRequest, VerifyRequest } from './auth';
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
  GetIpAclRequest,
  GetTrunkRequest,
  ListRequest,
  RemoveCredentialRequest,
  RemoveIpAddressRequest,
  RenameCredentialListRequest,
  RenameIpAclRequest,
  RenameTrunkRequest,
  SetDigestAlgorithmsRequest,
} from './config';
import type { AuthOperation, ConfigCommandName, QueryName } from './subjects';

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
  'credential-list.create': fieldsOf<CreateCredentialListRequest>()(['accountId', 'friendlyName', 'username', 'password'], ['requestId']),
  'credential-list.rename': fieldsOf<RenameCredentialListRequest>()(['accountId', 'credentialListId', 'friendlyName'], ['requestId']),
  'credential-list.delete': fieldsOf<DeleteCredentialListRequest>()(['accountId', 'credentialListId'], ['requestId']),
  'credential.add': fieldsOf<AddCredentialRequest>()(['accountId', 'credentialListId', 'username', 'password'], ['requestId']),
  'credential.change-password': fieldsOf<ChangeCredentialPasswordRequest>()(['accountId', 'credentialListId', 'credentialId', 'password'], ['requestId']),
  'credential.remove': fieldsOf<RemoveCredentialRequest>()(['accountId', 'credentialListId', 'credentialId'], ['requestId']),
  'ip-acl.create': fieldsOf<CreateIpAclRequest>()(['accountId', 'friendlyName'], ['requestId']),
  'ip-acl.rename': fieldsOf<RenameIpAclRequest>()(['accountId', 'ipAccessControlListId', 'friendlyName'], ['requestId']),
  'ip-acl.delete': fieldsOf<DeleteIpAclRequest>()(['accountId', 'ipAccessControlListId'], ['requestId']),
  'ip-address.add': fieldsOf<AddIpAddressRequest>()(['accountId', 'ipAccessControlListId', 'friendlyName', 'ipAddress'], ['requestId', 'cidrPrefixLength']),
  'ip-address.remove': fieldsOf<RemoveIpAddressRequest>()(['accountId', 'ipAccessControlListId', 'ipAddressId'], ['requestId']),
  'trunk.create': fieldsOf<CreateTrunkRequest>()(['accountId', 'friendlyName', 'domainName'], ['requestId']),
  'trunk.rename': fieldsOf<RenameTrunkRequest>()(['accountId', 'trunkId', 'friendlyName'], ['requestId']),
  'trunk.delete': fieldsOf<DeleteTrunkRequest>()(['accountId', 'trunkId'], ['requestId']),
  'trunk.assign': fieldsOf<AssignListRequest>()(['accountId', 'trunkId', 'listKind', 'listId'], ['requestId']),
  'trunk.unassign': fieldsOf<AssignListRequest>()(['accountId', 'trunkId', 'listKind', 'listId'], ['requestId']),
  'trunk.set-digest-algorithms': fieldsOf<SetDigestAlgorithmsRequest>()(['accountId', 'trunkId', 'algorithms'], ['requestId']),
};

/** Request fields of each query (`<ns>.v1.query.<name>`). */
export const QUERY_REQUEST_FIELDS: Readonly<Record<QueryName, RequestFields>> = {
  'credential-list.get': fieldsOf<GetCredentialListRequest>()(['accountId', 'credentialListId'], []),
  'credential-list.list': fieldsOf<ListRequest>()(['accountId'], []),
  'ip-acl.get': fieldsOf<GetIpAclRequest>()(['accountId', 'ipAccessControlListId'], []),
  'ip-acl.list': fieldsOf<ListRequest>()(['accountId'], []),
  'trunk.get': fieldsOf<GetTrunkRequest>()(['accountId', 'trunkId'], []),
  'trunk.list': fieldsOf<ListRequest>()(['accountId'], []),
};

/** Request fields of each auth operation (`<ns>.v1.auth.<op>`); `status` takes an empty body. */
export const AUTH_REQUEST_FIELDS: Readonly<Record<AuthOperation, RequestFields>> = {
  authorize: fieldsOf<AuthorizeRequest>()(['domain', 'sourceIp', 'method', 'requestUri'], ['authorization', 'body']),
  challenge: fieldsOf<ChallengeRequest>()(['domain'], ['sourceIp']),
  verify: fieldsOf<VerifyRequest>()(['domain', 'method', 'requestUri', 'authorization'], ['sourceIp', 'body']),
  status: { required: [], optional: [] },
};
