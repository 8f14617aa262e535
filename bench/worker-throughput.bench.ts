/**
 * Authorize throughput and latency of (a) the sip-auth-worker as startSipAuthWorker runs it and
 * (b) a bare nats.js responder running the same decision code (validation, Authorizer, index) on
 * the same read model, side by side in one run, alternating, repeated; prints medians and the
 * ratio worker/bare (target ≥ 0.9).
 *
 * What one request is: an ACK carrying valid digest credentials, so every request does the whole
 * verify (parse the header, check the nonce's HMAC, look up the user, recompute the response from
 * the HA1, constant-time compare) without the replay rule's KV write, which would measure the NATS
 * server rather than the worker. The load comes from a separate thread with its own connection.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { connect, type Msg } from 'nats';
import { authSubject } from '@sipauth/contracts';
import { NonceService, parseKeyList, SealingKeyring } from '@sipauth/sip-digest';
import { AuthIndex, Authorizer, KvReplayGuard, ReadModelWatcher, validateAuthorize, watcherLookup } from '@sipauth/sip-auth-worker';
import { NATS_URL, until } from './support/namespace';
import { digestAcks, startStack, trunkWithCredential } from './support/stack';
import { median, percentile } from './support/stats';

const DOMAIN = 'bench.example.net';
const REPEATS = 11;
const LOADS = [{ inFlight: 1, requests: 1_000 }, { inFlight: 256, requests: 10_000 }];

interface LoadJob { subject: string; payload: string; inFlight: number; requests: number }
interface LoadResult { seconds: number; latenciesMs: number[]; bad: number }

if (!isMainThread) void loadThread();
else main().catch((err) => { console.error(err); process.exit(1); });

/** The load generator: one connection, `inFlight` requests outstanding at any time. */
async function loadThread(): Promise<void> {
  const nc = await connect({ servers: workerData.url as string, name: 'bench-load' });
  parentPort!.on('message', async (job: LoadJob | 'stop') => {
    if (job === 'stop') { await nc.close(); process.exit(0); }
    const data = Buffer.from(job.payload);
    const latencies = new Float64Array(job.requests);
    let next = 0;
    let bad = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: job.inFlight }, async () => {
      for (let i = next++; i < job.requests; i = next++) {
        const t = performance.now();
        const msg = await nc.request(job.subject, data, { timeout: 10_000 });
        latencies[i] = performance.now() - t;
        if (i % 500 === 0 && !Buffer.from(msg.data).toString().includes('"digest-verified"')) bad++;
      }
    }));
    parentPort!.postMessage({ seconds: (performance.now() - started) / 1000, latenciesMs: Array.from(latencies), bad } satisfies LoadResult);
  });
}

async function main(): Promise<void> {
  const stack = await startStack('bench-control', 1);
  const { ns, env } = stack;
  const bareNc = await connect({ servers: NATS_URL, name: 'bench-bare' });
  const watcher = new ReadModelWatcher(bareNc, ns, () => new AuthIndex(env.SIPAUTH_REALM, SealingKeyring.fromConfig(env.SIPAUTH_SEALING_KEYS)));
  const load = new Worker(__filename, { workerData: { url: NATS_URL } });
  try {
    const password = 'Bench-Pass-1234';
    const { position } = await trunkWithCredential(stack, DOMAIN, password);
    watcher.start((err) => console.error(err));
    await until(() => BigInt(watcher.status().position) >= BigInt(position));

    const authorizer = new Authorizer({
      index: watcherLookup(watcher),
      nonces: new NonceService({ secrets: parseKeyList(env.SIPAUTH_NONCE_SECRETS, 'SIPAUTH_NONCE_SECRETS'), ttlSeconds: 300 }),
      replay: await KvReplayGuard.open(bareNc.jetstream(), ns, 300),
      realm: env.SIPAUTH_REALM,
    });
    const bareSubject = `${ns}.bench.bare.authorize`;
    bareNc.subscribe(bareSubject, { queue: 'bare', callback: (err, msg) => { if (!err) bareRespond(authorizer, msg); } });

    const payload = JSON.stringify((await digestAcks(stack, DOMAIN))(password));
    const targets = { worker: authSubject(ns, 'authorize'), bare: bareSubject };
    const run = (subject: string, inFlight: number, requests: number) => new Promise<LoadResult>((resolve) => {
      load.once('message', resolve);
      load.postMessage({ subject, payload, inFlight, requests } satisfies LoadJob);
    });
    for (const subject of Object.values(targets)) await run(subject, 64, 5_000);

    const results: Record<string, { rps: number[]; p50: number[]; p99: number[]; ratios: number[] }> = {};
    for (let rep = 0; rep < REPEATS; rep++) {
      for (const { inFlight, requests } of LOADS) {
        const order = rep % 2 === 0 ? (['worker', 'bare'] as const) : (['bare', 'worker'] as const);
        const rps: Record<string, number> = {};
        for (const name of order) {
          const r = await run(targets[name], inFlight, requests);
          if (r.bad > 0) throw new Error(`${name} answered something other than digest-verified`);
          const key = `${name} @${inFlight}`;
          results[key] ??= { rps: [], p50: [], p99: [], ratios: [] };
          rps[name] = requests / r.seconds;
          results[key].rps.push(rps[name]);
          results[key].p50.push(percentile(r.latenciesMs, 50) * 1000);
          results[key].p99.push(percentile(r.latenciesMs, 99) * 1000);
        }
        (results[`ratio @${inFlight}`] ??= { rps: [], p50: [], p99: [], ratios: [] }).ratios.push(rps.worker / rps.bare);
      }
    }
    console.log(`authorize (ACK with digest credentials: full verify, no replay write), ${REPEATS} alternating repeats, medians`);
    console.log('target            in flight   req/s      p50 µs    p99 µs');
    for (const { inFlight } of LOADS) {
      for (const name of ['worker', 'bare']) {
        const r = results[`${name} @${inFlight}`];
        console.log(`${name.padEnd(16)}  ${String(inFlight).padStart(9)}  ${median(r.rps).toFixed(0).padStart(7)}  ${median(r.p50).toFixed(0).padStart(8)}  ${median(r.p99).toFixed(0).padStart(8)}`);
      }
      const ratios = results[`ratio @${inFlight}`].ratios;
      console.log(`ratio worker/bare @${inFlight}: ${median(ratios).toFixed(3)} (per repeat: ${ratios.map((x) => x.toFixed(2)).join(', ')}; target ≥ 0.9)`);
    }
  } finally {
    load.postMessage('stop');
    await watcher.stop();
    await bareNc.drain();
    await stack.close();
  }
}

/** What the bare responder does per request: the worker's validation and Authorizer, nothing else. */
function bareRespond(authorizer: Authorizer, msg: Msg): void {
  let body: unknown;
  try { body = JSON.parse(Buffer.from(msg.data).toString()); } catch { msg.respond(Buffer.from('{"ok":false}')); return; }
  const input = validateAuthorize(body);
  if (!input.ok) { msg.respond(Buffer.from(JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', details: input.details } }))); return; }
  authorizer.authorize(input.value).then((decision) => msg.respond(Buffer.from(JSON.stringify({ ok: true, data: decision }))));
}
