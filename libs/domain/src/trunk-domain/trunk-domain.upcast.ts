/** Upcasting of the domain reservation events (see ../upcast.ts). */
import { createUpcaster, CURRENT_SCHEMA_VERSION, type EventTypeSet, type UpcastStep } from '../upcast';
import type { TrunkDomainEvent } from './trunk-domain.events';

/** Every event type of the aggregate (the compiler checks it against the TrunkDomainEvent union). */
export const TRUNK_DOMAIN_EVENT_TYPES: EventTypeSet<TrunkDomainEvent> = {
  TrunkDomainReserved: true, TrunkDomainReleased: true,
};

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored domain reservation event of any supported schema version in the current shape. */
export const upcastTrunkDomainEvent = createUpcaster<TrunkDomainEvent>(steps, CURRENT_SCHEMA_VERSION, TRUNK_DOMAIN_EVENT_TYPES);
