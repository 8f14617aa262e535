/**
 * What the Kubernetes probes and the PodMonitor rely on, against the real services: each answers
 * /metrics with Node's default metrics (heap, GC, event loop; the heap flags of deploy/ are judged by
 * them), and each /readyz follows its NATS connection: 503 while NATS is down, 200 again once the
 * connection is back, so a rollout never counts a pod as ready that cannot serve.
 */
import { RunningConfigService, startConfigService } from '../../services/config-service/src/bootstrap';
import { RunningProjectionService, startProjectionService } from '../../services/projection-service/src/bootstrap';
import { RunningWorker, startSipAuthWorker } from '../../services/sip-auth-worker/src/bootstrap';
import { freshNamespace, testEnv } from '../support/nats';
import { describeWithPrivateNats, PrivateNats, startPrivateNats } from '../support/private-nats';
import { waitFor } from '../support/stack';

let nats: PrivateNats;
const services: { name: string; httpUrl: string; close(): Promise<void> }[] = [];

const status = async (url: string) => (await fetch(url)).status;

describeWithPrivateNats('the services’ probes and metrics', () => {
  beforeAll(async () => {
    nats = await startPrivateNats();
    const env = testEnv(freshNamespace('probe'), { NODE_ENV: 'test', NATS_URL: nats.url });
    const config: RunningConfigService = await startConfigService({ ...env, CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
    services.push({ name: 'config-service', ...config, close: () => config.close() });
    const projection: RunningProjectionService = await startProjectionService({ ...env, PROJECTION_HTTP_PORT: '0' });
    services.push({ name: 'projection-service', httpUrl: `http://127.0.0.1:${projection.httpPort}`, close: () => projection.close() });
    const worker: RunningWorker = await startSipAuthWorker({ ...env, WORKER_HTTP_PORT: '0' });
    services.push({ name: 'sip-auth-worker', httpUrl: worker.httpUrl, close: () => worker.close() });
    await waitFor(async () => (await Promise.all(services.map((s) => status(`${s.httpUrl}/readyz`)))).every((c) => c === 200), 'all ready', 30_000);
  }, 60_000);

  afterAll(async () => {
    await nats?.up().catch(() => undefined);
    for (const s of services.reverse()) await s.close().catch(() => undefined);
    await nats?.stop();
  });

  it.each(['config-service', 'projection-service', 'sip-auth-worker'])('%s serves Node’s default metrics on /metrics', async (name) => {
    const res = await fetch(`${services.find((s) => s.name === name)!.httpUrl}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const metric of ['nodejs_heap_size_total_bytes', 'nodejs_eventloop_lag_seconds', 'process_resident_memory_bytes', 'nodejs_gc_duration_seconds']) {
      expect([name, text.includes(`# TYPE ${metric} `)]).toEqual([name, true]);
    }
  });

  it('turns every /readyz to 503 while NATS is down, and back to 200 once it is up again', async () => {
    await nats.down();
    await waitFor(async () => (await Promise.all(services.map((s) => status(`${s.httpUrl}/readyz`)))).every((c) => c === 503), 'all not ready', 20_000);
    for (const s of services) expect([s.name, await status(`${s.httpUrl}/healthz`)]).toEqual([s.name, 200]);
    await nats.up();
    await waitFor(async () => (await Promise.all(services.map((s) => status(`${s.httpUrl}/readyz`)))).every((c) => c === 200), 'all ready again', 30_000);
  }, 60_000);
});
