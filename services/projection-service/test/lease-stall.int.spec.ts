/**
 * A lease holder whose event loop stalls past its own deadline (a long GC, a large event on a loaded
 * machine) is not deposed unless another replica took the lease: its writes pause until a renewal by
 * compare-and-set proves that, then go on. At scale this used to end the holder's session and send it
 * back to its checkpoint, several times per catch-up under load.
 */
import type { KV, NatsConnection } from 'nats';
import { LEASE_KEY, decodeKvJson, projectionBucket } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace } from '../../../test/support/nats';
import { encodeJson } from '../src/kv/kv-json';
import { HOLDER_SHARE, ProjectionLease, type LeaseDoc } from '../src/kv/projection-lease';
import { ProjectionMetrics } from '../src/ops/projection-metrics';
import { ProjectionRunner } from '../src/projection-runner';
import { ConfigScenario } from './config-scenario';
import { caughtUpTo } from './read-model-snapshot';

const TTL = 1_000;

describe('a projection lease holder that stalls past its deadline', () => {
  const namespace = freshNamespace('stall');
  let nc: NatsConnection;
  let kv: KV;
  let clock = Date.now();
  const now = (): number => clock;

  beforeAll(async () => {
    nc = await connectNats('lease-stall-test');
    kv = await nc.jetstream().views.kv(projectionBucket(namespace), { history: 1 });
  });

  afterAll(async () => {
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  beforeEach(async () => {
    await kv.purge(LEASE_KEY).catch(() => undefined);
    clock = Date.now();
  });

  it('confirms the lease by a renewal when no replica took it, and keeps writing', async () => {
    const a = new ProjectionLease(kv, 'a', TTL, now);
    expect(await a.acquire()).toBe(true);
    clock += TTL * (HOLDER_SHARE + 0.1);
    expect(a.held).toBe(false);
    await expect(a.confirm()).resolves.toBe(true);
    expect(a.held).toBe(true);
    expect(a.stalls).toBe(1);
    expect(decodeKvJson<LeaseDoc>(await kv.get(LEASE_KEY))?.holder).toBe('a');
  });

  it('gives the lease up on confirming when another replica took it meanwhile', async () => {
    const a = new ProjectionLease(kv, 'a', TTL, now);
    const b = new ProjectionLease(kv, 'b', TTL, now);
    expect(await a.acquire()).toBe(true);
    clock += TTL + 1;
    expect(await b.acquire()).toBe(true);
    await expect(a.confirm()).resolves.toBe(false);
    expect(a.held).toBe(false);
    await expect(a.renew()).resolves.toBe('lost');
    expect(b.held).toBe(true);
    expect(decodeKvJson<LeaseDoc>(await kv.get(LEASE_KEY))?.holder).toBe('b');
  });

  it('shares one update between renewals asked at once, which would otherwise refuse each other', async () => {
    const a = new ProjectionLease(kv, 'a', TTL, now);
    expect(await a.acquire()).toBe(true);
    const before = (await kv.get(LEASE_KEY))!.revision;
    await expect(Promise.all([a.renew(), a.renew(), a.confirm()])).resolves.toEqual(['renewed', 'renewed', true]);
    expect((await kv.get(LEASE_KEY))!.revision).toBe(before + 1);
    expect(a.held).toBe(true);
  });

  it('adopts its own update that was stored although its answer never came back', async () => {
    const a = new ProjectionLease(kv, 'a', TTL, now);
    expect(await a.acquire()).toBe(true);
    // What a renewal whose reply timed out leaves behind: the key already at a newer revision, in a's name.
    const stored = await kv.get(LEASE_KEY);
    await kv.update(LEASE_KEY, encodeJson({ holder: 'a', expiresAt: new Date(clock + TTL).toISOString() }), stored!.revision);
    await expect(a.renew()).resolves.toBe('failed');
    expect(a.held).toBe(true);
    await expect(a.renew()).resolves.toBe('renewed');
  });

  it('a catch-up whose event loop stalls mid-stream goes on without losing the lease or starting over', async () => {
    const store: EventStore = await createEventStore(nc, { namespace });
    const scenario = new ConfigScenario(store);
    const { listId } = await scenario.createList('stall-0');
    for (let i = 1; i < 200; i++) await scenario.addCredential(listId, `stall-${i}`);
    const head = await store.headPosition();

    // The stall, forced where it did the harm: in the middle of the catch-up, with events buffered behind it.
    let applied = 0;
    class StallingMetrics extends ProjectionMetrics {
      override applied(...args: Parameters<ProjectionMetrics['applied']>): void {
        super.applied(...args);
        if (++applied === 50) {
          const until = Date.now() + 600 * 1.3;
          while (Date.now() < until) { /* a synchronous stall past the holder's deadline (0.8 of 600 ms) */ }
        }
      }
    }
    const logs: string[] = [];
    const runner = await ProjectionRunner.start({
      js: nc.jetstream(), jsm: await nc.jetstreamManager(), store, namespace, holderId: 'stalling', leaseTtlMs: 600,
      rebuildGraceMs: 200, metrics: new StallingMetrics(false), log: (line) => logs.push(line),
    });
    try {
      await caughtUpTo(nc, namespace, head);
      expect(applied).toBeGreaterThanOrEqual(50);
      expect(runner.lease.attempts).toBe(1);
      expect(runner.lease.stalls).toBeGreaterThanOrEqual(1);
      expect(logs.filter((line) => /stopped applying|lease lost/.test(line))).toEqual([]);
      expect(logs.filter((line) => line.startsWith('active:'))).toHaveLength(1);
    } finally {
      await runner.close();
      await store.close();
    }
  });
});
