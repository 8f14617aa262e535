/**
 * config-service's side of the bulk import alone (issue 14): `credential.import` chunks of 999 over
 * NATS, 4 in flight, into fresh lists, timed to the last reply; no projection, no workers. This is
 * the command path the end-to-end figure of credential-import.bench.ts is bounded by: validation,
 * three HA1s hashed and sealed per credential, the decision and the append. Printed per repeat and as
 * the median: credentials/s and CPU µs per credential of this process (user + system). Sizes:
 * BENCH_REPEATS (3), BENCH_IMPORT_LISTS (20). Run with `node --cpu-prof` to see where the time goes.
 */
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { openBenchNamespace, type BenchNamespace } from './support/namespace';
import { median } from './support/stats';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const LISTS = Number(process.env.BENCH_IMPORT_LISTS ?? 20);
const CHUNK = 999;
const IN_FLIGHT = 4;

async function round(space: BenchNamespace, tag: string): Promise<{ rate: number; cpuMicros: number }> {
  const lists: string[] = [];
  for (let l = 0; l < LISTS; l++) {
    lists.push((await space.command<{ credentialListId: string }>('credential-list.create', { friendlyName: `${tag} ${l}`, username: `${tag}seed${l}`, password: `Bench-Import-${l}-Pw` })).credentialListId);
  }
  const bodies = lists.map((credentialListId, l) => ({
    credentialListId, realm: space.env.SIPAUTH_REALM, requestId: `${tag}-${l}`,
    credentials: Array.from({ length: CHUNK }, (_, i) => ({ username: `${tag}l${l}u${i}`, password: `Bench-Import-${l}-${i}-Pw` })),
  }));
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < bodies.length) await space.command('credential.import', bodies[next++]);
  }));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return { rate: (LISTS * CHUNK) / seconds, cpuMicros: (cpu.user + cpu.system) / (LISTS * CHUNK) };
}

async function main(): Promise<void> {
  const space = await openBenchNamespace('import-command-bench');
  const service = await startConfigService({ ...space.env, CONFIG_HTTP_PORT: '0' }, { logger: false });
  try {
    await round(space, 'warm');
    const rounds: { rate: number; cpuMicros: number }[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const x = await round(space, `r${r}`);
      rounds.push(x);
      console.log(`    repeat ${r + 1}: ${x.rate.toFixed(0)} credentials/s, ${x.cpuMicros.toFixed(1)} µs CPU per credential (this process, client included)`);
    }
    console.log(`  credential.import, config-service alone (${LISTS} × ${CHUNK}, ${IN_FLIGHT} in flight): median ${median(rounds.map((x) => x.rate)).toFixed(0)} credentials/s, ` +
      `${median(rounds.map((x) => x.cpuMicros)).toFixed(1)} µs CPU per credential`);
  } finally {
    await service.close();
    await space.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
