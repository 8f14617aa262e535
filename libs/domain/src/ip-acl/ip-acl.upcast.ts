/** Upcasting of the IP access control list events (see ../upcast.ts). */
import { createUpcaster, CURRENT_SCHEMA_VERSION, type EventTypeSet, type UpcastStep } from '../upcast';
import type { IpAclEvent } from './ip-acl.events';

/** Every event type of the aggregate (the compiler checks it against the IpAclEvent union). */
export const IP_ACL_EVENT_TYPES: EventTypeSet<IpAclEvent> = {
  IpAccessControlListCreated: true, IpAccessControlListRenamed: true, IpAccessControlListDeleted: true, IpAddressAdded: true, IpAddressRemoved: true, IpAddressRenamed: true, TrunkAssigned: true, TrunkUnassigned: true,
};

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored IP access control list event of any supported schema version in the current shape. */
export const upcastIpAclEvent = createUpcaster<IpAclEvent>(steps, CURRENT_SCHEMA_VERSION, IP_ACL_EVENT_TYPES);
