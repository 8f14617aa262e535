/**
 * Every REST call the console makes, typed by the generated `paths`. Each returns the plain resource
 * (whether the server still wraps it in `{ok,data}` or not) and, for writes, the event-store position.
 */
import { api, nextPageTokenOf, noteWritten, reply, type Replied } from './client';
import type {
  CredentialListDetail, CredentialListView, DigestAlgorithm, HistoryEntry, IpAclDetail, IpAclView, ListKind, Lockout, LockoutPolicy, Page,
  TestCallResult, TokenIdentity, TrunkView,
} from './models';
import type { components } from './schema';

type Schemas = components['schemas'];
export type Written = { position?: string; ids: Record<string, string> };

/** `pageSize`/`pageToken` of a list (SPEC §9). */
const paging = (pageToken?: string, pageSize = 20) => ({ pageSize, ...(pageToken ? { pageToken } : {}) });

function written(r: Replied<unknown>): Written {
  noteWritten(r.position);
  const ids: Record<string, string> = {};
  if (typeof r.body === 'object' && r.body !== null) {
    for (const [k, v] of Object.entries(r.body)) if (k.endsWith('Id') && typeof v === 'string') ids[k] = v;
  }
  return { position: r.position, ids };
}

function page<T>(r: Replied<unknown>, key: string): Page<T> {
  const body = r.body as Record<string, unknown> | T[];
  const items = (Array.isArray(body) ? body : (body[key] ?? body.items ?? [])) as T[];
  return { items, nextPageToken: nextPageTokenOf(r.response, body) };
}

/** A resource's body: the REST reply is either the resource itself or `{<key>: resource}`. */
function one<T>(r: Replied<unknown>, key: string): T {
  const body = r.body as Record<string, unknown>;
  return (body[key] ?? body) as T;
}

export type { TokenIdentity };

export const session = {
  me: async () => (await reply<TokenIdentity>(api.GET('/v1/me'))).body,
  workersPosition: async () => (await reply<{ ready: boolean; position: string }>(api.GET('/v1/workers/status'))).body,
};

export const credentialLists = {
  list: async (accountId: string, pageToken?: string) =>
    page<CredentialListView>(await reply(api.GET('/v1/accounts/{accountId}/credential-lists', { params: { path: { accountId }, query: paging(pageToken) } })), 'credentialLists'),
  get: async (accountId: string, credentialListId: string) =>
    one<CredentialListDetail>(await reply(api.GET('/v1/accounts/{accountId}/credential-lists/{credentialListId}', { params: { path: { accountId, credentialListId } } })), 'credentialList'),
  create: async (accountId: string, body: Schemas['CreateCredentialListBody']) =>
    written(await reply(api.POST('/v1/accounts/{accountId}/credential-lists', { params: { path: { accountId } }, body }))),
  rename: async (accountId: string, credentialListId: string, friendlyName: string) =>
    written(await reply(api.PATCH('/v1/accounts/{accountId}/credential-lists/{credentialListId}', { params: { path: { accountId, credentialListId } }, body: { friendlyName } }))),
  delete: async (accountId: string, credentialListId: string) =>
    written(await reply(api.DELETE('/v1/accounts/{accountId}/credential-lists/{credentialListId}', { params: { path: { accountId, credentialListId } } }))),
  addCredential: async (accountId: string, credentialListId: string, body: Schemas['AddCredentialBody']) =>
    written(await reply(api.POST('/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials', { params: { path: { accountId, credentialListId } }, body }))),
  changePassword: async (accountId: string, credentialListId: string, credentialId: string, body: Schemas['ChangePasswordBody']) =>
    written(await reply(api.PATCH('/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials/{credentialId}', { params: { path: { accountId, credentialListId, credentialId } }, body }))),
  removeCredential: async (accountId: string, credentialListId: string, credentialId: string) =>
    written(await reply(api.DELETE('/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials/{credentialId}', { params: { path: { accountId, credentialListId, credentialId } } }))),
};

export const ipAcls = {
  list: async (accountId: string, pageToken?: string) =>
    page<IpAclView>(await reply(api.GET('/v1/accounts/{accountId}/ip-access-control-lists', { params: { path: { accountId }, query: paging(pageToken) } })), 'ipAccessControlLists'),
  get: async (accountId: string, ipAccessControlListId: string) =>
    one<IpAclDetail>(await reply(api.GET('/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}', { params: { path: { accountId, ipAccessControlListId } } })), 'ipAccessControlList'),
  create: async (accountId: string, body: Schemas['CreateIpAclBody']) =>
    written(await reply(api.POST('/v1/accounts/{accountId}/ip-access-control-lists', { params: { path: { accountId } }, body }))),
  rename: async (accountId: string, ipAccessControlListId: string, friendlyName: string) =>
    written(await reply(api.PATCH('/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}', { params: { path: { accountId, ipAccessControlListId } }, body: { friendlyName } }))),
  delete: async (accountId: string, ipAccessControlListId: string) =>
    written(await reply(api.DELETE('/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}', { params: { path: { accountId, ipAccessControlListId } } }))),
  addIpAddress: async (accountId: string, ipAccessControlListId: string, body: Schemas['AddIpAddressBody']) =>
    written(await reply(api.POST('/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}/ip-addresses', { params: { path: { accountId, ipAccessControlListId } }, body }))),
  renameIpAddress: async (accountId: string, ipAccessControlListId: string, ipAddressId: string, friendlyName: string) =>
    written(await reply(api.PATCH('/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}/ip-addresses/{ipAddressId}', { params: { path: { accountId, ipAccessControlListId, ipAddressId } }, body: { friendlyName } }))),
  removeIpAddress: async (accountId: string, ipAccessControlListId: string, ipAddressId: string) =>
    written(await reply(api.DELETE('/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}/ip-addresses/{ipAddressId}', { params: { path: { accountId, ipAccessControlListId, ipAddressId } } }))),
};

