/** Upcasting of the IP access control list events (see ../upcast.ts). */
import { createUpcaster, type UpcastStep } from '../upcast';
import type { IpAclEvent } from './ip-acl.events';

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored IP access control list event of any supported schema version in the current shape. */
export const upcastIpAclEvent = createUpcaster<IpAclEvent>(steps);
