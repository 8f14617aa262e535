/**
 * The read-model projection: for one recorded event, the KV operations it implies.
 *
 * Every event is first upcast by the domain (`upcastStoredEvent`): the stream names the aggregate, the
 * aggregate's event union names the types it may hold, and a schema version newer than this code is
 * refused. An event that cannot be read throws {@link UnreadableEvent}, which stops the apply loop at
 * that event (its checkpoint stays before it) rather than skipping it or projecting `undefined`.
 *
 * Events are routed by their aggregate, because TrunkAssigned / TrunkUnassigned are recorded on both
 * the trunk's stream and the list's stream and each copy updates its own side. Idempotent under
 * redelivery: a document (or the tombstone of a deleted one) whose `revision` is at or past the event's
 * revision is left alone, so replaying from an older checkpoint (or twice) converges to the same
 * documents and never brings a deleted one back, even briefly.
 */
import type { RecordedEvent } from '@sipauth/event-store';
import { upcastStoredEvent, type UpcastEvent } from '@sipauth/domain';
import { planCredentialListEvent } from './credential-list.projection';
import { planIpAclEvent } from './ip-acl.projection';
import { planTrunkEvent } from './trunk.projection';
import { accountOf, noPlan, tombstoneKey, type KvOp, type Plan, type ReadDoc, type ReadModelDoc, type TombstoneDoc } from './projection.types';

/** A stored event this code cannot read: unknown stream, type or schema version. Names the event. */
export class UnreadableEvent extends Error {
  constructor(readonly event: RecordedEvent, readonly reason: unknown) {
    super(
      `cannot project ${event.streamName}@${event.revision} (position ${event.position}, id ${event.id}, type ${event.type}, ` +
        `schemaVersion ${String(event.metadata?.schemaVersion)}): ${(reason as Error)?.message ?? String(reason)}`,
    );
    this.name = 'UnreadableEvent';
  }
}

function upcast(event: RecordedEvent): UpcastEvent {
  try {
    return upcastStoredEvent(event);
  } catch (err) {
    throw new UnreadableEvent(event, err);
  }
}

/** The documents an event may change; empty for events no read model holds (domain reservations). */
export function planFor(event: RecordedEvent): Plan {
  const read = upcast(event);
  if (read.kind === 'trunkDomain') return noPlan();
  const accountId = accountOf(event);
  if (!accountId) return noPlan();
  switch (read.kind) {
    case 'credentialList':
      return planCredentialListEvent({ ...event, ...read.event }, accountId);
    case 'ipAcl':
      return planIpAclEvent({ ...event, ...read.event }, accountId);
    case 'trunk':
      return planTrunkEvent({ ...event, ...read.event }, accountId);
  }
}

/**
 * The keys whose current documents {@link project} needs to read for this event (tombstones included).
 * Only parentless documents (lists, ACLs, trunks) ever get a tombstone, so a child's own tombstone key
 * is never read.
 */
export const keysToRead = (event: RecordedEvent): string[] =>
  [...new Set(planFor(event).targets.flatMap((t) => (t.parentKey ? [t.key, t.parentKey, tombstoneKey(t.parentKey)] : [t.key, tombstoneKey(t.key)])))];

const hasApplied = (doc: ReadModelDoc | undefined, event: RecordedEvent): boolean => doc !== undefined && doc.revision >= event.revision;
const appliedTo = (read: ReadDoc, key: string, event: RecordedEvent): boolean =>
  hasApplied(read(key), event) || hasApplied(read(tombstoneKey(key)), event);

/**
 * The KV operations one event implies, given the current documents, in the order to execute them
 * (children before their parent; a tombstone before the delete it stands for). Pure.
 */
export function project(event: RecordedEvent, read: ReadDoc): KvOp[] {
  const plan = planFor(event);
  const ops: KvOp[] = plan.deleteMatching.map((filter) => ({ op: 'deleteMatching', filter }));
  for (const target of plan.targets) {
    const current = read(target.key);
    if (appliedTo(read, target.key, event) || (target.parentKey && appliedTo(read, target.parentKey, event))) {
      // A deletion cut short after its tombstone: finish it.
      if (current && read(tombstoneKey(target.key))) ops.push({ op: 'delete', key: target.key });
      continue;
    }
    const next = target.evolve(current);
    if (next === null) {
      if (!target.parentKey) {
        const tombstone: TombstoneDoc = { deleted: true, revision: event.revision, position: event.position, updatedAt: event.created };
        ops.push({ op: 'put', key: tombstoneKey(target.key), doc: tombstone });
      }
      if (current) ops.push({ op: 'delete', key: target.key });
    } else if (next !== undefined) ops.push({ op: 'put', key: target.key, doc: next });
  }
  return ops;
}
