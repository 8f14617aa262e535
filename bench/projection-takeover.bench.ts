/**
 * Projection takeover after kill -9 (issue 13 item 7): two projection-service processes on one
 * namespace (the built dist/main.js, default PROJECTION_LEASE_TTL_MS), the active one (the lease
 * holder, found by its pid) is killed with SIGKILL, a config command is sent at once, and the time
 * until the new document is in the active read model is measured. Repeated with a fresh standby
 * each time; prints the median, min and max. Target: ≤ 2 s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ACTIVE_KEY, keys, LEASE_KEY, projectionBucket, type ActiveReadModel } from '@sipauth/contracts';
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { BENCH_ACCOUNT, openBenchNamespace } from './support/namespace';
import { median } from './support/stats';

const REPEATS = 5;
const TARGET_MS = 2000;
const MAIN = join(__dirname, '..', '..', 'services', 'projection-service', 'dist', 'main.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, guardMs = 30_000): Promise<T> {
  const end = Date.now() + guardMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`gave up waiting until ${what}`);
    await sleep(5);
  }
}

async function main(): Promise<void> {
  const space = await openBenchNamespace('projection-takeover-bench');
  const config = await startConfigService({ ...space.env, CONFIG_HTTP_PORT: '0' }, { logger: false });
  const children = new Set<ChildProcess>();
  const startChild = async (): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [MAIN], { env: { ...space.env, PROJECTION_HTTP_PORT: '0', LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.add(child);
    child.on('exit', () => children.delete(child));
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => { if (chunk.toString().includes('"event":"started"')) resolve(); });
      child.once('exit', () => reject(new Error('projection-service exited before it started')));
    });
    return child;
  };
  try {
    const js = space.nc.jetstream();
    await space.command('ip-acl.create', { friendlyName: 'warm-up' });
    const times: number[] = [];
    await startChild();
    for (let r = 0; r < REPEATS; r++) {
      await startChild();
      const control = await js.views.kv(projectionBucket(space.ns), { bindOnly: true });
      const holder = await until('a lease holder', async () => (await control.get(LEASE_KEY))?.json<{ holder: string }>().holder);
      const active = [...children].find((c) => holder.includes(`-${c.pid}-`));
      if (!active) throw new Error(`no child holds the lease (${holder})`);
      const t0 = performance.now();
      active.kill('SIGKILL');
      const { ipAccessControlListId } = await space.command('ip-acl.create', { friendlyName: `after-kill-${r}` });
      const key = keys.ipAcl(BENCH_ACCOUNT, ipAccessControlListId);
      await until('the new document is projected', async () => {
        const pointer = (await control.get(ACTIVE_KEY))?.json<ActiveReadModel>();
        if (!pointer) return undefined;
        const rm = await js.views.kv(pointer.bucket, { bindOnly: true });
        return (await rm.get(key))?.operation === 'PUT' ? true : undefined;
      });
      times.push(performance.now() - t0);
    }
    const ms = (x: number) => `${Math.round(x)} ms`;
    console.log(`projection takeover after kill -9 of the active projection-service (default lease TTL), ${REPEATS} repeats`);
    console.log(`  kill → new command's document in the read model: median ${ms(median(times))}, min ${ms(Math.min(...times))}, max ${ms(Math.max(...times))}`);
    console.log(`  target: ≤ ${TARGET_MS} ms — ${median(times) <= TARGET_MS ? 'met' : 'NOT met'}`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await config.close();
    await space.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
