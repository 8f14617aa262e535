/** One projection replica as a deployment runs it: its own NATS connection, event store and runner. */
import type { NatsConnection } from 'nats';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { connectNats } from '../../../test/support/nats';
import { ProjectionRunner } from '../src/projection-runner';

export interface Replica { nc: NatsConnection; store: EventStore; runner: ProjectionRunner }

/** Starts a replica on `namespace` holding (or waiting for) the lease as `holderId`. */
export async function startProjectionReplica(namespace: string, holderId: string, leaseTtlMs: number): Promise<Replica> {
  const nc = await connectNats(`projection-${holderId}`);
  const store = await createEventStore(nc, { namespace });
  const runner = await ProjectionRunner.start({
    js: nc.jetstream(), jsm: await nc.jetstreamManager(), store, namespace, holderId, leaseTtlMs, rebuildGraceMs: 100,
  });
  return { nc, store, runner };
}
