/**
 * The read models in NATS KV: written by projection-service, watched by sip-auth-worker, read by the
 * config-service queries. One key per entity, so no value grows with the number of credentials.
 *
 * Buckets (names built from the namespace):
 *  - `<ns>_projection`: key `active` holds {@link ActiveReadModel}, the bucket readers use; the
 *    projection's single-active lease lives here too (key `lease`).
 *  - `<ns>_rm_<generation>`: one generation of the read model. A rebuild fills a fresh generation from
 *    position zero and then switches `active` to it.
 *  - `<ns>_nonces`: nonce/nc pairs already used (replay protection across replicas), TTL = nonce lifetime.
 *  - `<ns>_lockouts`: sources locked out of a trunk (SPEC §5.1), written and watched by sip-auth-worker.
 *
 * Keys inside a read-model bucket (KV keys allow `[-/_=.a-zA-Z0-9]`):
 *  - `acct.<accountId>.credential-list.<credentialListId>` → {@link CredentialListDoc}
 *  - `acct.<accountId>.credential.<credentialListId>.<credentialId>` → {@link CredentialDoc}
 *  - `acct.<accountId>.ip-acl.<ipAccessControlListId>` → {@link IpAclDoc}
 *  - `acct.<accountId>.ip-address.<ipAccessControlListId>.<ipAddressId>` → {@link IpAddressDoc}
 *  - `acct.<accountId>.trunk.<trunkId>` → {@link TrunkDoc}
 *  - `acct.<accountId>.credential-ids.<credentialListId>` → {@link CredentialIdsDoc} (a list's members)
 *  - `meta.position` → {@link PositionDoc}: the checkpoint, written after every applied event
 *    (including events that change no document), so it is also every reader's "applied up to".
 * A deleted entity's key is deleted (KV delete marker). A deleted list, ACL or trunk also leaves
 * `tombstone.<its key>` (`{deleted, revision, position, updatedAt}`), so that projection-service's
 * replay from an older checkpoint cannot re-create it; readers ignore keys `parseKey` does not know.
 */
import type { DigestAlgorithmName, LockoutPolicy } from './config';

export const projectionBucket = (ns: string): string => `${ns}_projection`;
export const readModelBucket = (ns: string, generation: number): string => `${ns}_rm_${generation}`;
/**
 * The eager copy of a read-model generation (issue 14): position, trunks, lists, ACLs and ranges only,
 * written by projection-service beside the generation, so that a worker reads what it holds eagerly
 * without a wildcard filter over millions of credential keys (on NATS 2.9 a filtered consumer scans
 * the whole stream). Deleted with the generation.
 */
export const eagerBucketOf = (readModelBucketName: string): string => `${readModelBucketName}_eager`;
/** Whether a read-model key also lives in the eager copy ({@link eagerBucketOf}). */
export function isEagerKey(key: string): boolean {
  const kind = parseKey(key)?.kind;
  return kind !== undefined && kind !== 'credential' && kind !== 'credential-ids';
}
export const nonceBucket = (ns: string): string => `${ns}_nonces`;
/** Active brute-force lockouts, one key per trunk and source IP (see sip-auth-worker's lockout-registry). */
export const lockoutBucket = (ns: string): string => `${ns}_lockouts`;
/** config-service's ledger of replies to commands that carried a requestId. */
export const requestsBucket = (ns: string): string => `${ns}_requests`;
/** The JetStream event store's stream (subjects `<ns>.events.>`). */
export const eventStreamName = (ns: string): string => `${ns}_events`;

/**
 * Whether a JetStream stream belongs to `ns`: its event stream or one of its KV buckets (bucket B is
 * stream `KV_B`). Exact names, so namespaces `a` and `a_b` never claim each other's streams.
 */
export function isNamespaceStream(streamName: string, ns: string): boolean {
  if (streamName === eventStreamName(ns)) return true;
  const bucket = streamName.startsWith('KV_') ? streamName.slice(3) : undefined;
  if (bucket === undefined) return false;
  if (bucket === projectionBucket(ns) || bucket === nonceBucket(ns) || bucket === lockoutBucket(ns) || bucket === requestsBucket(ns)) return true;
  const generation = bucket.startsWith(`${ns}_rm_`) ? bucket.slice(ns.length + 4) : '';
  return /^[1-9]\d*(_eager)?$/.test(generation);
}
export const ACTIVE_KEY = 'active';
export const LEASE_KEY = 'lease';
export const POSITION_KEY = 'meta.position';

