/**
 * The sip-auth-worker's in-memory index for a large configuration: 1,000 trunks, each with its own
 * credential list of 100 credentials (100,000 credentials) and its own IP ACL of 10 ranges. The read
 * model is written straight into a fresh namespace's KV (bench/support/read-model.ts) with HA1s
 * sealed as config-service seals them; no config command is sent.
 *
 * Prints medians (over LOAD_REPEATS worker starts, or over the probed credentials) of:
 *  - time to ready: startSipAuthWorker (NestJS, NATS connection, KV watch of every key) until
 *    status().ready, beside the same for an empty read model (a first, unmeasured start loads the
 *    modules);
 *  - heap used after a full GC, worker running minus before it started; the index's share (worker on
 *    the large model minus worker on an empty one) ÷ credentials = bytes per credential, all of the
 *    trunks and ACLs included; and, on an index built in this process without the worker around it,
 *    the same figure and what opening every credential's HA1s adds (they stay sealed until first use);
 *  - authorize latency of an ACK with valid credentials (full verify, no replay write) on a
 *    credential's first use (its HA1s are unsealed) and right after (already open), for 400
 *    credentials, then one request repeated; over NATS to the worker and in process on the
 *    Authorizer. The probed trunks were challenged first, so their ACL matchers are already built.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { authSubject, keys, type AuthDecision, type ChunkedCredential, type IpAddressDoc, type TrunkDoc } from '@sipauth/contracts';
import { ID_PREFIXES } from '@sipauth/domain';
import { computeHa1s, ha1SealingContext, NonceService, parseKeyList, sealHa1s, SealingKeyring } from '@sipauth/sip-digest';
import {
  AuthIndex, Authorizer, InMemoryReplayGuard, ReadModelWatcher, startSipAuthWorker, validateAuthorize, type CredentialCandidate, type RunningWorker,
} from '@sipauth/sip-auth-worker';
import { answerChallenge } from './support/digest';
import { BENCH_ACCOUNT, openBenchNamespace, until, type BenchNamespace } from './support/namespace';
import { credentialChunkDocs, writeReadModel } from './support/read-model';
import { median } from './support/stats';

const TRUNKS = 1_000;
const CREDENTIALS_PER_LIST = 100;
const RANGES_PER_ACL = 10;
const CREDENTIALS = TRUNKS * CREDENTIALS_PER_LIST;
const LOAD_REPEATS = 3;
const PROBES = 400;
const HOT_REPEATS = 1_000;
const POSITION = '1';

const idOf = (prefix: string, ...n: number[]): string => `${prefix}${createHash('md5').update(`${prefix}${n.join('.')}`).digest('hex')}`;
const trunk = (t: number) => ({
  trunkId: idOf(ID_PREFIXES.trunk, t), listId: idOf(ID_PREFIXES.credentialList, t), aclId: idOf(ID_PREFIXES.ipAccessControlList, t),
  domain: `t${t}.index.example.net`,
  /** Inside the ACL's first range. */
  sourceIp: `10.${(t * RANGES_PER_ACL) >> 8}.${(t * RANGES_PER_ACL) & 255}.7`,
});
const user = (t: number, c: number) => ({ credentialId: idOf(ID_PREFIXES.credential, t, c), username: `trunk${t}user${c}`, password: `Pw-${t}-${c}-bench` });

