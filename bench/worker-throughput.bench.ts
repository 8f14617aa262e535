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
 *
 * Then, through the worker only, the realistic INVITE path: each call sends an INVITE without
 * credentials, gets the 407, answers its first challenge (bench/support/digest.ts) and sends the
 * INVITE again with Proxy-Authorization, so each allow includes the replay guard's KV create. At 1
 * and 64 calls in flight: call setups/s and p50/p99 of the second (credentialed) authorize; and
 * `auth.challenge` alone at the same loads.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { connect, type Msg, type NatsConnection } from 'nats';
import { authSubject, type AuthDecision, type Reply } from '@sipauth/contracts';
import { NonceService, parseKeyList, SealingKeyring } from '@sipauth/sip-digest';
import { AuthIndex, Authorizer, KvReplayGuard, ReadModelWatcher, validateAuthorize, watcherLookup } from '@sipauth/sip-auth-worker';
import { NATS_URL, until } from './support/namespace';
import { answerChallenge } from './support/digest';
import { BENCH_USERNAME, digestAcks, startStack, trunkWithCredential } from './support/stack';
import { median, percentile } from './support/stats';

const DOMAIN = 'bench.example.net';
const REPEATS = 11;
const LOADS = [{ inFlight: 1, requests: 1_000 }, { inFlight: 256, requests: 10_000 }];
const INVITE_REPEATS = 7;
const INVITE_LOADS = [{ inFlight: 1, calls: 300 }, { inFlight: 64, calls: 2_000 }];
const CHALLENGE_LOADS = [{ inFlight: 1, requests: 1_000 }, { inFlight: 64, requests: 5_000 }];

/** `expect` is looked for in every 500th reply. */
interface LoadJob { kind: 'fixed'; subject: string; payload: string; inFlight: number; requests: number; expect: string }
/** Calls set up as INVITE → 407 → INVITE with Proxy-Authorization; each must be allowed. */
interface InviteJob { kind: 'invite'; subject: string; invite: { domain: string; sourceIp: string; method: 'INVITE'; requestUri: string }; password: string; inFlight: number; calls: number }
interface LoadResult { seconds: number; latenciesMs: number[]; bad: number }
/** latenciesMs: the credentialed authorize of each call; setupMs: the whole call setup. */
interface InviteResult extends LoadResult { setupMs: number[] }

if (!isMainThread) void loadThread();
else main().catch((err) => { console.error(err); process.exit(1); });

/** The load generator: one connection, `inFlight` requests outstanding at any time. */
async function loadThread(): Promise<void> {
  const nc = await connect({ servers: workerData.url as string, name: 'bench-load' });
  parentPort!.on('message', async (job: LoadJob | InviteJob | 'stop') => {
    if (job === 'stop') { await nc.close(); process.exit(0); }
    parentPort!.postMessage(job.kind === 'fixed' ? await fixedLoad(nc, job) : await inviteLoad(nc, job));
  });
}

async function fixedLoad(nc: NatsConnection, job: LoadJob): Promise<LoadResult> {
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
      if (i % 500 === 0 && !Buffer.from(msg.data).toString().includes(job.expect)) bad++;
    }
  }));
  return { seconds: (performance.now() - started) / 1000, latenciesMs: Array.from(latencies), bad };
}

async function inviteLoad(nc: NatsConnection, job: InviteJob): Promise<InviteResult> {
  const bare = Buffer.from(JSON.stringify(job.invite));
  const answer = { username: BENCH_USERNAME, password: job.password, method: 'INVITE', uri: job.invite.requestUri };
  const second = new Float64Array(job.calls);
  const setup = new Float64Array(job.calls);
  let next = 0;
  let bad = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: job.inFlight }, async () => {
    for (let i = next++; i < job.calls; i = next++) {
      const t0 = performance.now();
      const challenge = (await nc.request(job.subject, bare, { timeout: 10_000 })).json<Reply<AuthDecision>>();
      if (!challenge.ok || !challenge.data.proxyAuthenticate) throw new Error(`expected a 407, got ${JSON.stringify(challenge)}`);
      const authorization = answerChallenge(challenge.data.proxyAuthenticate[0], answer);
      const t1 = performance.now();
      const msg = await nc.request(job.subject, JSON.stringify({ ...job.invite, authorization }), { timeout: 10_000 });
      const t2 = performance.now();
      second[i] = t2 - t1;
      setup[i] = t2 - t0;
      if (!Buffer.from(msg.data).toString().includes('"digest-verified"')) bad++;
    }
  }));
  return { seconds: (performance.now() - started) / 1000, latenciesMs: Array.from(second), setupMs: Array.from(setup), bad };
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
      replay: await KvReplayGuard.open(bareNc, ns, 300),
      realm: env.SIPAUTH_REALM,
    });
    const bareSubject = `${ns}.bench.bare.authorize`;
    bareNc.subscribe(bareSubject, { queue: 'bare', callback: (err, msg) => { if (!err) bareRespond(authorizer, msg); } });

    const payload = JSON.stringify((await digestAcks(stack, DOMAIN))(password));
    const targets = { worker: authSubject(ns, 'authorize'), bare: bareSubject };
    const send = <R>(job: LoadJob | InviteJob) => new Promise<R>((resolve) => {
      load.once('message', resolve);
      load.postMessage(job);
    });
    const run = (subject: string, inFlight: number, requests: number) =>
      send<LoadResult>({ kind: 'fixed', subject, payload, inFlight, requests, expect: '"digest-verified"' });
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
    await realisticInvites(send, ns, password);
  } finally {
    load.postMessage('stop');
    await watcher.stop();
    await bareNc.drain();
    await stack.close();
  }
}

