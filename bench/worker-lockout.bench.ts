/**
 * What the brute-force lockout (SPEC §5.1) and auth.explain (§5.3) cost the worker; side by side in
 * one run, alternating, repeated; medians.
 *
 *  1. authorize of a locked-out source vs a challenge (no credentials, two nonces), on the worker's
 *     decision code in this process (Authorizer over the index of a real read model, the real
 *     LockoutRegistry on NATS): µs per call and ratio.
 *  2. verify throughput through a running worker, lockout counting on vs off: two trunks on the same
 *     worker, one with the lockout on (maxFailures 1000 per 1 s, so the run counts without locking
 *     anyone) and one with it off, loaded in turn from a separate thread (64 in flight). (a) verified
 *     ACKs (full verify, no replay write); (b) failed verifications (bad-response) from 1,000
 *     rotating sources, each one counted (an event line published, and received and counted back,
 *     as on every replica). Requests/s, ratio on/off (target ≥ 0.9).
 *     And the CPU time counting adds to one failed attempt (its event line sent, received back and counted).
 *  3. auth.explain latency: the dry run in process, and through NATS to the worker (a burst within
 *     its rate limit).
 */
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { connect } from 'nats';
import { authSubject, type AuthDecision } from '@sipauth/contracts';
import { NonceService, parseKeyList, SealingKeyring } from '@sipauth/sip-digest';
import {
  AuthIndex, AuthorizeInput, Authorizer, DecisionExplainer, InMemoryReplayGuard, LockoutRegistry, ReadModelWatcher,
  validateAuthorize, watcherLookup,
} from '@sipauth/sip-auth-worker';
import { parseSourceIp, type SourceIp } from '@sipauth/ip-acl-match';
import { answerChallenge } from './support/digest';
import { NATS_URL, until } from './support/namespace';
import { BENCH_USERNAME, startStack } from './support/stack';
import { median, percentile } from './support/stats';

const DOMAIN = 'lockout-bench.example.net';
const DOMAIN_OFF = 'no-lockout-bench.example.net';
const LOAD = { inFlight: 64, requests: 10_000 };
const PASSWORD = 'Bench-Pass-1234';
const REPEATS = 11;
const CALLS = 20_000;
const YIELD_EVERY = 256;
const LOCKED = '203.0.113.66';
const CUSTOMER = '198.51.100.7';

const input = (body: object): AuthorizeInput => {
  const v = validateAuthorize(body);
  if (!v.ok) throw new Error(JSON.stringify(v.details));
  return v.value;
};
const yieldToIo = () => new Promise((r) => setImmediate(r));

interface LoadJob { subject: string; payloads: string[]; expect: string }

if (!isMainThread) void loadThread();
else main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
/** The load generator: its own connection, LOAD.inFlight requests outstanding, cycling through the payloads; resolves requests/s. */
async function loadThread(): Promise<void> {
  const nc = await connect({ servers: workerData.url as string, name: 'bench-lockout-load' });
  parentPort!.on('message', async (job: LoadJob | 'stop') => {
    if (job === 'stop') { await nc.close(); process.exit(0); }
    const data = job.payloads.map((p) => Buffer.from(p));
    let next = 0;
    let bad = 0;
    const started = performance.now();
    await Promise.all(Array.from({ length: LOAD.inFlight }, async () => {
      for (let i = next++; i < LOAD.requests; i = next++) {
        const msg = await nc.request(job.subject, data[i % data.length], { timeout: 10_000 });
        if (i % 500 === 0 && !Buffer.from(msg.data).toString().includes(job.expect)) bad++;
      }
    }));
    parentPort!.postMessage({ rps: LOAD.requests / ((performance.now() - started) / 1000), bad });
  });
}

