/**
 * The read-model projection: for one recorded event, the KV operations it implies.
 *
 * Events are routed by the prefix of their stream name, because TrunkAssigned / TrunkUnassigned are
 * recorded on both the trunk's stream and the list's stream and each copy updates its own side.
 * Idempotent under redelivery: a document whose `revision` is at or past the event's revision is
 * left alone, so replaying from an older checkpoint (or twice) converges to the same documents.
 */
import type { RecordedEvent } from '@sipauth/event-store';
import type { CredentialListEvent, IpAclEvent, TrunkEvent } from '@sipauth/domain';
import { planCredentialListEvent } from './credential-list.projection';
import { planIpAclEvent } from './ip-acl.projection';
import { planTrunkEvent } from './trunk.projection';
import { accountOf, noPlan, type KvOp, type Plan, type ReadDoc, type ReadModelDoc, type Recorded } from './projection.types';

const KNOWN_TYPES: Record<string, ReadonlySet<string>> = {
  'credentialList-': new Set([
    'CredentialListCreated', 'CredentialListRenamed', 'CredentialListDeleted',
    'CredentialAdded', 'CredentialPasswordChanged', 'CredentialRemoved', 'TrunkAssigned', 'TrunkUnassigned',
  ]),
  'ipAcl-': new Set([
    'IpAccessControlListCreated', 'IpAccessControlListRenamed', 'IpAccessControlListDeleted',
    'IpAddressAdded', 'IpAddressRemoved', 'IpAddressRenamed', 'TrunkAssigned', 'TrunkUnassigned',
  ]),
  'trunk-': new Set([
    'TrunkCreated', 'TrunkRenamed', 'TrunkDeleted', 'TrunkDigestAlgorithmsSet', 'TrunkLockoutPolicySet', 'TrunkAssigned', 'TrunkUnassigned',
  ]),
};

/** The documents an event may change; empty for events no read model holds (domain reservations, unknown types). */
export function planFor(event: RecordedEvent): Plan {
  const prefix = Object.keys(KNOWN_TYPES).find((p) => event.streamName.startsWith(p));
  if (!prefix || !KNOWN_TYPES[prefix].has(event.type)) return noPlan();
  const accountId = accountOf(event);
  if (!accountId) return noPlan();
  switch (prefix) {
    case 'credentialList-':
      return planCredentialListEvent(event as unknown as Recorded<CredentialListEvent>, accountId);
    case 'ipAcl-':
      return planIpAclEvent(event as unknown as Recorded<IpAclEvent>, accountId);
    default:
      return planTrunkEvent(event as unknown as Recorded<TrunkEvent>, accountId);
  }
}

/** The keys whose current documents {@link project} needs to read for this event. */
export const keysToRead = (event: RecordedEvent): string[] =>
  [...new Set(planFor(event).targets.flatMap((t) => (t.parentKey ? [t.key, t.parentKey] : [t.key])))];

const hasApplied = (doc: ReadModelDoc | undefined, event: RecordedEvent): boolean => doc !== undefined && doc.revision >= event.revision;

/**
 * The KV operations one event implies, given the current documents, in the order to execute them
 * (children before their parent). Pure.
 */
export function project(event: RecordedEvent, read: ReadDoc): KvOp[] {
  const plan = planFor(event);
  const ops: KvOp[] = plan.deleteMatching.map((filter) => ({ op: 'deleteMatching', filter }));
  for (const target of plan.targets) {
    const current = read(target.key);
    if (hasApplied(current, event) || (target.parentKey && hasApplied(read(target.parentKey), event))) continue;
    const next = target.evolve(current);
    if (next === null) {
      if (current) ops.push({ op: 'delete', key: target.key });
    } else if (next !== undefined) ops.push({ op: 'put', key: target.key, doc: next });
  }
  return ops;
}
