import { WorkerMetrics } from './worker-metrics';

const status = () => ({ ready: true, position: '42', counts: { trunks: 3, credentialLists: 1, credentials: 5, ipAccessControlLists: 0, ipRanges: 0 } });

describe('WorkerMetrics', () => {
  it('counts decisions by reason without counting twice across scrapes', async () => {
    const m = new WorkerMetrics(status);
    m.decided('authorize', 'deny', 'bad-response', process.hrtime.bigint());
    m.decided('authorize', 'deny', 'bad-response', process.hrtime.bigint());
    await m.registry.metrics();
    m.decided('authorize', 'deny', 'bad-response', process.hrtime.bigint());
    const text = await m.registry.metrics();
    expect(text).toContain('sipauth_worker_decisions_total{operation="authorize",decision="deny",reason="bad-response"} 3');
  });

  it('exposes a cumulative latency histogram, index sizes and the applied position', async () => {
    const m = new WorkerMetrics(status);
    // A clock the test controls: the request took exactly 2 ms, between the 1 ms and 2.5 ms buckets.
    const now = jest.spyOn(process.hrtime, 'bigint').mockReturnValue(5_002_000_000n);
    try {
      m.decided('verify', 'allow', 'digest-verified', 5_000_000_000n);
    } finally {
      now.mockRestore();
    }
    const text = await m.registry.metrics();
    expect(text).toContain('sipauth_worker_request_duration_seconds_bucket{operation="verify",le="0.001"} 0');
    expect(text).toContain('sipauth_worker_request_duration_seconds_bucket{operation="verify",le="0.0025"} 1');
    expect(text).toContain('sipauth_worker_request_duration_seconds_count{operation="verify"} 1');
    expect(text).toContain('sipauth_worker_index_entries{kind="credentials"} 5');
    expect(text).toContain('sipauth_worker_applied_position 42');
  });

  it('records how long live read-model changes took to arrive, by kind, from the event and from KV', async () => {
    const m = new WorkerMetrics(status);
    m.changeApplied('trunk', 0.012, 0.003);
    m.changeApplied('position', undefined, 0.001);
    const text = await m.registry.metrics();
    expect(text).toContain('sipauth_worker_propagation_seconds_bucket{kind="trunk",le="0.01"} 0');
    expect(text).toContain('sipauth_worker_propagation_seconds_bucket{kind="trunk",le="0.015"} 1');
    expect(text).toContain('sipauth_worker_propagation_seconds_sum{kind="trunk"} 0.012');
    expect(text).not.toContain('sipauth_worker_propagation_seconds_count{kind="position"}');
    expect(text).toContain('sipauth_worker_watch_delivery_seconds_count{kind="position"} 1');
  });
});