/** Every document of the configuration, as projection-service would have written it. */
function* configuration(realm: string, keyring: SealingKeyring): Generator<[string, object]> {
  const at = new Date().toISOString();
  const stamp = { revision: 1, position: POSITION, updatedAt: at, createdAt: at };
  for (let t = 0; t < TRUNKS; t++) {
    const { trunkId, listId, aclId, domain } = trunk(t);
    yield [keys.credentialList(BENCH_ACCOUNT, listId), { credentialListId: listId, accountId: BENCH_ACCOUNT, friendlyName: `List ${t}`, credentialCount: CREDENTIALS_PER_LIST, assignedTrunkIds: [trunkId], ...stamp }];
    yield* credentialChunkDocs(BENCH_ACCOUNT, listId, Array.from({ length: CREDENTIALS_PER_LIST }, (_, c): [string, ChunkedCredential] => {
      const { credentialId, username, password } = user(t, c);
      const ha1 = sealHa1s(keyring, computeHa1s(username, realm, password), ha1SealingContext(listId, credentialId));
      return [credentialId, { username, realm, ha1, ...stamp }];
    }), stamp);
    yield [keys.ipAcl(BENCH_ACCOUNT, aclId), { ipAccessControlListId: aclId, accountId: BENCH_ACCOUNT, friendlyName: `ACL ${t}`, ipAddressCount: RANGES_PER_ACL, assignedTrunkIds: [trunkId], ...stamp }];
    for (let r = 0; r < RANGES_PER_ACL; r++) {
      const n = t * RANGES_PER_ACL + r;
      const ipAddressId = idOf(ID_PREFIXES.ipAddress, t, r);
      const doc: IpAddressDoc = { ipAddressId, ipAccessControlListId: aclId, accountId: BENCH_ACCOUNT, friendlyName: `Range ${r}`, ipAddress: `10.${n >> 8}.${n & 255}.0`, cidrPrefixLength: 24, ...stamp };
      yield [keys.ipAddress(BENCH_ACCOUNT, aclId, ipAddressId), doc];
    }
    const doc: TrunkDoc = {
      trunkId, accountId: BENCH_ACCOUNT, friendlyName: `Trunk ${t}`, domainName: domain,
      credentialListIds: [listId], ipAccessControlListIds: [aclId], digestAlgorithms: [], ...stamp,
    };
    yield [keys.trunk(BENCH_ACCOUNT, trunkId), doc];
  }
}

const gc = (global as { gc?: () => void }).gc;
/** Heap used after a full collection (or without one when node runs without --expose-gc). */
async function heapUsed(): Promise<number> {
  await new Promise((r) => setImmediate(r));
  gc?.(); gc?.();
  return process.memoryUsage().heapUsed;
}
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

type LoadFigures = { readyMs: number; heap: number };
type Latencies = { first: number; later: number; hot: number };

/**
 * Starts a worker on `space` and waits until it is ready; its time to ready (ms) and heap growth.
 * Then `use`s it and closes it. Nothing of the worker outlives this call: a RunningWorker, even
 * closed, holds its index, so callers keep only the figures.
 */
async function withWorker<T>(space: BenchNamespace, use: (worker: RunningWorker) => Promise<T>): Promise<LoadFigures & { result: T }> {
  const before = await heapUsed();
  const t0 = performance.now();
  const worker = await startSipAuthWorker({ ...space.env, WORKER_HTTP_PORT: '0' });
  try {
    await until(() => worker.status().ready, 'the worker to be ready');
    const readyMs = performance.now() - t0;
    const heap = (await heapUsed()) - before;
    return { readyMs, heap, result: await use(worker) };
  } finally {
    await worker.close();
  }
}

/** The worker's load figures on the large and the empty read model, LOAD_REPEATS times, and (on the last) its latencies over NATS. */
async function workerPhase(large: BenchNamespace, empty: BenchNamespace, probes: Probe[]) {
  const none = async () => undefined;
  await withWorker(empty, none); // loads the worker's modules, so that no later figure includes them
  const emptyRuns: LoadFigures[] = [];
  const largeRuns: LoadFigures[] = [];
  let overNats: (Latencies & { challenge: string }) | undefined;
  for (let rep = 0; rep < LOAD_REPEATS; rep++) {
    const e = await withWorker(empty, none);
    emptyRuns.push({ readyMs: e.readyMs, heap: e.heap });
    const l = await withWorker(large, async (worker) => {
      const counts = worker.status().counts;
      if (counts.credentials !== CREDENTIALS) throw new Error(`loaded ${JSON.stringify(counts)}`);
      if (rep < LOAD_REPEATS - 1) return undefined;
      const viaWorker: Authorize = (request) => large.request<AuthDecision>(authSubject(large.ns, 'authorize'), request);
      const challenge = await warmTrunks(probes, viaWorker);
      return { challenge, ...(await firstAndLater(probes, challenge, viaWorker)) };
    });
    largeRuns.push({ readyMs: l.readyMs, heap: l.heap });
    overNats = l.result ?? overNats;
  }
  return { emptyRuns, largeRuns, overNats: overNats! };
}