type Send = <R>(job: LoadJob | InviteJob) => Promise<R>;

/** The INVITE path through the worker (challenge, answer, credentialed INVITE), then auth.challenge alone. */
async function realisticInvites(send: Send, ns: string, password: string): Promise<void> {
  const subject = authSubject(ns, 'authorize');
  const invite = { domain: DOMAIN, sourceIp: '198.51.100.7', method: 'INVITE' as const, requestUri: `sip:+15550100@${DOMAIN}` };
  const calls = (inFlight: number, n: number) => send<InviteResult>({ kind: 'invite', subject, invite, password, inFlight, calls: n });
  const challengeJob = (inFlight: number, requests: number): LoadJob => ({
    kind: 'fixed', subject: authSubject(ns, 'challenge'), payload: JSON.stringify({ domain: DOMAIN, sourceIp: invite.sourceIp }), inFlight, requests, expect: '"decision":"challenge"',
  });
  await calls(64, 1_000);
  await send(challengeJob(64, 2_000));

  const figures = (r: { rate: number[]; p50: number[]; p99: number[] }) =>
    `${median(r.rate).toFixed(0).padStart(7)}  ${median(r.p50).toFixed(0).padStart(8)}  ${median(r.p99).toFixed(0).padStart(8)}`;
  const series = () => ({ rate: [] as number[], p50: [] as number[], p99: [] as number[], setup50: [] as number[] });
  const invites = INVITE_LOADS.map(series);
  const challenges = CHALLENGE_LOADS.map(series);
  for (let rep = 0; rep < INVITE_REPEATS; rep++) {
    for (const [k, { inFlight, calls: n }] of INVITE_LOADS.entries()) {
      const r = await calls(inFlight, n);
      if (r.bad > 0) throw new Error(`${r.bad} credentialed INVITEs were not allowed`);
      invites[k].rate.push(n / r.seconds);
      invites[k].p50.push(percentile(r.latenciesMs, 50) * 1000);
      invites[k].p99.push(percentile(r.latenciesMs, 99) * 1000);
      invites[k].setup50.push(percentile(r.setupMs, 50) * 1000);
    }
    for (const [k, { inFlight, requests }] of CHALLENGE_LOADS.entries()) {
      const r = await send<LoadResult>(challengeJob(inFlight, requests));
      if (r.bad > 0) throw new Error('auth.challenge answered something other than a challenge');
      challenges[k].rate.push(requests / r.seconds);
      challenges[k].p50.push(percentile(r.latenciesMs, 50) * 1000);
      challenges[k].p99.push(percentile(r.latenciesMs, 99) * 1000);
    }
  }
  console.log(`\nINVITE call setup through the worker (INVITE → 407 → INVITE with Proxy-Authorization, replay-guard KV create per allow), ${INVITE_REPEATS} repeats, medians`);
  console.log('in flight   setups/s   p50 µs    p99 µs   (credentialed authorize)   setup p50 µs (both requests)');
  for (const [k, { inFlight }] of INVITE_LOADS.entries()) {
    console.log(`${String(inFlight).padStart(9)}  ${figures(invites[k])}   ${median(invites[k].setup50).toFixed(0).padStart(34)}`);
  }
  console.log(`auth.challenge alone (no ACL on the trunk; nonces for SHA-256 and MD5), ${INVITE_REPEATS} repeats, medians`);
  console.log('in flight      req/s   p50 µs    p99 µs');
  for (const [k, { inFlight }] of CHALLENGE_LOADS.entries()) console.log(`${String(inFlight).padStart(9)}  ${figures(challenges[k])}`);
}

/** What the bare responder does per request: the worker's validation and Authorizer, nothing else. */
function bareRespond(authorizer: Authorizer, msg: Msg): void {
  let body: unknown;
  try { body = JSON.parse(Buffer.from(msg.data).toString()); } catch { msg.respond(Buffer.from('{"ok":false}')); return; }
  const input = validateAuthorize(body);
  if (!input.ok) { msg.respond(Buffer.from(JSON.stringify({ ok: false, error: { code: 'VALIDATION_FAILED', details: input.details } }))); return; }
  authorizer.authorize(input.value).then((decision) => msg.respond(Buffer.from(JSON.stringify({ ok: true, data: decision }))));
}
