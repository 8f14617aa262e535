import type { KV, NatsConnection } from 'nats';
import { LEASE_KEY, projectionBucket } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { startProjectionReplica, type Replica } from './projection-replica';
import { ConfigScenario, phaseOne, phaseTwo } from './config-scenario';
import { appliedPosition, caughtUpTo, eventually, snapshot } from './read-model-snapshot';

describe('several projection replicas on one namespace', () => {
  const namespace = freshNamespace('single');
  let nc: NatsConnection;
  let store: EventStore;
  let scenario: ConfigScenario;
  const replicas: Replica[] = [];

  const startReplica = async (holderId: string): Promise<Replica> => {
    const replica = await startProjectionReplica(namespace, holderId, 900);
    replicas.push(replica);
    return replica;
  };

  const stop = async (replica: Replica): Promise<void> => {
    await replica.runner.close();
    await replica.store.close();
    await replica.nc.close();
  };

  beforeAll(async () => {
    nc = await connectNats('single-active-test');
    store = await createEventStore(nc, { namespace });
    scenario = new ConfigScenario(store);
  });

  afterAll(async () => {
    for (const replica of replicas) if (replica.runner.role !== 'stopped') await stop(replica);
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('lets only the lease holder apply, hands over on close and continues from the checkpoint', async () => {
    const one = await phaseOne(scenario, namespace);
    const [a, b] = [await startReplica('a'), await startReplica('b')];
    await eventually('one replica is active and the other standing by', () =>
      [a, b].some((r) => r.runner.role === 'active') && [a, b].some((r) => r.runner.role === 'standby'));
    const active = a.runner.role === 'active' ? a : b;
    const standby = active === a ? b : a;
    await caughtUpTo(nc, namespace, await store.headPosition());
    expect(standby.runner.position).toBeUndefined();
    expect(standby.runner.ready).toBe(true);

    await stop(active);
    await eventually('the standby has taken over', () => standby.runner.role === 'active');
    await phaseTwo(scenario, namespace, one);
    await caughtUpTo(nc, namespace, await store.headPosition());
    const handedOver = await snapshot(nc, namespace, 1);

    const rebuilt = await standby.runner.rebuild();
    expect(await snapshot(nc, namespace, rebuilt.generation)).toEqual(handedOver);
  });

  it('stops applying as soon as its lease is taken from it, and resumes when it gets it back', async () => {
    const active = replicas.find((r) => r.runner.role === 'active') as Replica;
    const control: KV = await nc.jetstream().views.kv(projectionBucket(namespace), { bindOnly: true });
    const far = new Date(Date.now() + 3_600_000).toISOString();
    await control.put(LEASE_KEY, Buffer.from(JSON.stringify({ holder: 'intruder', expiresAt: far })));
    await eventually('the replica noticed it lost the lease', () => active.runner.role === 'standby');
    const before = await appliedPosition(nc, namespace);
    await scenario.createAcl();
    const head = await store.headPosition();
    // No fixed sleep: the replica tries the lease twice more (each time refused) after the event was written.
    const attempts = active.runner.lease.attempts;
    await eventually('the replica tried the lease twice more', () => active.runner.lease.attempts >= attempts + 2);
    expect(await appliedPosition(nc, namespace)).toBe(before);

    await control.delete(LEASE_KEY);
    await caughtUpTo(nc, namespace, head);
    expect(active.runner.role).toBe('active');
  });
});
