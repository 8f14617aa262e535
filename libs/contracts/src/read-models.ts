/**
 * The read models in NATS KV: written by projection-service, watched by sip-auth-worker, read by the
 * config-service queries. One key per entity, except credentials: a list's credentials are grouped in
 * a fixed number of chunk documents ({@link CREDENTIAL_CHUNKS}), because one KV put per credential
 * caps a bulk import at the server's put rate (issue 14), and a list holds at most 1,000 credentials,
 * so no value grows without bound.
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
 *  - `acct.<accountId>.credentials.<credentialListId>.<chunk>` → {@link CredentialChunkDoc}: the list's
 *    credentials whose id hashes to `chunk` ({@link credentialChunkOf}, 0 … CREDENTIAL_CHUNKS − 1);
 *    a chunk no credential ever hashed to is absent
 *  - `acct.<accountId>.ip-acl.<ipAccessControlListId>` → {@link IpAclDoc}
 *  - `acct.<accountId>.ip-address.<ipAccessControlListId>.<ipAddressId>` → {@link IpAddressDoc}
 *  - `acct.<accountId>.trunk.<trunkId>` → {@link TrunkDoc}
 *  - `meta.position` → {@link PositionDoc}: the checkpoint, written after every applied event
 *    (including events that change no document), so it is also every reader's "applied up to".
 * A deleted entity's key is deleted (KV delete marker). A deleted list, ACL or trunk also leaves
 * `tombstone.<its key>` (`{deleted, revision, position, updatedAt}`), so that projection-service's
 * replay from an older checkpoint cannot re-create it; readers ignore keys `parseKey` does not know.
 * A deleted list's chunks are deleted with it.
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
  return kind !== undefined && kind !== 'credential-chunk';
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

/**
 * Chunk documents per credential list. A list holds at most 1,000 credentials (SPEC §3): 62.5 ± 8 per
 * chunk for random ids. A credential entry measured 605 B (three sealed HA1s) and 1,082 B at most
 * (a 32-character username and a password overlap running: three more), so a chunk of a full list is
 * ~38 kB, ~68 kB with every password in an overlap, and even 4× the average (~270 kB) stays well under
 * NATS's 1 MB default max payload; only ~970 credentials of one list in one chunk, all in an overlap,
 * would pass it (ids are random: probability far below 10⁻²⁰). Changing it changes every chunk key:
 * a new read-model layout (a rebuild).
 */
export const CREDENTIAL_CHUNKS = 16;

/** The chunk a credential lives in: FNV-1a (32 bit) of its id, modulo {@link CREDENTIAL_CHUNKS}. Stable across versions. */
export function credentialChunkOf(credentialId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < credentialId.length; i++) {
    hash ^= credentialId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % CREDENTIAL_CHUNKS;
}

export const keys = {
  credentialList: (accountId: string, id: string) => `acct.${accountId}.credential-list.${id}`,
  /** One chunk of a list's credentials ({@link CredentialChunkDoc}). */
  credentialChunk: (accountId: string, listId: string, chunk: number) => `acct.${accountId}.credentials.${listId}.${chunk}`,
  /** Every chunk key of a list, chunk 0 first: a list is read by these exact keys, never by a filter. */
  credentialChunks: (accountId: string, listId: string): string[] =>
    Array.from({ length: CREDENTIAL_CHUNKS }, (_, chunk) => keys.credentialChunk(accountId, listId, chunk)),
  ipAcl: (accountId: string, id: string) => `acct.${accountId}.ip-acl.${id}`,
  ipAddress: (accountId: string, aclId: string, id: string) => `acct.${accountId}.ip-address.${aclId}.${id}`,
  trunk: (accountId: string, id: string) => `acct.${accountId}.trunk.${id}`,
  /** Filters for listing an account's entities (`kv.keys(filter)` / `kv.watch({ key })`). */
  credentialListsOf: (accountId: string) => `acct.${accountId}.credential-list.*`,
  ipAclsOf: (accountId: string) => `acct.${accountId}.ip-acl.*`,
  ipAddressesOf: (accountId: string, aclId: string) => `acct.${accountId}.ip-address.${aclId}.*`,
  trunksOf: (accountId: string) => `acct.${accountId}.trunk.*`,
};

