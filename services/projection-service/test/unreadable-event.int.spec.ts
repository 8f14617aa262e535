import type { NatsConnection } from 'nats';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { ProjectionMetrics } from '../src/ops/projection-metrics';
import { ProjectionRunner } from '../src/projection-runner';
import { ConfigScenario, phaseOne } from './config-scenario';
import { appliedPosition, caughtUpTo, eventually } from './read-model-snapshot';
import { eventData } from './recorded-events';

/**
 * An event the code cannot read stops the projection at that event: nothing after it is applied (it
 * is not skipped), the log names it and a metric shows its position; the lease is given up.
 */
describe('the projection meeting an event it cannot read', () => {
  let nc: NatsConnection;

  beforeAll(async () => {
    nc = await connectNats('unreadable-test');
  });
  afterAll(async () => {
    await nc.close();
  });

  it.each([
    ['a schema version newer than the code', 'TrunkRenamed', 2, /schemaVersion 2 is not supported/],
    ['a type its aggregate never wrote', 'TrunkPainted', 1, /event type TrunkPainted is not known/],
  ])('stops at %s, applies nothing after it, and names it', async (_, type, schemaVersion, why) => {
    const namespace = freshNamespace('unread');
    const store: EventStore = await createEventStore(nc, { namespace });
    const lines: string[] = [];
    const metrics = new ProjectionMetrics(false);
    const runner = await ProjectionRunner.start({
      js: nc.jetstream(), jsm: await nc.jetstreamManager(), store, namespace, holderId: 'only', leaseTtlMs: 900, rebuildGraceMs: 100, metrics,
      log: (line) => lines.push(line),
    });
    try {
      const scenario = new ConfigScenario(store);
      const { trunkId } = await phaseOne(scenario, namespace);
      await caughtUpTo(nc, namespace, await store.headPosition());
      const bad = eventData(type, { trunkId, friendlyName: 'Future' }, scenario.accountId);
      const stream = `trunk-${trunkId}`;
      const last = (await store.readStream(stream)).at(-1)!;
      const written = await store.appendToStream(stream, [{ ...bad, metadata: { ...bad.metadata, schemaVersion } }], { expectedRevision: last.revision });
      await scenario.createAcl();

      await eventually('the log names the unreadable event', () => lines.some((l) => l.includes(`${stream}@${last.revision + 1}`) && why.test(l)));
      expect(await metrics.text()).toMatch(new RegExp(`^sipauth_projection_unreadable_event_position ${written.position}$`, 'm'));
      // It contends again after giving the lease up, and stops at the same event again: nothing past it.
      const attempts = runner.lease.attempts;
      await eventually('the runner contended again', () => runner.lease.attempts > attempts, 600);
      await eventually('it stopped at the same event again', () => lines.filter((l) => l.includes(`${stream}@${last.revision + 1}`)).length >= 2, 600);
      expect(BigInt(await appliedPosition(nc, namespace))).toBeLessThan(BigInt(written.position));
    } finally {
      await runner.close();
      await store.close();
      await cleanupNamespace(nc, namespace);
    }
  });
});
