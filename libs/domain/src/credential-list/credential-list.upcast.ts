/** Upcasting of the credential list events (see ../upcast.ts). */
import { createUpcaster, type UpcastStep } from '../upcast';
import type { CredentialListEvent } from './credential-list.events';

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored credential list event of any supported schema version in the current shape. */
export const upcastCredentialListEvent = createUpcaster<CredentialListEvent>(steps);
