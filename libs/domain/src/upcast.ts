/**
 * Upcasting: events are stored with `metadata.schemaVersion`; readers turn any stored version into the
 * current shape before folding or projecting, so deciders and projections only ever see the current
 * shape. Every event written today is version 1. When a shape changes, bump CURRENT_SCHEMA_VERSION and
 * add, per aggregate, a step from the previous version (with its own test); old events are never rewritten.
 */
import type { DomainEvent } from './decider';

export const CURRENT_SCHEMA_VERSION = 1;

/** An event as read from the store, before upcasting. */
export interface StoredEvent { type: string; data: unknown }

/** Turns an event of schema version `n` into version `n + 1`. */
export type UpcastStep = (event: StoredEvent) => StoredEvent;

/** Upgrades a stored event of any supported schema version to the current shape. */
export type Upcaster<Event extends DomainEvent> = (type: string, data: unknown, schemaVersion?: number) => Event;

/**
 * Every event type of one aggregate, as an object with one key per type: the compiler refuses a
 * missing or an extra type, so the list readers check against is derived from the event union.
 */
export type EventTypeSet<Event extends DomainEvent> = Readonly<Record<Event['type'], true>>;

/** A stored event's type is not one this aggregate has ever written (from a newer writer, or another stream). */
export class UnknownEventType extends Error {
  constructor(readonly eventType: string, readonly known: readonly string[]) {
    super(`event type ${eventType} is not known (known: ${known.join(', ')})`);
    this.name = 'UnknownEventType';
  }
}

/** A stored event carries a schemaVersion this code cannot read (from a newer writer, or corrupt). */
export class UnsupportedSchemaVersion extends Error {
  constructor(readonly eventType: string, readonly schemaVersion: unknown, readonly currentVersion: number) {
    super(`event ${eventType}: schemaVersion ${String(schemaVersion)} is not supported (1 to ${currentVersion})`);
    this.name = 'UnsupportedSchemaVersion';
  }
}

/**
 * Builds an upcaster from `steps[n]` (version n → n + 1) applied in order up to `currentVersion`.
 * A missing schemaVersion is read as 1, the first version ever written. With `knownTypes`, a type
 * outside it throws {@link UnknownEventType} instead of reaching `evolve` or a projection.
 */
export function createUpcaster<Event extends DomainEvent>(
  steps: Readonly<Record<number, UpcastStep>>,
  currentVersion: number = CURRENT_SCHEMA_VERSION,
  knownTypes?: EventTypeSet<Event>,
): Upcaster<Event> {
  const known = knownTypes ? Object.keys(knownTypes) : undefined;
  return (type, data, schemaVersion = 1) => {
    if (known && !known.includes(type)) throw new UnknownEventType(type, known);
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > currentVersion) {
      throw new UnsupportedSchemaVersion(type, schemaVersion, currentVersion);
    }
    let event: StoredEvent = { type, data };
    for (let version = schemaVersion; version < currentVersion; version++) {
      const step = steps[version];
      if (step) event = step(event);
    }
    return event as Event;
  };
}
