import type { NatsConnection } from 'nats';
import { keys, LEASE_KEY, projectionBucket } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import type { LeaseDoc } from '../src/kv/projection-lease';
import { startProjectionReplica, type Replica } from './projection-replica';
import { ConfigScenario, phaseOne } from './config-scenario';
import { activeReadModel, caughtUpTo, eventually } from './read-model-snapshot';

const LEASE_TTL_MS = 1500;

/**
 * The active projection instance dies without a word (its NATS connection is cut: no release, no
 * checkpoint, exactly what a kill -9 leaves). The standby must take over once the dead holder's lease
 * expires, never before, and must not poll its way there: it reads the lease once per renewal it saw.
 */
describe('projection takeover after the active instance dies', () => {
  const namespace = freshNamespace('takeover');
  let nc: NatsConnection;
  let store: EventStore;
  let scenario: ConfigScenario;
  const replicas: Replica[] = [];

  const startReplica = async (holderId: string): Promise<Replica> => {
    const replica = await startProjectionReplica(namespace, holderId, LEASE_TTL_MS);
    replicas.push(replica);
    return replica;
  };

  const readLease = async (): Promise<LeaseDoc> => {
    const kv = await nc.jetstream().views.kv(projectionBucket(namespace), { bindOnly: true });
    return (await kv.get(LEASE_KEY))!.json<LeaseDoc>();
  };

  beforeAll(async () => {
    nc = await connectNats('takeover-test');
    store = await createEventStore(nc, { namespace });
    scenario = new ConfigScenario(store);
    await phaseOne(scenario, namespace);
  });

  afterAll(async () => {
    for (const { runner, store: s, nc: c } of replicas) {
      await runner.close().catch(() => undefined);
      await s.close().catch(() => undefined);
      if (!c.isClosed()) await c.close();
    }
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('hands the lease to the standby when the dead holder’s lease expires, and the standby applies new events', async () => {
    const first = await startReplica('first');
    await eventually('the first replica is active', () => first.runner.role === 'active');
    await caughtUpTo(nc, namespace, await store.headPosition());
    const second = await startReplica('second');
    await eventually('the second replica stands by', () => second.runner.role === 'standby');

    const attemptsBefore = second.runner.lease.attempts;
    const killedAt = performance.now();
    await first.nc.close();
    const deadLease = await readLease();
    expect(deadLease.holder).toBe('first');

    const aclId = await scenario.createAcl();
    await eventually('the standby is active', () => second.runner.role === 'active', 600);
    const takeoverMs = performance.now() - killedAt;
    await caughtUpTo(nc, namespace, await store.headPosition());
    const active = await activeReadModel(nc, namespace);
    const rm = await nc.jetstream().views.kv(active!.bucket, { bindOnly: true });
    expect((await rm.get(keys.ipAcl(scenario.accountId, aclId)))?.operation).toBe('PUT');

    // Safety: the new lease began no earlier than the dead one expired (never two holders).
    const taken = await readLease();
    expect(taken.holder).toBe('second');
    expect(Date.parse(taken.expiresAt) - LEASE_TTL_MS).toBeGreaterThanOrEqual(Date.parse(deadLease.expiresAt));
    // Promptness by settings: it tried again at the expiry it saw, not every few hundred milliseconds.
    const attempts = second.runner.lease.attempts - attemptsBefore;
    expect(attempts).toBeLessThanOrEqual(3);
    console.log(`projection takeover after a silent death: ${Math.round(takeoverMs)} ms (lease TTL ${LEASE_TTL_MS} ms, ${attempts} lease reads by the standby)`);
  });

  it('takes over at once when the holder releases the lease on a clean stop', async () => {
    const active = replicas.find((r) => r.runner.role === 'active')!;
    const third = await startReplica('third');
    await eventually('the third replica stands by', () => third.runner.role === 'standby');
    const attemptsBefore = third.runner.lease.attempts;
    await active.runner.close();
    await eventually('the third replica is active', () => third.runner.role === 'active', 600);
    // Woken by the release (its watch saw it), not by polling.
    expect(third.runner.lease.releasesSeen).toBeGreaterThanOrEqual(1);
    expect(third.runner.lease.attempts - attemptsBefore).toBeLessThanOrEqual(2);
  });
});