/** The same index built in this process without the worker around it: its heap, what opening every HA1 adds, and the Authorizer's latencies. */
async function inProcessPhase(space: BenchNamespace, probes: Probe[], challenge: string) {
  const realm = space.env.SIPAUTH_REALM;
  const before = await heapUsed();
  const watcher = new ReadModelWatcher(space.nc, space.ns, () => new AuthIndex(realm, SealingKeyring.fromConfig(space.env.SIPAUTH_SEALING_KEYS)));
  watcher.start((err) => console.error(err));
  try {
    await watcher.loaded;
    const afterLoad = await heapUsed();
    const authorizer = new Authorizer({
      index: watcher.index!,
      nonces: new NonceService({ secrets: parseKeyList(space.env.SIPAUTH_NONCE_SECRETS, 'SIPAUTH_NONCE_SECRETS'), ttlSeconds: 300 }),
      replay: new InMemoryReplayGuard(),
      realm,
    });
    const inProcess: Authorize = (request) => {
      const input = validateAuthorize(request);
      if (!input.ok) throw new Error(JSON.stringify(input.details));
      return authorizer.authorize(input.value);
    };
    await warmTrunks(probes, inProcess);
    const latencies = await firstAndLater(probes, challenge, inProcess);
    const opened = openEveryHa1(watcher.index!, probes);
    const afterOpen = await heapUsed();
    return { index: afterLoad - before, opened, openedHeap: afterOpen - afterLoad, latencies };
  } finally {
    await watcher.stop();
  }
}

