/**
 * IP ACL stream (`ipAcl-<id>`) → the ACL document (name, address count, assigned trunks) and one
 * document per IP address (normalised network and prefix). Both kinds record the ACL stream's revision.
 */
import { keys, type IpAclDoc, type IpAddressDoc } from '@sipauth/contracts';
import type { IpAclEvent } from '@sipauth/domain';
import { noPlan, stampOf, withId, withoutId, type Evolved, type Plan, type Recorded } from './projection.types';

type Event = Recorded<IpAclEvent>;

/** The next state of an IP ACL's document. */
export function evolveIpAcl(doc: IpAclDoc | undefined, event: Event, accountId: string): Evolved<IpAclDoc> {
  const stamp = stampOf(event);
  if (event.type === 'IpAccessControlListCreated') {
    const { ipAccessControlListId, friendlyName, createdAt } = event.data;
    return { ipAccessControlListId, accountId, friendlyName, ipAddressCount: 0, assignedTrunkIds: [], createdAt, ...stamp };
  }
  if (!doc) return undefined;
  switch (event.type) {
    case 'IpAccessControlListRenamed':
      return { ...doc, friendlyName: event.data.friendlyName, ...stamp };
    case 'IpAccessControlListDeleted':
      return null;
    case 'IpAddressAdded':
      return { ...doc, ipAddressCount: doc.ipAddressCount + 1, ...stamp };
    case 'IpAddressRemoved':
      return { ...doc, ipAddressCount: Math.max(0, doc.ipAddressCount - 1), ...stamp };
    case 'IpAddressRenamed':
      return { ...doc, ...stamp };
    case 'TrunkAssigned':
      return { ...doc, assignedTrunkIds: withId(doc.assignedTrunkIds, event.data.trunkId), ...stamp };
    case 'TrunkUnassigned':
      return { ...doc, assignedTrunkIds: withoutId(doc.assignedTrunkIds, event.data.trunkId), ...stamp };
    default:
      // Unknown types never get here (upcasting refuses them); this one leaves the document as it is.
      return undefined;
  }
}

/** The next state of one IP address's document (only events naming that address reach it). */
export function evolveIpAddress(doc: IpAddressDoc | undefined, event: Event, accountId: string): Evolved<IpAddressDoc> {
  switch (event.type) {
    case 'IpAddressAdded': {
      const { ipAccessControlListId, ipAddressId, friendlyName, ipAddress, cidrPrefixLength, createdAt } = event.data;
      return { ipAddressId, ipAccessControlListId, accountId, friendlyName, ipAddress, cidrPrefixLength, createdAt, ...stampOf(event) };
    }
    case 'IpAddressRemoved':
      return null;
    case 'IpAddressRenamed':
      return doc && { ...doc, friendlyName: event.data.friendlyName, ...stampOf(event) };
    default:
      return undefined;
  }
}

/** Every document an IP ACL event touches. */
export function planIpAclEvent(event: Event, accountId: string): Plan {
  const aclId = event.type === 'TrunkAssigned' || event.type === 'TrunkUnassigned' ? event.data.listId : event.data.ipAccessControlListId;
  const plan = noPlan();
  const aclKey = keys.ipAcl(accountId, aclId);
  if (event.type === 'IpAddressAdded' || event.type === 'IpAddressRemoved' || event.type === 'IpAddressRenamed') {
    plan.targets.push({
      key: keys.ipAddress(accountId, aclId, event.data.ipAddressId),
      parentKey: aclKey,
      evolve: (current) => evolveIpAddress(current as IpAddressDoc | undefined, event, accountId),
    });
  }
  if (event.type === 'IpAccessControlListDeleted') plan.deleteMatching.push(keys.ipAddressesOf(accountId, aclId));
  plan.targets.push({ key: aclKey, evolve: (current) => evolveIpAcl(current as IpAclDoc | undefined, event, accountId) });
  return plan;
}
