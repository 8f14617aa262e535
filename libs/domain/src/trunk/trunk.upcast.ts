/** Upcasting of the trunk events (see ../upcast.ts). */
import { createUpcaster, CURRENT_SCHEMA_VERSION, type EventTypeSet, type UpcastStep } from '../upcast';
import type { TrunkEvent } from './trunk.events';

/** Every event type of the aggregate (the compiler checks it against the TrunkEvent union). */
export const TRUNK_EVENT_TYPES: EventTypeSet<TrunkEvent> = {
  TrunkCreated: true, TrunkRenamed: true, TrunkDeleted: true, TrunkDigestAlgorithmsSet: true, TrunkLockoutPolicySet: true, TrunkAssigned: true, TrunkUnassigned: true,
};

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored trunk event of any supported schema version in the current shape. */
export const upcastTrunkEvent = createUpcaster<TrunkEvent>(steps, CURRENT_SCHEMA_VERSION, TRUNK_EVENT_TYPES);
