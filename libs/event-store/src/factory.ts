/** Chooses the adapter from configuration (SPEC §7): `esdb://…` → EventStoreDB, unset → JetStream. */
import type { NatsConnection } from 'nats';
import type { EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './esdb/esdb-event-store';
import { JetStreamEventStore } from './jetstream/jetstream-event-store';

export interface EventStoreConfig {
  namespace: string;
  /** `esdb://…` selects EventStoreDB; undefined or empty selects JetStream. */
  eventStoreConnectionString?: string;
  /** Replicas of the JetStream event stream (ignored for EventStoreDB); default 1. */
  replicas?: number;
}

/** The configured event store. The NATS connection stays the caller's; `store.close()` does not close it. */
export async function createEventStore(nc: NatsConnection, config: EventStoreConfig): Promise<EventStore> {
  const connectionString = config.eventStoreConnectionString;
  if (connectionString) {
    if (!/^esdb(\+discover)?:\/\//.test(connectionString)) {
      throw new Error('EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://');
    }
    return EventStoreDbEventStore.connect({ namespace: config.namespace, connectionString });
  }
  return JetStreamEventStore.connect(nc, { namespace: config.namespace, replicas: config.replicas });
}
