/** Upcasting of the trunk events (see ../upcast.ts). */
import { createUpcaster, type UpcastStep } from '../upcast';
import type { TrunkEvent } from './trunk.events';

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored trunk event of any supported schema version in the current shape. */
export const upcastTrunkEvent = createUpcaster<TrunkEvent>(steps);