/** Parses a read-model key back into its kind and ids (undefined for keys this version does not know). */
export function parseKey(key: string):
  | { kind: 'credential-list' | 'ip-acl' | 'trunk'; accountId: string; id: string }
  | { kind: 'ip-address'; accountId: string; parentId: string; id: string }
  | { kind: 'credential-chunk'; accountId: string; parentId: string; chunk: number }
  | { kind: 'position' }
  | undefined {
  if (key === POSITION_KEY) return { kind: 'position' };
  const t = key.split('.');
  if (t[0] !== 'acct') return undefined;
  if (t.length === 4 && (t[2] === 'credential-list' || t[2] === 'ip-acl' || t[2] === 'trunk')) {
    return { kind: t[2], accountId: t[1], id: t[3] };
  }
  if (t.length === 5 && t[2] === 'ip-address') return { kind: t[2], accountId: t[1], parentId: t[3], id: t[4] };
  if (t.length === 5 && t[2] === 'credentials' && /^(0|[1-9]\d*)$/.test(t[4]) && Number(t[4]) < CREDENTIAL_CHUNKS) {
    return { kind: 'credential-chunk', accountId: t[1], parentId: t[3], chunk: Number(t[4]) };
  }
  return undefined;
}

/**
 * The layout of the read-model documents this code writes and reads. 2: credentials in chunk
 * documents (issue 14); 1 (a pointer without `layout`): one document per credential and a members
 * document per list. A layout change ships as a rebuild: projection-service rebuilds a generation of an
 * older layout into a fresh one on start, and workers and queries wait for (or keep using, until the
 * switch) a generation of their own layout.
 */
export const READ_MODEL_LAYOUT = 2;

export interface ActiveReadModel {
  bucket: string;
  generation: number;
  activatedAt: string;
  /** {@link READ_MODEL_LAYOUT} of the generation; absent for generations written before layouts were numbered (1). */
  layout?: number;
}

/** The layout of an active generation (1 when the pointer names none). */
export const layoutOf = (active: ActiveReadModel): number => active.layout ?? 1;

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

/** One credential as queries and the worker see it (rebuilt from its chunk by {@link credentialsOfChunk}). */
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

/** A credential inside its chunk: its id is the entry's key, its list and account the chunk's. */
export type ChunkedCredential = Omit<CredentialDoc, 'credentialId' | 'credentialListId' | 'accountId'>;

/**
 * Some of one list's credentials (those whose id hashes to `chunk`), credential id → entry, in the
 * order they were added. The entry keeps the revision, position and time of the last event that
 * changed that credential; the chunk's own of the last event that changed any of them. Holds the
 * sealed HA1s exactly as the events carry them, never a clear one.
 */
export interface CredentialChunkDoc extends Versioned {
  credentialListId: string;
  accountId: string;
  chunk: number;
  credentials: Record<string, ChunkedCredential>;
}

/** A chunk's entry as a whole credential document: its id, and the chunk's list and account. */
const wholeCredential = (doc: CredentialChunkDoc, credentialId: string, entry: ChunkedCredential): CredentialDoc =>
  ({ credentialId, credentialListId: doc.credentialListId, accountId: doc.accountId, ...entry });

/** The credentials of a chunk document as whole credential documents, in the chunk's order. */
export function credentialsOfChunk(doc: CredentialChunkDoc): CredentialDoc[] {
  return Object.entries(doc.credentials).map(([credentialId, entry]) => wholeCredential(doc, credentialId, entry));
}

/** One credential of a chunk document as a whole credential document (undefined when the chunk does not hold it). */
export function credentialOfChunk(doc: CredentialChunkDoc | undefined, credentialId: string): CredentialDoc | undefined {
  if (!doc || !Object.prototype.hasOwnProperty.call(doc.credentials, credentialId)) return undefined;
  return wholeCredential(doc, credentialId, doc.credentials[credentialId]);
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

/**
 * The checkpoint: every event up to `position` is written. `updatedAt` is when the checkpoint was
 * written; `recordedAt` (absent in checkpoints written before it existed) when the store recorded the
 * event at `position`, so a reader can tell how long a change took to reach it.
 */
export interface PositionDoc { position: string; updatedAt: string; recordedAt?: string }

/**
 * Buckets (seconds) of the propagation histograms projection-service and the workers keep from
 * `recordedAt` (recorded → stored, recorded → applied): fine below the 50 ms target (issue 14), coarse
 * above it, and the same in both so that their figures compare bucket for bucket.
 */
export const PROPAGATION_BUCKETS_SECONDS: readonly number[] = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5];
