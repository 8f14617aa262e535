/**
 * CPU per call of the sip-auth-worker as the SIP edge uses it, without Kamailio and sipp around it
 * (bench/sip-edge.bench.ts measures the whole edge, but on a shared machine its Kamailio figures
 * swing by 2x from run to run, which hides changes of 10 % in the worker). The worker runs as its own
 * process (dist/main.js); this process sends, at a fixed rate, what the bridge sends per call: an
 * authorize without credentials (407), then the authorize answering its first challenge (allow, with
 * the replay guard's KV create). CPU from /proc/<pid>/stat per completed call.
 *
 * Calls go out one at a time, or in bursts of a few at once (WORKER_CPU_BENCH_BURSTS=1,3): bursts
 * show what batching upstream (the bridge's SIPAUTH_EDGE_BATCH_MS) saves the worker. With
 * WORKER_CPU_BENCH_COMPARE=<root of another checkout, built> the worker of that tree runs too, on a
 * namespace of its own, and every setting alternates between the two within each repeat, so both
 * see the same machine. Printed, not asserted: medians of WORKER_CPU_BENCH_REPEATS (5) runs of
 * WORKER_CPU_BENCH_SECONDS (5) at WORKER_CPU_BENCH_RATE (700) calls/s.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { authSubject, type AuthDecision, type Reply } from '@sipauth/contracts';
import { startConfigService } from '@sipauth/config-service/dist/bootstrap';
import { startProjectionService } from '@sipauth/projection-service/dist/bootstrap';
import { answerChallenge } from './support/digest';
import { openBenchNamespace, type BenchNamespace } from './support/namespace';
import { cpuMs } from './support/proc-cpu';
import { median } from './support/stats';

const ROOT = join(__dirname, '..', '..');
const RATE = Number(process.env.WORKER_CPU_BENCH_RATE ?? 700);
const SECONDS = Number(process.env.WORKER_CPU_BENCH_SECONDS ?? 5);
const REPEATS = Number(process.env.WORKER_CPU_BENCH_REPEATS ?? 5);
const BURSTS = (process.env.WORKER_CPU_BENCH_BURSTS ?? '1,3').split(',').map(Number);
const COMPARE = process.env.WORKER_CPU_BENCH_COMPARE;
const USER = { username: 'alice', password: 'Bench-Pass-123' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Subject { label: string; space: BenchNamespace; worker: ChildProcess; domain: string; close(): Promise<void> }

/** A namespace with config and projection in this process, a trunk with USER, and the worker of `root` as a child process. */
async function start(label: string, root: string): Promise<Subject> {
  const space = await openBenchNamespace(`worker-cpu-${label}`);
  const env = { ...space.env, NODE_ENV: 'production', LOG_LEVEL: 'warn' };
  const config = await startConfigService({ ...env, CONFIG_HTTP_PORT: '0' }, { logger: ['error'] });
  const projection = await startProjectionService({ ...env, PROJECTION_HTTP_PORT: '0' });
  const worker = spawn(process.execPath, [join(root, 'services', 'sip-auth-worker', 'dist', 'main.js')], { env: { ...env, WORKER_HTTP_PORT: '0' }, stdio: ['ignore', 'ignore', 'inherit'] });
  const domain = `${label}.cpu.sipauth.test`;
  const list = await space.command<{ credentialListId: string }>('credential-list.create', { friendlyName: 'Bench', ...USER });
  const { trunkId } = await space.command<{ trunkId: string }>('trunk.create', { friendlyName: 'Bench', domainName: domain });
  const { position } = await space.command('trunk.assign', { trunkId, listKind: 'credentialList', listId: list.credentialListId });
  for (let i = 0; ; i++) {
    const status = await space.request<{ position: string }>(authSubject(space.ns, 'status'), {}).catch(() => undefined);
    if (status && BigInt(status.position) >= BigInt(position)) break;
    if (i > 600) throw new Error(`the ${label} worker did not apply the trunk in 60 s`);
    await sleep(100);
  }
  return {
    label, space, worker, domain,
    async close() {
      await new Promise((resolve) => { worker.once('exit', resolve); worker.kill('SIGTERM'); });
      await projection.close();
      await config.close();
      await space.close();
    },
  };
}

let sequence = 0;
/** One call as the bridge makes it: 407, then the credentialed request, which must be allowed. */
async function call(s: Subject): Promise<void> {
  const ask = async (body: object) => {
    const reply = (await s.space.nc.request(authSubject(s.space.ns, 'authorize'), JSON.stringify(body), { timeout: 10_000 })).json<Reply<AuthDecision>>();
    if (!reply.ok) throw new Error(JSON.stringify(reply.error));
    return reply.data;
  };
  const request = { domain: s.domain, sourceIp: '127.0.0.1', method: 'INVITE', requestUri: `sip:15550100@${s.domain}` };
  const branch = `z9hG4bK-cpu-${++sequence}`;
  const challenge = await ask({ ...request, transactionId: branch });
  const authorization = answerChallenge(challenge.proxyAuthenticate![0], { ...USER, method: 'INVITE', uri: `sip:${s.domain}` });
  const verdict = await ask({ ...request, authorization, transactionId: `${branch}-2` });
  if (verdict.decision !== 'allow') throw new Error(`expected allow, got ${JSON.stringify(verdict)}`);
}

/** RATE calls/s for SECONDS, `burst` calls at a time; the worker's CPU ms per call. */
async function run(s: Subject, burst: number): Promise<number> {
  const calls = RATE * SECONDS;
  const before = cpuMs(s.worker.pid!);
  const started = Date.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < calls; i++) {
    const due = started + (Math.floor(i / burst) * burst * 1000) / RATE;
    if (due - Date.now() > 1) await sleep(due - Date.now());
    pending.push(call(s));
  }
  await Promise.all(pending);
  return (cpuMs(s.worker.pid!) - before) / calls;
}

async function main(): Promise<void> {
  const subjects = [await start('this', ROOT)];
  if (COMPARE) subjects.push(await start('compare', COMPARE));
  try {
    for (const s of subjects) await run(s, 1); // warm-up: JIT, caches
    const figures = new Map<string, number[]>();
    for (let r = 0; r < REPEATS; r++) {
      for (const burst of BURSTS) {
        for (const s of subjects) {
          const key = `${s.label === 'this' ? 'this tree' : `compare (${COMPARE})`}, bursts of ${burst}`;
          figures.set(key, [...(figures.get(key) ?? []), await run(s, burst)]);
        }
      }
    }
    console.log(`worker CPU per call (407, then allow with the replay guard's write) at ${RATE} calls/s, ${SECONDS} s per run, medians of ${REPEATS}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    for (const [key, xs] of figures) console.log(`  ${key}: ${median(xs).toFixed(3)} ms (${xs.map((x) => x.toFixed(3)).join(' ')})`);
  } finally {
    for (const s of subjects) await s.close();
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
