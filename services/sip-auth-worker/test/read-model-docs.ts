/** Read-model documents as projection-service writes them, for the worker's integration tests. */
import type { NatsConnection } from 'nats';
import { ACTIVE_KEY, READ_MODEL_LAYOUT, credentialChunkOf, CredentialChunkDoc, CredentialListDoc, eagerBucketOf, IpAddressDoc, isEagerKey, keys, POSITION_KEY, projectionBucket, readModelBucket, TrunkDoc } from '@sipauth/contracts';
import { computeHa1s, SealingKeyring, sealHa1s } from '@sipauth/sip-digest';

const keyring = new SealingKeyring([{ id: 'k1', key: Buffer.alloc(32, 2) }]);
const meta = { revision: 1, position: '1', updatedAt: '2025-01-01T00:00:00Z', createdAt: '2025-01-01T00:00:00Z' };
const ACCOUNT = 'AC1';

/** A trunk of the tests' account as projection-service writes it, with nothing assigned unless `opts` says. */
export const trunkDoc = (id: string, domainName: string, opts: Partial<TrunkDoc> = {}): TrunkDoc => ({
  ...meta, trunkId: id, accountId: ACCOUNT, friendlyName: id, domainName,
  credentialListIds: [], ipAccessControlListIds: [], digestAlgorithms: [], ...opts,
});

/**
 * Writes documents into one read-model generation of a namespace, and points `active` at it. With
 * `eagerCopy`, as projection-service writes since issue 14: the eager kinds are repeated into the
 * generation's eager copy. Credentials go into their lists' chunk documents.
 */
export async function readModel(nc: NatsConnection, ns: string, generation = 1, { eagerCopy = false } = {}) {
  const js = nc.jetstream();
  const bucket = readModelBucket(ns, generation);
  const main = await js.views.kv(bucket, { history: 1 });
  const copy = eagerCopy ? await js.views.kv(eagerBucketOf(bucket), { history: 1 }) : undefined;
  const kv = {
    async put(key: string, value: string) {
      await main.put(key, value);
      if (copy && isEagerKey(key)) await copy.put(key, value);
    },
    async delete(key: string) {
      await main.delete(key);
      if (copy && isEagerKey(key)) await copy.delete(key);
    },
  };
  let position = 0;
  const listCounts = new Map<string, number>();
  const chunks = new Map<string, CredentialChunkDoc>();
  let chunkRevision = 1;
  const advance = async () => {
    await kv.put(POSITION_KEY, JSON.stringify({ position: String(++position), updatedAt: meta.updatedAt }));
    return String(position);
  };
  const put = async (key: string, doc: unknown) => {
    await kv.put(key, JSON.stringify(doc));
    return advance();
  };
  return {
    bucket,
    async activate() {
      const pointers = await js.views.kv(projectionBucket(ns), { history: 1 });
      await pointers.put(ACTIVE_KEY, JSON.stringify({ bucket, generation, activatedAt: meta.updatedAt, layout: READ_MODEL_LAYOUT }));
    },
    trunk: (id: string, domainName: string, opts: Partial<TrunkDoc> = {}) => put(keys.trunk(ACCOUNT, id), trunkDoc(id, domainName, opts)),
    /** A credential, and its list's document counting it (as projection-service writes both for one event). */
    credential: async (listId: string, id: string, username: string, password: string) => {
      const credentialCount = (listCounts.get(listId) ?? 0) + 1;
      listCounts.set(listId, credentialCount);
      const chunk = credentialChunkOf(id);
      const key = keys.credentialChunk(ACCOUNT, listId, chunk);
      const revision = ++chunkRevision;
      const entry = { ...meta, revision, username, realm: 'sipauth.test', ha1: sealHa1s(keyring, computeHa1s(username, 'sipauth.test', password), `${listId}/${id}`) };
      const doc: CredentialChunkDoc = { ...meta, revision, credentialListId: listId, accountId: ACCOUNT, chunk, credentials: { ...chunks.get(key)?.credentials, [id]: entry } };
      chunks.set(key, doc);
      await kv.put(key, JSON.stringify(doc));
      return put(keys.credentialList(ACCOUNT, listId), {
        ...meta, credentialListId: listId, accountId: ACCOUNT, friendlyName: listId, credentialCount, assignedTrunkIds: [],
      } satisfies CredentialListDoc);
    },
    range: (aclId: string, id: string, ipAddress: string, cidrPrefixLength: number) => put(keys.ipAddress(ACCOUNT, aclId, id), {
      ...meta, ipAddressId: id, ipAccessControlListId: aclId, accountId: ACCOUNT, friendlyName: id, ipAddress, cidrPrefixLength,
    } satisfies IpAddressDoc),
    /** Removes a credential from its chunk (as projection-service does on CredentialRemoved). */
    removeCredential: async (listId: string, id: string) => {
      const chunk = credentialChunkOf(id);
      const key = keys.credentialChunk(ACCOUNT, listId, chunk);
      const { [id]: _removed, ...credentials } = chunks.get(key)?.credentials ?? {};
      const doc: CredentialChunkDoc = { ...meta, revision: ++chunkRevision, credentialListId: listId, accountId: ACCOUNT, chunk, credentials };
      chunks.set(key, doc);
      return put(key, doc);
    },
    remove: async (key: string) => { await kv.delete(key); return advance(); },
  };
}

/** Waits (up to 10 s, every 25 ms) until `check` holds, then expects it to: a watcher applies what KV delivers asynchronously. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  expect(check()).toBe(true);
}
