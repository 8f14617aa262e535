/**
 * Concurrency is not a conflict (issue 13 item 10): 200 concurrent `credential.add` of distinct
 * usernames to ONE list, sent over NATS to the config-service queue group, with one replica and with
 * two replicas (each its own NATS connection and event store, as two processes would have), side by
 * side. Commands on one stream are queued inside a replica and retried with jittered backoff across
 * replicas. Figures per setup, median of the repeats: throughput (adds/s), p50/p99 latency, refusals
 * (must be 0) and whether every credential landed exactly once in the stream.
 */
import { startConfigService, type RunningConfigService } from '@sipauth/config-service/dist/bootstrap';
import { createEventStore } from '@sipauth/event-store';
import { openBenchNamespace, type BenchNamespace } from './support/namespace';
import { median, percentile } from './support/stats';

const REPEATS = 5;
const ADDS = 200;
const PASSWORD = 'Bench-Passw0rd-123';

interface Round { throughput: number; p50: number; p99: number; refused: number; exactlyOnce: boolean }

async function round(space: BenchNamespace, tag: string): Promise<Round> {
  const { credentialListId } = await space.command('credential-list.create', { friendlyName: 'Bench', username: 'first', password: PASSWORD });
  const usernames = Array.from({ length: ADDS }, (_, i) => `${tag}u${i}`);
  const latencies: number[] = [];
  let refused = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(usernames.map(async (username) => {
    const started = process.hrtime.bigint();
    try {
      await space.command('credential.add', { credentialListId, username, password: PASSWORD });
    } catch {
      refused++;
    }
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const store = await createEventStore(space.nc, { namespace: space.ns });
  const added = (await store.readStream(`credentialList-${credentialListId}`)).filter((e) => e.type === 'CredentialAdded');
  await store.close();
  const landed = added.map((e) => (e.data as { username: string }).username).filter((u) => u !== 'first').sort();
  return {
    throughput: (ADDS - refused) / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), refused,
    exactlyOnce: landed.length === ADDS && landed.join() === [...usernames].sort().join(),
  };
}

async function measure(replicas: number): Promise<Round[]> {
  const space = await openBenchNamespace(`config-concurrency-bench-${replicas}`);
  const services: RunningConfigService[] = [];
  try {
    for (let i = 0; i < replicas; i++) services.push(await startConfigService({ ...space.env, CONFIG_HTTP_PORT: '0' }, { logger: false }));
    await round(space, 'warm');
    const rounds: Round[] = [];
    for (let r = 0; r < REPEATS; r++) rounds.push(await round(space, `r${r}`));
    return rounds;
  } finally {
    for (const s of services) await s.close();
    await space.close();
  }
}

async function main(): Promise<void> {
  console.log(`${ADDS} concurrent credential.add to one list over NATS (JetStream event store), median of ${REPEATS} repeats`);
  for (const replicas of [1, 2]) {
    const rounds = await measure(replicas);
    const m = (pick: (r: Round) => number) => median(rounds.map(pick));
    const refused = rounds.reduce((n, r) => n + r.refused, 0);
    const once = rounds.every((r) => r.exactlyOnce);
    console.log(
      `  ${replicas} replica${replicas > 1 ? 's' : ' '}: ~${m((r) => r.throughput).toFixed(0)} adds/s  p50 ${m((r) => r.p50).toFixed(1)} ms  ` +
        `p99 ${m((r) => r.p99).toFixed(1)} ms  refused ${refused} of ${ADDS * REPEATS}  every credential exactly once: ${once ? 'yes' : 'NO'}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
