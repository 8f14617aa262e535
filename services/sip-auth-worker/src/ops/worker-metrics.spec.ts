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
});
