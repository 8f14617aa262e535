import type { NatsConnection } from 'nats';
import { rebuildSubject, SERVICE_NAMES } from '@sipauth/contracts';
import { createEventStore, type EventStore } from '@sipauth/event-store';
import { cleanupNamespace, connectNats, freshNamespace, testEnv } from '../../../test/support/nats';
import { startProjectionService, type RunningProjectionService } from '../src/bootstrap';
import { ConfigScenario, phaseOne } from './config-scenario';
import { activeReadModel, caughtUpTo, eventually, snapshot } from './read-model-snapshot';

describe('the projection-service', () => {
  const namespace = freshNamespace('psvc');
  let nc: NatsConnection;
  let store: EventStore;
  let service: RunningProjectionService;
  const url = (path: string) => `http://127.0.0.1:${service.httpPort}${path}`;

  beforeAll(async () => {
    nc = await connectNats('projection-service-test');
    store = await createEventStore(nc, { namespace });
    await phaseOne(new ConfigScenario(store), namespace);
    // Nothing here is about the lease's timing: a long lease, so that a machine slowed by other work
    // (a renewal late by more than 1.5 s) cannot make it a standby when the rebuild is asked for.
    service = await startProjectionService(testEnv(namespace, { PROJECTION_HTTP_PORT: '0', PROJECTION_LEASE_TTL_MS: '20000', NODE_ENV: 'test' }));
  });

  afterAll(async () => {
    await service?.close();
    await store.close();
    await cleanupNamespace(nc, namespace);
    await nc.close();
  });

  it('is live at once and ready once caught up with the store', async () => {
    expect((await fetch(url('/healthz'))).status).toBe(200);
    await caughtUpTo(nc, namespace, await store.headPosition());
    await eventually('readyz answers 200', async () => (await fetch(url('/readyz'))).status === 200);
    expect(await (await fetch(url('/readyz'))).json()).toMatchObject({ ready: true, role: 'active' });
  });

  it('exposes the applied position, events applied, lag and lease holding as Prometheus metrics', async () => {
    const text = await (await fetch(url('/metrics'))).text();
    expect(text).toMatch(/^sipauth_projection_applied_position \d+/m);
    expect(text).toMatch(/^sipauth_projection_events_applied_total\{phase="live"\} [1-9]\d*/m);
    expect(text).toMatch(/^sipauth_projection_lag_seconds /m);
    expect(text).toMatch(/^sipauth_projection_lease_holder 1/m);
  });

  it('rebuilds on a NATS request and answers once readers are switched to the new generation', async () => {
    const before = await snapshot(nc, namespace, 1);
    const reply = await nc.request(rebuildSubject(namespace), Buffer.from('{}'), { timeout: 20_000 });
    expect(JSON.parse(Buffer.from(reply.data).toString())).toEqual({ ok: true, data: { generation: 2, position: await store.headPosition() } });
    expect(await activeReadModel(nc, namespace)).toMatchObject({ generation: 2 });
    expect(await snapshot(nc, namespace, 2)).toEqual(before);
  });

  it('registers with the NATS Services API: $SRV.INFO lists its rebuild endpoint and $SRV.STATS counts the rebuild', async () => {
    const client = nc.services.client();
    const infos = [];
    for await (const info of await client.info(SERVICE_NAMES.projection)) infos.push(info);
    // Other test files' projection-services share the server: ours is the one serving this namespace.
    const ours = infos.filter((i) => i.endpoints.some((e) => e.subject === rebuildSubject(namespace)));
    expect(ours).toHaveLength(1);
    const stats = [];
    for await (const s of await client.stats(SERVICE_NAMES.projection, ours[0].id)) stats.push(s);
    expect(stats[0].endpoints?.find((e) => e.subject === rebuildSubject(namespace))?.num_requests).toBe(1);
  });

  it('writes its checkpoint and gives up the lease when closed', async () => {
    await service.close();
    const control = await nc.jetstream().views.kv(`${namespace}_projection`, { bindOnly: true });
    const lease = await control.get('lease');
    expect(lease === null || lease.operation !== 'PUT').toBe(true);
    expect((await snapshot(nc, namespace, 2))['meta.position']).toEqual({ position: await store.headPosition() });
  });
});