/** µs per call of `calls` sequential decisions, yielding to I/O every YIELD_EVERY (so incoming lockout events are handled, and timed). */
async function timed(authorizer: Authorizer, inputs: AuthorizeInput[], expect: string): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const d = await authorizer.authorize(inputs[i % inputs.length]);
    if (i % 1000 === 0 && d.reason !== expect) throw new Error(`expected ${expect}, got ${d.reason}`);
    if (i % YIELD_EVERY === 0) await yieldToIo();
  }
  await yieldToIo();
  return ((performance.now() - started) * 1000) / CALLS;
}

async function main(): Promise<void> {
  const stack = await startStack('bench-lockout', 1);
  const { ns, env, nc } = stack;
  const keyring = SealingKeyring.fromConfig(env.SIPAUTH_SEALING_KEYS);
  const watcher = new ReadModelWatcher(nc, ns, () => new AuthIndex(env.SIPAUTH_REALM, keyring));
  let registry: LockoutRegistry | undefined;
  try {
    const list = await stack.command<{ credentialListId: string }>('credential-list.create', { friendlyName: 'Bench', username: BENCH_USERNAME, password: PASSWORD });
    const { trunkId } = await stack.command<{ trunkId: string }>('trunk.create', { friendlyName: 'Bench', domainName: DOMAIN });
    await stack.command('trunk.assign', { trunkId, listKind: 'credentialList', listId: list.credentialListId });
    const { trunkId: offId } = await stack.command<{ trunkId: string }>('trunk.create', { friendlyName: 'Bench off', domainName: DOMAIN_OFF });
    await stack.command('trunk.assign', { trunkId: offId, listKind: 'credentialList', listId: list.credentialListId });
    await stack.command('trunk.set-lockout-policy', { trunkId: offId, enabled: false });
    // The most lenient policy the contract allows, so the failed-attempt series counts without locking anyone.
    const { position } = await stack.command('trunk.set-lockout-policy', { trunkId, enabled: true, maxFailures: 1000, windowSeconds: 1, lockoutSeconds: 86_400 });
    watcher.start((err) => console.error(err));
    await until(() => BigInt(watcher.status().position) >= BigInt(position) && stack.workers.every((w) => BigInt(w.status().position) >= BigInt(position)));

    registry = await LockoutRegistry.open(nc, ns);
    const deps = {
      index: watcherLookup(watcher), realm: env.SIPAUTH_REALM, replay: new InMemoryReplayGuard(),
      nonces: new NonceService({ secrets: parseKeyList(env.SIPAUTH_NONCE_SECRETS, 'SIPAUTH_NONCE_SECRETS'), ttlSeconds: 300 }),
    };
    const on = new Authorizer({ ...deps, lockouts: registry });
    const requestUri = `sip:+15550100@${DOMAIN}`;
    const invite = (sourceIp: string) => ({ domain: DOMAIN, sourceIp, method: 'INVITE', requestUri });
    const challenge = (await on.authorize(input(invite(CUSTOMER)))).proxyAuthenticate![0];
    const ack = (sourceIp: string, password: string) => input({
      ...invite(sourceIp), method: 'ACK', authorization: answerChallenge(challenge, { username: BENCH_USERNAME, password, method: 'INVITE', uri: requestUri, cnonce: 'benchcnonce' }),
    });

    // Lock LOCKED out: 1,000 failures within the one-second window.
    const lockedSource = parseSourceIp(LOCKED) as SourceIp;
    const wrongFromLocked = ack(LOCKED, 'Wrong-Pass-1');
    for (let i = 0; i < 1000; i++) await on.authorize(wrongFromLocked);
    const trunk = watcherLookup(watcher).trunkByDomain(DOMAIN)!;
    await until(() => registry!.lockedUntil(trunk, lockedSource) !== undefined, 'the lockout');

    // 1. locked-out vs challenge.
    const lockedOut = [input(invite(LOCKED))];
    const challenged = [input(invite(CUSTOMER))];
    const costs = { locked: [] as number[], challenge: [] as number[], ratio: [] as number[] };
    await timed(on, lockedOut, 'locked-out');
    await timed(on, challenged, 'challenge');
    for (let rep = 0; rep < REPEATS; rep++) {
      const order = rep % 2 === 0 ? (['locked', 'challenge'] as const) : (['challenge', 'locked'] as const);
      const us: Record<string, number> = {};
      for (const which of order) us[which] = which === 'locked' ? await timed(on, lockedOut, 'locked-out') : await timed(on, challenged, 'challenge');
      costs.locked.push(us.locked); costs.challenge.push(us.challenge); costs.ratio.push(us.locked / us.challenge);
    }
    console.log(`authorize cost, in process, ${REPEATS} alternating repeats of ${CALLS} calls, medians`);
    console.log(`  locked-out source (403 locked-out):     ${median(costs.locked).toFixed(2)} µs per call`);
    console.log(`  challenge (407, nonces for MD5, SHA-256): ${median(costs.challenge).toFixed(2)} µs per call`);
    console.log(`  ratio locked-out/challenge: ${median(costs.ratio).toFixed(3)} (per repeat: ${costs.ratio.map((x) => x.toFixed(2)).join(', ')}; target < 1)`);

    // 2. verify throughput through the worker, counting on vs off.
    const load = new Worker(__filename, { workerData: { url: NATS_URL } });
    const subject = authSubject(ns, 'authorize');
    /** Requests/s, and the CPU time of this whole process (worker, services and load thread) per request. */
    const run = async (job: LoadJob) => {
      const cpu = process.cpuUsage();
      const r = await new Promise<{ rps: number; bad: number }>((resolve) => { load.once('message', resolve); load.postMessage(job); });
      const used = process.cpuUsage(cpu);
      return { ...r, cpuUs: (used.user + used.system) / LOAD.requests };
    };
    try {
      const payload = (domain: string, sourceIp: string, password: string) => {
        const uri = `sip:+15550100@${domain}`;
        const authorization = answerChallenge(challengeFor[domain], { username: BENCH_USERNAME, password, method: 'INVITE', uri, cnonce: 'benchcnonce' });
        return JSON.stringify({ domain, sourceIp, method: 'ACK', requestUri: uri, authorization });
      };
      const challengeFor: Record<string, string> = {};
      for (const domain of [DOMAIN, DOMAIN_OFF]) {
        challengeFor[domain] = (await stack.request<AuthDecision>(subject, { domain, sourceIp: CUSTOMER, method: 'INVITE', requestUri: `sip:+15550100@${domain}` })).proxyAuthenticate![0];
      }
      const sources = Array.from({ length: 1000 }, (_, i) => `192.0.${2 + (i >> 8)}.${i & 255}`);
      const series = [
        { name: 'verified ACKs (one source)', expect: '"digest-verified"', make: (d: string) => [payload(d, CUSTOMER, PASSWORD)] },
        { name: 'failed verifications (1,000 rotating sources, bad-response)', expect: '"bad-response"', make: (d: string) => sources.map((ip) => payload(d, ip, 'Wrong-Pass-2')) },
      ];
      for (const { name, expect, make } of series) {
        const jobs = { on: { subject, payloads: make(DOMAIN), expect }, off: { subject, payloads: make(DOMAIN_OFF), expect } };
        await run(jobs.on);
        await run(jobs.off);
        const rate = { on: [] as number[], off: [] as number[], ratio: [] as number[], cpuOn: [] as number[], cpuOff: [] as number[] };
        for (let rep = 0; rep < REPEATS; rep++) {
          const order = rep % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const);
          const rps: Record<string, number> = {};
          for (const which of order) {
            const r = await run(jobs[which]);
            if (r.bad > 0) throw new Error(`${name} (${which}): a reply other than ${expect}`);
            rps[which] = r.rps;
            (which === 'on' ? rate.cpuOn : rate.cpuOff).push(r.cpuUs);
          }
          rate.on.push(rps.on); rate.off.push(rps.off); rate.ratio.push(rps.on / rps.off);
        }
        console.log(`\n${name}, through the worker, ${LOAD.inFlight} in flight, ${REPEATS} alternating repeats of ${LOAD.requests}, medians`);
        console.log(`  lockout counting on:  ${median(rate.on).toFixed(0)} req/s`);
        console.log(`  lockout counting off: ${median(rate.off).toFixed(0)} req/s`);
        console.log(`  ratio on/off: ${median(rate.ratio).toFixed(3)} (per repeat: ${rate.ratio.map((x) => x.toFixed(2)).join(', ')}; target ≥ 0.9)`);
        // Wall-clock throughput on a shared machine swings with the neighbours' load; CPU time per request much less.
        const [cpuOn, cpuOff] = [median(rate.cpuOn), median(rate.cpuOff)];
        console.log(`  CPU per request (whole process): on ${cpuOn.toFixed(1)} µs, off ${cpuOff.toFixed(1)} µs; CPU-bound throughput ratio on/off ${(cpuOff / cpuOn).toFixed(3)}`);
      }
    } finally {
      load.postMessage('stop');
    }

    // 2c. what counting adds to one failed attempt, as CPU time of this process: the event line, its
    // message (one per turn of 64, flushed as the responder does before replying, but here in a write
    // of its own), receiving it back and counting it.
    const trunkOn = watcherLookup(watcher).trunkByDomain(DOMAIN)!;
    const rotating = Array.from({ length: 1000 }, (_, i) => parseSourceIp(`192.0.${2 + (i >> 8)}.${i & 255}`) as SourceIp);
    const counted = async (): Promise<number> => {
      const cpu = process.cpuUsage();
      for (let i = 0; i < CALLS; i += 64) {
        for (let k = 0; k < 64; k++) registry!.failed(trunkOn, rotating[(i + k) % rotating.length], BENCH_USERNAME, 'bad-response');
        registry!.flushEvents();
        await yieldToIo();
      }
      await nc.flush();
      await until(() => registry!.hasFailures(trunkOn, rotating[(CALLS - 1) % rotating.length]), 'the last event');
      const used = process.cpuUsage(cpu);
      return (used.user + used.system) / CALLS;
    };
    await counted();
    const cpuPerFailure: number[] = [];
    for (let rep = 0; rep < REPEATS; rep++) cpuPerFailure.push(await counted());
    console.log(`\ncounting one failed attempt (publish its line, receive it back, count it), CPU of this process, ${REPEATS} repeats of ${CALLS}, turns of 64`);
    console.log(`  median ${median(cpuPerFailure).toFixed(2)} µs per failed attempt (per repeat: ${cpuPerFailure.map((x) => x.toFixed(1)).join(', ')}); an upper bound: in the worker the lines share the replies' write`);

    // 3. explain latency.
    const explainer = new DecisionExplainer(on);
    const explainInput = { domain: DOMAIN, source: parseSourceIp(CUSTOMER) as SourceIp, method: 'INVITE', username: BENCH_USERNAME, password: PASSWORD };
    const inProcess: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const t = performance.now();
      const r = await explainer.explain(explainInput);
      inProcess.push((performance.now() - t) * 1000);
      if (i === 0 && r.reason !== 'digest-verified') throw new Error(`explain said ${r.reason}`);
    }
    const overNats: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const reply = await stack.request<{ reason: AuthDecision['reason'] }>(authSubject(ns, 'explain'), { domain: DOMAIN, sourceIp: CUSTOMER, username: BENCH_USERNAME, password: PASSWORD });
      overNats.push((performance.now() - t) * 1000);
      if (reply.reason !== 'digest-verified') throw new Error(`explain said ${reply.reason}`);
    }
    console.log('\nauth.explain latency (with username and password: two engine runs, one digest computed)');
    console.log(`  in process, 2,000 calls: p50 ${percentile(inProcess, 50).toFixed(0)} µs, p99 ${percentile(inProcess, 99).toFixed(0)} µs`);
    console.log(`  through NATS to a worker, a burst of 10 (its rate limit): p50 ${percentile(overNats, 50).toFixed(0)} µs, max ${Math.max(...overNats).toFixed(0)} µs`);
  } finally {
    await registry?.close();
    await watcher.stop();
    await stack.close();
  }
}

