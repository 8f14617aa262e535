/** Upcasting of the domain reservation events (see ../upcast.ts). */
import { createUpcaster, type UpcastStep } from '../upcast';
import type { TrunkDomainEvent } from './trunk-domain.events';

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored domain reservation event of any supported schema version in the current shape. */
export const upcastTrunkDomainEvent = createUpcaster<TrunkDomainEvent>(steps);
