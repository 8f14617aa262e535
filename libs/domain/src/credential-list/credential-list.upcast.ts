/** Upcasting of the credential list events (see ../upcast.ts). */
import { createUpcaster, CURRENT_SCHEMA_VERSION, type EventTypeSet, type UpcastStep } from '../upcast';
import type { CredentialListEvent } from './credential-list.events';

/** Every event type of the aggregate (the compiler checks it against the CredentialListEvent union). */
export const CREDENTIAL_LIST_EVENT_TYPES: EventTypeSet<CredentialListEvent> = {
  CredentialListCreated: true, CredentialListRenamed: true, CredentialListDeleted: true, CredentialAdded: true, CredentialPasswordChanged: true, CredentialRemoved: true, CredentialsImported: true, TrunkAssigned: true, TrunkUnassigned: true,
};

/** Steps by the version they upgrade from; empty while every stored event is version 1. */
const steps: Record<number, UpcastStep> = {};

/** Reads a stored credential list event of any supported schema version in the current shape. */
export const upcastCredentialListEvent = createUpcaster<CredentialListEvent>(steps, CURRENT_SCHEMA_VERSION, CREDENTIAL_LIST_EVENT_TYPES);
