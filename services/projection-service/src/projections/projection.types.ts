/**
 * What a projection produces: the key-value operations an event implies, as data. The runner
 * executes them against the active read-model bucket; the projections themselves never do I/O.
 */
import type { CredentialChunkDoc, CredentialListDoc, IpAclDoc, IpAddressDoc, TrunkDoc } from '@sipauth/contracts';
import type { RecordedEvent } from '@sipauth/event-store';

/**
 * What is left of a deleted list, ACL or trunk: under {@link tombstoneKey} of its key, the revision and
 * position of the deletion, so that a replay (after a lease loss, from an older checkpoint) cannot
 * re-create the document even briefly. Readers never see it: its key is outside every `acct.…` filter
 * and `parseKey` does not know it.
 */
export interface TombstoneDoc { deleted: true; revision: number; position: string; updatedAt: string }

/** Any document of a read-model bucket (everything but the checkpoint). */
export type ReadModelDoc = CredentialListDoc | CredentialChunkDoc | IpAclDoc | IpAddressDoc | TrunkDoc | TombstoneDoc;

/** The key of the tombstone of a deleted document's key. */
export const tombstoneKey = (key: string): string => `tombstone.${key}`;

/** One write into the read-model bucket. `deleteMatching` removes every key a KV filter matches. */
export type KvOp =
  | { op: 'put'; key: string; doc: ReadModelDoc }
  | { op: 'delete'; key: string }
  | { op: 'deleteMatching'; filter: string };

/** The current document under a key, as the runner last wrote it (undefined when absent). */
export type ReadDoc = (key: string) => ReadModelDoc | undefined;

/** What every document records about the last event applied to it. */
export interface Stamp { revision: number; position: string; updatedAt: string }

/**
 * The next state of one document: a new document, `null` to delete its key, or `undefined` when
 * the event does not change it.
 */
export type Evolved<D> = D | null | undefined;

/**
 * One document an event may change, and how. A child (credential chunk, IP address) names its parent list:
 * the parent is written after its children, so a parent at or past the event's revision proves the
 * children were written too — which keeps a redelivered event from recreating a removed child.
 */
export interface Target {
  key: string;
  parentKey?: string;
  evolve(current: ReadModelDoc | undefined): Evolved<ReadModelDoc>;
}

/** Timestamps come from the event, never the clock, so that a rebuild reproduces every document exactly. */
export const stampOf = (event: RecordedEvent): Stamp => ({
  revision: event.revision,
  position: event.position,
  updatedAt: event.created,
});

/** The owning account: the metadata names it (SPEC §4); Created events also carry it in their data. */
export function accountOf(event: RecordedEvent): string | undefined {
  const fromMetadata = event.metadata?.accountId;
  if (typeof fromMetadata === 'string' && fromMetadata.length > 0) return fromMetadata;
  const fromData = (event.data as { accountId?: unknown } | undefined)?.accountId;
  return typeof fromData === 'string' && fromData.length > 0 ? fromData : undefined;
}

/** Adds an id to an ordered set kept as an array (assignment order is preserved). */
export const withId = (ids: readonly string[], id: string): string[] => (ids.includes(id) ? [...ids] : [...ids, id]);
export const withoutId = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

/** A recorded event typed by its domain event union. */
export type Recorded<E extends { type: string; data: unknown }> = Omit<RecordedEvent, 'type' | 'data'> & E;

/** The documents one event may change, plus key filters to clear (the addresses of a deleted ACL). */
export interface Plan { targets: Target[]; deleteMatching: string[] }
export const noPlan = (): Plan => ({ targets: [], deleteMatching: [] });