async function main(): Promise<void> {
  if (!gc) console.log('(node without --expose-gc: heap figures include garbage; npm run bench passes the flag)');
  const large = await openBenchNamespace('bench-index');
  const empty = await openBenchNamespace('bench-index-empty');
  try {
    const t = performance.now();
    const keyring = SealingKeyring.fromConfig(large.env.SIPAUTH_SEALING_KEYS);
    const written = await writeReadModel(large.nc, large.ns, configuration(large.env.SIPAUTH_REALM, keyring), POSITION);
    console.log(`seeded ${written.documents.toLocaleString('en')} documents (${mb(written.bytes)} of JSON) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await writeReadModel(empty.nc, empty.ns, [], POSITION);
    const probes = probeSet();
    const baseline = await heapUsed();

    const { emptyRuns, largeRuns, overNats } = await workerPhase(large, empty, probes);
    const heapOf = (runs: LoadFigures[]) => median(runs.map((r) => r.heap));
    const indexHeap = heapOf(largeRuns) - heapOf(emptyRuns);
    console.log(`\nworker on ${TRUNKS.toLocaleString('en')} trunks, ${CREDENTIALS.toLocaleString('en')} credentials in ${TRUNKS} lists, ${(TRUNKS * RANGES_PER_ACL).toLocaleString('en')} ranges in ${TRUNKS} ACLs; ${LOAD_REPEATS} repeats, medians`);
    console.log(`time to ready: ${(median(largeRuns.map((r) => r.readyMs)) / 1000).toFixed(2)} s (empty read model: ${median(emptyRuns.map((r) => r.readyMs)).toFixed(0)} ms)`);
    console.log(`heap used, worker running − before start: ${mb(heapOf(largeRuns))} (empty read model: ${mb(heapOf(emptyRuns))})`);
    console.log(`index: ${mb(indexHeap)}, ${(indexHeap / CREDENTIALS).toFixed(0)} bytes per credential (everything in the index ÷ credentials; HA1s sealed)`);

    const left = (await heapUsed()) - baseline;
    if (left > 20e6) console.log(`(the closed workers left ${mb(left)} on the heap: the next figure includes it)`);
    const direct = await inProcessPhase(large, probes, overNats.challenge);
    console.log(`index alone, built in this process: ${mb(direct.index)}, ${(direct.index / CREDENTIALS).toFixed(0)} bytes per credential; opening the HA1s of ${direct.opened.toLocaleString('en')} more credentials adds ${(direct.openedHeap / direct.opened).toFixed(0)} bytes each`);

    console.log(`\nauthorize, ACK with valid credentials, ${PROBES} credentials of ${PROBES} trunks, medians (µs)`);
    console.log('                     first use (unseal)   right after   same request repeated');
    const row = (name: string, r: Latencies, digits: number) =>
      console.log(`${name.padEnd(21)}${r.first.toFixed(digits).padStart(18)}  ${r.later.toFixed(digits).padStart(12)}  ${r.hot.toFixed(digits).padStart(22)}`);
    row('over NATS (worker)', overNats, 0);
    row('in process', direct.latencies, 1);
  } finally {
    await empty.close();
    await large.close();
  }
}

type Probe = { t: number; c: number };

/** One credential on each of PROBES trunks spread over the configuration. */
function probeSet(): Probe[] {
  return Array.from({ length: PROBES }, (_, k) => ({ t: Math.floor((k * TRUNKS) / PROBES), c: (k * 37) % CREDENTIALS_PER_LIST }));
}

type Authorize = (request: object) => Promise<AuthDecision>;

/**
 * Sends each probed trunk an INVITE without credentials (its ACL matcher is built on this first use)
 * and returns one of the challenges: ACKs skip the replay rule, so its nonce answers every probe.
 */
async function warmTrunks(probes: Probe[], authorize: Authorize): Promise<string> {
  let challenge = '';
  for (const { t } of probes) {
    const { domain, sourceIp } = trunk(t);
    const d = await authorize({ domain, sourceIp, method: 'INVITE', requestUri: `sip:+15550100@${domain}` });
    if (d.decision !== 'challenge') throw new Error(`trunk ${t}: ${d.reason}`);
    challenge = d.proxyAuthenticate![0];
  }
  return challenge;
}

/**
 * For each probe, the latency of its first authorize and of the one right after (each probe is a
 * credential the caches have not seen lately); then one probe's request repeated HOT_REPEATS times.
 * Medians in µs.
 */
async function firstAndLater(probes: Probe[], challenge: string, authorize: Authorize): Promise<Latencies> {
  const first: number[] = [];
  const later: number[] = [];
  const hot: number[] = [];
  const timed = async (request: object, into: number[]) => {
    const t0 = performance.now();
    const { reason } = await authorize(request);
    into.push((performance.now() - t0) * 1000);
    if (reason !== 'digest-verified') throw new Error(`${JSON.stringify(request)}: ${reason}`);
  };
  let request: object = {};
  for (const { t, c } of probes) {
    const { domain, sourceIp } = trunk(t);
    const { username, password } = user(t, c);
    const uri = `sip:+15550100@${domain}`;
    request = { domain, sourceIp, method: 'ACK', requestUri: uri, authorization: answerChallenge(challenge, { username, password, method: 'ACK', uri }) };
    await timed(request, first);
    await timed(request, later);
  }
  for (let i = 0; i < HOT_REPEATS; i++) await timed(request, hot);
  return { first: median(first), later: median(later), hot: median(hot) };
}

/** Opens the SHA-256 HA1s (all three algorithms are opened together) of every credential; returns how many were still sealed. */
function openEveryHa1(index: AuthIndex, probes: Probe[]): number {
  let opened = 0;
  const probed = new Set(probes.map(({ t, c }) => `${t}/${c}`));
  for (let t = 0; t < TRUNKS; t++) {
    const view = index.trunkByDomain(trunk(t).domain)!;
    for (let c = 0; c < CREDENTIALS_PER_LIST; c++) {
      // An index fed in process has no loader: it keeps every credential and answers at once.
      const [candidate] = index.credentialsFor(view, user(t, c).username, false, 'SHA-256') as CredentialCandidate[];
      if (!candidate?.ha1('SHA-256')) throw new Error(`credential ${t}/${c} did not open`);
      if (!probed.has(`${t}/${c}`)) opened++;
    }
  }
  return opened;
}

main().catch((err) => { console.error(err); process.exit(1); });