export const keys = {
  credentialList: (accountId: string, id: string) => `acct.${accountId}.credential-list.${id}`,
  credential: (accountId: string, listId: string, id: string) => `acct.${accountId}.credential.${listId}.${id}`,
  ipAcl: (accountId: string, id: string) => `acct.${accountId}.ip-acl.${id}`,
  ipAddress: (accountId: string, aclId: string, id: string) => `acct.${accountId}.ip-address.${aclId}.${id}`,
  trunk: (accountId: string, id: string) => `acct.${accountId}.trunk.${id}`,
  /** A list's members, one document ({@link CredentialIdsDoc}): what a worker loads a list by, without listing keys. */
  credentialIds: (accountId: string, listId: string) => `acct.${accountId}.credential-ids.${listId}`,
  /** Filters for listing an account's entities (`kv.keys(filter)` / `kv.watch({ key })`). */
  credentialListsOf: (accountId: string) => `acct.${accountId}.credential-list.*`,
  credentialsOf: (accountId: string, listId: string) => `acct.${accountId}.credential.${listId}.*`,
  ipAclsOf: (accountId: string) => `acct.${accountId}.ip-acl.*`,
  ipAddressesOf: (accountId: string, aclId: string) => `acct.${accountId}.ip-address.${aclId}.*`,
  trunksOf: (accountId: string) => `acct.${accountId}.trunk.*`,
};

/** Parses a read-model key back into its kind and ids (undefined for keys this version does not know). */
export function parseKey(key: string):
  | { kind: 'credential-list' | 'credential-ids' | 'ip-acl' | 'trunk'; accountId: string; id: string }
  | { kind: 'credential' | 'ip-address'; accountId: string; parentId: string; id: string }
  | { kind: 'position' }
  | undefined {
  if (key === POSITION_KEY) return { kind: 'position' };
  const t = key.split('.');
  if (t[0] !== 'acct') return undefined;
  if (t.length === 4 && (t[2] === 'credential-list' || t[2] === 'credential-ids' || t[2] === 'ip-acl' || t[2] === 'trunk')) {
    return { kind: t[2], accountId: t[1], id: t[3] };
  }
  if (t.length === 5 && (t[2] === 'credential' || t[2] === 'ip-address')) {
    return { kind: t[2], accountId: t[1], parentId: t[3], id: t[4] };
  }
  return undefined;
}

export interface ActiveReadModel { bucket: string; generation: number; activatedAt: string }

/** Every document records the stream revision it reflects, so redelivered events are skipped. */
interface Versioned { revision: number; position: string; updatedAt: string }

export interface CredentialListDoc extends Versioned {
  credentialListId: string;
  accountId: string;
  friendlyName: string;
  credentialCount: number;
  assignedTrunkIds: string[];
  createdAt: string;
}

/** Sealed HA1s (AES-256-GCM, self-describing key id); never returned by a query. */
export interface SealedHa1s { 'MD5': string; 'SHA-256': string; 'SHA-512-256': string }
/** A credential imported from an MD5 HA1 alone holds only that one: it can answer MD5 challenges only (issue 14). */
export type CredentialHa1s = SealedHa1s | { 'MD5': string };

export interface CredentialDoc extends Versioned {
  credentialId: string;
  credentialListId: string;
  accountId: string;
  username: string;
  realm: string;
  ha1: CredentialHa1s;
  /** Imported from an MD5 HA1 (no password known): `ha1` holds MD5 only, and only an MD5 challenge can verify it. */
  md5Only?: true;
  /** The replaced password's HA1s, accepted until `validUntil` (ISO); absent when no overlap runs (SPEC §5.2). */
  previous?: { ha1: CredentialHa1s; validUntil: string };
  createdAt: string;
}

/**
 * The members of one credential list (issue 14): credential id → username, kept by projection-service
 * with the list's events (imports included), so that a worker loads a list by one get and exact keys
 * instead of listing or filtering the bucket's credential keys. Holds no secret. Deleted with the list.
 */
export interface CredentialIdsDoc extends Versioned {
  credentialListId: string;
  accountId: string;
  credentials: Record<string, string>;
}

export interface IpAclDoc extends Versioned {
  ipAccessControlListId: string;
  accountId: string;
  friendlyName: string;
  ipAddressCount: number;
  assignedTrunkIds: string[];
  createdAt: string;
}

export interface IpAddressDoc extends Versioned {
  ipAddressId: string;
  ipAccessControlListId: string;
  accountId: string;
  friendlyName: string;
  /** The normalised network address (`10.1.2.0` for `10.1.2.3/24`). */
  ipAddress: string;
  cidrPrefixLength: number;
  createdAt: string;
}

export interface TrunkDoc extends Versioned {
  trunkId: string;
  accountId: string;
  friendlyName: string;
  domainName: string;
  credentialListIds: string[];
  ipAccessControlListIds: string[];
  /** The order the trunk set; empty means the default: read it through effectiveDigestAlgorithms. */
  digestAlgorithms: DigestAlgorithmName[];
  /** The policy the trunk set; absent means the default: read it through effectiveLockoutPolicy. */
  lockoutPolicy?: LockoutPolicy;
  createdAt: string;
}

export interface PositionDoc { position: string; updatedAt: string }