export const trunks = {
  list: async (accountId: string, pageToken?: string) =>
    page<TrunkView>(await reply(api.GET('/v1/accounts/{accountId}/trunks', { params: { path: { accountId }, query: paging(pageToken, 100) } })), 'trunks'),
  get: async (accountId: string, trunkId: string) =>
    one<TrunkView>(await reply(api.GET('/v1/accounts/{accountId}/trunks/{trunkId}', { params: { path: { accountId, trunkId } } })), 'trunk'),
  create: async (accountId: string, body: Schemas['CreateTrunkBody']) =>
    written(await reply(api.POST('/v1/accounts/{accountId}/trunks', { params: { path: { accountId } }, body }))),
  rename: async (accountId: string, trunkId: string, friendlyName: string) =>
    written(await reply(api.PATCH('/v1/accounts/{accountId}/trunks/{trunkId}', { params: { path: { accountId, trunkId } }, body: { friendlyName } }))),
  delete: async (accountId: string, trunkId: string) =>
    written(await reply(api.DELETE('/v1/accounts/{accountId}/trunks/{trunkId}', { params: { path: { accountId, trunkId } } }))),
  setDigestAlgorithms: async (accountId: string, trunkId: string, algorithms: DigestAlgorithm[]) =>
    written(await reply(api.PUT('/v1/accounts/{accountId}/trunks/{trunkId}/digest-algorithms', { params: { path: { accountId, trunkId } }, body: { algorithms } as Schemas['SetDigestAlgorithmsBody'] }))),
  assign: async (accountId: string, trunkId: string, kind: ListKind, listId: string) =>
    written(await reply(kind === 'credentialList'
      ? api.POST('/v1/accounts/{accountId}/trunks/{trunkId}/credential-lists', { params: { path: { accountId, trunkId } }, body: { listId } })
      : api.POST('/v1/accounts/{accountId}/trunks/{trunkId}/ip-access-control-lists', { params: { path: { accountId, trunkId } }, body: { listId } }))),
  unassign: async (accountId: string, trunkId: string, kind: ListKind, listId: string) =>
    written(await reply(kind === 'credentialList'
      ? api.DELETE('/v1/accounts/{accountId}/trunks/{trunkId}/credential-lists/{listId}', { params: { path: { accountId, trunkId, listId } } })
      : api.DELETE('/v1/accounts/{accountId}/trunks/{trunkId}/ip-access-control-lists/{listId}', { params: { path: { accountId, trunkId, listId } } }))),
  setLockoutPolicy: async (accountId: string, trunkId: string, policy: LockoutPolicy) =>
    written(await reply(api.PUT('/v1/accounts/{accountId}/trunks/{trunkId}/lockout-policy', { params: { path: { accountId, trunkId } }, body: policy }))),
  lockouts: async (accountId: string, trunkId: string) =>
    (await reply<{ lockouts: Lockout[] }>(api.GET('/v1/accounts/{accountId}/trunks/{trunkId}/lockouts', { params: { path: { accountId, trunkId } } }))).body.lockouts,
  clearLockout: async (accountId: string, trunkId: string, sourceIp: string) =>
    (await reply<{ cleared: number }>(api.DELETE('/v1/accounts/{accountId}/trunks/{trunkId}/lockouts/{sourceIp}', { params: { path: { accountId, trunkId, sourceIp } } }))).body,
  testCall: async (accountId: string, trunkId: string, body: Schemas['TestCallBody']) =>
    (await reply<TestCallResult>(api.POST('/v1/accounts/{accountId}/trunks/{trunkId}/test-call', { params: { path: { accountId, trunkId } }, body }))).body,
};

/** The audit trail of one resource, newest first (SPEC §6). */
export const history = {
  page: async (accountId: string, resourceId: string, pageToken?: string): Promise<Page<HistoryEntry>> =>
    page<HistoryEntry>(await reply(api.GET('/v1/accounts/{accountId}/history', { params: { path: { accountId }, query: { resourceId, ...paging(pageToken) } } })), 'events'),
};
