/**
 * Trunk stream (`trunk-<id>`) → the trunk document: domain, assigned lists of each kind (in
 * assignment order), the digest algorithm order and the lockout policy the trunk set (absent = the
 * default, which readers resolve through effectiveDigestAlgorithms / effectiveLockoutPolicy). The lists' own documents learn of an
 * assignment from the copy of the event on their own stream, never from this one.
 */
import { keys, type TrunkDoc } from '@sipauth/contracts';
import type { TrunkEvent } from '@sipauth/domain';
import { noPlan, stampOf, withId, withoutId, type Evolved, type Plan, type Recorded } from './projection.types';

type Event = Recorded<TrunkEvent>;

const listField = (kind: string): 'credentialListIds' | 'ipAccessControlListIds' | undefined =>
  kind === 'credentialList' ? 'credentialListIds' : kind === 'ipAccessControlList' ? 'ipAccessControlListIds' : undefined;

/** The next state of a trunk's document. */
export function evolveTrunk(doc: TrunkDoc | undefined, event: Event, accountId: string): Evolved<TrunkDoc> {
  const stamp = stampOf(event);
  if (event.type === 'TrunkCreated') {
    const { trunkId, friendlyName, domainName, createdAt } = event.data;
    return {
      trunkId, accountId, friendlyName, domainName,
      credentialListIds: [], ipAccessControlListIds: [], digestAlgorithms: [], createdAt, ...stamp,
    };
  }
  if (!doc) return undefined;
  switch (event.type) {
    case 'TrunkRenamed':
      return { ...doc, friendlyName: event.data.friendlyName, ...stamp };
    case 'TrunkDeleted':
      return null;
    case 'TrunkDigestAlgorithmsSet':
      return { ...doc, digestAlgorithms: [...event.data.algorithms], ...stamp };
    case 'TrunkLockoutPolicySet': {
      const { enabled, maxFailures, windowSeconds, lockoutSeconds } = event.data;
      return { ...doc, lockoutPolicy: { enabled, maxFailures, windowSeconds, lockoutSeconds }, ...stamp };
    }
    case 'TrunkAssigned': {
      const field = listField(event.data.listKind);
      return field ? { ...doc, [field]: withId(doc[field], event.data.listId), ...stamp } : { ...doc, ...stamp };
    }
    case 'TrunkUnassigned': {
      const field = listField(event.data.listKind);
      return field ? { ...doc, [field]: withoutId(doc[field], event.data.listId), ...stamp } : { ...doc, ...stamp };
    }
    default:
      // Unknown types never get here (upcasting refuses them); this one leaves the document as it is.
      return undefined;
  }
}

/** The one document a trunk event touches. */
export function planTrunkEvent(event: Event, accountId: string): Plan {
  const plan = noPlan();
  plan.targets.push({
    key: keys.trunk(accountId, event.data.trunkId),
    evolve: (current) => evolveTrunk(current as TrunkDoc | undefined, event, accountId),
  });
  return plan;
}
