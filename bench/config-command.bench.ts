/**
 * config-service command latency over NATS: `credential.add` (validate, hash + seal three HA1s, read and
 * fold the list's stream, decide, append with expected revision), sent as a raw nats request and timed
 * to its reply. The full service runs in-process in a fresh namespace on NATS_URL (JetStream event
 * store), which is deleted afterwards. One caller, then 16 concurrent callers each on its own list.
 * Figures: per repeat p50/p99, reported as the median over the repeats. Target: p99 ≤ 20 ms at one caller.
 */
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { openBenchNamespace, type BenchNamespace } from './support/namespace';
import { median, percentile } from './support/stats';

const REPEATS = 3;
const ADDS_ONE_CALLER = 300;
const CALLERS = 16;
const ADDS_PER_CALLER = 60;
const TARGET_P99_MS = 20;
const PASSWORD = 'Bench-Passw0rd-123';

/** One caller adding `count` credentials to a fresh list; returns each command's latency in ms. */
async function caller({ command }: BenchNamespace, count: number): Promise<number[]> {
  const { credentialListId } = await command('credential-list.create', { friendlyName: 'Bench', username: 'first', password: PASSWORD });
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = process.hrtime.bigint();
    await command('credential.add', { credentialListId, username: `user${i}`, password: PASSWORD });
    latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return latencies;
}

async function main(): Promise<void> {
  const space = await openBenchNamespace('config-command-bench');
  const service = await startConfigService({ ...space.env, CONFIG_HTTP_PORT: '0' }, { logger: false });
  try {
    await caller(space, 30); // warm-up
    const one = { p50: [] as number[], p99: [] as number[] };
    const many = { p50: [] as number[], p99: [] as number[], throughput: [] as number[] };
    for (let r = 0; r < REPEATS; r++) {
      const latencies = await caller(space, ADDS_ONE_CALLER);
      one.p50.push(percentile(latencies, 50));
      one.p99.push(percentile(latencies, 99));
      const t0 = process.hrtime.bigint();
      const all = (await Promise.all(Array.from({ length: CALLERS }, () => caller(space, ADDS_PER_CALLER)))).flat();
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      many.p50.push(percentile(all, 50));
      many.p99.push(percentile(all, 99));
      many.throughput.push(all.length / seconds);
    }
    const ms = (x: number): string => `${x.toFixed(2)} ms`;
    console.log(`credential.add over NATS (JetStream event store), median of ${REPEATS} repeats`);
    console.log(`  1 caller   (${ADDS_ONE_CALLER} adds/repeat):           p50 ${ms(median(one.p50))}  p99 ${ms(median(one.p99))}`);
    console.log(`  ${CALLERS} callers (${ADDS_PER_CALLER} adds each/repeat):     p50 ${ms(median(many.p50))}  p99 ${ms(median(many.p99))}  (~${median(many.throughput).toFixed(0)} commands/s)`);
    const met = median(one.p99) <= TARGET_P99_MS;
    console.log(`  target: p99 ≤ ${TARGET_P99_MS} ms at one caller — ${met ? 'met' : 'NOT met'}`);
  } finally {
    await service.close();
    await space.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
